// A migration from start to finish as scheduled jobs: each phase ends in a
// 'vm.migrate.step' job that starts the next one. The guest keeps running on
// the source until the unpause on the target (the switch); until the
// stop-and-copy begins the task may be cancelled, and a cut network fails it,
// both leaving the VM running on the source with the target's reservation
// released.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { refreshHostMemory } from '../host/memory';
import type { JobHandler } from '../jobs';
import { createVdi, destroyVdi } from '../storage/vdi-space';
import { createConsoles, destroyConsoles } from '../vm/consoles';
import { nextDomid } from '../vm/lifecycle-jobs';
import { isHvm } from '../vm/placement';
import { hostFaultSince } from '../faults/fault-state';
import { poolOfHost } from '../pool/membership';
import { migrationBandwidth, runningMigrations } from './bandwidth';
import { dirtyProfileOf, pagesDirtied } from './dirty-model';
import { enterPhase, recordOfTask, saveRecord, type MigrationRecord, type MirrorRecord, type Phase, type RoundRecord } from './migration-record';
import { ACTIVATION_SECONDS, copySeconds, PAGE_SIZE, precopyStep, SUSPEND_SECONDS } from './precopy';
import { evacuationChildEnded } from './evacuate-run';

/** Fixed durations of XAPI's bookkeeping phases (virtual seconds; the simulator's round figures). */
const METADATA_SECONDS = 0.3;
const SQUEEZE_SECONDS = 0.1;
const RECEIVER_SECONDS = 0.6;
const CLEANUP_SECONDS = 0.4;
/** Activation on the target: devices restored, then the unpause (split of ACTIVATION_SECONDS). */
const DEVICES_SECONDS = ACTIVATION_SECONDS * 0.6;
const UNPAUSE_SECONDS = ACTIVATION_SECONDS - DEVICES_SECONDS;

/** Task progress at the start of each phase. */
const PROGRESS: Readonly<Record<Phase, number>> = {
  mirror: 0,
  metadata: 0.05,
  squeeze: 0.08,
  receiver: 0.1,
  memory: 0.15,
  suspend: 0.85,
  devices: 0.92,
  unpause: 0.95,
  cleanup: 0.97,
  done: 1,
};

export interface MigrationRequest {
  readonly vm: string;
  readonly host: string;
  readonly op: 'pool_migrate' | 'migrate_send';
  readonly live: boolean;
  /** VDI → destination SR (Storage XenMotion). */
  readonly vdiMap: Readonly<Record<string, string>>;
  /** VIF → destination network (applied at the switch). */
  readonly vifMap?: Readonly<Record<string, string>>;
  /** The migration network (host.migrate_receive's); the management network when absent. */
  readonly network?: string;
  readonly parent?: string;
}

function step(engine: Engine, record: MigrationRecord, phase: Phase, seconds: number, extra: Record<string, unknown> = {}): void {
  const next = enterPhase(engine, record, phase);
  saveRecord(engine, next);
  engine.tasks.progress(record.task, PROGRESS[phase]);
  engine.scheduler.after(seconds, 'vm.migrate.step', { task: record.task, vm: record.vm, ...extra });
}

/** Create the destination VDIs of a Storage XenMotion (all or none). */
function createMirrors(engine: Engine, vm: string, vdiMap: Readonly<Record<string, string>>): MirrorRecord[] {
  const mirrors: MirrorRecord[] = [];
  try {
    for (const vbd of engine.world.get('VM', vm).VBDs) {
      const vdi = engine.world.find('VBD', vbd)?.VDI ?? NULL_REF;
      const source = engine.world.find('VDI', vdi);
      const target = vdiMap[vdi];
      if (source === undefined || target === undefined || target === source.SR) continue;
      const copy = createVdi(engine, target, {
        name_label: source.name_label,
        name_description: source.name_description,
        type: source.type,
        virtual_size: source.virtual_size,
        physical_utilisation: source.physical_utilisation,
        read_only: source.read_only,
        sharable: source.sharable,
      });
      mirrors.push({ vdi, target_sr: target, copy, bytes: source.physical_utilisation });
    }
  } catch (e) {
    for (const m of mirrors) destroyVdi(engine, m.copy);
    throw e;
  }
  return mirrors;
}

/** Start a migration under `task` (the caller has run the pre-checks). */
export function beginMigration(engine: Engine, task: string, req: MigrationRequest): void {
  const vm = engine.world.get('VM', req.vm);
  const running = vm.power_state === 'Running';
  const mirrors = createMirrors(engine, req.vm, req.vdiMap);
  engine.operations.begin(task, [{ cls: 'VM', ref: req.vm, op: req.op }], { kind: 'vm.migrate.cancel', args: { task, vm: req.vm } });
  if (running) {
    engine.world.update('VM', req.vm, { scheduled_to_be_resident_on: req.host });
    refreshHostMemory(engine, req.host);
  }
  const memory = engine.world.find('VM_metrics', vm.metrics)?.memory_actual ?? vm.memory_target;
  const totalPages = running ? Math.ceil(memory / PAGE_SIZE) : 0;
  const bandwidth = migrationBandwidth(engine, vm.resident_on === NULL_REF ? req.host : vm.resident_on, req.host, req.network);
  const mirrorBytes = mirrors.reduce((s, m) => s + m.bytes, 0);
  const record: MigrationRecord = {
    task,
    vm: req.vm,
    source: vm.resident_on,
    destination: req.host,
    live: req.live,
    parent: req.parent ?? NULL_REF,
    status: 'running',
    phase: 'mirror',
    phase_started: {},
    started: engine.now,
    finished: null,
    memory_bytes: running ? memory : 0,
    total_pages: totalPages,
    profile: dirtyProfileOf(engine, vm),
    rounds: [],
    final_pages: 0,
    bandwidth,
    paused_at: null,
    resumed_at: null,
    downtime_ms: null,
    total_seconds: null,
    bytes_sent: 0,
    mirrors,
    mirror_seconds: mirrorBytes / bandwidth,
    vif_map: req.vifMap ?? {},
    ...(req.network === undefined ? {} : { network: req.network }),
    error: [],
  };
  if (mirrors.length > 0) {
    step(engine, record, 'mirror', record.mirror_seconds);
    engine.tasks.progressOver(task, record.mirror_seconds, 0, PROGRESS.metadata);
  } else step(engine, record, 'metadata', METADATA_SECONDS);
}

/** Send `pages` while the guest runs (`last`: the short live round after the dirty count fell under 50). */
function startRound(engine: Engine, record: MigrationRecord, pages: number, last = false): void {
  const bandwidth = migrationBandwidth(engine, record.source, record.destination, record.network);
  const seconds = copySeconds(pages, bandwidth);
  const dirtied = pagesDirtied(record.profile, seconds, record.total_pages);
  const i = record.rounds.length;
  const next = { ...enterPhase(engine, record, 'memory'), bandwidth, phase_started: { ...record.phase_started, ...(i === 0 ? { memory: engine.now } : {}) } };
  saveRecord(engine, next);
  const from = PROGRESS.memory + ((PROGRESS.suspend - PROGRESS.memory) * i) / 5;
  engine.tasks.progress(record.task, from);
  if (i === 0) engine.tasks.progressOver(record.task, seconds, from, from + (PROGRESS.suspend - PROGRESS.memory) / 5, 4);
  engine.scheduler.after(seconds, 'vm.migrate.step', { task: record.task, vm: record.vm, round: { pages, seconds, dirtied, bandwidth, ...(last ? { last } : {}) } });
}

function startStopAndCopy(engine: Engine, record: MigrationRecord, pages: number): void {
  const bandwidth = migrationBandwidth(engine, record.source, record.destination, record.network);
  const task = engine.world.get('task', record.task);
  // Past this point the source domain is suspended: the migration can no longer be cancelled.
  engine.world.update('task', record.task, { allowed_operations: task.allowed_operations.filter((o) => o !== 'cancel') });
  const next: MigrationRecord = { ...record, final_pages: pages, bandwidth, paused_at: engine.now, bytes_sent: record.bytes_sent + pages * PAGE_SIZE };
  step(engine, next, 'suspend', SUSPEND_SECONDS + copySeconds(pages, bandwidth));
}

/** The switch: the domain runs on the destination from now on. */
function activate(engine: Engine, record: MigrationRecord): MigrationRecord {
  const vm = engine.world.get('VM', record.vm);
  destroyConsoles(engine, record.vm);
  engine.world.update('VM', record.vm, { resident_on: record.destination, scheduled_to_be_resident_on: NULL_REF, domid: nextDomid(engine) });
  createConsoles(engine, record.vm, record.destination, !isHvm(vm));
  switchDisks(engine, record);
  switchNetworks(engine, record);
  refreshHostMemory(engine, record.source);
  refreshHostMemory(engine, record.destination);
  const resumed = engine.now;
  const paused = record.paused_at ?? resumed;
  return { ...record, resumed_at: resumed, downtime_ms: (resumed - paused) * 1000 };
}

/**
 * The VM's VIFs join the networks of the vif_map; a home server left in
 * another pool than the destination's is cleared (it means nothing there).
 */
function switchNetworks(engine: Engine, record: MigrationRecord): void {
  for (const [vif, network] of Object.entries(record.vif_map ?? {})) {
    if (engine.world.has('VIF', vif) && engine.world.has('network', network)) engine.world.update('VIF', vif, { network });
  }
  const affinity = engine.world.get('VM', record.vm).affinity;
  if (engine.world.has('host', affinity) && poolOfHost(engine, affinity) !== poolOfHost(engine, record.destination)) {
    engine.world.update('VM', record.vm, { affinity: NULL_REF });
  }
}

/** Storage XenMotion: the VM's disks become the mirrors; the originals are destroyed. */
function switchDisks(engine: Engine, record: MigrationRecord): void {
  for (const m of record.mirrors) {
    if (!engine.world.has('VDI', m.vdi) || !engine.world.has('VDI', m.copy)) continue;
    for (const vbd of engine.world.get('VDI', m.vdi).VBDs) engine.world.update('VBD', vbd, { VDI: m.copy });
    destroyVdi(engine, m.vdi);
  }
}

function finish(engine: Engine, record: MigrationRecord, status: MigrationRecord['status'], error: readonly string[] = []): void {
  const done: MigrationRecord = { ...record, status, error, finished: engine.now, total_seconds: engine.now - record.started, phase: status === 'success' ? 'done' : record.phase };
  saveRecord(engine, done);
  if (done.parent !== NULL_REF) evacuationChildEnded(engine, done.parent);
}

/** Why the migration stream between the two hosts is broken now (a fault), or undefined. */
function streamBroken(engine: Engine, record: MigrationRecord): string | undefined {
  for (const h of [record.source, record.destination]) {
    const host = engine.world.find('host', h);
    if (host === undefined) continue; // a halted VM's migrate_send has no source host
    if (hostFaultSince(engine, h, 'power') !== undefined || engine.world.find('host_metrics', host.metrics)?.live === false) return `Host ${host.name_label} is not reachable.`;
    if (hostFaultSince(engine, h, 'management-network') !== undefined) return `The migration network of ${host.name_label} was cut.`;
  }
  return undefined;
}

const stepJob: JobHandler = (engine, args) => {
  const task = args['task'] as string;
  const record = recordOfTask(engine, task);
  if (record === undefined || record.status !== 'running' || !engine.tasks.isPending(task)) return;
  const broken = beforeSwitch(record) ? streamBroken(engine, record) : undefined;
  if (broken !== undefined) {
    failMigration(engine, task, broken);
    return;
  }
  const vm = engine.world.get('VM', record.vm);
  switch (record.phase) {
    case 'mirror':
      step(engine, { ...record, bytes_sent: record.bytes_sent + record.mirrors.reduce((s, m) => s + m.bytes, 0) }, 'metadata', METADATA_SECONDS);
      return;
    case 'metadata':
      if (vm.power_state !== 'Running') {
        // A halted or suspended VM moves with its disks (and VIFs) only.
        switchDisks(engine, record);
        switchNetworks(engine, record);
        finish(engine, record, 'success');
        engine.tasks.succeed(task);
        return;
      }
      step(engine, record, 'squeeze', SQUEEZE_SECONDS);
      return;
    case 'squeeze':
      step(engine, record, 'receiver', RECEIVER_SECONDS);
      return;
    case 'receiver':
      if (record.live) startRound(engine, record, record.total_pages);
      else startStopAndCopy(engine, record, record.total_pages);
      return;
    case 'memory': {
      const round = args['round'] as RoundRecord;
      const next: MigrationRecord = { ...record, rounds: [...record.rounds, round], bytes_sent: record.bytes_sent + round.pages * PAGE_SIZE };
      const decision = precopyStep(next.rounds.length, round.dirtied, round.last === true);
      if (decision === 'stop-and-copy') startStopAndCopy(engine, next, round.dirtied);
      else startRound(engine, next, round.dirtied, decision === 'last-live-round');
      return;
    }
    case 'suspend':
      step(engine, record, 'devices', DEVICES_SECONDS);
      return;
    case 'devices':
      step(engine, record, 'unpause', UNPAUSE_SECONDS);
      return;
    case 'unpause':
      step(engine, activate(engine, record), 'cleanup', CLEANUP_SECONDS);
      return;
    case 'cleanup':
    case 'done':
      finish(engine, record, 'success');
      engine.tasks.succeed(task);
      return;
  }
};

/** Undo what a migration holds before its switch: the target's reservation and any mirror copies. */
function rollBack(engine: Engine, record: MigrationRecord): void {
  const vm = engine.world.find('VM', record.vm);
  if (vm !== undefined && vm.scheduled_to_be_resident_on !== NULL_REF && vm.resident_on !== vm.scheduled_to_be_resident_on) {
    const reserved = vm.scheduled_to_be_resident_on;
    engine.world.update('VM', record.vm, { scheduled_to_be_resident_on: NULL_REF });
    refreshHostMemory(engine, reserved);
  }
  for (const m of record.mirrors) if (engine.world.has('VDI', m.copy)) destroyVdi(engine, m.copy);
}

const cancelJob: JobHandler = (engine, args) => {
  const record = recordOfTask(engine, args['task'] as string);
  if (record === undefined || record.status !== 'running') return;
  rollBack(engine, record);
  finish(engine, record, 'cancelled', ['TASK_CANCELLED', record.task]);
};

/** Whether the migration is still before its switch (the guest runs on the source). */
export function beforeSwitch(record: MigrationRecord): boolean {
  return record.status === 'running' && record.resumed_at === null;
}

/** Fail a running migration before its switch: the VM stays on the source. */
export function failMigration(engine: Engine, task: string, msg: string): boolean {
  const record = recordOfTask(engine, task);
  if (record === undefined || !beforeSwitch(record)) return false;
  engine.scheduler.remove((job) => job.args['task'] === task);
  rollBack(engine, record);
  const error = xenError('VM_MIGRATE_FAILED', record.vm, record.source, record.destination, msg);
  finish(engine, record, 'failure', error.toArray());
  engine.tasks.fail(task, error);
  return true;
}

/** A fault cut `host` off: every migration to or from it that has not switched fails now. */
export function failMigrationsOf(engine: Engine, host: string): string[] {
  const failed: string[] = [];
  for (const m of runningMigrations(engine)) {
    if (m.source !== host && m.destination !== host) continue;
    for (const task of Object.keys(engine.world.get('VM', m.vm).current_operations)) {
      const record = recordOfTask(engine, task);
      const why = record === undefined ? undefined : streamBroken(engine, record);
      if (why !== undefined && failMigration(engine, task, why)) failed.push(task);
    }
  }
  return failed;
}

export const MIGRATION_JOBS: readonly (readonly [string, JobHandler])[] = [
  ['vm.migrate.step', stepJob],
  ['vm.migrate.cancel', cancelJob],
];
