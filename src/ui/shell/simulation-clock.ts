// The simulated pool's clock for the status bar: Simulator.get_time and
// Simulator.get_speed polled every second (nothing in XenAPI's events ticks
// with the clock), and extrapolated between polls from the speed, so the
// seconds move smoothly at any speed. Against a real pool, which has no
// Simulator.* methods, there is no simulation clock (null).
import { useQuery } from '@tanstack/react-query';
import type { XenApiClient } from '../../xapi/client';
import { isXenApiError } from '../../xapi/errors';

export const simulatorKeys = {
  all: ['simulator'] as const,
  clock: () => [...simulatorKeys.all, 'clock'] as const,
};

export interface ClockReading {
  /** Virtual Unix time when read. */
  readonly unix: number;
  /** Clock speed (0 = paused). */
  readonly speed: number;
  /** performance.now() when read. */
  readonly readAt: number;
}

export const POLL_MS = 1000;

export async function readClock(client: XenApiClient, now: () => number = () => performance.now()): Promise<ClockReading | null> {
  try {
    const [time, speed] = await Promise.all([client.call<{ unix: number }>('Simulator.get_time'), client.call<number>('Simulator.get_speed')]);
    return { unix: time.unix, speed, readAt: now() };
  } catch (e) {
    if (isXenApiError(e) && e.code === 'MESSAGE_METHOD_UNKNOWN') return null;
    throw e;
  }
}

export function useClockReading(client: () => XenApiClient, enabled: boolean) {
  return useQuery({
    queryKey: simulatorKeys.clock(),
    // The lab connection replaces its client after a crash: read it at each call.
    queryFn: () => readClock(client()),
    enabled,
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
}

/** The virtual Unix time `at` (performance.now()), extrapolated from a reading. */
export function virtualTimeAt(reading: ClockReading, at: number): number {
  return reading.unix + (Math.max(0, at - reading.readAt) / 1000) * reading.speed;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "Mon 5 Jan 2026 08:03:12 UTC" (the pool's clock is shown in UTC, as the tabs show its times). */
export function formatClock(unix: number): string {
  const d = new Date(Math.floor(unix) * 1000);
  if (Number.isNaN(d.getTime())) return '—';
  return `${DAYS[d.getUTCDay()] ?? ''} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** ISO 8601 for <time dateTime> (whole seconds). */
export function isoClock(unix: number): string {
  const d = new Date(Math.floor(unix) * 1000);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace('.000Z', 'Z');
}

/** The speeds the status bar offers, as XenLab names them. */
export const SPEEDS: readonly { readonly factor: number; readonly label: string; readonly title: string }[] = [
  { factor: 0, label: 'Pause', title: 'Pause the simulation clock' },
  { factor: 1, label: '1×', title: 'Run the clock in real time' },
  { factor: 10, label: '10×', title: 'Run the clock 10 times faster than real time' },
  { factor: 60, label: '60×', title: 'Run the clock 60 times faster: a virtual minute each second' },
];
