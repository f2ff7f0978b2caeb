// Waiting without DOM or Node types, and without reading the platform's
// timers: a Delay is injected where a client has to wait (task polling,
// retrying a lost connection). Hosts build one from their own timer with
// timerDelay; tests pass a fake.
import { TransportError, type AbortSignalLike } from './transport';

/** Resolve after `ms` milliseconds; reject with an aborted TransportError if the signal fires first. */
export type Delay = (ms: number, signal?: AbortSignalLike) => Promise<void>;

/** A host's timer: start one (returning a handle) and cancel it. */
export interface Timer {
  start(callback: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

/** A Delay on the given timer, abortable through its signal. */
export function timerDelay(timer: Timer): Delay {
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted === true) {
        reject(new TransportError('wait aborted', { aborted: true, cause: signal.reason }));
        return;
      }
      const onAbort = (): void => {
        timer.cancel(handle);
        reject(new TransportError('wait aborted', { aborted: true, cause: signal?.reason }));
      };
      const handle = timer.start(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort);
    });
}
