// Messages between the console and the pool it runs in a Web Worker. XenAPI
// itself travels as the same JSON-RPC envelopes the HTTP server carries
// ('rpc'); the rest is the lab's housekeeping: loading and saving the world,
// recovering from a corrupt save, resetting.
import type { JsonRpcRequest } from './jsonrpc';

export const LAB_PROTOCOL_VERSION = 1;

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
  | { readonly kind: 'lab'; readonly action: LabAction };

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
  | { readonly kind: 'save-failed'; readonly reason: string };
