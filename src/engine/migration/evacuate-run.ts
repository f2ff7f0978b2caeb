// host.evacuate: every VM resident on the host is live-migrated elsewhere.
// The plan gives each VM the pool's host with the most free memory that can
// take it (counting the VMs already planned there), as xapi's
// compute_evacuation_plan does; a VM with no such host prevents the
// evacuation (host.get_vms_which_prevent_evacuation lists why). Each VM
// moves under its own subtask; the evacuation's task ends when they all have.
import { XenApiError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { hostMemoryFree, startFootprint } from '../host/memory';
import { migrateError } from './migrate-checks';
import { recordOfTask } from './migration-record';
import { beginMigration } from './migrate-run';

export const EVACUATE_KEY = 'xenlab-evacuate';

export interface EvacuationPlan {
  /** VM → destination host. */
  readonly moves: ReadonlyMap<string, string>;
  /** VM → the error that keeps it on the host. */
  readonly blocked: ReadonlyMap<string, XenApiError>;
}

export function evacuationPlan(engine: Engine, host: string): EvacuationPlan {
  const moves = new Map<string, string>();
  const blocked = new Map<string, XenApiError>();
  const planned = new Map<string, number>();
  const others = engine.world.refs('host').filter((h) => h !== host);
  for (const vm of engine.world.get('host', host).resident_VMs) {
    const record = engine.world.get('VM', vm);
    if (record.is_control_domain) continue;
    const need = startFootprint(record);
    const candidates = others
      .map((h) => ({ h, free: hostMemoryFree(engine, h) - (planned.get(h) ?? 0) }))
      .sort((a, b) => b.free - a.free || (a.h < b.h ? -1 : 1));
    let firstError: XenApiError | undefined;
    for (const { h, free } of candidates) {
      const error = migrateError(engine, vm, h, 'pool_migrate');
      if (error === undefined && need > free) {
        firstError ??= new XenApiError('HOST_NOT_ENOUGH_FREE_MEMORY', [need, free]);
        continue;
      }
      if (error !== undefined) {
        firstError ??= error;
        continue;
      }
      moves.set(vm, h);
      planned.set(h, (planned.get(h) ?? 0) + need);
      break;
    }
    if (!moves.has(vm)) blocked.set(vm, firstError ?? new XenApiError('NO_HOSTS_AVAILABLE', []));
  }
  return { moves, blocked };
}

/** Start the evacuation under `task`; throws the first blocking VM's error (as xapi does). */
export function beginEvacuation(engine: Engine, task: string, host: string): boolean {
  const plan = evacuationPlan(engine, host);
  const [first] = plan.blocked.values();
  if (first !== undefined) throw first;
  engine.operations.begin(task, [{ cls: 'host', ref: host, op: 'evacuate' }]);
  const moves = [...plan.moves].map(([vm, target]) => {
    const child = engine.tasks.create('VM.pool_migrate', `Migrating ${engine.world.get('VM', vm).name_label} off the host being evacuated`, true);
    engine.world.update('task', child, { subtask_of: task });
    return { vm, target, child };
  });
  // The subtasks are listed before any starts, so none can finish the evacuation early.
  const children = moves.map((m) => m.child);
  engine.world.update('task', task, { other_config: { ...engine.world.get('task', task).other_config, [EVACUATE_KEY]: JSON.stringify(children) } });
  for (const m of moves) beginMigration(engine, m.child, { vm: m.vm, host: m.target, op: 'pool_migrate', live: true, vdiMap: {}, parent: task });
  return children.length === 0;
}

/** A subtask ended: finish the evacuation once every VM has moved (or failed to). */
export function evacuationChildEnded(engine: Engine, parent: string): void {
  if (!engine.tasks.isPending(parent)) return;
  const text = engine.world.get('task', parent).other_config[EVACUATE_KEY];
  const children = text === undefined ? [] : (JSON.parse(text) as string[]);
  const records = children.map((c) => recordOfTask(engine, c));
  if (records.some((r) => r === undefined || r.status === 'running')) return;
  const failed = records.find((r) => r !== undefined && r.status !== 'success');
  if (failed === undefined) engine.tasks.succeed(parent);
  else engine.tasks.fail(parent, XenApiError.fromArray(failed.error));
}
