// XenCenter's Events view: every task the console has seen, newest first,
// with a status filter and "Dismiss all" for the finished ones. An HA
// failover is one entry (its restart tasks and the pool's HA messages on one
// timeline, failover-row.tsx) among the tasks.
import { useCallback, useId, useMemo, useState } from 'react';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { NotificationsHeader } from './notifications-header';
import { BUTTON, EventRow } from './event-row';
import { EVENT_FILTERS, finishedRefs, listEvents, mergeWithFailovers, type EventFilter } from './event-list';
import { FailoverRow } from './failover-row';
import { dismissTaskEntries, useTaskLog } from './task-log-store';
import { dismissFailovers, useFailovers } from './use-failovers';

export function EventsView() {
  const entries = useTaskLog((s) => s.log.entries);
  const [filter, setFilter] = useState<EventFilter>('all');
  const filterId = useId();
  const failovers = useFailovers(entries);
  const poolName = useCacheSelector(useCallback((c: ObjectCache) => c.all('pool').values().next().value?.name_label ?? '', []));
  const grouped = useMemo(() => new Set(failovers.flatMap((f) => f.taskRefs)), [failovers]);
  const rows = useMemo(() => mergeWithFailovers(listEvents(entries, filter), failovers, filter, grouped), [entries, filter, failovers, grouped]);
  const finished = useMemo(() => finishedRefs(entries).filter((r) => !grouped.has(r)), [entries, grouped]);
  const finishedFailovers = useMemo(() => failovers.filter((f) => f.status !== 'In progress'), [failovers]);
  const total = Object.keys(entries).length - grouped.size + failovers.length;
  const dismissAll = () => {
    dismissTaskEntries(finished);
    dismissFailovers(finishedFailovers);
  };

  return (
    <section aria-labelledby={`${filterId}-title`} className="flex min-h-0 flex-1 flex-col">
      <NotificationsHeader id={`${filterId}-title`} title="Events" summary={`${String(total)} ${total === 1 ? 'event' : 'events'} · Notifications`}>
        <label htmlFor={filterId}>Filter by status</label>
        <select
          id={filterId}
          value={filter}
          onChange={(e) => setFilter(e.target.value as EventFilter)}
          className="rounded-sm border border-slate-400 bg-white px-1 py-0.5"
        >
          {EVENT_FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        {rows.length !== total && <span className="text-slate-700">{`${String(rows.length)} of ${String(total)} shown`}</span>}
        <button type="button" className={`${BUTTON} ml-auto`} disabled={finished.length === 0 && finishedFailovers.length === 0} onClick={dismissAll}>
          Dismiss all
        </button>
      </NotificationsHeader>
      <div className="min-h-0 flex-1 overflow-auto bg-white">
        {rows.length === 0 ? (
          <p className="p-4 text-slate-700">{total === 0 ? 'There are no events' : 'No events match the filter'}</p>
        ) : (
          <table aria-label="Events" className="w-full table-fixed border-collapse text-xs">
            <colgroup>
              <col className="w-[16%]" />
              <col />
              <col className="w-40" />
              <col className="w-44" />
              <col className="w-20" />
              <col className="w-48" />
            </colgroup>
            <thead className="sticky top-0 bg-slate-100 text-left">
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-2 py-1 font-medium">Object</th>
                <th scope="col" className="px-2 py-1 font-medium">Action</th>
                <th scope="col" className="px-2 py-1 font-medium">Status</th>
                <th scope="col" className="px-2 py-1 font-medium">Started</th>
                <th scope="col" className="px-2 py-1 font-medium">Duration</th>
                <th scope="col" className="px-2 py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (row.kind === 'failover' ? <FailoverRow key={row.failover.id} failover={row.failover} poolName={poolName} /> : <EventRow key={row.entry.ref} entry={row.entry} />))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
