// The JSON-RPC envelope of XenAPI (doc/content/xen-api/wire-protocol.md), in
// both versions xapi accepts:
//   v1.0 request  {"method", "params": [...], "id"}
//        success  {"result": value, "error": null, "id"}
//        failure  {"result": null, "error": ["CODE", ...params], "id"}
//   v2.0 request  {"jsonrpc": "2.0", "method", "params"?: [...] | {...}, "id"}
//        success  {"jsonrpc": "2.0", "result": value, "id"}
//        failure  {"jsonrpc": "2.0", "error": {"code": 1, "message": "CODE", "data": [...params]}, "id"}
// As in xapi: the id must be a string or an integer (no notifications), v1.0
// needs "params" as an array, v2.0 may leave it out (→ []) or send one object
// (→ [object]); "error.code" is always 1 (xapi keeps it non-zero and unused).
// A malformed request gets no XenAPI error from xapi: it answers HTTP 500 with
// an HTML page naming Jsonrpc.Malformed_method_request. parseRequest reports
// such requests with the standard JSON-RPC codes (-32700 parse error, -32600
// invalid request) so a server can choose to answer HTTP 500 or a JSON body.
import { XenApiError } from './errors';

export type JsonRpcVersion = '1.0' | '2.0';
export type JsonRpcId = string | number;

/** A request as it travels (either version). */
export interface JsonRpcRequest {
  readonly jsonrpc?: '2.0';
  readonly method: string;
  readonly params: readonly unknown[];
  readonly id: JsonRpcId;
}

/** A request after parsing: params always an array, version explicit. */
export interface ParsedRequest {
  readonly method: string;
  readonly params: readonly unknown[];
  readonly id: JsonRpcId;
  readonly version: JsonRpcVersion;
}

export interface JsonRpcSuccessV1 {
  readonly result: unknown;
  readonly error: null;
  readonly id: JsonRpcId | null;
}
export interface JsonRpcFailureV1 {
  readonly result: null;
  readonly error: readonly string[];
  readonly id: JsonRpcId | null;
}
export interface JsonRpcErrorObject {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}
export interface JsonRpcSuccessV2 {
  readonly jsonrpc: '2.0';
  readonly result: unknown;
  readonly id: JsonRpcId | null;
}
export interface JsonRpcFailureV2 {
  readonly jsonrpc: '2.0';
  readonly error: JsonRpcErrorObject;
  readonly id: JsonRpcId | null;
}
export type JsonRpcResponse = JsonRpcSuccessV1 | JsonRpcFailureV1 | JsonRpcSuccessV2 | JsonRpcFailureV2;

/** error.code of every XenAPI failure in v2.0 (the API does not use it). */
export const XENAPI_ERROR_CODE = 1;
/** JSON-RPC 2.0 standard codes for requests that cannot be dispatched. */
export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;

/** Why a request could not be parsed. */
export interface RequestParseError {
  readonly code: typeof PARSE_ERROR | typeof INVALID_REQUEST;
  /** Human-readable; for an invalid request it names the offending member, as xapi's message does. */
  readonly message: string;
  /** The request's id when it could be read, else null. */
  readonly id: JsonRpcId | null;
  /** The version the request seems to use (for formatting the answer). */
  readonly version: JsonRpcVersion;
}

export type ParseRequestResult =
  | { readonly ok: true; readonly request: ParsedRequest }
  | { readonly ok: false; readonly error: RequestParseError };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is JsonRpcId {
  return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
}

/** Parse a request body (text) or an already JSON-decoded value. */
export function parseRequest(input: unknown): ParseRequestResult {
  let body: unknown = input;
  if (typeof input === 'string') {
    try {
      body = JSON.parse(input) as unknown;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: PARSE_ERROR, message: `Parse error: ${reason}`, id: null, version: '2.0' } };
    }
  }
  if (!isObject(body)) {
    return { ok: false, error: { code: INVALID_REQUEST, message: 'Invalid request body', id: null, version: '2.0' } };
  }
  const id = isId(body['id']) ? body['id'] : null;
  const hasVersion = 'jsonrpc' in body;
  const version: JsonRpcVersion = hasVersion ? '2.0' : '1.0';
  const invalid = (message: string): ParseRequestResult => ({
    ok: false,
    error: { code: INVALID_REQUEST, message, id, version },
  });
  if (hasVersion && body['jsonrpc'] !== '2.0') return invalid("Invalid field 'jsonrpc' in request body");
  if (!('method' in body)) return invalid('Required field method is missing');
  const method = body['method'];
  if (typeof method !== 'string') return invalid("Invalid field 'method' in request body");
  let params: readonly unknown[];
  const p = body['params'];
  if (version === '1.0') {
    if (!('params' in body)) return invalid('Required field params is missing');
    if (!Array.isArray(p)) return invalid("Invalid field 'params' in request body");
    params = p;
  } else if (p === undefined || p === null) {
    params = [];
  } else if (Array.isArray(p)) {
    params = p;
  } else if (isObject(p)) {
    params = [p];
  } else {
    return invalid("Invalid field 'params' in request body");
  }
  if (id === null) return invalid("Invalid field 'id' in request body");
  return { ok: true, request: { method, params, id, version } };
}

/** The answer to a successful call. A void result (undefined) travels as "", as xapi sends it. */
export function formatSuccess(req: Pick<ParsedRequest, 'id' | 'version'>, result: unknown): JsonRpcSuccessV1 | JsonRpcSuccessV2 {
  const value = result === undefined ? '' : result;
  return req.version === '2.0' ? { jsonrpc: '2.0', result: value, id: req.id } : { result: value, error: null, id: req.id };
}

/** The answer to a call that failed with a XenAPI error. */
export function formatError(req: Pick<ParsedRequest, 'id' | 'version'>, error: XenApiError): JsonRpcFailureV1 | JsonRpcFailureV2 {
  if (req.version === '2.0') {
    return { jsonrpc: '2.0', error: { code: XENAPI_ERROR_CODE, message: error.code, data: [...error.params] }, id: req.id };
  }
  return { result: null, error: error.toArray(), id: req.id };
}

/**
 * A JSON-RPC 2.0 error body for a request that could not be parsed (code
 * -32700 or -32600). xapi itself answers these with HTTP 500 and no JSON.
 */
export function formatRequestError(error: RequestParseError): JsonRpcFailureV2 {
  return { jsonrpc: '2.0', error: { code: error.code, message: error.message }, id: error.id };
}

/** Build a request to send. */
export function makeRequest(method: string, params: readonly unknown[], id: JsonRpcId, version: JsonRpcVersion = '2.0'): JsonRpcRequest {
  return version === '2.0' ? { jsonrpc: '2.0', method, params, id } : { method, params, id };
}

/** A response that is not a JSON-RPC envelope of either version. */
export class JsonRpcFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonRpcFormatError';
  }
}

export type ResponseOutcome =
  | { readonly ok: true; readonly result: unknown; readonly id: JsonRpcId | null }
  | { readonly ok: false; readonly error: XenApiError; readonly id: JsonRpcId | null };

function errorFromArray(info: readonly unknown[]): XenApiError {
  return info.length === 0 ? new XenApiError('INTERNAL_ERROR', ['empty error array']) : XenApiError.fromArray(info);
}

function errorFromObject(err: Record<string, unknown>): XenApiError {
  const message = typeof err['message'] === 'string' ? err['message'] : `JSON-RPC error ${String(err['code'])}`;
  const data = err['data'];
  const params = data === undefined || data === null ? [] : Array.isArray(data) ? data : [typeof data === 'string' ? data : JSON.stringify(data)];
  return new XenApiError(message, params);
}

/**
 * Read a response (text or JSON-decoded) of either version. An error response
 * becomes { ok: false, error: XenApiError }; a body that is not an envelope
 * throws JsonRpcFormatError. Lenient where servers differ: a v2.0 error given
 * as an array (as xapi sends for errors raised while reading a request) and a
 * v1.0 error given as an object are both understood.
 */
export function parseResponse(input: unknown): ResponseOutcome {
  let body: unknown = input;
  if (typeof input === 'string') {
    try {
      body = JSON.parse(input) as unknown;
    } catch (e) {
      throw new JsonRpcFormatError(`response is not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!isObject(body)) throw new JsonRpcFormatError('response is not a JSON object');
  const id = isId(body['id']) ? body['id'] : null;
  const error = body['error'];
  const hasError = error !== undefined && error !== null;
  if ('jsonrpc' in body && body['jsonrpc'] !== '2.0') throw new JsonRpcFormatError(`unknown jsonrpc version ${String(body['jsonrpc'])}`);
  if (!hasError) {
    if (!('result' in body)) throw new JsonRpcFormatError('response has neither result nor error');
    return { ok: true, result: body['result'], id };
  }
  if (Array.isArray(error)) return { ok: false, error: errorFromArray(error), id };
  if (isObject(error)) return { ok: false, error: errorFromObject(error), id };
  if (typeof error === 'string') return { ok: false, error: new XenApiError(error), id };
  throw new JsonRpcFormatError('response error is neither an array nor an object');
}
