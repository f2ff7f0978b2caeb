// The state an icon shows, in words: a row's accessible description (its name
// is the object's name), e.g. "Running", "Halted, starting", "Maintenance mode".
import { hostCutWords, hostDownWords, srFailed } from '../format/fault-words';
import type { IconRecord } from '../format/object-icon';

/** What XenCenter's status column says while an operation runs (by XenAPI operation). */
const OPERATION_WORDS: Readonly<Record<string, string>> = {
  start: 'starting',
  start_on: 'starting',
  clean_shutdown: 'shutting down',
  hard_shutdown: 'shutting down',
  shutdown: 'shutting down',
  clean_reboot: 'rebooting',
  hard_reboot: 'rebooting',
  suspend: 'suspending',
  resume: 'resuming',
  resume_on: 'resuming',
  pause: 'pausing',
  unpause: 'unpausing',
  pool_migrate: 'migrating',
  migrate_send: 'migrating',
  snapshot: 'taking a snapshot',
  checkpoint: 'taking a snapshot',
  clone: 'cloning',
  copy: 'copying',
  destroy: 'deleting',
  evacuate: 'evacuating',
  reboot: 'rebooting',
};

function operationWords(record: IconRecord): string | undefined {
  const ops = Object.values(record.current_operations ?? {});
  const first = ops[0];
  if (first === undefined) return undefined;
  return OPERATION_WORDS[first] ?? first.replaceAll('_', ' ');
}

/**
 * Where a running VM's server stands when it is not answering: the pool still
 * records the VM as running there until HA (or the server's return) says
 * otherwise, so the tree says both.
 */
export interface ResidentHost {
  readonly record: IconRecord | undefined;
  readonly live: boolean;
}

export function residentWords(resident: ResidentHost | undefined): string | undefined {
  if (resident === undefined) return undefined;
  const down = hostDownWords(resident.record?.other_config);
  if (down !== undefined) return `server ${down.toLowerCase()}`;
  return resident.live ? undefined : 'server not responding';
}

function hostStatus(record: IconRecord, hostLive: boolean, withOp: (state: string) => string): string {
  const down = hostDownWords(record.other_config);
  if (down !== undefined) return down;
  const base = hostLive ? withOp(record.enabled === false ? 'Maintenance mode' : 'Connected') : 'Disconnected';
  return [base, ...hostCutWords(record.other_config).map((w) => w.toLowerCase())].join(', ');
}

export function objectStatus(cls: string, record: IconRecord | undefined, hostLive = true, resident?: ResidentHost): string | undefined {
  if (record === undefined) return undefined;
  const op = operationWords(record);
  const withOp = (state: string) => (op === undefined ? state : `${state}, ${op}`);
  switch (cls) {
    case 'VM': {
      if (record.is_a_snapshot === true) return 'Snapshot';
      if (record.is_a_template === true) return record.is_default_template === true ? 'Default template' : 'Custom template';
      const away = record.power_state === 'Running' || record.power_state === 'Paused' ? residentWords(resident) : undefined;
      return withOp(away === undefined ? (record.power_state ?? 'Unknown') : `${record.power_state ?? 'Unknown'}, ${away}`);
    }
    case 'host':
      return hostStatus(record, hostLive, withOp);
    case 'SR': {
      if (record.shared === true && (record.content_type === 'iso' || record.type === 'iso')) return 'ISO library';
      const kind = record.shared === true ? 'Shared storage' : 'Local storage';
      return srFailed(record.other_config) ? `${kind}, failed` : kind;
    }
    default:
      return undefined;
  }
}
