// Running a snapshot schedule on the virtual clock, as xapi's vmss plugin
// does: at each due time every VM of an enabled policy is snapshotted (its
// type: snapshot or checkpoint; tasks shown in XenCenter), then each VM keeps
// only the newest `retained_snapshots` of its scheduled snapshots (older ones
// are destroyed with their disks), last_run_time is set, and a message says
// how the run went (VMSS_SNAPSHOT_SUCCEEDED, or VMSS_SNAPSHOT_FAILED as an
// alert). The next run is a scheduled job, so a saved lab keeps its plan.
import { isXenApiError, xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { raiseMessage } from '../messages';
import { destroyVdi } from '../storage/vdi-space';
import { destroyVm } from '../vm/destroy';
import { takeScheduledSnapshot } from '../vm/snapshot-api';
import { nextDue } from './vmss-schedule';

const RUN = 'vmss.run';
const FINISH = 'vmss.finish';
/** How often a run looks again for its snapshot tasks to end. */
const POLL_SECONDS = 5;

/** (Re)plan a policy's next run from its current schedule. */
export function planVmss(engine: Engine, vmss: string): void {
  engine.scheduler.remove((j) => j.kind === RUN && j.args['vmss'] === vmss);
  const record = engine.world.find('VMSS', vmss);
  if (record === undefined || !record.enabled) return;
  const due = nextDue(record.frequency, record.schedule, engine.unixTime());
  engine.scheduler.after(due - engine.unixTime(), RUN, { vmss, due });
}

function stamp(engine: Engine): string {
  // 20260105-0900: the run's UTC date and time, as the plugin names snapshots.
  return engine.datetime().replace(/^(\d{8})T(\d{2}):(\d{2}).*$/, '$1-$2$3');
}

/** Snapshot each VM of the policy now; a finish job follows their tasks (and ends `task`, snapshot_now's). */
export function startRun(engine: Engine, vmss: string, task?: string): void {
  const record = engine.world.get('VMSS', vmss);
  const tasks: string[] = [];
  const failed: string[] = [];
  const op = record.type === 'checkpoint' ? 'checkpoint' : 'snapshot';
  for (const vm of record.VMs) {
    const name = `${engine.world.get('VM', vm).name_label}-${stamp(engine)}`;
    const t = engine.tasks.create(`Async.VM.${op}`, `Scheduled snapshot of ${engine.world.get('VM', vm).name_label} (${record.name_label})`, false);
    engine.world.update('task', t, { other_config: { ShowInXenCenter: '', applies_to: vm } });
    tasks.push(t);
    try {
      if (record.type === 'snapshot_with_quiesce') throw xenError('VM_SNAPSHOT_WITH_QUIESCE_NOT_SUPPORTED', vm, 'no VSS provider in the guest');
      takeScheduledSnapshot({ engine, method: `VM.${op}`, session: '', task: t }, vm, name, op);
    } catch (e) {
      const error = isXenApiError(e) ? e : xenError('INTERNAL_ERROR', String(e));
      failed.push(`${engine.world.get('VM', vm).name_label}: ${error.code}`);
      if (engine.tasks.isPending(t)) engine.tasks.fail(t, error);
    }
  }
  engine.world.update('VMSS', vmss, { last_run_time: engine.datetime() });
  engine.scheduler.after(0, FINISH, { vmss, tasks, failed, ...(task === undefined ? {} : { task }) });
}

/** Destroy a snapshot and the disks it owns (its VDIs and suspend image). */
export function destroySnapshotWithDisks(engine: Engine, snapshot: string): void {
  const record = engine.world.get('VM', snapshot);
  const disks = record.VBDs.map((v) => engine.world.find('VBD', v)).filter((v) => v !== undefined && v.type === 'Disk').map((v) => v!.VDI);
  destroyVm(engine, snapshot);
  for (const vdi of disks) if (engine.world.has('VDI', vdi)) destroyVdi(engine, vdi);
}

const finish: JobHandler = (engine, a) => {
  const vmss = a['vmss'] as string;
  const tasks = a['tasks'] as string[];
  const failed = [...(a['failed'] as string[])];
  if (tasks.some((t) => engine.tasks.isPending(t))) {
    engine.scheduler.after(POLL_SECONDS, FINISH, a as Record<string, unknown>);
    return;
  }
  const record = engine.world.find('VMSS', vmss);
  for (const t of tasks) {
    const task = engine.world.find('task', t);
    if (task?.status === 'failure' && !failed.some((f) => f.endsWith(`: ${task.error_info[0] ?? ''}`))) {
      failed.push(`${engine.world.find('VM', task.other_config['applies_to'] ?? '')?.name_label ?? '?'}: ${task.error_info[0] ?? 'error'}`);
    }
  }
  if (record !== undefined) {
    for (const vm of record.VMs) {
      const scheduled = engine.world.get('VM', vm).snapshots.map((s) => ({ s, r: engine.world.get('VM', s) })).filter((x) => x.r.is_vmss_snapshot);
      scheduled.sort((x, y) => (x.r.snapshot_time < y.r.snapshot_time ? -1 : x.r.snapshot_time > y.r.snapshot_time ? 1 : 0));
      for (const old of scheduled.slice(0, Math.max(0, scheduled.length - record.retained_snapshots))) destroySnapshotWithDisks(engine, old.s);
    }
    if (failed.length > 0) raiseMessage(engine, 'VMSS_SNAPSHOT_FAILED', 3, 'VMSS', vmss, `The snapshot schedule ${record.name_label} failed: ${failed.join('; ')}`);
    else raiseMessage(engine, 'VMSS_SNAPSHOT_SUCCEEDED', 5, 'VMSS', vmss, `The snapshot schedule ${record.name_label} took ${String(tasks.length)} snapshot(s)`);
  }
  const task = a['task'];
  if (typeof task === 'string') engine.tasks.succeed(task, failed.length > 0 ? `failed: ${failed.join('; ')}` : 'success');
};

const run: JobHandler = (engine, a) => {
  const vmss = a['vmss'] as string;
  const record = engine.world.find('VMSS', vmss);
  if (record === undefined) return;
  // A schedule changed since this job was planned: plan again instead of running.
  const due = a['due'] as number;
  if (!record.enabled || nextDue(record.frequency, record.schedule, due - 1) !== due) {
    planVmss(engine, vmss);
    return;
  }
  startRun(engine, vmss);
  planVmss(engine, vmss);
};

export const VMSS_JOBS: readonly (readonly [string, JobHandler])[] = [
  [RUN, run],
  [FINISH, finish],
];
