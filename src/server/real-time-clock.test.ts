// The Node clock: virtual time moves while it runs (at the speed read on each
// tick), stands still when paused or stopped, and a failing tick is reported,
// not thrown. (No assertion on how much wall time passed.)
import { describe, expect, it, vi } from 'vitest';
import { Engine } from '../engine/engine';
import { createRealTimeClock, nodeRealTimer } from './real-time-clock';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createRealTimeClock', () => {
  it('advances virtual time while running, follows Simulator.set_speed, and stops', async () => {
    const engine = Engine.create({ speed: 100 });
    const session = (await engine.call('session.login_with_password', ['root', 'xenlab'])) as string;
    const clock = createRealTimeClock(engine, { tickMs: 10 });
    clock.start();
    expect(clock.running).toBe(true);
    await vi.waitFor(() => expect(engine.now).toBeGreaterThan(1), { timeout: 5_000, interval: 10 });

    await engine.call('Simulator.set_speed', [session, 0]);
    await sleep(30); // let a tick at the old speed finish
    const paused = engine.now;
    await sleep(60);
    expect(engine.now).toBe(paused);

    await engine.call('Simulator.set_speed', [session, 100]);
    await vi.waitFor(() => expect(engine.now).toBeGreaterThan(paused), { timeout: 5_000, interval: 10 });

    clock.stop();
    expect(clock.running).toBe(false);
    const stopped = engine.now;
    await sleep(60);
    expect(engine.now).toBe(stopped);
  });

  it('reports a failing tick instead of throwing, and keeps ticking', async () => {
    const engine = Engine.create({ speed: 10 });
    let failures = 0;
    vi.spyOn(engine, 'advance').mockImplementation(() => {
      failures++;
      throw new Error('job failed');
    });
    const errors: unknown[] = [];
    const clock = createRealTimeClock(engine, { tickMs: 5, onError: (e) => errors.push(e) });
    clock.start();
    await vi.waitFor(() => expect(failures).toBeGreaterThan(2), { timeout: 5_000, interval: 5 });
    clock.stop();
    expect(errors.length).toBe(failures);
    expect((errors[0] as Error).message).toBe('job failed');
  });
});

describe('nodeRealTimer', () => {
  it('resolves for zero, negative and absurd timeouts without a TimeoutOverflowWarning', async () => {
    await nodeRealTimer(0);
    await nodeRealTimer(-5);
    await nodeRealTimer(Number.NaN);
    // A huge timeout is capped (to a day), not fired at once by an overflowing setTimeout;
    // it is unref'd, so leaving it pending does not hold the process.
    let fired = false;
    void nodeRealTimer(1e12).then(() => (fired = true));
    await sleep(20);
    expect(fired).toBe(false);
  });
});
