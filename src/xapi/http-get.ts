// HTTP GET as the console needs it from a pool (today: /rrd_updates for the
// Performance tab), independent of how the pool is reached: over the lab
// worker's port ('http-get' messages, port-transport.ts) or over real HTTP
// (fetchHttpGet below, for the Node server or a real pool). Both resolve
// with the status, content type and body the server sent; neither throws
// for an HTTP error status (the caller reads `status`), only for a failure
// to carry the request (TransportError).
import { TransportError, throwIfAborted, type AbortSignalLike } from './transport';
import type { FetchInitLike } from './fetch-transport';

export interface HttpGetAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface HttpGetOptions {
  /** The Accept header to send (omitted: none, so the server decides). */
  readonly accept?: string;
  readonly signal?: AbortSignalLike;
}

/** GET `path` ("/rrd_updates?session_id=…&start=…") from the pool. */
export type HttpGet = (path: string, options?: HttpGetOptions) => Promise<HttpGetAnswer>;

/** The part of a fetch Response this reads. */
interface GetResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** An HttpGet over fetch against `baseUrl` (e.g. "http://127.0.0.1:8080"). */
export function fetchHttpGet(baseUrl: string, fetchFn: (url: string, init?: FetchInitLike) => Promise<GetResponseLike>): HttpGet {
  const base = baseUrl.replace(/\/+$/, '');
  return async (path, options = {}) => {
    throwIfAborted(options.signal);
    try {
      const response = await fetchFn(`${base}${path}`, {
        method: 'GET',
        headers: options.accept === undefined ? {} : { Accept: options.accept },
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      return { status: response.status, contentType: response.headers.get('Content-Type') ?? '', body: await response.text() };
    } catch (e) {
      if (options.signal?.aborted === true) throw new TransportError('request aborted', { aborted: true, cause: e });
      throw new TransportError(`cannot reach ${base}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  };
}
