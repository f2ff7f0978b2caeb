// A XenAPI client over any Transport: login, calls with the session ref
// prepended, and Async.* calls followed to the end of their task.
import { XenApiError } from './errors';
import { makeRequest, parseResponse, type JsonRpcVersion } from './jsonrpc';
import type { Ref } from './refs';
import { throwIfAborted, type AbortSignalLike, type SendOptions, type Transport } from './transport';
import type { Delay } from './delay';
import { decodeTaskResult } from './xmlrpc-value';

export interface XenApiClientOptions {
  readonly transport: Transport;
  /** Envelope version to send; default '2.0'. */
  readonly version?: JsonRpcVersion;
  /** How to wait between task polls; injected: the contract reads no timer of its own. */
  readonly delay: Delay;
  /** Seconds each event.from may block while following a task; default 30. */
  readonly eventTimeout?: number;
  /** Milliseconds between task.get_record polls when events are not used; default 500. */
  readonly pollInterval?: number;
  /** Follow tasks with event.from ('events', the default; falls back to polling) or always poll. */
  readonly taskFollowing?: 'events' | 'poll';
  /** Originator given to session.login_with_password; default 'XenLab'. */
  readonly originator?: string;
}

/** The task fields the client reads (a subset of RecordOf<'task'>). */
export interface TaskState {
  readonly status: string;
  readonly progress: number;
  readonly result: string;
  readonly error_info: readonly string[];
}

export interface WaitForTaskOptions {
  readonly signal?: AbortSignalLike;
  /** Called with each new state of the task while it runs. */
  readonly onProgress?: (progress: number, task: TaskState) => void;
  /** Destroy the task once it has ended (default true, as XenCenter does). */
  readonly destroy?: boolean;
}

interface EventFromResult {
  readonly events: readonly { readonly class: string; readonly operation: string; readonly ref: string; readonly snapshot?: unknown }[];
  readonly token: string;
}

const FINAL = new Set(['success', 'failure', 'cancelled']);

function asTaskState(value: unknown): TaskState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (typeof r['status'] !== 'string') return undefined;
  return {
    status: r['status'],
    progress: typeof r['progress'] === 'number' ? r['progress'] : 0,
    result: typeof r['result'] === 'string' ? r['result'] : '',
    error_info: Array.isArray(r['error_info']) ? r['error_info'].map(String) : [],
  };
}

function isCode(e: unknown, code: string): boolean {
  return e instanceof XenApiError && e.code === code;
}

export class XenApiClient {
  private readonly transport: Transport;
  private readonly version: JsonRpcVersion;
  private readonly delay: Delay;
  private readonly eventTimeout: number;
  private readonly pollInterval: number;
  private taskFollowing: 'events' | 'poll';
  private readonly originator: string;
  private session: Ref | undefined;
  private nextId = 1;

  constructor(options: XenApiClientOptions) {
    this.transport = options.transport;
    this.version = options.version ?? '2.0';
    this.delay = options.delay;
    this.eventTimeout = options.eventTimeout ?? 30;
    this.pollInterval = options.pollInterval ?? 500;
    this.taskFollowing = options.taskFollowing ?? 'events';
    this.originator = options.originator ?? 'XenLab';
  }

  /** The session ref after login, else undefined. */
  get sessionRef(): Ref | undefined {
    return this.session;
  }

  /** Use a session obtained elsewhere (e.g. restored after a reload). */
  useSession(session: Ref | undefined): void {
    this.session = session;
  }

  /**
   * One raw call: no session prepended. Resolves with the result, rejects with
   * XenApiError for an error response, TransportError for a transport failure,
   * JsonRpcFormatError for a malformed answer. The type parameter is not checked.
   */
  async request<T = unknown>(method: string, params: readonly unknown[], options: SendOptions = {}): Promise<T> {
    throwIfAborted(options.signal);
    const request = makeRequest(method, params, this.nextId++, this.version);
    const body = await this.transport.send(request, options);
    const outcome = parseResponse(body);
    if (!outcome.ok) throw outcome.error;
    return outcome.result as T;
  }

  /** session.login_with_password; keeps and returns the session ref. */
  async login(user: string, password: string, version = '1.0', originator = this.originator): Promise<Ref> {
    const ref = await this.request<Ref>('session.login_with_password', [user, password, version, originator]);
    this.session = ref;
    return ref;
  }

  /** session.logout; forgets the session even if the server has already dropped it. */
  async logout(): Promise<void> {
    const session = this.session;
    if (session === undefined) return;
    this.session = undefined;
    try {
      await this.request('session.logout', [session]);
    } catch (e) {
      if (!isCode(e, 'SESSION_INVALID')) throw e;
    }
  }

  private requireSession(): Ref {
    if (this.session === undefined) throw new Error('XenApiClient: not logged in');
    return this.session;
  }

  /** `method(session, ...args)`. */
  async call<T = unknown>(method: string, ...args: readonly unknown[]): Promise<T> {
    return this.callWith<T>({}, method, ...args);
  }

  /** `call` with send options (an abort signal). */
  async callWith<T = unknown>(options: SendOptions, method: string, ...args: readonly unknown[]): Promise<T> {
    return this.request<T>(method, [this.requireSession(), ...args], options);
  }

  /** `Async.<method>(session, ...args)`: the ref of the task that runs the call. */
  async startAsync(method: string, ...args: readonly unknown[]): Promise<Ref> {
    return this.call<Ref>(`Async.${method}`, ...args);
  }

  /** Run `method` as a task and wait for its end: its decoded result, or its XenApiError. */
  async callAsync<T = unknown>(method: string, ...args: readonly unknown[]): Promise<T> {
    const task = await this.startAsync(method, ...args);
    return this.waitForTask<T>(task);
  }

  /** Follow a task to its end, then (by default) destroy it. */
  async waitForTask<T = unknown>(task: Ref, options: WaitForTaskOptions = {}): Promise<T> {
    try {
      const state = this.taskFollowing === 'events' ? await this.followWithEvents(task, options) : await this.followByPolling(task, options);
      return this.outcome(task, state) as T;
    } finally {
      if (options.destroy ?? true) {
        try {
          await this.call('task.destroy', task);
        } catch {
          // already gone, or the session ended: nothing to clean up
        }
      }
    }
  }

  private outcome(task: Ref, state: TaskState): unknown {
    if (state.status === 'success') return decodeTaskResult(state.result);
    if (state.error_info.length > 0) throw XenApiError.fromArray(state.error_info);
    if (state.status === 'cancelled') throw new XenApiError('TASK_CANCELLED', [task]);
    throw new XenApiError('INTERNAL_ERROR', [`task ${task} failed without error_info`]);
  }

  private async followWithEvents(task: Ref, options: WaitForTaskOptions): Promise<TaskState> {
    const { signal, onProgress } = options;
    let token = '';
    let lastProgress = -1;
    for (;;) {
      throwIfAborted(signal);
      let res: EventFromResult;
      try {
        res = await this.callWith<EventFromResult>(signal === undefined ? {} : { signal }, 'event.from', ['task'], token, token === '' ? 0 : this.eventTimeout);
      } catch (e) {
        if (isCode(e, 'MESSAGE_METHOD_UNKNOWN')) {
          this.taskFollowing = 'poll';
          return this.followByPolling(task, options);
        }
        if (isCode(e, 'EVENTS_LOST')) {
          token = '';
          continue;
        }
        throw e;
      }
      const first = token === '';
      token = res.token;
      let seen = false;
      for (const ev of res.events) {
        if (ev.ref !== task || ev.class.toLowerCase() !== 'task') continue;
        if (ev.operation === 'del') throw new XenApiError('HANDLE_INVALID', ['task', task]);
        const state = asTaskState(ev.snapshot);
        if (state === undefined) continue;
        seen = true;
        if (onProgress !== undefined && state.progress !== lastProgress) {
          lastProgress = state.progress;
          onProgress(state.progress, state);
        }
        if (FINAL.has(state.status)) return state;
      }
      if (first && !seen) {
        // A server that does not replay every object for the empty token: look once.
        const state = asTaskState(await this.callWith(signal === undefined ? {} : { signal }, 'task.get_record', task));
        if (state !== undefined && FINAL.has(state.status)) return state;
      }
    }
  }

  private async followByPolling(task: Ref, options: WaitForTaskOptions): Promise<TaskState> {
    const { signal, onProgress } = options;
    let lastProgress = -1;
    for (;;) {
      throwIfAborted(signal);
      const state = asTaskState(await this.callWith(signal === undefined ? {} : { signal }, 'task.get_record', task));
      if (state === undefined) throw new XenApiError('INTERNAL_ERROR', [`task.get_record ${task}: not a task record`]);
      if (onProgress !== undefined && state.progress !== lastProgress) {
        lastProgress = state.progress;
        onProgress(state.progress, state);
      }
      if (FINAL.has(state.status)) return state;
      await this.delay(this.pollInterval, signal);
    }
  }
}
