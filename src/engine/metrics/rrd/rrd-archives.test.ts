// Consolidation against hand-computed values: one host-like RRD (with
// MIN/MAX) and one VM-like RRD (AVERAGE only), fed PDP by PDP or many at a
// time, read back row by row at the rows' Unix times.
import { describe, expect, it } from 'vitest';
import { RrdStore, type Rrd } from './rrd-store';
import { ARCHIVES } from './rrd-layout';
import type { Cf } from './rrd-archives';

const DAY = 86400;
const T0 = 1_767_571_200; // 2026-01-05 00:00 UTC

function setup(): { store: RrdStore; host: Rrd; vm: Rrd } {
  const store = new RrdStore();
  const host = store.create('host', 'h', 'OpaqueRef:h', { minMax: true });
  const vm = store.create('vm', 'v', 'OpaqueRef:v', { minMax: false });
  return { store, host, vm };
}

/** One tick at Unix time `t` (covering `n` PDPs) with these values (undefined: not reported). */
function tick(store: RrdStore, rrds: Record<string, [Rrd, Record<string, number> | undefined]>, t: number, n = 1): void {
  store.beginTick();
  for (const [rrd, values] of Object.values(rrds)) if (values !== undefined) store.ingest(rrd, values);
  store.endTick(t, n);
}

const read = (store: RrdStore, rrd: Rrd, name: string, a: number, cf: Cf, t: number) => store.value(rrd, rrd.column.get(name)!, a, cf, t);

describe('the 5-s archive', () => {
  it('keeps each PDP as it came, for the last 120 PDPs', () => {
    const { store, host } = setup();
    for (let i = 1; i <= 130; i++) tick(store, { host: [host, { cpu0: (i % 10) / 10 }] }, T0 + 5 * i);
    expect(read(store, host, 'cpu0', 0, 0, T0 + 5 * 130)).toBeCloseTo(0, 6);
    expect(read(store, host, 'cpu0', 0, 0, T0 + 5 * 129)).toBeCloseTo(0.9, 6);
    expect(read(store, host, 'cpu0', 0, 0, T0 + 5 * 11)).toBeCloseTo(0.1, 6); // 120th newest
    expect(store.lastUpdate).toBe(T0 + 650);
    expect(store.latest(host, 'cpu0')).toBe(0);
  });

  it('stores a value outside the source bounds as unknown, and one a hair over its maximum as the maximum', () => {
    const { store, host } = setup();
    tick(store, { host: [host, { cpu0: 1.5 }] }, T0 + 5);
    tick(store, { host: [host, { cpu0: 1.02 }] }, T0 + 10);
    tick(store, { host: [host, { cpu0: -0.1 }] }, T0 + 15);
    expect(read(store, host, 'cpu0', 0, 0, T0 + 5)).toBeNaN();
    expect(read(store, host, 'cpu0', 0, 0, T0 + 10)).toBe(1);
    expect(read(store, host, 'cpu0', 0, 0, T0 + 15)).toBeNaN();
  });
});

describe('consolidation into the 1-min archive', () => {
  it('averages 12 PDPs, and keeps their min and max where the RRD has MIN/MAX', () => {
    const { store, host, vm } = setup();
    for (let i = 1; i <= 12; i++) tick(store, { host: [host, { cpu0: i / 100 }], vm: [vm, { memory: i * 1000 }] }, T0 + 5 * i);
    const t = T0 + 60;
    expect(read(store, host, 'cpu0', 1, 0, t)).toBeCloseTo(0.065, 6); // (1+…+12)/12 /100
    expect(read(store, host, 'cpu0', 1, 1, t)).toBeCloseTo(0.01, 6);
    expect(read(store, host, 'cpu0', 1, 2, t)).toBeCloseTo(0.12, 6);
    expect(read(store, vm, 'memory', 1, 0, t)).toBe(6500);
    expect(read(store, vm, 'memory', 1, 1, t)).toBeNaN(); // no MIN archive for this VM
    expect(store.cfsOf(vm, 1)).toEqual([0]);
    expect(store.cfsOf(host, 1)).toEqual([0, 1, 2]);
    expect(store.cfsOf(host, 0)).toEqual([0]);
  });

  it('is unknown when more than half of its PDPs are (xff 0.5), else the mean of the known ones', () => {
    const { store, host } = setup();
    // minute 1: PDPs 1–6 unknown, 7–12 known (6 unknown: known); minute 2: PDPs 1–7 unknown.
    for (let i = 1; i <= 24; i++) {
      const known = i <= 12 ? i > 6 : i > 19;
      tick(store, { host: [host, known ? { cpu0: i / 100 } : {}] }, T0 + 5 * i);
    }
    expect(read(store, host, 'cpu0', 1, 0, T0 + 60)).toBeCloseTo((0.07 + 0.08 + 0.09 + 0.1 + 0.11 + 0.12) / 6, 6);
    expect(read(store, host, 'cpu0', 1, 1, T0 + 60)).toBeCloseTo(0.07, 6);
    expect(read(store, host, 'cpu0', 1, 0, T0 + 120)).toBeNaN();
    expect(read(store, host, 'cpu0', 1, 2, T0 + 120)).toBeNaN();
  });

  it('counts the PDPs before a source appeared as unknown', () => {
    const { store, host } = setup();
    for (let i = 1; i <= 24; i++) {
      const values: Record<string, number> = { cpu0: 0.5 };
      if (i >= 7 && i <= 12) values['cpu1'] = 0.2; // appears at PDP 7 of minute 1: 6 unknown → known
      if (i >= 20) values['cpu2'] = 0.3; // appears at PDP 8 of minute 2: 7 unknown → unknown
      if (i >= 13) values['cpu3'] = 0.4; // appears at the start of minute 2
      tick(store, { host: [host, values] }, T0 + 5 * i);
    }
    expect(read(store, host, 'cpu1', 1, 0, T0 + 60)).toBeCloseTo(0.2, 6);
    expect(read(store, host, 'cpu1', 1, 0, T0 + 120)).toBeNaN(); // stopped reporting: unknown
    expect(read(store, host, 'cpu2', 1, 0, T0 + 120)).toBeNaN();
    expect(read(store, host, 'cpu3', 1, 0, T0 + 120)).toBeCloseTo(0.4, 6);
    expect(read(store, host, 'cpu3', 1, 0, T0 + 60)).toBeNaN(); // before it existed
    expect(host.names).toEqual(['cpu0', 'cpu1', 'cpu3', 'cpu2']); // later sources are appended
  });
});

describe('the 1-h and 1-day archives', () => {
  it('average every PDP of the hour and of the day, whatever the tick length', () => {
    const { store, host } = setup();
    // One day: hour h has cpu0 = h/100, fed as 720 PDPs in one tick per hour.
    for (let h = 1; h <= 24; h++) tick(store, { host: [host, { cpu0: h / 100 }] }, T0 + 3600 * h, 720);
    expect(read(store, host, 'cpu0', 2, 0, T0 + 3600 * 5)).toBeCloseTo(0.05, 6);
    expect(read(store, host, 'cpu0', 2, 1, T0 + 3600 * 5)).toBeCloseTo(0.05, 6); // one value per hour: min = max = avg
    expect(read(store, host, 'cpu0', 3, 0, T0 + DAY)).toBeCloseTo(0.125, 6); // (1+…+24)/24 /100
    expect(read(store, host, 'cpu0', 3, 1, T0 + DAY)).toBeCloseTo(0.01, 6);
    expect(read(store, host, 'cpu0', 3, 2, T0 + DAY)).toBeCloseTo(0.24, 6);
    // The 1-min archive holds the last 2 hours: hours 23 and 24.
    expect(read(store, host, 'cpu0', 1, 0, T0 + DAY)).toBeCloseTo(0.24, 6);
    expect(read(store, host, 'cpu0', 1, 0, T0 + DAY - 3600)).toBeCloseTo(0.23, 6);
    expect(read(store, host, 'cpu0', 0, 0, T0 + DAY - 5)).toBeCloseTo(0.24, 6);
  });

  it('split a long tick that starts mid-row between the row it finishes and the rows after', () => {
    const { store, host } = setup();
    tick(store, { host: [host, { cpu0: 0.1 }] }, T0 + 30 * 60, 360); // 00:00–00:30 at 0.1
    tick(store, { host: [host, { cpu0: 0.3 }] }, T0 + 90 * 60, 720); // 00:30–01:30 at 0.3
    expect(read(store, host, 'cpu0', 2, 0, T0 + 3600)).toBeCloseTo(0.2, 6);
    expect(read(store, host, 'cpu0', 2, 1, T0 + 3600)).toBeCloseTo(0.1, 6);
    expect(read(store, host, 'cpu0', 2, 2, T0 + 3600)).toBeCloseTo(0.3, 6);
    expect(read(store, host, 'cpu0', 1, 0, T0 + 90 * 60)).toBeCloseTo(0.3, 6);
    tick(store, { host: [host, { cpu0: 0.5 }] }, T0 + 2 * 3600, 360); // 01:30–02:00 at 0.5
    expect(read(store, host, 'cpu0', 2, 0, T0 + 2 * 3600)).toBeCloseTo(0.4, 6);
  });
});

describe('gaps', () => {
  it('records the time no tick came as unknown in every archive', () => {
    const { store, host } = setup();
    for (let i = 1; i <= 12; i++) tick(store, { host: [host, { cpu0: 0.5 }] }, T0 + 5 * i);
    // Nothing for 3 minutes, then one tick.
    tick(store, { host: [host, { cpu0: 0.7 }] }, T0 + 60 + 180 + 5);
    expect(read(store, host, 'cpu0', 1, 0, T0 + 60)).toBeCloseTo(0.5, 6);
    expect(read(store, host, 'cpu0', 1, 0, T0 + 120)).toBeNaN();
    expect(read(store, host, 'cpu0', 1, 0, T0 + 240)).toBeNaN();
    expect(read(store, host, 'cpu0', 0, 0, T0 + 240)).toBeNaN();
    expect(read(store, host, 'cpu0', 0, 0, T0 + 245)).toBeCloseTo(0.7, 6);
    expect(read(store, host, 'cpu0', 0, 0, T0 + 60)).toBeCloseTo(0.5, 6);
  });

  it('ignores a tick that does not move the clock on', () => {
    const { store, host } = setup();
    tick(store, { host: [host, { cpu0: 0.5 }] }, T0 + 5);
    tick(store, { host: [host, { cpu0: 0.9 }] }, T0 + 5);
    expect(read(store, host, 'cpu0', 0, 0, T0 + 5)).toBeCloseTo(0.5, 6);
  });
});

describe('slots', () => {
  it('reuses a forgotten source slot with an empty history and grows past the first capacity', () => {
    const { store, host, vm } = setup();
    const names = Array.from({ length: 100 }, (_, i) => `cpu${i}`);
    tick(store, { host: [host, Object.fromEntries(names.map((n) => [n, 0.25]))] }, T0 + 5);
    expect(store.archives.cap).toBeGreaterThanOrEqual(100);
    store.dropColumn(host, host.column.get('cpu7')!);
    store.addColumn(vm, 'memory');
    expect(read(store, vm, 'memory', 0, 0, T0 + 5)).toBeNaN();
    expect(read(store, host, 'cpu99', 0, 0, T0 + 5)).toBe(0.25);
    expect(host.names).not.toContain('cpu7');
  });

  it('sizes the archives as the layout says: 774 Float32 rows per source, 1308 more for MIN/MAX', () => {
    expect(RrdStore.rowsPerSlot()).toEqual({ average: 120 + 120 + 168 + 366, minMax: 2 * (120 + 168 + 366) });
    expect(ARCHIVES.map((a) => a.rows * a.step)).toEqual([600, 7200, 7 * DAY, 366 * DAY]);
  });
});
