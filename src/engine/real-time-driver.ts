// Runs an engine's virtual clock at real time × its speed (Simulator.set_speed;
// 0 pauses). The host gives the time source and the ticker, so the engine
// itself still never touches the wall clock or timers.
import type { Engine } from './engine';

export interface TickSource {
  /** Monotonic milliseconds (the host's high-resolution clock). */
  now(): number;
  /** Call `tick` every `ms` milliseconds until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

/** The most real time one tick may account for: a tab asleep for an hour does not replay it at once. */
const MAX_TICK_MS = 5_000;

export class RealTimeDriver {
  private stopTicker: (() => void) | undefined;
  private last = 0;

  constructor(
    private readonly engine: Engine,
    private readonly source: TickSource,
    private readonly tickMs = 100,
  ) {}

  get running(): boolean {
    return this.stopTicker !== undefined;
  }

  start(): void {
    if (this.stopTicker !== undefined) return;
    this.last = this.source.now();
    this.stopTicker = this.source.every(this.tickMs, () => this.tick());
  }

  stop(): void {
    this.stopTicker?.();
    this.stopTicker = undefined;
  }

  private tick(): void {
    const now = this.source.now();
    const elapsed = Math.min(MAX_TICK_MS, Math.max(0, now - this.last));
    this.last = now;
    const speed = this.engine.config.speed;
    if (speed > 0 && elapsed > 0) this.engine.advance((elapsed / 1000) * speed);
  }
}
