// One XenAPI JSON-RPC exchange against an engine: the envelope (v1.0 or v2.0)
// in, the envelope out. Both hosts use it — the Node server over HTTP and the
// browser worker over postMessage — so they answer every request alike.
import { formatError, formatRequestError, formatSuccess, parseRequest, type JsonRpcResponse } from '../../xapi/jsonrpc';
import { XenApiError, isXenApiError } from '../../xapi/errors';
import type { Engine } from '../engine';

/** Answer a request given as text or as a decoded object; never rejects. */
export async function answerJsonRpc(engine: Engine, input: unknown): Promise<JsonRpcResponse> {
  const parsed = parseRequest(input);
  if (!parsed.ok) return formatRequestError(parsed.error);
  const { request } = parsed;
  try {
    return formatSuccess(request, await engine.call(request.method, request.params));
  } catch (e) {
    const error = isXenApiError(e) ? e : new XenApiError('INTERNAL_ERROR', [e instanceof Error ? e.message : String(e)]);
    return formatError(request, error);
  }
}
