// The ends of VM power operations, run by the scheduler when their virtual
// time is up, and the roll-back of a cancelled one.
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { refreshPlanFields } from '../ha/plan-fields';
import { attachDevices, detachDevices } from '../devices/passthrough';
import { hostMemoryFree, refreshHostMemory, startFootprint } from '../host/memory';
import { balanceHostMemory, makeRoomFor } from '../metrics/models/memory-dmc';
import type { JobHandler } from '../jobs';
import { destroyVdi } from '../storage/vdi-space';
import { createConsoles, destroyConsoles } from './consoles';
import { guestBootSeconds } from './durations';
import { isHvm } from './placement';
import { onGuestBoot } from '../guest/guest-up';
import { interruptInstall } from '../guest/install';

type Args = Readonly<Record<string, unknown>>;

export function nextDomid(engine: Engine): number {
  let max = 0;
  for (const [, vm] of engine.world.entries('VM')) if (vm.domid > max) max = vm.domid;
  return max + 1;
}

function setMetrics(engine: Engine, vm: string, patch: Record<string, unknown>): void {
  const metrics = engine.world.get('VM', vm).metrics;
  if (engine.world.has('VM_metrics', metrics)) engine.world.update('VM_metrics', metrics, { ...patch, last_updated: engine.datetime() } as never);
}

/** A running domain's disks and network interfaces are plugged; a halted one's are not. */
function setDevicesAttached(engine: Engine, vm: string, attached: boolean): void {
  const record = engine.world.get('VM', vm);
  for (const vbd of record.VBDs) {
    const v = engine.world.find('VBD', vbd);
    const value = attached && v !== undefined && !v.empty;
    if (v !== undefined && v.currently_attached !== value) engine.world.update('VBD', vbd, { currently_attached: value });
  }
  for (const vif of record.VIFs) {
    if (engine.world.find('VIF', vif)?.currently_attached !== attached) engine.world.update('VIF', vif, { currently_attached: attached });
  }
}

/**
 * The memory a domain is built with: dynamic_max when the host has it (a
 * start or resume reserved it), else what squeezed could find, never below
 * dynamic_min (admission keeps every domain's floor within the host).
 */
function buildMemory(engine: Engine, vm: string, host: string): number {
  const r = engine.world.get('VM', vm);
  const reserved = r.scheduled_to_be_resident_on === host && r.resident_on !== host ? startFootprint(r) : 0;
  const room = hostMemoryFree(engine, host) + reserved - r.memory_overhead;
  return Math.min(r.memory_dynamic_max, Math.max(r.memory_dynamic_min, room));
}

/** Make the VM's domain live on `host`: power state, residency, metrics, and the guest's boot. */
function bringUp(engine: Engine, vm: string, host: string, paused: boolean): void {
  const record = engine.world.get('VM', vm);
  const domid = nextDomid(engine);
  const memory = buildMemory(engine, vm, host);
  engine.world.update('VM', vm, {
    power_state: paused ? 'Paused' : 'Running',
    resident_on: host,
    scheduled_to_be_resident_on: NULL_REF,
    domid,
    memory_target: memory,
  });
  setMetrics(engine, vm, {
    memory_actual: memory,
    VCPUs_number: record.VCPUs_at_startup,
    start_time: engine.datetime(),
    state: [paused ? 'paused' : 'running'],
    current_domain_type: record.domain_type,
  });
  createConsoles(engine, vm, host, !isHvm(record));
  setDevicesAttached(engine, vm, true);
  attachDevices(engine, vm, host);
  refreshHostMemory(engine, host);
  refreshPlanFields(engine);
  engine.scheduler.after(guestBootSeconds(record), 'vm.guest.booted', { vm, domid });
}

export function bringDown(engine: Engine, vm: string): void {
  const record = engine.world.get('VM', vm);
  const host = record.resident_on;
  destroyConsoles(engine, vm);
  setDevicesAttached(engine, vm, false);
  detachDevices(engine, vm);
  engine.world.update('VM', vm, { power_state: 'Halted', resident_on: NULL_REF, scheduled_to_be_resident_on: NULL_REF, domid: -1 });
  setMetrics(engine, vm, { state: ['halted'], VCPUs_number: 0 });
  if (engine.world.has('VM_guest_metrics', record.guest_metrics)) {
    engine.world.update('VM_guest_metrics', record.guest_metrics, { live: false, networks: {} });
  }
  refreshHostMemory(engine, host);
  refreshPlanFields(engine);
  interruptInstall(engine, vm);
  balanceHostMemory(engine, host); // the others may grow into what it freed
}

/** A guest-initiated reboot (after an OS install, or tools setup): the domain is rebuilt on the same host. */
export function restartDomain(engine: Engine, vm: string): void {
  const host = engine.world.get('VM', vm).resident_on;
  bringDown(engine, vm);
  makeRoomFor(engine, host, startFootprint(engine.world.get('VM', vm))); // rebuilt as a start would be
  bringUp(engine, vm, host, false);
}

const startDone: JobHandler = (engine, a: Args) => {
  bringUp(engine, a['vm'] as string, a['host'] as string, a['paused'] as boolean);
  engine.tasks.succeed(a['task'] as string);
};

const resumeDone: JobHandler = (engine, a: Args) => {
  const vm = a['vm'] as string;
  const image = engine.world.get('VM', vm).suspend_VDI;
  bringUp(engine, vm, a['host'] as string, a['paused'] as boolean);
  // A checkpoint's image carries the guest's uptime: the guest goes on from that moment.
  const uptime = Number(engine.world.find('VDI', image)?.sm_config['xenlab-uptime'] ?? NaN);
  if (Number.isFinite(uptime)) setMetrics(engine, vm, { start_time: engine.datetime(engine.now - uptime) });
  engine.world.update('VM', vm, { suspend_VDI: NULL_REF });
  if (engine.world.has('VDI', image)) destroyVdi(engine, image);
  engine.tasks.succeed(a['task'] as string);
};

const haltDone: JobHandler = (engine, a: Args) => {
  const vm = a['vm'] as string;
  const image = engine.world.get('VM', vm).suspend_VDI;
  bringDown(engine, vm);
  // A hard shutdown of a suspended VM throws its memory image away.
  if (image !== NULL_REF && engine.world.has('VDI', image)) {
    engine.world.update('VM', vm, { suspend_VDI: NULL_REF });
    destroyVdi(engine, image);
  }
  engine.tasks.succeed(a['task'] as string);
};

const rebootDone: JobHandler = (engine, a: Args) => {
  const vm = a['vm'] as string;
  const host = engine.world.get('VM', vm).resident_on;
  bringDown(engine, vm);
  makeRoomFor(engine, host, startFootprint(engine.world.get('VM', vm))); // rebuilt as a start would be
  bringUp(engine, vm, host, false);
  engine.tasks.succeed(a['task'] as string);
};

const suspendDone: JobHandler = (engine, a: Args) => {
  const vm = a['vm'] as string;
  bringDown(engine, vm);
  engine.world.update('VM', vm, { power_state: 'Suspended', suspend_VDI: a['vdi'] as string });
  setMetrics(engine, vm, { state: ['suspended'] });
  engine.tasks.succeed(a['task'] as string);
};

const pauseDone: JobHandler = (engine, a: Args) => {
  const paused = a['paused'] as boolean;
  engine.world.update('VM', a['vm'] as string, { power_state: paused ? 'Paused' : 'Running' });
  setMetrics(engine, a['vm'] as string, { state: [paused ? 'paused' : 'running'] });
  balanceHostMemory(engine, engine.world.get('VM', a['vm'] as string).resident_on); // only a running guest balloons
  engine.tasks.succeed(a['task'] as string);
};

/** The guest has booted: its OS's tools report in, or its installer starts (guest/guest-up.ts). */
const guestBooted: JobHandler = (engine, a: Args) => {
  const vm = engine.world.find('VM', a['vm'] as string);
  if (vm === undefined || vm.domid !== a['domid'] || vm.power_state === 'Halted') return;
  onGuestBoot(engine, a['vm'] as string, vm.domid);
  balanceHostMemory(engine, vm.resident_on); // its balloon driver may answer now: share the host again
};

/** Roll back a cancelled operation: release a reservation, drop an unfinished suspend image. */
const cancelOp: JobHandler = (engine, a: Args) => {
  const vm = a['vm'] as string;
  const record = engine.world.find('VM', vm);
  if (record === undefined) return;
  const reserved = record.scheduled_to_be_resident_on;
  if (reserved !== NULL_REF && record.resident_on !== reserved) {
    engine.world.update('VM', vm, { scheduled_to_be_resident_on: NULL_REF });
    refreshHostMemory(engine, reserved);
    balanceHostMemory(engine, reserved); // guests squeezed to make room may grow back
  }
  const image = a['vdi'];
  if (typeof image === 'string' && image !== record.suspend_VDI && engine.world.has('VDI', image)) destroyVdi(engine, image);
};

export const VM_LIFECYCLE_JOBS: readonly (readonly [string, JobHandler])[] = [
  ['vm.start.done', startDone],
  ['vm.resume.done', resumeDone],
  ['vm.halt.done', haltDone],
  ['vm.reboot.done', rebootDone],
  ['vm.suspend.done', suspendDone],
  ['vm.pause.done', pauseDone],
  ['vm.guest.booted', guestBooted],
  ['vm.op.cancel', cancelOp],
];
