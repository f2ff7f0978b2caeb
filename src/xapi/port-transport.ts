// A Transport over a message port (the lab's Web Worker): each request gets an
// id, its answer comes back as a FromWorker 'rpc' message with the same id.
// The same port carries HTTP GETs ('http-get', see http-get.ts) and binary
// HTTP ('http-binary': XVA export/import, bodies transferred, not copied),
// numbered from the same counter.
import type { HttpGet } from './http-get';
import type { HttpBinary } from './xva/xva-client';
import type { JsonRpcRequest } from './jsonrpc';
import type { FromWorker, ToWorker } from './lab-protocol';
import { TransportError, throwIfAborted, type AbortSignalLike, type SendOptions, type Transport } from './transport';

/** The part of a Worker / MessagePort this needs (declared here: no DOM types in xapi/). */
export interface PortLike {
  /** `transfer`: buffers moved, not copied, with the message (as Worker.postMessage's options.transfer). */
  postMessage(message: ToWorker, options?: { transfer: ArrayBuffer[] }): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

export interface PortTransport extends Transport {
  /** GET a path from the pool's HTTP side (e.g. /rrd_updates). */
  readonly httpGet: HttpGet;
  /** GET or PUT binary bodies to the pool's HTTP side (GET /export, PUT /import). */
  readonly httpBinary: HttpBinary;
  /** Fail every request in flight (the worker died); later sends go to `port`. */
  failPending(reason: string): void;
  close(): void;
}

type Answer = Extract<FromWorker, { kind: 'rpc' | 'http-get' | 'http-binary' }>;

export function createPortTransport(port: PortLike): PortTransport {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: Answer) => void; reject: (e: unknown) => void }>();
  const onMessage = (event: { readonly data: unknown }) => {
    const msg = event.data as FromWorker;
    if (msg?.kind !== 'rpc' && msg?.kind !== 'http-get' && msg?.kind !== 'http-binary') return;
    const waiter = pending.get(msg.id);
    if (waiter === undefined) return;
    pending.delete(msg.id);
    waiter.resolve(msg);
  };
  port.addEventListener('message', onMessage);

  /** Post what `make(id)` builds and resolve with the answer of the same id. */
  const exchange = (make: (id: number) => ToWorker, signal: AbortSignalLike | undefined, transfer: ArrayBuffer[] = []): Promise<Answer> => {
    throwIfAborted(signal);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        pending.delete(id);
        reject(new TransportError('request aborted', { aborted: true, cause: signal?.reason }));
      };
      pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(v);
        },
        reject,
      });
      signal?.addEventListener('abort', onAbort);
      if (transfer.length === 0) port.postMessage(make(id));
      else port.postMessage(make(id), { transfer });
    });
  };

  return {
    async send(request: JsonRpcRequest, options: SendOptions = {}) {
      const answer = await exchange((id) => ({ kind: 'rpc', id, request }), options.signal);
      return answer.kind === 'rpc' ? answer.response : undefined;
    },
    httpGet: async (path, options = {}) => {
      const message = (id: number): ToWorker =>
        options.accept === undefined ? { kind: 'http-get', id, path } : { kind: 'http-get', id, path, accept: options.accept };
      const answer = await exchange(message, options.signal);
      if (answer.kind !== 'http-get') throw new TransportError('the worker answered an HTTP GET with something else');
      return { status: answer.status, contentType: answer.contentType, body: answer.body };
    },
    httpBinary: async (method, path, body) => {
      // The body's bytes are copied into a buffer of their own, which is then moved to the worker.
      const buffer = body === undefined ? undefined : body.slice().buffer;
      const message = (id: number): ToWorker => (buffer === undefined ? { kind: 'http-binary', id, method, path } : { kind: 'http-binary', id, method, path, body: buffer });
      const answer = await exchange(message, undefined, buffer === undefined ? [] : [buffer]);
      if (answer.kind !== 'http-binary') throw new TransportError('the worker answered a binary HTTP request with something else');
      return { status: answer.status, headers: answer.headers, body: new Uint8Array(answer.body) };
    },
    failPending(reason) {
      const waiters = [...pending.values()];
      pending.clear();
      for (const w of waiters) w.reject(new TransportError(reason));
    },
    close() {
      port.removeEventListener('message', onMessage);
      this.failPending('transport closed');
    },
  };
}
