import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { RealTimeDriver, type TickSource } from './real-time-driver';

function manualSource(): TickSource & { step(ms: number): void } {
  let now = 0;
  let tick: (() => void) | undefined;
  return {
    now: () => now,
    every: (_ms, fn) => {
      tick = fn;
      return () => (tick = undefined);
    },
    step(ms) {
      now += ms;
      tick?.();
    },
  };
}

describe('RealTimeDriver', () => {
  it('advances virtual time by real time × speed, and not at all when paused or stopped', () => {
    const engine = Engine.create({ speed: 10 });
    const source = manualSource();
    const driver = new RealTimeDriver(engine, source);
    driver.start();
    source.step(1000);
    expect(engine.now).toBeCloseTo(10);
    engine.config = { ...engine.config, speed: 0 };
    source.step(1000);
    expect(engine.now).toBeCloseTo(10);
    engine.config = { ...engine.config, speed: 1 };
    source.step(500);
    expect(engine.now).toBeCloseTo(10.5);
    driver.stop();
    source.step(1000);
    expect(engine.now).toBeCloseTo(10.5);
  });

  it('caps a single long gap (a sleeping tab) at a few seconds of real time', () => {
    const engine = Engine.create({ speed: 1 });
    const source = manualSource();
    new RealTimeDriver(engine, source).start();
    source.step(3_600_000);
    expect(engine.now).toBe(5);
  });
});
