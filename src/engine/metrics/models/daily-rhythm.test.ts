import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH } from '../../engine';
import { dailyLevel, dayOfWeek, hourOfDay, rhythmAt } from './daily-rhythm';

const H = 3600;

describe('daily rhythm', () => {
  it('the lab epoch is a Monday at 08:00 UTC', () => {
    expect(dayOfWeek(DEFAULT_EPOCH)).toBe(1);
    expect(hourOfDay(DEFAULT_EPOCH)).toBe(8);
    expect(dayOfWeek(DEFAULT_EPOCH + 5 * 86400)).toBe(6); // Saturday
  });

  it('office systems are busy at 10:00 on a weekday, quiet at night and at weekends', () => {
    const monday10 = DEFAULT_EPOCH + 2 * H;
    expect(rhythmAt('office', monday10)).toBeGreaterThan(0.9);
    expect(rhythmAt('office', monday10 + 16 * H)).toBeLessThan(0.1); // 02:00
    expect(rhythmAt('office', monday10 + 5 * 86400)).toBeLessThan(0.2); // Saturday 10:00
  });

  it('consumer traffic peaks in the evening and bottoms out before dawn', () => {
    const monday = DEFAULT_EPOCH - 8 * H;
    expect(rhythmAt('consumer', monday + 20 * H)).toBe(1);
    expect(rhythmAt('consumer', monday + 4 * H)).toBeLessThan(0.3);
    expect(rhythmAt('evening', monday + 21 * H)).toBe(1);
    expect(rhythmAt('evening', monday + 10 * H)).toBeLessThan(0.2);
  });

  it('is continuous, across midnight too', () => {
    for (const profile of ['office', 'consumer', 'evening'] as const) {
      let prev = rhythmAt(profile, DEFAULT_EPOCH);
      let worst = 0;
      for (let t = 60; t < 8 * 86400; t += 60) {
        const v = rhythmAt(profile, DEFAULT_EPOCH + t);
        worst = Math.max(worst, Math.abs(v - prev));
        prev = v;
      }
      expect(worst, profile).toBeLessThan(0.05);
    }
  });

  it('amplitude 0 is flat; a UTC offset shifts the curve', () => {
    expect(dailyLevel('office', DEFAULT_EPOCH + 18 * H, 0)).toBe(1);
    const t = DEFAULT_EPOCH + 2 * H; // 10:00 UTC
    expect(dailyLevel('office', t - 9 * H, 1, 9)).toBeCloseTo(rhythmAt('office', t));
  });
});
