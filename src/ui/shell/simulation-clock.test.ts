import { describe, expect, it } from 'vitest';
import type { XenApiClient } from '../../xapi/client';
import { XenApiError } from '../../xapi/errors';
import { formatClock, isoClock, readClock, virtualTimeAt } from './simulation-clock';

const MONDAY_0800 = Date.UTC(2026, 0, 5, 8, 0, 0) / 1000;

describe('formatClock', () => {
  it('shows the weekday, date and time to the second in UTC', () => {
    expect(formatClock(MONDAY_0800 + 192.9)).toBe('Mon 5 Jan 2026 08:03:12 UTC');
    expect(formatClock(Date.UTC(2026, 11, 31, 23, 59, 59) / 1000)).toBe('Thu 31 Dec 2026 23:59:59 UTC');
    expect(formatClock(Number.NaN)).toBe('—');
  });
  it('gives ISO text for <time>', () => {
    expect(isoClock(MONDAY_0800 + 1.5)).toBe('2026-01-05T08:00:01Z');
  });
});

describe('virtualTimeAt', () => {
  it('runs the clock on from the reading at its speed', () => {
    expect(virtualTimeAt({ unix: 100, speed: 10, readAt: 1000 }, 3000)).toBe(120);
    expect(virtualTimeAt({ unix: 100, speed: 0, readAt: 1000 }, 9000)).toBe(100);
    expect(virtualTimeAt({ unix: 100, speed: 1, readAt: 1000 }, 500)).toBe(100);
  });
});

describe('readClock', () => {
  const client = (answer: (method: string) => unknown) => ({ call: (method: string) => Promise.resolve().then(() => answer(method)) }) as unknown as XenApiClient;
  it('reads time and speed together', async () => {
    const reading = await readClock(client((m) => (m === 'Simulator.get_time' ? { unix: 42, seconds: 0, datetime: '' } : 60)), () => 7);
    expect(reading).toEqual({ unix: 42, speed: 60, readAt: 7 });
  });
  it('has no clock against a pool without the Simulator namespace', async () => {
    const reading = await readClock(
      client(() => {
        throw new XenApiError('MESSAGE_METHOD_UNKNOWN', ['Simulator.get_time']);
      }),
    );
    expect(reading).toBeNull();
  });
});
