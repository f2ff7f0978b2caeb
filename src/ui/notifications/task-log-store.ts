// The task log as a store the Events view reads, fed from the object cache's
// event stream (which also carries tasks created and destroyed within one
// frame, that the cache's tables never hold).
import { useEffect } from 'react';
import { create } from 'zustand';
import type { EventBatch, ObjectEvent } from '../../xapi/event-loop';
import { useLab } from '../lab/lab-context';
import { applyTaskEvents, dismissTasks, EMPTY_LOG, noteTaskObject, type TaskLog, type TaskObject } from './task-log';

export const useTaskLog = create<{ readonly log: TaskLog }>(() => ({ log: EMPTY_LOG }));

export function recordTaskEvents(events: readonly ObjectEvent[], kind: EventBatch['kind']): void {
  const { log } = useTaskLog.getState();
  const next = applyTaskEvents(log, events, kind);
  if (next !== log) useTaskLog.setState({ log: next });
}

export function dismissTaskEntries(refs: readonly string[]): void {
  useTaskLog.setState((s) => ({ log: dismissTasks(s.log, refs) }));
}

/**
 * For actions that know which object their task is for (e.g. a call refused
 * before the object took the task): `rememberTaskObject(taskRef, { cls: 'VM', ref, name })`.
 */
export function rememberTaskObject(task: string, object: TaskObject): void {
  useTaskLog.setState((s) => ({ log: noteTaskObject(s.log, task, object) }));
}

/** Classes whose objects hold tasks in current_operations and can be a task's object. */
const TASK_HOLDERS = ['VM', 'host', 'pool', 'SR', 'VDI', 'network'] as const;

/** Keep the task log fed while the console is up (mounted once, by the toasts region). */
export function useTaskLogFeed(): void {
  const lab = useLab();
  useEffect(() => {
    // Whatever the cache already holds (the view may mount after the first batches).
    const seed: ObjectEvent[] = [];
    for (const cls of TASK_HOLDERS) {
      for (const [ref, snapshot] of lab.cache.all(cls)) seed.push({ operation: 'add', class: cls, ref, snapshot });
    }
    for (const [ref, snapshot] of lab.cache.all('task')) seed.push({ operation: 'add', class: 'task', ref, snapshot });
    recordTaskEvents(seed, 'events');
    return lab.cache.subscribeEvents(recordTaskEvents);
  }, [lab]);
}
