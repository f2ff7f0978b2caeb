// One JSON-RPC request body in, one response body out: the envelope (either
// version) comes from xapi/jsonrpc, the call from the engine. Whatever goes
// wrong becomes an error response; this never throws.
import type { Engine } from '../engine/engine';
import { XenApiError, isXenApiError } from '../xapi/errors';
import { formatError, formatRequestError, formatSuccess, parseRequest, type ParsedRequest } from '../xapi/jsonrpc';

function internalError(e: unknown): XenApiError {
  return new XenApiError('INTERNAL_ERROR', [e instanceof Error ? e.message : String(e)]);
}

/** JSON text of a value; a value that cannot be written (BigInt, a cycle) becomes INTERNAL_ERROR. */
function encode(req: ParsedRequest, outcome: { result: unknown } | { error: XenApiError }): string {
  try {
    return JSON.stringify('error' in outcome ? formatError(req, outcome.error) : formatSuccess(req, outcome.result));
  } catch (e) {
    return JSON.stringify(formatError(req, internalError(e)));
  }
}

export async function rpcResponseFor(engine: Engine, body: string): Promise<string> {
  const parsed = parseRequest(body);
  if (!parsed.ok) return JSON.stringify(formatRequestError(parsed.error));
  const req = parsed.request;
  try {
    return encode(req, { result: await engine.call(req.method, req.params) });
  } catch (e) {
    return encode(req, { error: isXenApiError(e) ? e : internalError(e) });
  }
}
