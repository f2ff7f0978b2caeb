import { describe, expect, it } from 'vitest';
import { refreshMs, ZOOMS, zoomOf } from './zoom';

describe('zoom', () => {
  it('reads the archive that covers each range (5 s, 1 min, 1 h, 1 day)', () => {
    expect(ZOOMS.map((z) => [z.label, z.step, z.seconds / z.step])).toEqual([
      ['1 Year', 86400, 366],
      ['1 Month', 86400, 30],
      ['1 Week', 3600, 168],
      ['1 Day', 3600, 24],
      ['1 Hour', 60, 60],
      ['10 Minutes', 5, 120],
    ]);
  });

  it('refreshes once per archive step of virtual time, within 1–30 s of wall time', () => {
    expect(refreshMs(zoomOf('10m'), 1)).toBe(5000);
    expect(refreshMs(zoomOf('10m'), 60)).toBe(1000);
    expect(refreshMs(zoomOf('1h'), 10)).toBe(6000);
    expect(refreshMs(zoomOf('1w'), 60)).toBe(30_000);
    expect(refreshMs(zoomOf('10m'), 0)).toBe(5000);
  });
});
