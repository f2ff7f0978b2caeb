// A snapshot schedule's history as XenCenter shows it: the messages xapi
// raised about it (obj_uuid = the schedule's uuid), newest first. A run that
// succeeded is VMSS_SNAPSHOT_SUCCEEDED (priority 5); failures and missed runs
// are raised as alerts (priority 3 or lower, more urgent).
import type { CacheReader } from '../actions/action-types';

export interface HistoryRow {
  readonly ref: string;
  /** XenAPI datetime. */
  readonly time: string;
  readonly ok: boolean;
  readonly text: string;
}

const INFORMATIONAL = 4;

export function historyOf(cache: CacheReader, uuid: string): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const [ref, m] of cache.all('message')) {
    if (m.obj_uuid !== uuid || !m.name.startsWith('VMSS_')) continue;
    rows.push({ ref, time: m.timestamp, ok: m.priority >= INFORMATIONAL, text: m.body !== '' ? m.body : m.name });
  }
  // XenAPI datetimes (yyyymmddThh:mm:ssZ) sort as text.
  return rows.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.ref < b.ref ? 1 : -1));
}
