// Which tasks the Events view lists, in which order: newest first, filtered
// by status (all / in progress / errors).
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
