// A tiny in-memory XenAPI server and a Transport to it, for testing the
// client and the event loop without the engine. It speaks the real envelope
// (parseRequest → handler → formatSuccess/formatError, through JSON text) and
// can be told to fail: transport errors, missing methods, lost events.
import { canonicalClassName } from '../datamodel/classes';
import { XenApiError } from '../errors';
import { formatError, formatSuccess, formatRequestError, parseRequest, type JsonRpcRequest } from '../jsonrpc';
import { TransportError, type SendOptions, type Transport } from '../transport';

type Row = Record<string, unknown>;
interface LogEntry {
  readonly gen: number;
  readonly cls: string;
  readonly ref: string;
  readonly op: 'add' | 'mod' | 'del';
  readonly snapshot: Row;
}

export class FakeXapi {
  readonly user = 'root';
  readonly password = 'secret';
  /** Methods the server pretends not to have (→ MESSAGE_METHOD_UNKNOWN). */
  readonly missing = new Set<string>();
  /** Every call received: method and params (session included). */
  readonly calls: { method: string; params: readonly unknown[] }[] = [];
  /** Called when an Async.* call has created its task (to finish it, or not). */
  onAsync: (task: string, method: string, args: readonly unknown[]) => void = () => {};

  private readonly sessions = new Set<string>();
  private readonly tables = new Map<string, Map<string, Row>>();
  private readonly log: LogEntry[] = [];
  private gen = 0;
  private oldestValidToken = 0;
  private waiters: (() => void)[] = [];
  private counter = 0;

  private newRef(): string {
    this.counter++;
    return `OpaqueRef:fake-${this.counter}`;
  }

  private table(cls: string): Map<string, Row> {
    let t = this.tables.get(cls);
    if (t === undefined) {
      t = new Map();
      this.tables.set(cls, t);
    }
    return t;
  }

  private record(cls: string, ref: string, op: LogEntry['op'], snapshot: Row): void {
    this.gen++;
    this.log.push({ gen: this.gen, cls, ref, op, snapshot });
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  create(cls: string, fields: Row): string {
    const ref = this.newRef();
    const row = { uuid: `uuid-${this.counter}`, ...fields };
    this.table(cls).set(ref, row);
    this.record(cls, ref, 'add', row);
    return ref;
  }

  update(cls: string, ref: string, patch: Row): void {
    const t = this.table(cls);
    const old = t.get(ref);
    if (old === undefined) throw new Error(`fake: no ${cls} ${ref}`);
    const row = { ...old, ...patch };
    t.set(ref, row);
    this.record(cls, ref, 'mod', row);
  }

  destroy(cls: string, ref: string): void {
    const t = this.table(cls);
    const old = t.get(ref);
    if (old === undefined) return;
    t.delete(ref);
    this.record(cls, ref, 'del', old);
  }

  get(cls: string, ref: string): Row | undefined {
    return this.tables.get(cls)?.get(ref);
  }

  /** Forget the event history: every token handed out so far gets EVENTS_LOST. */
  loseEvents(): void {
    this.gen++;
    this.oldestValidToken = this.gen;
    this.log.length = 0;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  async handle(method: string, params: readonly unknown[], signal?: SendOptions['signal']): Promise<unknown> {
    this.calls.push({ method, params });
    if (this.missing.has(method)) throw new XenApiError('MESSAGE_METHOD_UNKNOWN', [method]);
    if (method === 'session.login_with_password') {
      const [user, password] = params;
      if (user !== this.user || password !== this.password) {
        throw new XenApiError('SESSION_AUTHENTICATION_FAILED', [String(user), 'Authentication failure']);
      }
      const ref = this.newRef();
      this.sessions.add(ref);
      return ref;
    }
    const [session, ...args] = params;
    if (typeof session !== 'string' || !this.sessions.has(session)) throw new XenApiError('SESSION_INVALID', [String(session)]);
    if (method === 'session.logout') {
      this.sessions.delete(session);
      return undefined;
    }
    if (method === 'event.from') return this.eventFrom(args[0] as string[], args[1] as string, args[2] as number, session, signal);
    if (method === 'event.inject') {
      const [cls, ref] = args as [string, string];
      const c = canonicalClassName(cls) ?? cls;
      const row = this.get(c, ref);
      if (row === undefined) throw new XenApiError('HANDLE_INVALID', [cls, ref]);
      this.record(c, ref, 'mod', row);
      return String(this.gen);
    }
    if (method.startsWith('Async.')) {
      const task = this.create('task', { status: 'pending', progress: 0, result: '', error_info: [], name_label: method });
      this.onAsync(task, method.slice('Async.'.length), args);
      return task;
    }
    const dot = method.lastIndexOf('.');
    const cls = canonicalClassName(method.slice(0, dot)) ?? method.slice(0, dot);
    const op = method.slice(dot + 1);
    const table = this.tables.get(cls);
    if (op === 'get_all') return [...(table?.keys() ?? [])];
    if (op === 'get_all_records') return Object.fromEntries(table ?? []);
    const ref = args[0];
    if (typeof ref === 'string' && (op === 'get_record' || op === 'destroy' || op.startsWith('get_'))) {
      const row = table?.get(ref);
      if (row === undefined) throw new XenApiError('HANDLE_INVALID', [cls, ref]);
      if (op === 'get_record') return row;
      if (op === 'destroy') {
        this.destroy(cls, ref);
        return undefined;
      }
      const field = op.slice('get_'.length);
      if (field in row) return row[field];
    }
    throw new XenApiError('MESSAGE_METHOD_UNKNOWN', [method]);
  }

  private async eventFrom(classes: string[], token: string, timeout: number, session: string, signal?: SendOptions['signal']): Promise<unknown> {
    const all = classes.includes('*');
    const wanted = new Set(classes.map((c) => c.toLowerCase()));
    const want = (cls: string): boolean => all || wanted.has(cls.toLowerCase());
    const counts = (): Record<string, number> =>
      Object.fromEntries([...this.tables].filter(([c]) => want(c)).map(([c, t]) => [c.toLowerCase(), t.size]));
    if (token === '') {
      const events = [...this.tables]
        .filter(([c]) => want(c))
        .flatMap(([c, t]) => [...t].map(([ref, snapshot]) => ({ id: this.gen, class: c.toLowerCase(), operation: 'add', ref, snapshot })));
      return { events, valid_ref_counts: counts(), token: String(this.gen) };
    }
    const since = Number(token);
    if (!Number.isInteger(since)) throw new XenApiError('EVENT_FROM_TOKEN_PARSE_FAILURE', [token]);
    for (;;) {
      if (since < this.oldestValidToken) throw new XenApiError('EVENTS_LOST');
      const merged = new Map<string, LogEntry & { firstOp: LogEntry['op'] }>();
      for (const e of this.log) {
        if (e.gen <= since || !want(e.cls)) continue;
        const key = `${e.cls}/${e.ref}`;
        const prev = merged.get(key);
        merged.set(key, { ...e, firstOp: prev?.firstOp ?? e.op });
      }
      const events = [...merged.values()].map((e) => ({
        id: e.gen,
        class: e.cls.toLowerCase(),
        operation: e.firstOp === 'add' && e.op === 'mod' ? 'add' : e.op,
        ref: e.ref,
        snapshot: e.snapshot,
      }));
      if (events.length > 0 || timeout <= 0) return { events, valid_ref_counts: counts(), token: String(this.gen) };
      await new Promise<void>((resolve, reject) => {
        this.waiters.push(resolve);
        signal?.addEventListener('abort', () => reject(new TransportError('request aborted', { aborted: true })));
      });
      if (!this.sessions.has(session)) throw new XenApiError('SESSION_INVALID', [session]);
    }
  }
}

export interface FakeTransport extends Transport {
  readonly requests: JsonRpcRequest[];
  /** Make the next `count` sends fail with a TransportError (optionally only for one method). */
  failNext(count: number, method?: string): void;
}

/** A Transport to a FakeXapi, through JSON text as on the wire. */
export function fakeTransport(server: FakeXapi): FakeTransport {
  const requests: JsonRpcRequest[] = [];
  let failures: { count: number; method: string | undefined } = { count: 0, method: undefined };
  return {
    requests,
    failNext(count, method) {
      failures = { count, method };
    },
    async send(request, options = {}) {
      requests.push(request);
      if (failures.count > 0 && (failures.method === undefined || failures.method === request.method)) {
        failures.count--;
        throw new TransportError('connection refused (fake)');
      }
      const parsed = parseRequest(JSON.stringify(request));
      if (!parsed.ok) return JSON.parse(JSON.stringify(formatRequestError(parsed.error))) as unknown;
      let response;
      try {
        response = formatSuccess(parsed.request, await server.handle(parsed.request.method, parsed.request.params, options.signal));
      } catch (e) {
        if (e instanceof TransportError) throw e;
        const err = e instanceof XenApiError ? e : new XenApiError('INTERNAL_ERROR', [String(e)]);
        response = formatError(parsed.request, err);
      }
      return JSON.parse(JSON.stringify(response)) as unknown;
    },
  };
}
