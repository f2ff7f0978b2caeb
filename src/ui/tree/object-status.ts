// The state an icon shows, in words: a row's accessible description (its name
// is the object's name), e.g. "Running", "Halted, starting", "Maintenance mode".
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

export function objectStatus(cls: string, record: IconRecord | undefined, hostLive = true): string | undefined {
  if (record === undefined) return undefined;
  const op = operationWords(record);
  const withOp = (state: string) => (op === undefined ? state : `${state}, ${op}`);
  switch (cls) {
    case 'VM':
      if (record.is_a_snapshot === true) return 'Snapshot';
      if (record.is_a_template === true) return record.is_default_template === true ? 'Default template' : 'Custom template';
      return withOp(record.power_state ?? 'Unknown');
    case 'host':
      if (!hostLive) return 'Disconnected';
      return withOp(record.enabled === false ? 'Maintenance mode' : 'Connected');
    case 'SR':
      if (record.shared === true && (record.content_type === 'iso' || record.type === 'iso')) return 'ISO library';
      return record.shared === true ? 'Shared storage' : 'Local storage';
    default:
      return undefined;
  }
}
