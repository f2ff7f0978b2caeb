// The failovers the Events view shows: built from the pool's messages (object
// cache) and the console's task log, minus the ones the user dismissed.
import { useCallback } from 'react';
import { create } from 'zustand';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { buildFailovers, type Failover } from './failover-timeline';
import { nameByUuid } from './message-objects';
import type { TaskEntry } from './task-log';
import { dismissTaskEntries } from './task-log-store';

/** Failover entries dismissed in this console (their messages stay in Alerts). */
const useDismissedFailovers = create<{ readonly ids: Readonly<Record<string, true>> }>(() => ({ ids: {} }));

export function dismissFailovers(failovers: readonly Failover[]): void {
  if (failovers.length === 0) return;
  dismissTaskEntries(failovers.flatMap((f) => f.taskRefs));
  useDismissedFailovers.setState((s) => ({ ids: { ...s.ids, ...Object.fromEntries(failovers.map((f) => [f.id, true as const])) } }));
}

/** Equal when every entry says the same (a new cache revision often changes nothing here). */
function sameFailovers(a: readonly Failover[], b: readonly Failover[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

export function useFailovers(entries: Readonly<Record<string, TaskEntry>>): Failover[] {
  const dismissed = useDismissedFailovers((s) => s.ids);
  const select = useCallback(
    (cache: ObjectCache) => buildFailovers(cache.all('message'), Object.values(entries), nameByUuid(cache)).filter((f) => dismissed[f.id] !== true),
    [entries, dismissed],
  );
  return useCacheSelector(select, sameFailovers);
}
