// The console's connection to its pool: the lab worker, a XenAPI client over
// postMessage, and the event loop that keeps the object cache current. The
// UI is a XenAPI client like any other; only this file knows the pool runs in
// a worker. A crashed worker is restarted from its last save.
import { XenApiClient } from '../../xapi/client';
import { watchEvents } from '../../xapi/event-loop';
import type { FromWorker, LabAction, ToWorker } from '../../xapi/lab-protocol';
import { createPortTransport, type PortTransport } from '../../xapi/port-transport';
import type { HttpGetAnswer, HttpGetOptions } from '../../xapi/http-get';
import type { HttpBinaryAnswer } from '../../xapi/xva/xva-client';
import { fetchRrdUpdates, type RrdUpdatesData, type RrdUpdatesRequest } from '../../xapi/rrd-updates-client';
import type { AbortSignalLike } from '../../xapi/transport';
import { ObjectCache } from '../cache/object-cache';
import { browserDelay } from './browser-delay';
import { useLabStatus } from './lab-status';

export const LAB_USER = 'root';
export const LAB_PASSWORD = 'xenlab';

export interface LabOptions {
  /** Which world a fresh lab starts with ('default' | 'large'). */
  readonly world?: string;
  /** Initial clock speed of a fresh lab. */
  readonly speed?: number;
}

export class LabConnection {
  readonly cache = new ObjectCache();
  client: XenApiClient;
  private worker: Worker | undefined;
  private transport: PortTransport | undefined;
  private watch: AbortController | undefined;
  private storedWaiters: ((raw: string) => void)[] = [];

  constructor(private readonly options: LabOptions = {}) {
    this.client = this.start();
  }

  /** Ask the worker to do something with the lab (reset, start afresh, save). */
  send(action: LabAction): void {
    this.post({ kind: 'lab', action });
  }

  /** The stored record as text (for "download the stored data"). */
  fetchStored(): Promise<string> {
    return new Promise((resolve) => {
      this.storedWaiters.push(resolve);
      this.send('get-stored');
    });
  }

  /** GET a path from the pool's HTTP side (what a real pool serves over HTTP). */
  httpGet(path: string, options?: HttpGetOptions): Promise<HttpGetAnswer> {
    if (this.transport === undefined) return Promise.reject(new Error('XenLab: no connection to the pool'));
    return this.transport.httpGet(path, options);
  }

  /** GET or PUT binary bodies to the pool's HTTP side (XVA export and import, see src/xapi/xva/xva-client.ts). */
  httpBinary(method: 'GET' | 'PUT', path: string, body?: Uint8Array): Promise<HttpBinaryAnswer> {
    if (this.transport === undefined) return Promise.reject(new Error('XenLab: no connection to the pool'));
    return this.transport.httpBinary(method, path, body);
  }

  /**
   * The pool's RRD updates (GET /rrd_updates) for the Performance tab, with
   * this connection's session; rows oldest first. See src/xapi/rrd-updates-client.ts.
   */
  fetchRrdUpdates(request: RrdUpdatesRequest, options: { readonly signal?: AbortSignalLike } = {}): Promise<RrdUpdatesData> {
    const session = this.client.sessionRef;
    if (session === undefined) return Promise.reject(new Error('XenLab: not logged in to the pool yet'));
    return fetchRrdUpdates((path, o) => this.httpGet(path, o), session, request, options);
  }

  dispose(): void {
    this.watch?.abort();
    this.transport?.close();
    this.worker?.terminate();
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private start(): XenApiClient {
    // Written out in full so the bundler finds and builds the worker.
    const worker = new Worker(new URL('../../worker/lab.worker.ts', import.meta.url), { type: 'module', name: 'xenlab-pool' });
    this.worker = worker;
    const transport = createPortTransport(worker as never);
    this.transport = transport;
    const client = new XenApiClient({ transport, originator: 'XenLab console', delay: browserDelay });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.onMessage(event.data));
    worker.addEventListener('error', (event) => this.onCrash(event.message || 'the simulated pool stopped unexpectedly'));
    this.client = client;
    worker.postMessage({ kind: 'init', world: this.options.world ?? 'default', speed: this.options.speed ?? 1 } satisfies ToWorker);
    return client;
  }

  private onMessage(message: FromWorker): void {
    switch (message.kind) {
      case 'status':
        useLabStatus.setState({ lab: message.status });
        if (message.status.state === 'ready') void this.connect();
        return;
      case 'saved':
        useLabStatus.setState({ savedAt: message.virtualTime, saveError: undefined });
        return;
      case 'save-failed':
        useLabStatus.setState({ saveError: message.reason });
        return;
      case 'stored': {
        const waiters = this.storedWaiters;
        this.storedWaiters = [];
        for (const w of waiters) w(message.raw);
        return;
      }
      case 'rpc':
      case 'http-get':
      case 'http-binary':
        return; // answered through the transport
    }
  }

  /** Log in and (re)start the event loop feeding the cache. */
  private async connect(): Promise<void> {
    this.watch?.abort();
    const watch = new AbortController();
    this.watch = watch;
    this.cache.clear();
    try {
      await this.client.login(LAB_USER, LAB_PASSWORD);
      await watchEvents(this.client, ['*'], (batch) => this.cache.enqueue(batch), { signal: watch.signal, timeout: 30, delay: browserDelay });
    } catch (e) {
      if (watch.signal.aborted) return;
      // SESSION_INVALID after a reset: log in again and reload everything.
      setTimeout(() => void this.connect(), 500);
      console.warn('XenLab: event loop restarted:', e);
    }
  }

  private onCrash(reason: string): void {
    this.watch?.abort();
    this.transport?.failPending(`the simulated pool crashed: ${reason}`);
    this.worker?.terminate();
    useLabStatus.setState((s) => ({ lab: { state: 'crashed', reason }, restarts: s.restarts + 1 }));
    // Restart from the last save; the worker reports 'ready' (or 'corrupt') as it comes up.
    this.start();
  }
}
