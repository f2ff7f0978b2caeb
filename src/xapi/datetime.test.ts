import { describe, it, expect } from 'vitest';
import { EPOCH, formatDateTime, parseDateTime, parseUnixSeconds } from './datetime';

describe('XenAPI datetimes', () => {
  it('formats dates and Unix seconds in the basic ISO 8601 form', () => {
    expect(formatDateTime(new Date(Date.UTC(2026, 10, 28, 1, 2, 3)))).toBe('20261128T01:02:03Z');
    expect(formatDateTime(0)).toBe(EPOCH);
    expect(formatDateTime(1_795_000_000.9)).toBe(formatDateTime(1_795_000_000));
  });

  it('parses the forms servers send', () => {
    const t = Date.UTC(2026, 10, 28, 1, 2, 3) / 1000;
    expect(parseUnixSeconds('20261128T01:02:03Z')).toBe(t);
    expect(parseUnixSeconds('2026-11-28T01:02:03Z')).toBe(t);
    expect(parseUnixSeconds('20261128T01:02:03')).toBe(t);
    expect(parseUnixSeconds('20261128T03:02:03+02:00')).toBe(t);
    expect(parseUnixSeconds('20261127T23:02:03-0200')).toBe(t);
    expect(parseUnixSeconds('20261128T01:02:03.500Z')).toBe(t + 0.5);
    expect(parseUnixSeconds(EPOCH)).toBe(0);
  });

  it('round-trips', () => {
    for (const s of [0, 86_399, 951_782_400, 1_795_000_000]) expect(parseUnixSeconds(formatDateTime(s))).toBe(s);
  });

  it('rejects text that is not a datetime', () => {
    for (const s of ['', 'yesterday', '20261328T01:02:03Z', '20260230T00:00:00Z', '20261128T24:00:00Z', '20261128 01:02:03']) {
      expect(parseDateTime(s)).toBeUndefined();
    }
  });
});
