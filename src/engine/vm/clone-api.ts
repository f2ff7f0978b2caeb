// Making VMs from VMs and templates: VM.clone (fast disk clones on the same
// SR), VM.copy (full copies, to one SR or each disk's own, taking virtual
// time by size), VM.provision (a template clone's disks from its 'disks'
// spec; the clone stops being a template) and VM.set_is_a_template.
// The new disks are made when the call starts, so their space is taken
// (or SR_FULL raised) at once; the new VM record appears when the task ends,
// as xapi creates it after the disk operations. Cancelling removes the disks.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { define, PENDING, ref, type Call, type MethodTable } from '../api/registry';
import type { JobHandler } from '../jobs';
import { destroyVdi } from '../storage/vdi-space';
import { CLONE_SECONDS, cloneVdi, copySeconds, createCopyTarget } from '../storage/vdi-copy';
import { assertVmOperation } from './checks';
import { createClonedVm } from './clone-record';
import { provisionDisks, provisionDisksOf } from './provision';

/** Writing the new VM's database records. */
const RECORD_SECONDS = 0.3;
/** VDI.create through SM, per disk (lvcreate or a new VHD file). */
const PROVISION_DISK_SECONDS = 1;

const vmParam = { name: 'vm', type: ref('VM') } as const;
const newName = { name: 'new_name', type: 'string' } as const;

/** The source's disks: each non-empty Disk VBD (CDs keep their ISO, not copied). */
function diskVbds(engine: Engine, vm: string): { vbd: string; vdi: string }[] {
  const out: { vbd: string; vdi: string }[] = [];
  for (const vbd of engine.world.get('VM', vm).VBDs) {
    const r = engine.world.find('VBD', vbd);
    if (r === undefined || r.empty || r.type === 'CD' || !engine.world.has('VDI', r.VDI)) continue;
    out.push({ vbd, vdi: r.VDI });
  }
  return out;
}

/** Make each new disk; if one fails, remove those already made and rethrow. */
function makeDisks(engine: Engine, disks: readonly { vbd: string; vdi: string }[], make: (vdi: string) => string): [string, string][] {
  const made: [string, string][] = [];
  try {
    for (const d of disks) made.push([d.vbd, make(d.vdi)]);
  } catch (e) {
    for (const [, vdi] of made) if (engine.world.has('VDI', vdi)) destroyVdi(engine, vdi);
    throw e;
  }
  return made;
}

function startCopyLike(call: Call, vm: string, name: string, op: 'clone' | 'copy', made: [string, string][], seconds: number): typeof PENDING {
  const { engine, task } = call;
  const vdis = made.map(([, vdi]) => vdi);
  engine.operations.begin(task, [{ cls: 'VM', ref: vm, op }], { kind: 'vm.clone.cancel', args: { task, vdis } });
  engine.tasks.progressOver(task, seconds);
  engine.scheduler.after(seconds, 'vm.clone.done', { task, vm, name, disks: made });
  return PENDING;
}

function clone(call: Call, vm: string, name: string): typeof PENDING {
  const { engine } = call;
  assertVmOperation(engine, vm, 'clone');
  const disks = diskVbds(engine, vm);
  const made = makeDisks(engine, disks, (vdi) => cloneVdi(engine, vdi));
  return startCopyLike(call, vm, name, 'clone', made, RECORD_SECONDS + CLONE_SECONDS * disks.length);
}

function copy(call: Call, vm: string, name: string, sr: string): typeof PENDING {
  const { engine } = call;
  // An SR that does not exist is not an error: each disk is copied within its own SR.
  const target = engine.world.has('SR', sr) ? sr : undefined;
  if (target !== undefined && engine.world.get('SR', target).content_type === 'iso') {
    throw xenError('OPERATION_NOT_ALLOWED', "Cannot copy a VM's disks to an ISO SR");
  }
  assertVmOperation(engine, vm, 'copy');
  const disks = diskVbds(engine, vm);
  let seconds = RECORD_SECONDS;
  const made = makeDisks(engine, disks, (vdi) => {
    const to = target ?? engine.world.get('VDI', vdi).SR;
    seconds += copySeconds(engine, vdi, to);
    return createCopyTarget(engine, vdi, to);
  });
  return startCopyLike(call, vm, name, 'copy', made, seconds);
}

function provision(call: Call, vm: string): unknown {
  const { engine, task } = call;
  assertVmOperation(engine, vm, 'provision');
  if (!engine.world.get('VM', vm).is_a_template) throw xenError('PROVISION_ONLY_ALLOWED_ON_TEMPLATE');
  const disks = provisionDisksOf(engine, vm);
  setIsATemplate(engine, vm, false);
  if (disks.length === 0) return undefined;
  provisionDisks(engine, vm, disks);
  const other = { ...engine.world.get('VM', vm).other_config };
  delete other['disks'];
  delete other['postinstall'];
  engine.world.update('VM', vm, { other_config: other });
  const seconds = PROVISION_DISK_SECONDS * disks.length;
  engine.operations.begin(task, [{ cls: 'VM', ref: vm, op: 'provision' }]);
  engine.tasks.progressOver(task, seconds, 0.1);
  engine.scheduler.after(seconds, 'task.succeed', { task });
  return PENDING;
}

/** VM.set_is_a_template: false marks the install time; true (make_into_template) drops the VM's metrics, as xapi does. */
export function setIsATemplate(engine: Engine, vm: string, value: boolean): void {
  const record = engine.world.get('VM', vm);
  if (value) {
    assertVmOperation(engine, vm, 'make_into_template');
    if (engine.world.has('VM_metrics', record.metrics)) engine.world.destroy('VM_metrics', record.metrics);
    engine.world.update('VM', vm, { is_a_template: true, ha_always_run: false, metrics: NULL_REF });
    return;
  }
  if (engine.world.has('VM_metrics', record.metrics)) {
    engine.world.update('VM_metrics', record.metrics, { install_time: engine.datetime() });
    engine.world.update('VM', vm, { is_a_template: false });
  } else {
    // xapi would make the metrics at the next start; a VM here always has a record to show.
    const metrics = engine.world.create('VM_metrics', { state: [], current_domain_type: 'unspecified', install_time: engine.datetime(), last_updated: engine.datetime() });
    engine.world.update('VM', vm, { is_a_template: false, metrics });
  }
}

const cloneDone: JobHandler = (engine, a) => {
  const task = a['task'] as string;
  const disks = new Map(a['disks'] as [string, string][]);
  const vm = a['vm'] as string;
  if (!engine.world.has('VM', vm)) {
    for (const vdi of disks.values()) if (engine.world.has('VDI', vdi)) destroyVdi(engine, vdi);
    engine.tasks.fail(task, xenError('HANDLE_INVALID', 'VM', vm));
    return;
  }
  engine.tasks.succeed(task, createClonedVm(engine, vm, a['name'] as string, disks));
};

const cloneCancel: JobHandler = (engine, a) => {
  for (const vdi of a['vdis'] as string[]) if (engine.world.has('VDI', vdi)) destroyVdi(engine, vdi);
};

const taskSucceed: JobHandler = (engine, a) => {
  engine.tasks.succeed(a['task'] as string, a['result']);
};

export const VM_CLONE_JOBS: readonly (readonly [string, JobHandler])[] = [
  ['vm.clone.done', cloneDone],
  ['vm.clone.cancel', cloneCancel],
  ['task.succeed', taskSucceed],
];

export function defineVmCloneApi(table: MethodTable): void {
  define(table, { name: 'VM.clone', params: [vmParam, newName], async: true, cancellable: true, run: (call, [vm, name]) => clone(call, vm as string, name as string) });
  define(table, {
    name: 'VM.copy',
    // sr may be NULL (copy within each disk's SR): checked in copy().
    params: [vmParam, newName, { name: 'sr', type: 'string' }],
    async: true,
    cancellable: true,
    run: (call, [vm, name, sr]) => copy(call, vm as string, name as string, sr as string),
  });
  define(table, { name: 'VM.provision', params: [vmParam], async: true, run: (call, [vm]) => provision(call, vm as string) });
  define(table, {
    name: 'VM.set_is_a_template',
    params: [
      { name: 'self', type: ref('VM') },
      { name: 'value', type: 'bool' },
    ],
    run: ({ engine }, [self, value]) => setIsATemplate(engine, self as string, value as boolean),
  });
}
