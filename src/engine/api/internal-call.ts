// A call the pool makes of itself (HA restarting a VM, WLB applying a move):
// the same method definition a client would reach, under a task of its own so
// it shows in Events, but without a session. Returns the XenAPI error if the
// call was refused at once (the task then records it too).
import { isXenApiError, xenError, type XenApiError } from '../../xapi/errors';
import type { Engine } from '../engine';

export function internalCall(engine: Engine, method: string, args: readonly unknown[], description: string): XenApiError | undefined {
  const def = engine.methods.get(method);
  if (def === undefined) return xenError('MESSAGE_METHOD_UNKNOWN', method);
  const task = engine.tasks.create(`Async.${method}`, description, def.cancellable === true);
  try {
    const value: unknown = def.run({ engine, method, session: '', task }, args);
    if (value instanceof Promise) {
      value.then(
        (v: unknown) => engine.tasks.succeed(task, v),
        (e: unknown) => engine.tasks.fail(task, isXenApiError(e) ? e : xenError('INTERNAL_ERROR', String(e))),
      );
    } else if (typeof value !== 'symbol') engine.tasks.succeed(task, value);
    return undefined;
  } catch (e) {
    const error = isXenApiError(e) ? e : xenError('INTERNAL_ERROR', String(e));
    engine.tasks.fail(task, error);
    return error;
  }
}
