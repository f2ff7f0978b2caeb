// The RRDs fed by the workload and resource models (sample-all.ts) on the
// default world: xapi's data-source names, the standard ones recorded, and a
// day of fast-forward that leaves every archive known.
import { beforeAll, describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../../testing/lab';
import { planFastForward, rrdStoreOf } from '../metrics-tick';
import { rrdUpdates } from '../rrd-updates';
import { withMetrics } from './rrd-test-kit';

let l: Lab;
let web: string;

beforeAll(async () => {
  l = await createLab({ seed: 21 });
  withMetrics(l.engine);
  l.engine.advance(120);
  web = l.engine.world.get('VM', await l.vmByName('web-01')).uuid;
});

describe('RRDs of the modelled pool', () => {
  it('record the standard sources each object reports, under xapi’s names', () => {
    const store = rrdStoreOf(l.engine);
    const vm = store.get('vm', web)!;
    expect(vm.names).toEqual(expect.arrayContaining(['cpu0', 'cpu_usage', 'memory', 'memory_target']));
    expect(vm.names.some((n) => /^vif_\d+_rx$/.test(n))).toBe(true);
    expect(vm.names.some((n) => /^vbd_[a-z]+_read_latency$/.test(n))).toBe(true);
    expect(vm.names).not.toContain('runnable_vcpus');
    expect(vm.reported.has('runnable_vcpus')).toBe(true);
    const [, host] = [...l.engine.world.entries('host')][0]!;
    const h = store.get('host', host.uuid)!;
    expect(h.names).toEqual(expect.arrayContaining(['cpu0', 'cpu_avg', 'loadavg', 'memory_total_kib', 'memory_free_kib', 'pif_aggr_rx', 'pif_aggr_tx']));
    expect(h.minMax).toBe(true);
    expect(vm.minMax).toBe(false);
  });

  it('hold values within the sources’ bounds', () => {
    const store = rrdStoreOf(l.engine);
    const vm = store.get('vm', web)!;
    const cpu = store.latest(vm, 'cpu0')!;
    expect(cpu).toBeGreaterThanOrEqual(0);
    expect(cpu).toBeLessThanOrEqual(1);
    expect(store.latest(vm, 'memory')!).toBeGreaterThan(0);
  });

  it('after a day of fast-forward, every row of every archive over that day is known', () => {
    planFastForward(l.engine, l.engine.now + 86400);
    l.engine.advance(86400);
    const last = rrdStoreOf(l.engine).lastUpdate!;
    const check = (interval: number, start: number, rows: number) => {
      const u = rrdUpdates(l.engine, { start, interval, host: false, vmUuids: [web], cf: 'AVERAGE' });
      expect(u.step).toBe(interval);
      expect(u.rows).toHaveLength(rows);
      const cpu = u.legend.indexOf(`AVERAGE:vm:${web}:cpu0`);
      for (const row of u.rows) {
        expect(row.values[cpu]).toBeGreaterThanOrEqual(0);
        expect(row.values[cpu]).toBeLessThanOrEqual(1);
      }
    };
    check(5, last - 595, 120);
    check(60, last - 7200 + 60, 120);
    check(3600, Math.floor(last / 3600) * 3600 - 23 * 3600, 24);
  });
});
