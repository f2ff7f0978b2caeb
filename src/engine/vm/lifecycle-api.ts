// VM power operations: start, start_on, clean/hard shutdown, clean/hard
// reboot, suspend, resume, resume_on, pause, unpause, destroy. Each checks
// everything first (so a refused call changes nothing), then puts its
// operation on the VM and schedules its end in virtual time.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { refreshHostMemory, startFootprint } from '../host/memory';
import { define, PENDING, ref, type Call, type MethodTable, type Param } from '../api/registry';
import { createVdi, srBandwidth } from '../storage/vdi-space';
import { assertVmOperation } from './checks';
import { assertBootable } from '../guest/boot';
import { lacksGuestDrivers } from './guest-tools';
import {
  cleanShutdownSeconds,
  domainBuildSeconds,
  HARD_SHUTDOWN_SECONDS,
  memoryImageSeconds,
  PAUSE_SECONDS,
} from './durations';
import { destroyVm } from './destroy';
import { assertPlanHolds } from '../ha/ha-plan';
import { bootError } from './placement';
import { chooseStartHost } from '../wlb/wlb-placement';
import { makeRoomFor } from '../metrics/models/memory-dmc';
import { suspendImageSize, suspendSr } from './suspend-image';

const vmParam = { name: 'vm', type: ref('VM') } as const;
const hostParam = { name: 'host', type: ref('host') } as const;
const startPaused = { name: 'start_paused', type: 'bool' } as const;
const force = { name: 'force', type: 'bool' } as const;

/** Put `op` on the VM for the call's task and schedule `kind` after `seconds`. */
function schedule(call: Call, vm: string, op: string, seconds: number, kind: string, args: Record<string, unknown>, cancellable: boolean): typeof PENDING {
  const { engine, task } = call;
  engine.operations.begin(task, [{ cls: 'VM', ref: vm, op }], cancellable ? { kind: 'vm.op.cancel', args: { ...args, task, vm } } : undefined);
  engine.tasks.progressOver(task, seconds);
  engine.scheduler.after(seconds, kind, { ...args, task, vm });
  return PENDING;
}

function reserve(engine: Engine, vm: string, host: string): void {
  engine.world.update('VM', vm, { scheduled_to_be_resident_on: host });
  refreshHostMemory(engine, host);
}

function start(call: Call, vm: string, host: string | undefined, paused: boolean, op: string): typeof PENDING {
  const { engine } = call;
  assertVmOperation(engine, vm, op);
  const record = engine.world.get('VM', vm);
  if (record.VCPUs_at_startup < 1) throw xenError('VM_NO_VCPUS', vm);
  assertBootable(engine, vm);
  if (record.VCPUs_at_startup > record.VCPUs_max) throw xenError('VALUE_NOT_SUPPORTED', 'VCPUs_at_startup', String(record.VCPUs_at_startup), 'more than VCPUs_max');
  let target: string;
  if (host === undefined) target = chooseStartHost(engine, vm);
  else {
    const error = bootError(engine, vm, host);
    if (error !== undefined) throw error;
    target = host;
  }
  assertPlanHolds(engine, { arriving: { vm, host: target } });
  // Squeeze the host's ballooning guests first if it is short; the build waits for their balloons.
  const squeeze = makeRoomFor(engine, target, startFootprint(record));
  const pending: typeof PENDING = schedule(call, vm, op, squeeze + domainBuildSeconds(startFootprint(record)), 'vm.start.done', { host: target, paused }, true);
  reserve(engine, vm, target); // after the operation is on the VM: reservations are found through running operations
  return pending;
}

function resume(call: Call, vm: string, host: string | undefined, paused: boolean, op: string): typeof PENDING {
  const { engine } = call;
  assertVmOperation(engine, vm, op);
  const record = engine.world.get('VM', vm);
  let target: string;
  if (host === undefined) target = chooseStartHost(engine, vm);
  else {
    const error = bootError(engine, vm, host);
    if (error !== undefined) throw error;
    target = host;
  }
  assertPlanHolds(engine, { arriving: { vm, host: target } });
  const sr = engine.world.find('VDI', record.suspend_VDI)?.SR;
  const bandwidth = srBandwidth(engine.world.find('SR', sr ?? NULL_REF)?.type ?? '');
  const squeeze = makeRoomFor(engine, target, startFootprint(record));
  const pending: typeof PENDING = schedule(call, vm, op, squeeze + memoryImageSeconds(record.memory_target, bandwidth), 'vm.resume.done', { host: target, paused }, true);
  reserve(engine, vm, target);
  return pending;
}

export function defineVmLifecycleApi(table: MethodTable): void {
  const lifecycle = (name: string, params: readonly Param[], run: (call: Call, args: readonly unknown[]) => unknown, cancellable = false) =>
    define(table, { name, params, async: true, cancellable, run });

  lifecycle('VM.start', [vmParam, startPaused, force], (call, [vm, paused]) => start(call, vm as string, undefined, paused as boolean, 'start'), true);
  lifecycle('VM.start_on', [vmParam, hostParam, startPaused, force], (call, [vm, host, paused]) => start(call, vm as string, host as string, paused as boolean, 'start_on'), true);
  lifecycle('VM.resume', [vmParam, startPaused, force], (call, [vm, paused]) => resume(call, vm as string, undefined, paused as boolean, 'resume'), true);
  lifecycle('VM.resume_on', [vmParam, hostParam, startPaused, force], (call, [vm, host, paused]) => resume(call, vm as string, host as string, paused as boolean, 'resume_on'), true);

  lifecycle('VM.clean_shutdown', [vmParam], (call, [vm]) => {
    assertVmOperation(call.engine, vm as string, 'clean_shutdown');
    // An HVM guest without PV drivers cannot be asked: xenopsd powers the domain off at once.
    const seconds = lacksGuestDrivers(call.engine, vm as string) ? HARD_SHUTDOWN_SECONDS : cleanShutdownSeconds(call.engine.world.get('VM', vm as string));
    return schedule(call, vm as string, 'clean_shutdown', seconds, 'vm.halt.done', {}, true);
  }, true);
  lifecycle('VM.hard_shutdown', [vmParam], (call, [vm]) => {
    assertVmOperation(call.engine, vm as string, 'hard_shutdown');
    return schedule(call, vm as string, 'hard_shutdown', HARD_SHUTDOWN_SECONDS, 'vm.halt.done', {}, false);
  });
  lifecycle('VM.clean_reboot', [vmParam], (call, [vm]) => {
    const { engine } = call;
    assertVmOperation(engine, vm as string, 'clean_reboot');
    const record = engine.world.get('VM', vm as string);
    const down = lacksGuestDrivers(engine, vm as string) ? HARD_SHUTDOWN_SECONDS : cleanShutdownSeconds(record);
    const seconds = down + domainBuildSeconds(startFootprint(record));
    return schedule(call, vm as string, 'clean_reboot', seconds, 'vm.reboot.done', {}, false);
  });
  lifecycle('VM.hard_reboot', [vmParam], (call, [vm]) => {
    const { engine } = call;
    assertVmOperation(engine, vm as string, 'hard_reboot');
    const seconds = HARD_SHUTDOWN_SECONDS + domainBuildSeconds(startFootprint(engine.world.get('VM', vm as string)));
    return schedule(call, vm as string, 'hard_reboot', seconds, 'vm.reboot.done', {}, false);
  });
  lifecycle('VM.suspend', [vmParam], (call, [vm]) => {
    const { engine } = call;
    assertVmOperation(engine, vm as string, 'suspend');
    // Suspend needs the guest's PV drivers to quiesce it (xenopsd would wait in vain for an acknowledgement).
    if (lacksGuestDrivers(engine, vm as string)) throw xenError('VM_LACKS_FEATURE', vm as string);
    const record = engine.world.get('VM', vm as string);
    const sr = suspendSr(engine, vm as string);
    // The image holds the guest's memory; its space is taken when the suspend begins.
    const size = suspendImageSize(record.memory_static_max);
    const vdi = createVdi(engine, sr, {
      name_label: 'Suspend image',
      name_description: 'Suspend image',
      type: 'suspend',
      virtual_size: size,
      read_only: false,
      sharable: false,
    });
    return schedule(call, vm as string, 'suspend', memoryImageSeconds(record.memory_target, srBandwidth(engine.world.get('SR', sr).type)), 'vm.suspend.done', { vdi }, true);
  }, true);
  lifecycle('VM.pause', [vmParam], (call, [vm]) => {
    assertVmOperation(call.engine, vm as string, 'pause');
    return schedule(call, vm as string, 'pause', PAUSE_SECONDS, 'vm.pause.done', { paused: true }, false);
  });
  lifecycle('VM.unpause', [vmParam], (call, [vm]) => {
    assertVmOperation(call.engine, vm as string, 'unpause');
    return schedule(call, vm as string, 'unpause', PAUSE_SECONDS, 'vm.pause.done', { paused: false }, false);
  });
  lifecycle('VM.destroy', [vmParam], (call, [vm]) => {
    assertVmOperation(call.engine, vm as string, 'destroy');
    destroyVm(call.engine, vm as string);
  });

  define(table, {
    name: 'VM.assert_can_boot_here',
    params: [vmParam, hostParam],
    async: true,
    run: ({ engine }, [vm, host]) => {
      const record = engine.world.get('VM', vm as string);
      if (record.is_a_template) throw xenError('VM_IS_TEMPLATE', vm as string);
      // A running VM already holds its memory; count only what it would need elsewhere.
      const error = bootError(engine, vm as string, host as string, record.resident_on === host ? 0 : undefined);
      if (error !== undefined) throw error;
    },
  });
}
