import { describe, expect, it } from 'vitest';
import { graphModel } from './graph-model';
import { fixtureDoc, VM_UUID } from './rrd-fixture';
import { seriesOf } from './rrd-series';
import { timeTicks, tickLabel } from './time-axis';

describe('graphModel', () => {
  const series = seriesOf(fixtureDoc(), 'vm', VM_UUID);

  it('draws a line per data source with XenCenter\'s names, gaps where unknown', () => {
    const m = graphModel({ name: 'Mixed', sources: ['cpu0', 'vif_0_tx', 'vbd_xvda_read'] }, series, { vifNetwork: () => 'Pool-wide network' });
    expect(m.lines.map((l) => [l.key, l.label, l.kind])).toEqual([
      ['s0', 'CPU 0', 'percent'],
      ['s1', 'Pool-wide network Send', 'bytes-per-second'],
      ['s2', 'Disk xvda Read', 'bytes-per-second'],
    ]);
    expect(m.times).toEqual([1767225605, 1767225610, 1767225615]);
    expect(m.columns).toEqual([
      [0.75, null, 0.25],
      [0, 1024, 2048],
      [null, null, null],
    ]);
    expect(m.axes.map((a) => a.kind)).toEqual(['percent', 'bytes-per-second']);
    expect(m.axes[1]!.scale.ticks).toEqual([0, 512, 1024, 1536, 2048]);
    expect(m.lines[0]!.stats).toEqual({ current: 0.25, min: 0.25, max: 0.75, average: 0.5, count: 2 });
    expect(m.lines[2]!.stats).toBeUndefined();
    expect(m.hasData).toBe(true);
  });

  it('has no data without a series', () => {
    const m = graphModel({ name: 'CPU', sources: ['cpu0'] }, undefined);
    expect(m.times).toEqual([]);
    expect(m.columns).toEqual([[]]);
    expect(m.hasData).toBe(false);
  });
});

describe('time axis', () => {
  it('puts ticks on round times for the zoom', () => {
    const to = Date.UTC(2026, 0, 5, 14, 23, 7) / 1000;
    expect(timeTicks(to - 600, to, '10m').map((t) => tickLabel(t, '10m'))).toEqual(['14:14', '14:16', '14:18', '14:20', '14:22']);
    expect(timeTicks(to - 7 * 86400, to, '1w').map((t) => tickLabel(t, '1w'))).toEqual(['Tue 30', 'Wed 31', 'Thu 1', 'Fri 2', 'Sat 3', 'Sun 4', 'Mon 5']);
    expect(timeTicks(to - 366 * 86400, to, '1y').map((t) => tickLabel(t, '1y'))).toEqual(['Mar 2025', 'May 2025', 'Jul 2025', 'Sep 2025', 'Nov 2025', 'Jan 2026']);
  });
});
