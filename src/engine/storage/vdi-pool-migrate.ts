// VDI.pool_migrate: Storage XenMotion of one disk of a running VM to another
// SR of the pool (xapi_vm_migrate.ml vdi_pool_migrate runs a migrate_send of
// the VM to its own host with a vdi_map of just this disk). The checks come in
// xapi's order: the disk (CBT, on_boot=reset), a VM that holds it
// (VDI_NEEDS_VM_FOR_MIGRATE) and runs, what a live migration needs (no
// passed-through device, tools), then the destination SR seen from the VM's
// host. The mirror is created at once with its final size (SR_FULL), the data
// streams in virtual time, then the VM's VBDs switch to the mirror and the
// original is destroyed; the answer is the new VDI. Cancelling drops the mirror.
import { xenError } from '../../xapi/errors';
import { define, PENDING, ref, type Call, type MethodTable } from '../api/registry';
import type { JobHandler } from '../jobs';
import { toolsError } from '../migration/migrate-checks';
import { assertVmOperation } from '../vm/checks';
import { assertSrCanCreateVdis, srPluggedOn } from './sr-checks';
import { copySeconds, createCopyTarget } from './vdi-copy';
import { destroyVdi } from './vdi-space';

function migrate(call: Call, vdi: string, sr: string): string | typeof PENDING {
  const { engine, task } = call;
  const record = engine.world.get('VDI', vdi);
  if (record.cbt_enabled) throw xenError('VDI_CBT_ENABLED', vdi);
  if (record.on_boot === 'reset') throw xenError('VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION');
  const vbd = record.VBDs.map((b) => engine.world.find('VBD', b)).find((b) => b !== undefined);
  if (vbd === undefined) throw xenError('VDI_NEEDS_VM_FOR_MIGRATE', vdi);
  const vm = engine.world.get('VM', vbd.VM);
  if (vm.power_state !== 'Running') throw xenError('VM_BAD_POWER_STATE', vbd.VM, 'running', vm.power_state.toLowerCase());
  assertVmOperation(engine, vbd.VM, 'migrate_send');
  const tools = toolsError(engine, vbd.VM);
  if (tools !== undefined) throw tools;
  if (sr === record.SR) return vdi; // nothing to mirror: the disk is already there
  assertSrCanCreateVdis(engine, sr);
  if (!srPluggedOn(engine.world, sr, vm.resident_on)) throw xenError('VM_REQUIRES_SR', vbd.VM, sr);
  engine.operations.assertFree('VDI', vdi, 'mirror');

  const mirror = createCopyTarget(engine, vdi, sr);
  engine.world.update('VDI', mirror, { read_only: record.read_only, sharable: record.sharable });
  const seconds = copySeconds(engine, vdi, sr);
  engine.operations.begin(
    task,
    [
      { cls: 'VDI', ref: vdi, op: 'mirror' },
      { cls: 'VM', ref: vbd.VM, op: 'migrate_send' },
    ],
    { kind: 'vdi.pool_migrate.cancel', args: { task, mirror } },
  );
  engine.tasks.progressOver(task, seconds);
  engine.scheduler.after(seconds, 'vdi.pool_migrate.done', { task, vdi, mirror });
  return PENDING;
}

const migrateDone: JobHandler = (engine, a) => {
  const task = a['task'] as string;
  const vdi = a['vdi'] as string;
  const mirror = a['mirror'] as string;
  engine.operations.end(task);
  if (!engine.world.has('VDI', mirror)) {
    engine.tasks.fail(task, xenError('HANDLE_INVALID', 'VDI', mirror));
    return;
  }
  if (engine.world.has('VDI', vdi)) {
    // The VM now writes to the mirror: its VBDs (still plugged) point there, and the original goes.
    for (const vbd of engine.world.get('VDI', vdi).VBDs) engine.world.update('VBD', vbd, { VDI: mirror });
    destroyVdi(engine, vdi);
  }
  engine.tasks.succeed(task, mirror);
};

const migrateCancel: JobHandler = (engine, a) => {
  engine.operations.end(a['task'] as string);
  const mirror = a['mirror'] as string;
  if (engine.world.has('VDI', mirror)) destroyVdi(engine, mirror);
};

export const VDI_POOL_MIGRATE_JOBS: readonly (readonly [string, JobHandler])[] = [
  ['vdi.pool_migrate.done', migrateDone],
  ['vdi.pool_migrate.cancel', migrateCancel],
];

export function defineVdiPoolMigrateApi(table: MethodTable): void {
  define(table, {
    name: 'VDI.pool_migrate',
    params: [
      { name: 'vdi', type: ref('VDI') },
      { name: 'sr', type: ref('SR') },
      { name: 'options', type: 'string_map' },
    ],
    async: true,
    cancellable: true,
    run: (call, [vdi, sr]) => migrate(call, vdi as string, sr as string),
  });
}
