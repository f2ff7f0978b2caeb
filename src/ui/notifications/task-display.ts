// How the Events view words a task, as XenCenter does: a friendly action
// title beside the raw XenAPI method, XenCenter's status words, the duration,
// and a failure explained in plain language with its code and parameters.
import { describeError } from '../../xapi/error-descriptions';
import { errorParamNames } from '../../xapi/errors';
import { parseDateTime } from '../../xapi/datetime';
import { isPending, type TaskEntry } from './task-log';

export type TaskStatusWord = 'In progress' | 'Canceling' | 'Complete' | 'Error' | 'Canceled' | 'Incomplete';

const TITLES: Readonly<Record<string, string>> = {
  'VM.start': 'Starting VM',
  'VM.start_on': 'Starting VM on server',
  'VM.clean_shutdown': 'Shutting down VM',
  'VM.hard_shutdown': 'Forcing VM shutdown',
  'VM.shutdown': 'Shutting down VM',
  'VM.clean_reboot': 'Rebooting VM',
  'VM.hard_reboot': 'Forcing VM reboot',
  'VM.suspend': 'Suspending VM',
  'VM.resume': 'Resuming VM',
  'VM.resume_on': 'Resuming VM on server',
  'VM.pause': 'Pausing VM',
  'VM.unpause': 'Unpausing VM',
  'VM.destroy': 'Deleting VM',
  'VM.clone': 'Cloning VM',
  'VM.copy': 'Copying VM',
  'VM.provision': 'Provisioning VM',
  'VM.snapshot': 'Taking snapshot',
  'VM.checkpoint': 'Taking checkpoint',
  'VM.revert': 'Reverting to snapshot',
  'VM.pool_migrate': 'Migrating VM',
  'VM.migrate_send': 'Migrating VM',
  'VM.set_name_label': 'Renaming VM',
  'host.disable': 'Disabling server',
  'host.enable': 'Enabling server',
  'host.evacuate': 'Evacuating server',
  'host.reboot': 'Rebooting server',
  'host.shutdown': 'Shutting down server',
  'SR.scan': 'Scanning storage repository',
  'SR.create': 'Creating storage repository',
  'SR.destroy': 'Destroying storage repository',
  'SR.forget': 'Forgetting storage repository',
  'VDI.create': 'Creating virtual disk',
  'VDI.destroy': 'Deleting virtual disk',
  'VDI.resize': 'Resizing virtual disk',
  'VBD.plug': 'Attaching virtual disk',
  'VBD.unplug': 'Detaching virtual disk',
  'VBD.insert': 'Inserting disc',
  'VBD.eject': 'Ejecting disc',
  'VIF.plug': 'Plugging network interface',
  'VIF.unplug': 'Unplugging network interface',
  'pool.sync_database': 'Synchronizing pool database',
};

/** The XenAPI method a task runs ('Async.VM.start' → 'VM.start'). */
export function taskMethod(nameLabel: string): string {
  return nameLabel.replace(/^Async\./, '');
}

/** 'VM.start' → 'Starting VM'; an unknown method → 'VM: set memory limits'. */
export function actionTitle(nameLabel: string): string {
  const method = taskMethod(nameLabel);
  const known = TITLES[method];
  if (known !== undefined) return known;
  const dot = method.indexOf('.');
  if (dot < 0) return method || 'Task';
  const call = method.slice(dot + 1).replace(/_/g, ' ');
  return `${method.slice(0, dot)}: ${call}`;
}

export function statusWord(entry: Pick<TaskEntry, 'task' | 'gone'>): TaskStatusWord {
  switch (entry.task.status) {
    case 'pending':
      return entry.gone ? 'Incomplete' : 'In progress';
    case 'cancelling':
      return entry.gone ? 'Incomplete' : 'Canceling';
    case 'success':
      return 'Complete';
    case 'failure':
      return 'Error';
    case 'cancelled':
      return 'Canceled';
  }
}

/** Whether a task is still running on the server (and so may show progress). */
export function isRunning(entry: Pick<TaskEntry, 'task' | 'gone'>): boolean {
  return isPending(entry.task) && !entry.gone;
}

/** Seconds since the Unix epoch of a XenAPI datetime (undefined for the epoch itself). */
export function timeOf(datetime: string): number | undefined {
  const date = parseDateTime(datetime);
  const t = date?.getTime();
  return t === undefined || t <= 0 ? undefined : t / 1000;
}

export function durationSeconds(entry: Pick<TaskEntry, 'task'>): number | undefined {
  const start = timeOf(entry.task.created);
  const end = timeOf(entry.task.finished);
  if (start === undefined || end === undefined || isPending(entry.task)) return undefined;
  return Math.max(0, end - start);
}

/** '0 s', '42 s', '3 min 5 s', '2 h 4 min'. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${String(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${String(m)} min` : `${String(m)} min ${String(s % 60)} s`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${String(h)} h` : `${String(h)} h ${String(m % 60)} min`;
}

export interface ExplainedError {
  readonly code: string;
  /** Plain-language explanation, when the code is in the catalogue. */
  readonly explanation: string | undefined;
  /** Parameters with their names from the catalogue (name '' when unknown). */
  readonly params: readonly { readonly name: string; readonly value: string }[];
}

/** error_info ([CODE, ...params]) for people. */
export function explainError(errorInfo: readonly string[]): ExplainedError | undefined {
  const [code, ...values] = errorInfo;
  if (code === undefined || code === '') return undefined;
  const names = errorParamNames(code) ?? [];
  return { code, explanation: describeError(code), params: values.map((value, i) => ({ name: names[i] ?? '', value })) };
}
