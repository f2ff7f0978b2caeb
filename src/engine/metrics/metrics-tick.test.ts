// The metrics job on a real engine (default world) with the hand sampler:
// when ticks run, which RRDs exist as VMs run, halt and go, fast-forward
// tiers, and a restore from RRDs older than the world.
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { createLab } from '../testing/lab';
import { FAST_FORWARD_TIERS, METRICS_TICK, nextTick, planFastForward, rrdStoreOf, setSampler, startMetrics, stepFor } from './metrics-tick';
import { handSampler, withMetrics } from './rrd/rrd-test-kit';
import { restoreRrds, rrdSnapshot } from './rrd/rrd-snapshot';
import type { MetricSample } from './sample-all';

async function lab() {
  const l = await createLab({ seed: 3 });
  withMetrics(l.engine, handSampler);
  return l;
}

const value = (engine: Engine, kind: 'host' | 'vm', uuid: string, name: string, a: number, cf: 0 | 1 | 2, t: number) => {
  const store = rrdStoreOf(engine);
  const rrd = store.get(kind, uuid)!;
  return store.value(rrd, rrd.column.get(name)!, a, cf, t);
};

describe('the metrics tick', () => {
  it('runs every 5 s on Unix multiples of 5 and feeds one RRD per live host and running domain', async () => {
    const { engine } = await lab();
    const job = engine.scheduler.jobs().find((j) => j.kind === METRICS_TICK)!;
    expect(engine.unixTime(job.at) % 5).toBe(0);
    engine.advance(60);
    const store = rrdStoreOf(engine);
    expect(store.lastUpdate).toBe(engine.unixTime(60));
    const kinds = [...store.all()].map((r) => r.kind);
    expect(kinds.filter((k) => k === 'host')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'vm')).toHaveLength(9); // 6 running guests + 3 control domains; not the paused one
    const [, host] = [...engine.world.entries('host')][0]!;
    expect(store.get('host', host.uuid)!.names).toEqual(['cpu0', 'loadavg', 'memory_total_kib']);
    // The epoch is on a whole minute: the minute's PDPs are 1/12 … 11/12, 0.
    expect(value(engine, 'host', host.uuid, 'cpu0', 1, 0, engine.unixTime(60))).toBeCloseTo(66 / 144, 6);
    expect(value(engine, 'host', host.uuid, 'cpu0', 1, 2, engine.unixTime(60))).toBeCloseTo(11 / 12, 6);
  });

  it('does not record a non-standard source until asked, and schedules one job only', async () => {
    const { engine } = await lab();
    startMetrics(engine);
    expect(engine.scheduler.jobs().filter((j) => j.kind === METRICS_TICK)).toHaveLength(1);
    engine.advance(10);
    const vm = [...rrdStoreOf(engine).all()].find((r) => r.kind === 'vm' && !r.controlDomain)!;
    expect(vm.names).toEqual(['cpu0', 'memory']);
    expect([...vm.reported].sort()).toEqual(['cpu0', 'memory', 'runnable_vcpus']);
  });

  it('archives a VM RRD when the VM halts, restores it with a gap when it runs again, and drops it when the VM goes', async () => {
    const l = await lab();
    const { engine } = l;
    const ref = await l.vmByName('web-01');
    const uuid = engine.world.get('VM', ref).uuid;
    engine.advance(30);
    const rrd = rrdStoreOf(engine).get('vm', uuid)!;
    await l.run('VM.hard_shutdown', ref);
    engine.advance(600);
    expect(rrd.archived).toBe(true);
    await l.run('VM.start', ref, false, false);
    engine.advance(30);
    expect(rrd.archived).toBe(false);
    expect(rrdStoreOf(engine).get('vm', uuid)).toBe(rrd);
    const now = rrdStoreOf(engine).lastUpdate!;
    expect(value(engine, 'vm', uuid, 'cpu0', 0, 0, now)).toBe(0.5);
    expect(value(engine, 'vm', uuid, 'cpu0', 1, 0, Math.floor(now / 60) * 60 - 300)).toBeNaN(); // while it was halted
    await l.run('VM.hard_shutdown', ref);
    await l.run('VM.destroy', ref);
    engine.advance(5);
    expect(rrdStoreOf(engine).get('vm', uuid)).toBeUndefined();
  });
});

describe('fast-forward', () => {
  it('samples each span at the resolution of the archive that keeps it', () => {
    const target = 1_767_571_200 + 8 * 3600; // 08:00 UTC
    expect(stepFor(target, target - 300)).toEqual({ step: 5, until: Infinity });
    expect(stepFor(target, target - 3600)).toEqual({ step: 60, until: target - 600 });
    expect(stepFor(target, target - 86400)).toEqual({ step: 3600, until: target - 7200 });
    expect(stepFor(target, target - 30 * 86400)).toEqual({ step: 86400, until: target - 7 * 86400 });
    expect(stepFor(undefined, target)).toEqual({ step: 5, until: Infinity });
    expect(nextTick(target, target - 3600)).toBe(target - 3600 + 60);
    // The step that would cross into the 5-s tier stops at its start.
    expect(nextTick(target, target - 630)).toBe(target - 600);
    expect(FAST_FORWARD_TIERS.map((t) => t.step)).toEqual([5, 60, 3600, 86400]);
  });

  it('fills a day with about 250 samples instead of 17,280, every archive known over the span it keeps', async () => {
    const { engine } = await lab();
    const dts: number[] = [];
    setSampler(engine, (e, t, dt) => {
      dts.push(dt);
      return handSampler(e, t);
    });
    planFastForward(engine, engine.now + 86400);
    engine.advance(86400);
    expect(dts.length).toBeLessThan(300);
    // The first tick was planned before the jump (5 s), the second only reaches the next whole hour; then hours, minutes, 5 s.
    expect(new Set(dts.slice(2))).toEqual(new Set([5, 60, 3600]));
    const end = engine.unixTime();
    const [, host] = [...engine.world.entries('host')][0]!;
    for (let i = 0; i < 120; i++) expect(value(engine, 'host', host.uuid, 'memory_total_kib', 0, 0, end - 5 * i)).toBe(1024);
    for (let i = 0; i < 120; i++) expect(value(engine, 'host', host.uuid, 'memory_total_kib', 1, 0, end - 60 * i)).toBe(1024);
    for (let i = 0; i < 24; i++) expect(value(engine, 'host', host.uuid, 'memory_total_kib', 2, 0, end - 3600 * i)).toBe(1024);
    // An hour filled minute by minute is the mean of its minutes.
    const hour = end - 3600;
    let sum = 0;
    for (let m = 0; m < 60; m++) sum += value(engine, 'host', host.uuid, 'cpu0', 1, 0, hour - 60 * m);
    expect(value(engine, 'host', host.uuid, 'cpu0', 2, 0, hour)).toBeCloseTo(sum / 60, 5);
    // After the jump the clock ticks every 5 s again.
    const before = dts.length;
    engine.advance(60);
    expect(dts.length - before).toBe(12);
  });

  it('takes every 5-s step when the clock moves in small steps (the real-time clock)', async () => {
    const { engine } = await lab();
    let calls = 0;
    setSampler(engine, (e, t) => {
      calls++;
      return handSampler(e, t);
    });
    for (let i = 0; i < 36; i++) engine.advance(100);
    expect(calls).toBe(720);
  });
});

describe('RRDs saved apart from the world', () => {
  it('come back from a snapshot, the time since it was taken unknown', async () => {
    const { engine } = await lab();
    engine.advance(120);
    const rrds = rrdSnapshot(engine);
    engine.advance(120);
    const world = engine.snapshot();
    const restored = Engine.restore(JSON.parse(JSON.stringify(world)) as typeof world);
    expect(restoreRrds(restored, rrds)).toBe(true);
    withMetrics(restored, handSampler);
    restored.advance(60);
    const [, host] = [...restored.world.entries('host')][0]!;
    const t = engine.unixTime(120);
    expect(value(restored, 'host', host.uuid, 'memory_total_kib', 1, 0, t)).toBe(1024); // before the snapshot
    expect(value(restored, 'host', host.uuid, 'memory_total_kib', 1, 0, t + 120)).toBeNaN(); // after it, before the restore
    expect(value(restored, 'host', host.uuid, 'memory_total_kib', 0, 0, restored.unixTime())).toBe(1024);
  });

  it('refuse a snapshot that does not fit and start empty', async () => {
    const { engine } = await lab();
    engine.advance(30);
    const good = rrdSnapshot(engine);
    expect(restoreRrds(engine, { ...good, version: 99 })).toBe(false);
    expect(rrdStoreOf(engine).size).toBe(0);
    expect(restoreRrds(engine, { ...good, buffers: good.buffers.slice(1) })).toBe(false);
    expect(restoreRrds(engine, null)).toBe(false);
    expect(restoreRrds(engine, good)).toBe(true);
    expect(rrdStoreOf(engine).size).toBe(12);
  });

  it('are the same, byte for byte, for the same seed and calls', async () => {
    const sampler = (e: Engine, t: number): MetricSample[] => handSampler(e, t);
    const run = async () => {
      const l = await createLab({ seed: 9 });
      withMetrics(l.engine, sampler);
      l.engine.advance(300);
      await l.run('VM.hard_shutdown', await l.vmByName('db-01'));
      planFastForward(l.engine, l.engine.now + 3 * 3600);
      l.engine.advance(3 * 3600);
      return rrdSnapshot(l.engine);
    };
    const [x, y] = [await run(), await run()];
    expect(JSON.stringify({ ...x, buffers: [] })).toBe(JSON.stringify({ ...y, buffers: [] }));
    expect(x.buffers.map((b) => Buffer.from(b).toString('base64'))).toEqual(y.buffers.map((b) => Buffer.from(b).toString('base64')));
  });
});
