// A Transport over a message port (the lab's Web Worker): each request gets an
// id, its answer comes back as a FromWorker 'rpc' message with the same id.
// The same port carries HTTP GETs ('http-get', see http-get.ts), numbered
// from the same counter.
import type { HttpGet } from './http-get';
import type { JsonRpcRequest } from './jsonrpc';
import type { FromWorker, ToWorker } from './lab-protocol';
import { TransportError, throwIfAborted, type AbortSignalLike, type SendOptions, type Transport } from './transport';

/** The part of a Worker / MessagePort this needs (declared here: no DOM types in xapi/). */
export interface PortLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

export interface PortTransport extends Transport {
  /** GET a path from the pool's HTTP side (e.g. /rrd_updates). */
  readonly httpGet: HttpGet;
  /** Fail every request in flight (the worker died); later sends go to `port`. */
  failPending(reason: string): void;
  close(): void;
}

type Answer = Extract<FromWorker, { kind: 'rpc' | 'http-get' }>;

export function createPortTransport(port: PortLike): PortTransport {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: Answer) => void; reject: (e: unknown) => void }>();
  const onMessage = (event: { readonly data: unknown }) => {
    const msg = event.data as FromWorker;
    if (msg?.kind !== 'rpc' && msg?.kind !== 'http-get') return;
    const waiter = pending.get(msg.id);
    if (waiter === undefined) return;
    pending.delete(msg.id);
    waiter.resolve(msg);
  };
  port.addEventListener('message', onMessage);

  /** Post what `make(id)` builds and resolve with the answer of the same id. */
  const exchange = (make: (id: number) => ToWorker, signal: AbortSignalLike | undefined): Promise<Answer> => {
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
      port.postMessage(make(id));
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
