import { describe, expect, it } from 'vitest';
import { averagedAmplitude, burstCoverage, fluctuation, hashKey, salt, smooth, unit } from './noise';

describe('counter-based noise', () => {
  it('gives the same value for the same inputs and a different one for other inputs', () => {
    const key = hashKey(42, '7b2a1c1e-0000-4000-8000-000000000001');
    expect(unit(key, salt('cpu0'), 17)).toBe(unit(key, salt('cpu0'), 17));
    expect(unit(key, salt('cpu0'), 17)).not.toBe(unit(key, salt('cpu0'), 18));
    expect(unit(key, salt('cpu0'), 17)).not.toBe(unit(key, salt('cpu1'), 17));
    expect(hashKey(42, 'a')).not.toBe(hashKey(43, 'a'));
  });

  it('keeps neighbouring salts independent (no pairs of equal streams)', () => {
    const key = hashKey(1, 'host');
    const base = salt('pcpu');
    const values = Array.from({ length: 64 }, (_, i) => unit(key, (base + i) >>> 0, 5));
    expect(new Set(values).size).toBe(64);
  });

  it('is uniform in [0, 1)', () => {
    const key = hashKey(9, 'vm');
    const n = 20000;
    let sum = 0;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) {
      const u = unit(key, 3, i);
      if (!(u >= 0 && u < 1)) throw new Error(`out of range: ${String(u)}`);
      sum += u;
      buckets[Math.floor(u * 10)]! += 1;
    }
    expect(sum / n).toBeCloseTo(0.5, 1);
    for (const b of buckets) expect(b / n).toBeGreaterThan(0.08);
  });

  it('smooth noise is continuous and stays in [-1, 1]', () => {
    const key = hashKey(5, 'x');
    let prev = smooth(key, 1, 0, 60);
    let worstStep = 0;
    let largest = 0;
    for (let t = 0.5; t < 600; t += 0.5) {
      const v = smooth(key, 1, t, 60);
      largest = Math.max(largest, Math.abs(v));
      worstStep = Math.max(worstStep, Math.abs(v - prev));
      prev = v;
    }
    expect(largest).toBeLessThanOrEqual(1);
    expect(worstStep).toBeLessThan(0.1);
  });

  it('averaging over a long interval damps short octaves as the square root of the ratio', () => {
    expect(averagedAmplitude(15, 5)).toBe(1);
    expect(averagedAmplitude(15, 60)).toBeCloseTo(0.5);
    const key = hashKey(3, 'y');
    const spread = (dt: number) => {
      let s = 0;
      for (let i = 1; i <= 400; i++) s += fluctuation(key, 2, i * 3600, dt) ** 2;
      return Math.sqrt(s / 400);
    };
    expect(spread(3600)).toBeLessThan(spread(5));
  });

  it('burst coverage: exact over short intervals, the duty cycle on average', () => {
    const key = hashKey(11, 'build');
    // Over one slot exactly: either a burst of `duty` of it or none.
    let covered = 0;
    for (let slot = 0; slot < 500; slot++) {
      const c = burstCoverage(key, 4, (slot + 1) * 1800, 1800, 1800, 0.25, () => 0.6);
      expect([0, 0.25].some((x) => Math.abs(c - x) < 1e-9)).toBe(true);
      covered += c;
    }
    expect(covered / 500).toBeGreaterThan(0.6 * 0.25 * 0.8);
    expect(covered / 500).toBeLessThan(0.6 * 0.25 * 1.2);
    // Over a long interval: the expectation.
    expect(burstCoverage(key, 4, 86400, 86400, 1800, 0.25, () => 0.6)).toBeCloseTo(0.15);
    // 5-second samples of a slot add up to the slot's coverage.
    let sum = 0;
    for (let t = 5; t <= 1800; t += 5) sum += burstCoverage(key, 4, 1800 * 7 + t, 5, 1800, 0.25, () => 1);
    expect((sum * 5) / 1800).toBeCloseTo(0.25, 5);
  });
});
