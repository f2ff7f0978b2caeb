// Messages between the console and the pool it runs in a Web Worker. XenAPI
// itself travels as the same JSON-RPC envelopes the HTTP server carries
// ('rpc'); the rest is the lab's housekeeping: loading and saving the world,
// recovering from a corrupt save, resetting; and 'http-get', what a real pool
// serves over HTTP GET (/rrd_updates), answered with the status, content type
// and body the Node server sends, so one parser serves both (see http-get.ts);
// and 'http-binary', the pool's binary HTTP handlers (GET /export, PUT /import
// of XVAs), whose bodies travel as transferred ArrayBuffers (not copied, not
// JSON) and are answered by the same engine code as the Node server's.
import type { JsonRpcRequest } from './jsonrpc';

/** 2: 'http-get' messages. 3: 'http-binary' messages. */
export const LAB_PROTOCOL_VERSION = 3;

export type LabAction =
  /** Throw the current world away and start the default one (confirmed in the UI). */
  | 'reset'
  /** After a corrupt save: start the default world (the bad record is overwritten). */
  | 'start-fresh'
  /** Send the stored record as text (to download it). */
  | 'get-stored'
  /** Save now (e.g. the page is being hidden). */
  | 'save-now';

export type ToWorker =
  /** First message: which world a fresh lab starts with, and its clock speed. */
  | { readonly kind: 'init'; readonly world: string; readonly speed: number }
  | { readonly kind: 'rpc'; readonly id: number; readonly request: JsonRpcRequest }
  | { readonly kind: 'lab'; readonly action: LabAction }
  | HttpGetRequest
  | HttpBinaryRequest;

/** GET `path` (with its query) as the pool's HTTP server would answer it. */
export interface HttpGetRequest {
  readonly kind: 'http-get';
  readonly id: number;
  /** Path and query, e.g. "/rrd_updates?session_id=OpaqueRef:…&start=…&host=true&json=true". */
  readonly path: string;
  /** An Accept header, if the caller negotiates the format as a browser would. */
  readonly accept?: string;
}

export interface HttpGetReply {
  readonly kind: 'http-get';
  readonly id: number;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * A binary HTTP request as the pool's HTTP server would answer it: today
 * GET /export and PUT /import (XVAs). `body` (PUT) is transferred to the worker.
 */
export interface HttpBinaryRequest {
  readonly kind: 'http-binary';
  readonly id: number;
  readonly method: 'GET' | 'PUT';
  /** Path and query, e.g. "/export?session_id=OpaqueRef:…&ref=OpaqueRef:…&task_id=…". */
  readonly path: string;
  readonly body?: ArrayBuffer;
}

/** The answer: status, headers and body as the Node server sends them; `body` is transferred back. */
export interface HttpBinaryReply {
  readonly kind: 'http-binary';
  readonly id: number;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ArrayBuffer;
}

export type LabState =
  /** Reading the saved world. */
  | { readonly state: 'loading' }
  /** Serving XenAPI; `origin` says where the world came from. */
  | { readonly state: 'ready'; readonly origin: 'restored' | 'fresh'; readonly virtualTime: number }
  /** The saved world cannot be used; waiting for 'start-fresh' (or 'get-stored'). */
  | { readonly state: 'corrupt'; readonly reason: string };

export type FromWorker =
  | { readonly kind: 'rpc'; readonly id: number; readonly response: unknown }
  | { readonly kind: 'status'; readonly version: number; readonly status: LabState }
  | { readonly kind: 'stored'; readonly raw: string }
  | { readonly kind: 'saved'; readonly virtualTime: number }
  | { readonly kind: 'save-failed'; readonly reason: string }
  | HttpGetReply
  | HttpBinaryReply;
