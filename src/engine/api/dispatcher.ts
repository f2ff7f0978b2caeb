// Every call enters here: method look-up, arity, session and parameter types
// are checked before a handler runs, and any failure leaves as a XenAPI error.
// Async-capable methods run under a task: Async.<m> answers with the task ref
// at once; the plain call waits for the task and returns its value.
import { XenApiError, isXenApiError, xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { checkParam, toInt } from './param-check';
import { PENDING, type Call, type MethodDef } from './registry';

const ASYNC_PREFIX = 'Async.';

export async function dispatch(engine: Engine, method: string, params: readonly unknown[]): Promise<unknown> {
  const isAsync = method.startsWith(ASYNC_PREFIX);
  const name = isAsync ? method.slice(ASYNC_PREFIX.length) : method;
  const def = engine.methods.get(name);
  if (def === undefined || (isAsync && def.async !== true)) throw xenError('MESSAGE_METHOD_UNKNOWN', method);

  const withSession = def.session !== false;
  const expected = def.params.length + (withSession ? 1 : 0);
  const fewest = expected - (def.optionalTail ?? 0);
  if (!Array.isArray(params) || params.length > expected || params.length < fewest) {
    throw xenError('MESSAGE_PARAMETER_COUNT_MISMATCH', method, expected, Array.isArray(params) ? params.length : 0);
  }

  let session = '';
  if (withSession) {
    session = typeof params[0] === 'string' ? params[0] : '';
    if (!engine.world.has('session', session)) throw xenError('SESSION_INVALID', String(params[0]));
  }
  const given = withSession ? params.slice(1) : [...params];
  def.params.forEach((p, i) => {
    if (i < given.length) checkParam(engine, p, given[i]);
  });
  // An int may arrive as a decimal string (XML-RPC clients send every int so,
  // as the wire protocol says); handlers get numbers, so none stores a string.
  const args = given.map((v, i) => (def.params[i]?.type === 'int' && typeof v === 'string' ? toInt(v) : v));

  if (def.async !== true) return guard(() => def.run({ engine, method: name, session, task: '' }, args));
  return runWithTask(engine, def, name, session, args, isAsync);
}

async function runWithTask(
  engine: Engine,
  def: MethodDef,
  name: string,
  session: string,
  args: readonly unknown[],
  isAsync: boolean,
): Promise<unknown> {
  const task = engine.tasks.create(isAsync ? `Async.${name}` : name, '', def.cancellable === true);
  const call: Call = { engine, method: name, session, task };
  let value: unknown;
  try {
    value = await guard(() => def.run(call, args));
  } catch (e) {
    engine.tasks.fail(task, e as XenApiError);
    if (isAsync) return task;
    engine.world.destroy('task', task);
    throw e;
  }
  if (value !== PENDING) engine.tasks.succeed(task, value);
  if (isAsync) return task;
  const outcome = await engine.tasks.wait(task);
  if (engine.world.has('task', task)) engine.world.destroy('task', task);
  if (outcome.error !== undefined) throw outcome.error;
  return value === PENDING ? outcome.result : value;
}

/** Turn anything a handler throws into a XenAPI error; the server never dies of a request. */
async function guard(run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (e) {
    if (isXenApiError(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new XenApiError('INTERNAL_ERROR', [message]);
  }
}
