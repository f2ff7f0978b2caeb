// Waiting without DOM or Node types: a Delay is injected where the client has
// to wait (task polling, retrying a lost connection), so tests can pass a fake
// and the engine's virtual clock never meets a real timer.
import { TransportError, type AbortSignalLike } from './transport';

/** Resolve after `ms` milliseconds; reject with an aborted TransportError if the signal fires first. */
export type Delay = (ms: number, signal?: AbortSignalLike) => Promise<void>;

interface TimerGlobals {
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/** A Delay on the platform's setTimeout (browser, worker or Node). */
export const realDelay: Delay = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    const timers = globalThis as unknown as TimerGlobals;
    const { setTimeout, clearTimeout } = timers;
    if (setTimeout === undefined) {
      reject(new Error('realDelay: this platform has no setTimeout; pass a Delay'));
      return;
    }
    if (signal?.aborted === true) {
      reject(new TransportError('wait aborted', { aborted: true, cause: signal.reason }));
      return;
    }
    const onAbort = (): void => {
      clearTimeout?.(handle);
      reject(new TransportError('wait aborted', { aborted: true, cause: signal?.reason }));
    };
    const handle = setTimeout.call(globalThis, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort);
  });
