// Which tasks the Events view lists, in which order: newest first, filtered
// by status (all / in progress / errors); HA failovers among them as one
// entry each, in place of their restart tasks.
import type { Failover } from './failover-timeline';
import { timeOf } from './task-display';
import { isPending, type TaskEntry } from './task-log';

export type EventFilter = 'all' | 'running' | 'errors';

export const EVENT_FILTERS: readonly { readonly value: EventFilter; readonly label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'running', label: 'In progress' },
  { value: 'errors', label: 'Errors' },
];

function keep(entry: TaskEntry, filter: EventFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'running':
      return isPending(entry.task) && !entry.gone;
    case 'errors':
      return entry.task.status === 'failure';
  }
}

export function listEvents(entries: Readonly<Record<string, TaskEntry>>, filter: EventFilter): TaskEntry[] {
  return Object.values(entries)
    .filter((e) => keep(e, filter))
    .sort((a, b) => (timeOf(b.task.created) ?? 0) - (timeOf(a.task.created) ?? 0) || b.seq - a.seq);
}

/** The finished tasks "Dismiss all" removes (running ones stay). */
export function finishedRefs(entries: Readonly<Record<string, TaskEntry>>): string[] {
  return Object.values(entries)
    .filter((e) => !isPending(e.task) || e.gone)
    .map((e) => e.ref);
}

export type EventsRow = { readonly kind: 'task'; readonly entry: TaskEntry } | { readonly kind: 'failover'; readonly failover: Failover };

function keepFailover(f: Failover, filter: EventFilter): boolean {
  return filter === 'all' || (filter === 'running' ? f.status === 'In progress' : f.status === 'Error');
}

/** The tasks (newest first, as listEvents gives them) with the failovers put in by start time; grouped tasks left out. */
export function mergeWithFailovers(tasks: readonly TaskEntry[], failovers: readonly Failover[], filter: EventFilter, grouped: ReadonlySet<string>): EventsRow[] {
  const rows: { row: EventsRow; at: number }[] = [
    ...tasks.filter((e) => !grouped.has(e.ref)).map((entry) => ({ row: { kind: 'task' as const, entry }, at: timeOf(entry.task.created) ?? 0 })),
    ...failovers.filter((f) => keepFailover(f, filter)).map((failover) => ({ row: { kind: 'failover' as const, failover }, at: failover.start })),
  ];
  // Stable: tasks keep listEvents' order among themselves; a failover goes before tasks of its second.
  return rows
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => b.at - a.at || (a.row.kind === b.row.kind ? a.i - b.i : a.row.kind === 'failover' ? -1 : 1))
    .map((r) => r.row);
}
