// "Now" on the pool's clock, for uptimes. The simulated pool's time is
// virtual (it can run at 60× or be paused), so the browser's clock is wrong;
// we ask the pool. Simulator.get_time is the lab's; against a real pool that
// method is unknown and host.get_servertime (real XenAPI) answers instead.
// A query refetched every few seconds (not an event-driven field: nothing in
// XenAPI ticks with the clock) is cheap, and uptimes are shown to the minute.
// fetchServerTime also dates the Performance tab's rrd_updates requests.
import { useQuery } from '@tanstack/react-query';
import { parseUnixSeconds } from '../../xapi/datetime';
import type { XenApiClient } from '../../xapi/client';
import { isXenApiError } from '../../xapi/errors';
import type { ObjectCache } from '../cache/object-cache';
import { useLab } from '../lab/lab-context';

export const serverTimeKeys = {
  all: ['server-time'] as const,
  now: () => [...serverTimeKeys.all, 'now'] as const,
};

const REFRESH_MS = 3000;

export async function fetchServerTime(client: XenApiClient, cache: ObjectCache): Promise<number> {
  try {
    const t = await client.call<{ unix: number }>('Simulator.get_time');
    return t.unix;
  } catch (e) {
    if (!isXenApiError(e) || e.code !== 'MESSAGE_METHOD_UNKNOWN') throw e;
  }
  const [pool] = cache.all('pool').values();
  const text = await client.call<string>('host.get_servertime', pool?.master ?? '');
  const unix = parseUnixSeconds(text);
  if (unix === undefined) throw new Error(`host.get_servertime gave an unreadable time: ${text}`);
  return unix;
}

/** The pool's current time in Unix seconds, or undefined until it has answered. */
export function useVirtualNow(): number | undefined {
  const lab = useLab();
  const query = useQuery({
    queryKey: serverTimeKeys.now(),
    queryFn: () => fetchServerTime(lab.client, lab.cache),
    refetchInterval: REFRESH_MS,
    staleTime: REFRESH_MS,
  });
  return query.data;
}

/** Seconds from a XenAPI datetime to now (undefined when either is unknown or unset). */
export function secondsSince(datetime: string | undefined, now: number | undefined): number | undefined {
  if (datetime === undefined || now === undefined) return undefined;
  const start = parseUnixSeconds(datetime);
  if (start === undefined || start <= 0) return undefined;
  return now - start;
}
