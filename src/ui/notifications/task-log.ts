// The Events view's memory: the last snapshot of every task the console has
// seen, kept after the server destroys it (the XenAPI client destroys a task
// once it has followed it, so most tasks end as a 'del' event carrying the
// final record). Which object a task worked on is learned from the objects'
// current_operations (task ref → operation) while it runs. A pure reducer over
// event batches, so it is tested without a browser.
import type { ObjectEvent } from '../../xapi/event-loop';
import { isOpaqueRef } from '../../xapi/refs';
import type { RecordOf } from '../../xapi/types';

export type TaskRecord = RecordOf<'task'>;

/** The object a task acted on, with its name when the task was seen on it. */
export interface TaskObject {
  readonly cls: string;
  readonly ref: string;
  readonly name: string;
}

export interface TaskEntry {
  readonly ref: string;
  readonly task: TaskRecord;
  readonly object: TaskObject | undefined;
  /** The server no longer has the task (destroyed, or gone with a lab reset). */
  readonly gone: boolean;
  /** Order of first sight, to break ties between tasks created in the same second. */
  readonly seq: number;
}

export interface TaskLog {
  readonly entries: Readonly<Record<string, TaskEntry>>;
  /** Task → the object whose current_operations held it (kept after the task ends). */
  readonly targets: Readonly<Record<string, TaskObject>>;
  /** Tasks the user dismissed: later events for them are ignored. */
  readonly dismissed: Readonly<Record<string, true>>;
  readonly nextSeq: number;
}

export const EMPTY_LOG: TaskLog = { entries: {}, targets: {}, dismissed: {}, nextSeq: 0 };

/** The log keeps this many entries; the oldest finished ones go first. */
export const LOG_LIMIT = 500;

/**
 * Calls that run under a task but are questions, not actions (XenCenter does
 * not list them): pre-checks such as VM.assert_can_boot_here and getters.
 */
export function isQuietTask(nameLabel: string): boolean {
  const method = nameLabel.replace(/^Async\./, '');
  const call = method.slice(method.indexOf('.') + 1);
  return /^(assert_|get_|retrieve_wlb|query_)/.test(call) || /^(event|session|system)\./.test(method);
}

export function isPending(task: Pick<TaskRecord, 'status'>): boolean {
  return task.status === 'pending' || task.status === 'cancelling';
}

function asTask(snapshot: unknown): TaskRecord | undefined {
  if (typeof snapshot !== 'object' || snapshot === null) return undefined;
  return typeof (snapshot as { status?: unknown }).status === 'string' ? (snapshot as TaskRecord) : undefined;
}

/** Task refs in an object's current_operations, with the object's name. */
function operationsOf(ev: ObjectEvent): { tasks: string[]; name: string } | undefined {
  if (ev.class === 'task' || typeof ev.snapshot !== 'object' || ev.snapshot === null) return undefined;
  const rec = ev.snapshot as { current_operations?: unknown; name_label?: unknown };
  const ops = rec.current_operations;
  if (typeof ops !== 'object' || ops === null) return undefined;
  const tasks = Object.keys(ops);
  if (tasks.length === 0) return undefined;
  return { tasks, name: typeof rec.name_label === 'string' ? rec.name_label : '' };
}

/** Drop the oldest finished entries beyond the limit (pending ones always stay). */
function trim(entries: Record<string, TaskEntry>): Record<string, TaskEntry> {
  const all = Object.values(entries);
  if (all.length <= LOG_LIMIT) return entries;
  const finished = all.filter((e) => !isPending(e.task)).sort((a, b) => a.seq - b.seq);
  const out = { ...entries };
  for (const e of finished.slice(0, all.length - LOG_LIMIT)) delete out[e.ref];
  return out;
}

/**
 * Apply one batch of events. Returns `log` itself when nothing the Events
 * view shows changed, so the store does not wake its subscribers.
 * `initial`/`resync` batches hold the server's complete state: a task we saw
 * pending that is missing from one is marked gone (XenCenter: "Incomplete").
 */
export function applyTaskEvents(log: TaskLog, events: readonly ObjectEvent[], kind: 'initial' | 'resync' | 'events'): TaskLog {
  let targets = log.targets;
  let entries = log.entries;
  let nextSeq = log.nextSeq;
  const present = new Set<string>();

  // Targets first: a task and the VM that took it often change in the same batch.
  for (const ev of events) {
    const ops = operationsOf(ev);
    if (ops === undefined || ev.operation === 'del') continue;
    for (const task of ops.tasks) {
      const known = targets[task];
      if (known !== undefined && known.ref === ev.ref && known.name === ops.name) continue;
      if (targets === log.targets) targets = { ...targets };
      (targets as Record<string, TaskObject>)[task] = { cls: ev.class, ref: ev.ref, name: ops.name };
    }
  }

  const write = (ref: string, entry: TaskEntry) => {
    if (entries === log.entries) entries = { ...entries };
    (entries as Record<string, TaskEntry>)[ref] = entry;
  };

  for (const ev of events) {
    if (ev.class !== 'task') continue;
    present.add(ev.ref);
    if (log.dismissed[ev.ref] === true) continue;
    const task = asTask(ev.snapshot);
    const prev = entries[ev.ref];
    if (task === undefined) {
      // A 'del' without a snapshot: keep what we had, now gone.
      if (ev.operation === 'del' && prev !== undefined && !prev.gone) write(ev.ref, { ...prev, gone: true });
      continue;
    }
    if (prev === undefined && isQuietTask(task.name_label)) continue;
    const gone = ev.operation === 'del';
    const object = targets[ev.ref] ?? prev?.object;
    if (prev !== undefined && prev.task === task && prev.gone === gone && prev.object === object) continue;
    write(ev.ref, { ref: ev.ref, task, object, gone, seq: prev?.seq ?? nextSeq++ });
  }

  // Objects can take a task after we first saw it: attach the target late.
  if (targets !== log.targets) {
    for (const [task, object] of Object.entries(targets)) {
      const entry = entries[task];
      if (entry !== undefined && entry.object === undefined) write(task, { ...entry, object });
    }
  }

  if (kind !== 'events') {
    for (const entry of Object.values(entries)) {
      if (!present.has(entry.ref) && !entry.gone) write(entry.ref, { ...entry, gone: true });
    }
  }

  if (entries === log.entries && targets === log.targets) return log;
  const kept = entries === log.entries ? entries : trim(entries as Record<string, TaskEntry>);
  return { ...log, entries: kept, targets: trimTargets(targets, kept), nextSeq };
}

/** Targets of tasks no longer in the log are dropped once there are many. */
function trimTargets(targets: Readonly<Record<string, TaskObject>>, entries: Readonly<Record<string, TaskEntry>>): Readonly<Record<string, TaskObject>> {
  const keys = Object.keys(targets);
  if (keys.length <= LOG_LIMIT * 2) return targets;
  // Keep the newest half of the unknown ones: they may belong to tasks still to arrive.
  const unknown = keys.filter((k) => entries[k] === undefined);
  const drop = new Set(unknown.slice(0, unknown.length - LOG_LIMIT / 2));
  return Object.fromEntries(Object.entries(targets).filter(([k]) => !drop.has(k)));
}

/** The user dismissed these tasks: forget them and ignore their later events. */
export function dismissTasks(log: TaskLog, refs: readonly string[]): TaskLog {
  if (refs.length === 0) return log;
  const entries = { ...log.entries };
  const dismissed: Record<string, true> = { ...log.dismissed };
  for (const ref of refs) {
    delete entries[ref];
    dismissed[ref] = true;
  }
  return { ...log, entries, dismissed };
}

/** Someone (an action) knows which object a task is for: remember it. */
export function noteTaskObject(log: TaskLog, task: string, object: TaskObject): TaskLog {
  if (!isOpaqueRef(task)) return log;
  const entry = log.entries[task];
  return {
    ...log,
    targets: { ...log.targets, [task]: object },
    entries: entry === undefined || entry.object !== undefined ? log.entries : { ...log.entries, [task]: { ...entry, object } },
  };
}
