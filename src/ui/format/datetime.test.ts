import { describe, expect, it } from 'vitest';
import { formatDateTime } from './datetime';

describe('formatDateTime', () => {
  it('shows XenAPI times in UTC', () => {
    expect(formatDateTime('20261128T01:02:03Z')).toBe('28 Nov 2026, 01:02 UTC');
  });
  it('shows a dash for unset or unreadable times', () => {
    expect(formatDateTime('19700101T00:00:00Z')).toBe('—');
    expect(formatDateTime('yesterday')).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });
});
