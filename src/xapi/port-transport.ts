// A Transport over a message port (the lab's Web Worker): each request gets an
// id, its answer comes back as a FromWorker 'rpc' message with the same id.
import type { JsonRpcRequest } from './jsonrpc';
import type { FromWorker, ToWorker } from './lab-protocol';
import { TransportError, throwIfAborted, type SendOptions, type Transport } from './transport';

/** The part of a Worker / MessagePort this needs (declared here: no DOM types in xapi/). */
export interface PortLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

export interface PortTransport extends Transport {
  /** Fail every request in flight (the worker died); later sends go to `port`. */
  failPending(reason: string): void;
  close(): void;
}

export function createPortTransport(port: PortLike): PortTransport {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const onMessage = (event: { readonly data: unknown }) => {
    const msg = event.data as FromWorker;
    if (msg?.kind !== 'rpc') return;
    const waiter = pending.get(msg.id);
    if (waiter === undefined) return;
    pending.delete(msg.id);
    waiter.resolve(msg.response);
  };
  port.addEventListener('message', onMessage);

  return {
    send(request: JsonRpcRequest, options: SendOptions = {}) {
      throwIfAborted(options.signal);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const signal = options.signal;
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
        port.postMessage({ kind: 'rpc', id, request });
      });
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
