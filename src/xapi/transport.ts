// How the client reaches a pool. A Transport carries one JSON-RPC request
// (an object, see jsonrpc.ts) and resolves with the response envelope as
// received, JSON-decoded but not yet interpreted: the client reads it with
// parseResponse, so every transport gets the same v1/v2 and error handling.
// Implementations: fetch-transport.ts (HTTP POST to /jsonrpc, for the UI
// against a real pool or the Node server), and the worker's postMessage
// transport. A transport rejects only for transport failures (network down,
// HTTP 500, aborted); XenAPI errors arrive as ordinary response envelopes.
import type { JsonRpcRequest } from './jsonrpc';

/**
 * The part of AbortSignal a transport needs, declared here because the
 * contract layer compiles without DOM or Node types. Both the browser's and
 * Node's AbortSignal satisfy it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface SendOptions {
  /** Abort the request (e.g. a long-polling event.from when the view closes). */
  readonly signal?: AbortSignalLike;
}

export interface Transport {
  send(request: JsonRpcRequest, options?: SendOptions): Promise<unknown>;
}

/** A failure to carry a request: no connection, an HTTP error, an abort. */
export class TransportError extends Error {
  /** HTTP status, when the failure was an HTTP answer. */
  readonly status: number | undefined;
  /** Whether the request was aborted through its signal. */
  readonly aborted: boolean;

  constructor(message: string, options: { status?: number; aborted?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TransportError';
    this.status = options.status;
    this.aborted = options.aborted ?? false;
  }
}

export function isTransportError(e: unknown): e is TransportError {
  return e instanceof TransportError;
}

/** Reject with an aborted TransportError if the signal is already aborted. */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted === true) throw new TransportError('request aborted', { aborted: true, cause: signal.reason });
}
