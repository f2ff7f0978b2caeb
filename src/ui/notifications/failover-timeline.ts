// One HA failover as one entry of the Events view: the pool's messages (the
// fault that began it, HA_HOST_FAILED, HA_HOST_WAS_FENCED,
// HA_POOL_MASTER_CHANGED, HA_STATEFILE_LOST …) and the "HA restart of <VM>"
// tasks the coordinator ran, grouped and put in order on a clock that starts
// at the failure (t+0 s), with how long each restarted VM was down. Pure:
// messages and task entries in, timelines out.
//
// Grouping: the items are sorted by time and cut wherever two are more than
// GAP_SECONDS apart; a group is a failover when HA declared a server dead or a
// server fenced itself in it. t+0 is the first simulated fault of the group
// (else its first item). A VM's downtime runs from when its server stopped —
// the power cut, else the fence — to the end of its restart task.
import { alertTitle, type MessageRecord } from './alert-list';
import { formatDuration, timeOf } from './task-display';
import { isPending, type TaskEntry } from './task-log';

/** Items further apart than this belong to different stories (the HA timeout is 60 s by default). */
export const GAP_SECONDS = 300;

export const RESTART_PREFIX = 'HA restart of ';
const FAULT_INJECTED = 'XENLAB_FAULT_INJECTED';
const FAULT_CLEARED = 'XENLAB_FAULT_CLEARED';
const TRIGGERS = new Set(['HA_HOST_FAILED', 'HA_HOST_WAS_FENCED']);

/** xapi's HA messages (api_messages.ml) that tell part of a failover. */
export const FAILOVER_MESSAGES: ReadonlySet<string> = new Set([
  ...TRIGGERS,
  'HA_POOL_MASTER_CHANGED',
  'HA_PROTECTED_VM_RESTART_FAILED',
  'HA_POOL_OVERCOMMITTED',
  'HA_POOL_DROP_IN_PLAN_EXISTS_FOR',
  'HA_STATEFILE_LOST',
  'HA_STATEFILE_APPROACHING_TIMEOUT',
  'HA_HEARTBEAT_APPROACHING_TIMEOUT',
  'HA_NETWORK_BONDING_ERROR',
  FAULT_INJECTED,
  FAULT_CLEARED,
]);

export type StepKind = 'fault' | 'repair' | 'ha' | 'restart' | 'restarted' | 'restart-failed';

export interface TimelineStep {
  /** Seconds after t+0. */
  readonly offset: number;
  readonly kind: StepKind;
  /** Short words: "HA: server failed", "HA restart of web-01". */
  readonly title: string;
  /** The object named, the message body, or the outcome. */
  readonly detail: string;
}

export interface VmRestart {
  readonly vm: string;
  readonly task: string;
  readonly status: 'running' | 'restarted' | 'failed';
  /** Seconds the VM was down (undefined while its restart runs). */
  readonly downSeconds: number | undefined;
}

export type FailoverStatus = 'In progress' | 'Complete' | 'Error';

export interface Failover {
  /** Stable id: the ref of the group's first HA trigger message. */
  readonly id: string;
  /** t+0, Unix seconds, and as the datetime the pool wrote. */
  readonly start: number;
  readonly startStamp: string;
  /** Seconds from t+0 to the last step. */
  readonly duration: number;
  /** Servers HA declared dead or that fenced themselves, by name. */
  readonly failedHosts: readonly string[];
  readonly steps: readonly TimelineStep[];
  readonly restarts: readonly VmRestart[];
  /** The restart tasks the entry stands for (hidden from the plain task list). */
  readonly taskRefs: readonly string[];
  readonly status: FailoverStatus;
}

export type NameByUuid = (cls: string, uuid: string) => string | undefined;

type Item =
  | { readonly kind: 'message'; readonly at: number; readonly ref: string; readonly m: MessageRecord }
  | { readonly kind: 'task'; readonly at: number; readonly entry: TaskEntry };

/** The VM a restart task is for, from its description ("HA restart of web-01"). */
export function restartedVm(entry: TaskEntry): string | undefined {
  const d = entry.task.name_description;
  return d.startsWith(RESTART_PREFIX) ? d.slice(RESTART_PREFIX.length) : undefined;
}

/** "t+0 s", "t+75 s", "t+12 min 5 s": seconds stay seconds for the first ten minutes. */
export function formatOffset(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 600) return `t+${String(s)} s`;
  const m = Math.floor(s / 60);
  return s % 60 === 0 ? `t+${String(m)} min` : `t+${String(m)} min ${String(s % 60)} s`;
}

function collect(messages: Iterable<readonly [string, MessageRecord]>, tasks: Iterable<TaskEntry>): Item[] {
  const items: Item[] = [];
  for (const [ref, m] of messages) {
    const at = timeOf(m.timestamp);
    if (at !== undefined && FAILOVER_MESSAGES.has(m.name)) items.push({ kind: 'message', at, ref, m });
  }
  for (const entry of tasks) {
    const at = timeOf(entry.task.created);
    if (at !== undefined && restartedVm(entry) !== undefined) items.push({ kind: 'task', at, entry });
  }
  // Same second: messages first (the fault, then HA's verdict), then the restarts it caused.
  const rank = (i: Item) => (i.kind === 'task' ? 2 : i.m.name === FAULT_INJECTED ? 0 : 1);
  const key = (i: Item) => (i.kind === 'task' ? i.entry.seq : 0);
  return items.sort((a, b) => a.at - b.at || rank(a) - rank(b) || key(a) - key(b) || (a.kind === 'message' && b.kind === 'message' ? (a.ref < b.ref ? -1 : 1) : 0));
}

function groups(items: readonly Item[]): Item[][] {
  const out: Item[][] = [];
  let current: Item[] = [];
  for (const item of items) {
    const last = current[current.length - 1];
    if (last !== undefined && item.at - last.at > GAP_SECONDS) {
      out.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function messageStep(m: MessageRecord, nameOf: NameByUuid): Omit<TimelineStep, 'offset'> {
  const object = nameOf(m.cls, m.obj_uuid) ?? '';
  if (m.name === FAULT_INJECTED) return { kind: 'fault', title: 'Fault injected', detail: m.body };
  if (m.name === FAULT_CLEARED) return { kind: 'repair', title: 'Fault repaired', detail: m.body };
  return { kind: 'ha', title: object === '' ? alertTitle(m.name) : `${alertTitle(m.name)} — ${object}`, detail: m.body };
}

function buildFailover(group: readonly Item[], nameOf: NameByUuid): Failover | undefined {
  const trigger = group.find((i) => i.kind === 'message' && TRIGGERS.has(i.m.name));
  if (trigger === undefined || trigger.kind !== 'message') return undefined;
  const first = group.find((i) => i.kind === 'message' && i.m.name === FAULT_INJECTED) ?? group[0];
  if (first === undefined) return undefined;
  const start = first.at;
  const startStamp = first.kind === 'message' ? first.m.timestamp : first.entry.task.created;
  // When guests stopped: a power cut stops them at once, a fence when it fires.
  const stops = group.flatMap((i) => (i.kind === 'message' && ((i.m.name === FAULT_INJECTED && /power was cut/.test(i.m.body)) || i.m.name === 'HA_HOST_WAS_FENCED') ? [i.at] : []));
  const downSince = stops.length > 0 ? Math.min(...stops) : start;

  const steps: TimelineStep[] = [];
  const restarts: VmRestart[] = [];
  const failedHosts: string[] = [];
  let end = start;
  const add = (at: number, step: Omit<TimelineStep, 'offset'>) => {
    steps.push({ offset: Math.max(0, at - start), ...step });
    end = Math.max(end, at);
  };
  for (const item of group) {
    if (item.kind === 'message') {
      add(item.at, messageStep(item.m, nameOf));
      if (TRIGGERS.has(item.m.name)) {
        const host = nameOf(item.m.cls, item.m.obj_uuid);
        if (host !== undefined && !failedHosts.includes(host)) failedHosts.push(host);
      }
      continue;
    }
    const { entry } = item;
    const vm = restartedVm(entry) ?? '';
    add(item.at, { kind: 'restart', title: `HA restart of ${vm}`, detail: 'VM.start_on on a surviving server' });
    const finished = timeOf(entry.task.finished);
    if (isPending(entry.task) && !entry.gone) {
      restarts.push({ vm, task: entry.ref, status: 'running', downSeconds: undefined });
    } else if (entry.task.status === 'success' && finished !== undefined) {
      add(finished, { kind: 'restarted', title: `${vm} running again`, detail: `down for ${formatDuration(Math.max(0, finished - downSince))}` });
      restarts.push({ vm, task: entry.ref, status: 'restarted', downSeconds: Math.max(0, finished - downSince) });
    } else {
      const code = entry.task.error_info[0] ?? 'the task did not finish';
      add(finished ?? item.at, { kind: 'restart-failed', title: `${vm} not restarted`, detail: code });
      restarts.push({ vm, task: entry.ref, status: 'failed', downSeconds: undefined });
    }
  }
  steps.sort((a, b) => a.offset - b.offset);
  const failedMessage = group.some((i) => i.kind === 'message' && i.m.name === 'HA_PROTECTED_VM_RESTART_FAILED');
  const status: FailoverStatus = restarts.some((r) => r.status === 'running') ? 'In progress' : failedMessage || restarts.some((r) => r.status === 'failed') ? 'Error' : 'Complete';
  return {
    id: trigger.ref,
    start,
    startStamp,
    duration: end - start,
    failedHosts,
    steps,
    restarts,
    taskRefs: restarts.map((r) => r.task),
    status,
  };
}

/** Every failover the pool's messages and the console's task log tell of, newest first. */
export function buildFailovers(messages: Iterable<readonly [string, MessageRecord]>, tasks: Iterable<TaskEntry>, nameOf: NameByUuid): Failover[] {
  return groups(collect(messages, tasks))
    .flatMap((g) => {
      const f = buildFailover(g, nameOf);
      return f === undefined ? [] : [f];
    })
    .sort((a, b) => b.start - a.start);
}

/** The entry's one-line summary: who failed, what came back, the longest outage. */
export function failoverSummary(f: Failover): string {
  const who = f.failedHosts.length === 0 ? 'A server failed' : `${f.failedHosts.join(', ')} failed`;
  const back = f.restarts.filter((r) => r.status === 'restarted');
  const longest = Math.max(0, ...back.map((r) => r.downSeconds ?? 0));
  const vms = f.restarts.length === 0 ? 'no VM to restart' : `${String(back.length)} of ${String(f.restarts.length)} VM${f.restarts.length === 1 ? '' : 's'} restarted`;
  return `${who}; ${vms}${back.length > 0 ? `, longest downtime ${formatDuration(longest)}` : ''}`;
}
