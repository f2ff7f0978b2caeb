// Runs the engine's virtual clock in real time × engine.config.speed, in Node.
// The arithmetic (speed read on every tick, so Simulator.set_speed takes effect
// at once; speed 0 pauses; a long stall is capped) lives in the engine's
// RealTimeDriver; this file gives it Node's monotonic clock and an unref'd
// interval, and keeps a failing tick from killing the process.
import { performance } from 'node:perf_hooks';
import type { Engine } from '../engine/engine';
import { RealTimeDriver, type TickSource } from '../engine/real-time-driver';

export interface RealTimeClockOptions {
  /** Milliseconds between ticks (default 100). */
  readonly tickMs?: number;
  /** Where a failing tick is reported (default console.error). */
  readonly onError?: (error: unknown) => void;
}

export interface RealTimeClock {
  start(): void;
  stop(): void;
  readonly running: boolean;
}

/** Node's monotonic time and timers; the interval never holds the process open. */
function nodeTickSource(onError: (error: unknown) => void): TickSource {
  return {
    now: () => performance.now(),
    every(ms, tick) {
      const timer = setInterval(() => {
        try {
          tick();
        } catch (e) {
          onError(e);
        }
      }, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

export function createRealTimeClock(engine: Engine, options: RealTimeClockOptions = {}): RealTimeClock {
  const onError = options.onError ?? ((e: unknown) => console.error('xenlab: clock tick failed:', e));
  const driver = new RealTimeDriver(engine, nodeTickSource(onError), options.tickMs ?? 100);
  return {
    start: () => driver.start(),
    stop: () => driver.stop(),
    get running() {
      return driver.running;
    },
  };
}

/** The longest real wait one event.from may ask for (setTimeout's limit is ~24.8 days). */
const MAX_REAL_WAIT_S = 86_400;

/** Real-second waits for event.from's timeout; unref'd so shutdown is not held. */
export function nodeRealTimer(seconds: number): Promise<void> {
  const s = Number.isFinite(seconds) ? Math.min(MAX_REAL_WAIT_S, Math.max(0, seconds)) : 0;
  return new Promise((resolve) => {
    setTimeout(resolve, s * 1000).unref();
  });
}
