// The record of a migration: what Simulator.get_migration returns and what
// the live view draws. It lives in the world (so it survives a reload and
// event.from carries every change): in the running task's other_config while
// the migration runs, and in the VM's other_config as its last migration.
import type { Engine } from '../engine';
import type { DirtyProfile } from './dirty-model';

export const TASK_KEY = 'xenlab-migration';
export const VM_KEY = 'xenlab-last-migration';

/** XAPI's phases of a migration, in order (xapi_vm_migrate.ml, xenopsd's VM_migrate). */
export const PHASES = [
  'mirror', // Storage XenMotion only: local disks mirrored to the target SR
  'metadata', // VM metadata handed to the destination
  'squeeze', // memory squeezed towards dynamic_min if the target is short
  'receiver', // receiving domain created, memory reserved on the target
  'memory', // pre-copy rounds while the guest runs
  'suspend', // guest suspended, last dirty pages copied
  'devices', // devices restored on the target
  'unpause', // domain unpaused on the target: the switch
  'cleanup', // source domain destroyed
  'done',
] as const;
export type Phase = (typeof PHASES)[number];

export interface RoundRecord {
  readonly pages: number;
  readonly dirtied: number;
  readonly seconds: number;
  /** Bytes/s the round was sent at. */
  readonly bandwidth: number;
  /** The short live round Xen sends after the dirty count fell under 50 (then it stops and copies). */
  readonly last?: boolean;
}

export interface MirrorRecord {
  readonly vdi: string;
  readonly target_sr: string;
  /** The destination VDI created for the mirror. */
  readonly copy: string;
  readonly bytes: number;
}

export interface MigrationRecord {
  readonly task: string;
  readonly vm: string;
  readonly source: string;
  readonly destination: string;
  readonly live: boolean;
  /** Started by host.evacuate: the evacuation's task. */
  readonly parent: string;
  readonly status: 'running' | 'success' | 'failure' | 'cancelled';
  readonly phase: Phase;
  /** Virtual time each phase began, by phase. */
  readonly phase_started: Readonly<Partial<Record<Phase, number>>>;
  readonly started: number;
  readonly finished: number | null;
  readonly memory_bytes: number;
  readonly total_pages: number;
  readonly profile: DirtyProfile;
  readonly rounds: readonly RoundRecord[];
  /** Pages sent during stop-and-copy. */
  readonly final_pages: number;
  readonly bandwidth: number;
  /** Virtual times the guest stopped on the source and ran again on the target. */
  readonly paused_at: number | null;
  readonly resumed_at: number | null;
  readonly downtime_ms: number | null;
  readonly total_seconds: number | null;
  readonly bytes_sent: number;
  readonly mirrors: readonly MirrorRecord[];
  readonly mirror_seconds: number;
  /** VIF → destination network (migrate_send's vif_map; absent in records older than it). */
  readonly vif_map?: Readonly<Record<string, string>>;
  /** The migration network chosen with host.migrate_receive (absent: the management network). */
  readonly network?: string;
  readonly error: readonly string[];
}

export function readRecord(text: string | undefined): MigrationRecord | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as MigrationRecord;
  } catch {
    return undefined;
  }
}

export function recordOfTask(engine: Engine, task: string): MigrationRecord | undefined {
  return readRecord(engine.world.find('task', task)?.other_config[TASK_KEY]);
}

/** Write the record on its task (while the task exists) and, once it has ended, on the VM. */
export function saveRecord(engine: Engine, record: MigrationRecord): void {
  const text = JSON.stringify(record);
  const task = engine.world.find('task', record.task);
  if (task !== undefined) engine.world.update('task', record.task, { other_config: { ...task.other_config, [TASK_KEY]: text } });
  if (record.status !== 'running') {
    const vm = engine.world.find('VM', record.vm);
    if (vm !== undefined) engine.world.update('VM', record.vm, { other_config: { ...vm.other_config, [VM_KEY]: text } });
  }
}

export function enterPhase(engine: Engine, record: MigrationRecord, phase: Phase): MigrationRecord {
  return { ...record, phase, phase_started: { ...record.phase_started, [phase]: engine.now } };
}
