// JSON-RPC over HTTP POST (xapi's /jsonrpc endpoint) through an injected
// fetch-like function, so the same code runs in the browser (its fetch),
// in Node (global fetch) and in tests (a fake). Only what is used is declared.
import type { JsonRpcRequest } from './jsonrpc';
import { TransportError, throwIfAborted, type SendOptions, type Transport } from './transport';

export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText?: string;
  text(): Promise<string>;
}

/** The init this transport passes; loose on purpose so the real fetch fits. */
export interface FetchInitLike {
  readonly method?: string;
  readonly headers?: unknown;
  readonly body?: unknown;
  readonly signal?: unknown;
}

/** A fetch-like function (what a fake in a test implements). */
export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

export interface FetchTransportOptions {
  /** Full URL of the endpoint, e.g. "https://pool-master/jsonrpc" or "http://127.0.0.1:8080/jsonrpc". */
  readonly url: string;
  /**
   * The fetch to use: `globalThis.fetch` in the browser and in Node, a fake in
   * tests. Declared as a method so its parameters are compared bivariantly and
   * the platform's fetch (whose init names DOM or undici types) fits without a
   * cast. It is called unbound, as `fetch(url, init)`.
   */
  fetch(url: string, init?: FetchInitLike): Promise<FetchResponseLike>;
  readonly headers?: Readonly<Record<string, string>>;
}

export class FetchTransport implements Transport {
  private readonly url: string;
  private readonly fetchFn: FetchLike;
  private readonly headers: Readonly<Record<string, string>>;

  constructor(options: FetchTransportOptions) {
    this.url = options.url;
    const fetchFn: FetchLike = options.fetch; // unbound on purpose: the browser's fetch must not get `options` as `this`
    this.fetchFn = fetchFn;
    this.headers = { 'Content-Type': 'application/json', ...options.headers };
  }

  async send(request: JsonRpcRequest, options: SendOptions = {}): Promise<unknown> {
    const { signal } = options;
    throwIfAborted(signal);
    let response: FetchResponseLike;
    try {
      response = await this.fetchFn(this.url, {
        method: 'POST',
        headers: this.headers,
        body: JSON.stringify(request),
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (e) {
      if (signal?.aborted === true) throw new TransportError('request aborted', { aborted: true, cause: e });
      throw new TransportError(`cannot reach ${this.url}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      if (signal?.aborted === true) throw new TransportError('request aborted', { aborted: true, cause: e });
      throw new TransportError(`reading the answer of ${this.url} failed`, { cause: e });
    }
    if (!response.ok) {
      const detail = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
      throw new TransportError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${detail ? `: ${detail}` : ''}`, {
        status: response.status,
      });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new TransportError(`the answer of ${this.url} is not JSON`, { status: response.status, cause: e });
    }
  }
}
