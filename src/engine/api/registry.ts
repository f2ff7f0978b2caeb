// How an API method is described: its XenAPI name, its parameters (after the
// session), and what it does. The dispatcher checks session, arity and types
// from this description before `run` sees the arguments.
import type { ClassName } from '../../xapi/datamodel/classes';
import type { Engine } from '../engine';

export type ParamType =
  | 'string'
  | 'int'
  | 'float'
  | 'bool'
  | 'datetime'
  | 'string_map'
  | 'string_set'
  | 'any'
  | { readonly ref: ClassName | 'any' }
  | { readonly refs: ClassName };

export interface Param {
  readonly name: string;
  readonly type: ParamType;
}

/** What a call runs with. */
export interface Call {
  readonly engine: Engine;
  readonly method: string;
  /** The caller's session ref ('' for methods without one). */
  readonly session: string;
  /** The task of an async-capable method (Async.* or not): progress and completion go here. */
  readonly task: string;
}

/** Returned by `run` when the task will be completed later by scheduled work. */
export const PENDING: unique symbol = Symbol('pending');
export type Pending = typeof PENDING;

export interface MethodDef {
  readonly name: string;
  readonly params: readonly Param[];
  /** How many trailing params callers may leave out (older clients' shorter forms). */
  readonly optionalTail?: number;
  /** false for the few methods called before login. */
  readonly session?: boolean;
  /** Also offered as Async.<name>; runs with a task. */
  readonly async?: boolean;
  /** Whether task.cancel may stop it while it runs. */
  readonly cancellable?: boolean;
  run(call: Call, args: readonly unknown[]): unknown;
}

export type MethodTable = Map<string, MethodDef>;

export function define(table: MethodTable, def: MethodDef): void {
  table.set(def.name, def);
}

export const ref = (cls: ClassName | 'any'): ParamType => ({ ref: cls });
export const refs = (cls: ClassName): ParamType => ({ refs: cls });
