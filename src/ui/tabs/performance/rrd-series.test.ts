import { describe, expect, it } from 'vitest';
import { fixtureDoc, HOST_UUID, VM_UUID } from './rrd-fixture';
import { columnsOf, downsample, seriesOf, statsOf, type ObjectSeries } from './rrd-series';

describe('seriesOf', () => {
  it('takes one object\'s AVERAGE columns, oldest row first', () => {
    const s = seriesOf(fixtureDoc(), 'vm', VM_UUID);
    expect(s.step).toBe(5);
    expect(s.times).toEqual([1767225605, 1767225610, 1767225615]);
    expect(s.values.get('cpu0')).toEqual([0.75, Number.NaN, 0.25]);
    expect(s.values.get('vif_0_tx')).toEqual([0, 1024, 2048]);
    expect([...s.values.keys()].sort()).toEqual(['cpu0', 'memory', 'memory_internal_free', 'vif_0_tx']);
  });

  it('shows a VM\'s free memory as used memory in bytes (memory − internal free KiB)', () => {
    const s = seriesOf(fixtureDoc(), 'vm', VM_UUID);
    expect(s.values.get('memory_internal_free')).toEqual([2147483648 - 524288 * 1024, 2147483648 - 1048576 * 1024, 2147483648 - 1048576 * 1024]);
  });

  it('shows a host\'s memory in bytes, free as used (total − free)', () => {
    const s = seriesOf(fixtureDoc(), 'host', HOST_UUID);
    expect(s.values.get('memory_total_kib')).toEqual([16 * 2 ** 30, 16 * 2 ** 30, 16 * 2 ** 30]);
    expect(s.values.get('memory_free_kib')).toEqual([4 * 2 ** 30, 8 * 2 ** 30, 8 * 2 ** 30]);
    expect(s.values.get('cpu0')).toEqual([0.1, 0.2, 0.3]);
  });

  it('ignores other consolidation functions and other objects', () => {
    const legend = [`MAX:vm:${VM_UUID}:cpu0`, `AVERAGE:vm:${VM_UUID}:cpu0`, `AVERAGE:vm:other:cpu0`];
    expect([...columnsOf(legend, 'vm', VM_UUID)]).toEqual([['cpu0', 1]]);
    expect([...columnsOf(legend, 'vm', VM_UUID, 'MAX')]).toEqual([['cpu0', 0]]);
  });
});

describe('downsample', () => {
  const series = (n: number): ObjectSeries => ({
    step: 5,
    times: Array.from({ length: n }, (_, i) => 1000 + 5 * i),
    values: new Map([['cpu0', Array.from({ length: n }, (_, i) => (i % 4 === 3 ? Number.NaN : i))]]),
  });

  it('leaves short series alone', () => {
    const s = series(10);
    expect(downsample(s, 10)).toBe(s);
  });

  it('merges equal runs ending at the newest row: means of the known values, stamped with the run\'s last time', () => {
    const d = downsample(series(10), 4); // runs of 3 from the end: [1..3] [4..6] [7..9] and [0]
    expect(d.step).toBe(15);
    expect(d.times).toEqual([1000, 1015, 1030, 1045]);
    expect(d.values.get('cpu0')).toEqual([0, (1 + 2) / 2, (4 + 5 + 6) / 3, (8 + 9) / 2]);
  });

  it('keeps at most the asked number of points for any length', () => {
    for (const n of [301, 366, 1000, 1441]) {
      const d = downsample(series(n), 300);
      expect(d.times.length).toBeLessThanOrEqual(300);
      expect(d.times.at(-1)).toBe(1000 + 5 * (n - 1));
    }
  });
});

describe('statsOf', () => {
  it('gives current, minimum, maximum and average of the known values', () => {
    expect(statsOf([0.5, Number.NaN, 0.1, 0.3, Number.NaN])).toEqual({ current: 0.3, min: 0.1, max: 0.5, average: 0.3, count: 3 });
    expect(statsOf([Number.NaN])).toBeUndefined();
  });
});
