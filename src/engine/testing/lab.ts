// A lab for tests: an engine on a built world, logged in, with helpers to
// call XenAPI and to run virtual time until a call settles.
import { Engine, type WorldBuilder } from '../engine';
import { XenApiError } from '../../xapi/errors';
import { buildDefaultWorld } from '../worlds/default-world';

export interface Lab {
  readonly engine: Engine;
  readonly session: string;
  /** A call that finishes without virtual time passing (getters, Async.*). */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /** A call that may need virtual time: the clock runs until it settles. */
  run<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /** The XenAPI error a call fails with (fails the test if it succeeds). */
  error(method: string, ...args: unknown[]): Promise<XenApiError>;
  vmByName(name: string): Promise<string>;
}

export async function settle<T>(engine: Engine, promise: Promise<T>, maxSeconds = 3600): Promise<T> {
  let done = false;
  const watched = promise.finally(() => {
    done = true;
  });
  // Let microtasks run between steps so the call can reach its waiting point.
  for (let t = 0; t < maxSeconds && !done; t += 0.5) {
    await Promise.resolve();
    await Promise.resolve();
    if (done) break;
    engine.advance(0.5);
  }
  return watched;
}

export async function createLab(options: { seed?: number; build?: WorldBuilder } = {}): Promise<Lab> {
  const engine = Engine.create({ seed: options.seed ?? 42, build: options.build ?? buildDefaultWorld });
  const session = (await engine.call('session.login_with_password', ['root', 'xenlab', '2.21', 'tests'])) as string;
  const call = <T>(method: string, ...args: unknown[]) => engine.call(method, [session, ...args]) as Promise<T>;
  const run = <T>(method: string, ...args: unknown[]) => settle(engine, call<T>(method, ...args));
  return {
    engine,
    session,
    call,
    run,
    async error(method, ...args) {
      try {
        await run(method, ...args);
      } catch (e) {
        if (e instanceof XenApiError) return e;
        throw e;
      }
      throw new Error(`${method} succeeded; an error was expected`);
    },
    async vmByName(name) {
      const refs = await call<string[]>('VM.get_by_name_label', name);
      const ref = refs[0];
      if (ref === undefined) throw new Error(`no VM named ${name}`);
      return ref;
    },
  };
}
