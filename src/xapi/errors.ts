// XenAPI errors: a code and string parameters, as xapi raises them.
// The parameter names of each code live in error-codes.ts (from
// ocaml/idl/datamodel_errors.ml); the engine raises only codes listed there.
import { ERROR_PARAMS, type ErrorCode } from './error-codes';

export class XenApiError extends Error {
  readonly code: string;
  readonly params: readonly string[];

  constructor(code: string, params: readonly unknown[] = []) {
    super(params.length > 0 ? `${code}(${params.map(String).join(', ')})` : code);
    this.name = 'XenApiError';
    this.code = code;
    this.params = params.map(String);
  }

  /** The `[CODE, ...params]` form used by task.error_info and JSON-RPC v1. */
  toArray(): string[] {
    return [this.code, ...this.params];
  }

  static fromArray(info: readonly unknown[]): XenApiError {
    const [code, ...params] = info;
    return new XenApiError(String(code ?? 'INTERNAL_ERROR'), params);
  }
}

/** Raise a known XenAPI error; the code is checked against the catalogue at compile time. */
export function xenError(code: ErrorCode, ...params: readonly unknown[]): XenApiError {
  return new XenApiError(code, params);
}

export function isXenApiError(e: unknown): e is XenApiError {
  return e instanceof XenApiError;
}

/** Parameter names of a code, for explaining an error to a person. */
export function errorParamNames(code: string): readonly string[] | undefined {
  return (ERROR_PARAMS as Record<string, readonly string[] | undefined>)[code];
}
