import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationShort } from './duration';

describe('formatDuration', () => {
  it('writes days, hours and minutes as XenCenter does', () => {
    expect(formatDuration(14 * 86400 + 3 * 3600 + 2 * 60 + 59)).toBe('14 days 3 hours 2 minutes');
    expect(formatDuration(86400 + 3600 + 60)).toBe('1 day 1 hour 1 minute');
    expect(formatDuration(2 * 3600)).toBe('2 hours 0 minutes');
    expect(formatDuration(125)).toBe('2 minutes');
    expect(formatDuration(30)).toBe('Less than a minute');
  });
  it('says nothing certain about unknown or negative spans', () => {
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
  it('has a short form for grids', () => {
    expect(formatDurationShort(9 * 86400 + 5 * 3600)).toBe('9d 5h');
    expect(formatDurationShort(3 * 3600 + 120)).toBe('3h 2m');
    expect(formatDurationShort(59)).toBe('<1m');
    expect(formatDurationShort(undefined)).toBe('');
  });
});
