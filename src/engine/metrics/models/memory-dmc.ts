// Dynamic Memory Control: squeezed's ballooning policy, after
// doc/content/squeezed/design/index.md and ocaml/squeezed/lib/squeeze.ml
// (xapi-project/xen-api):
//  - every ballooning domain has a range [dynamic_min, dynamic_max]; the
//    memory left for them once everything else is counted is shared so that
//    (target − dynamic_min) / (dynamic_max − dynamic_min) is the same for all
//    ("Proportional" policy: gamma = surplus / Σ range, clamped to 0..1);
//    plentiful memory puts every target at dynamic_max, scarce memory at
//    dynamic_min;
//  - only domains whose balloon driver answers can balloon (squeezed asks
//    only domains that wrote control/feature-balloon): here, a running guest
//    with a live VM_guest_metrics reporting PV_drivers_detected (and not
//    feature-balloon = 0). Others, dom0 included, keep what they have;
//  - squeezed keeps some host memory free: target_host_free_mem =
//    low_mem_emergency_pool (64 MiB) + extra_mem_to_keep (8 MiB)
//    (ocaml/squeezed/src/squeeze_xen.ml);
//  - targets are set in two phases: domains that must free memory first,
//    then those that may grow ("Two phase target setting").
// The target is VM.memory_target; VM_metrics.memory_actual follows it at
// the balloon driver's speed. Freed memory counts at once (the operation
// that asked for it — a VM.start — waits for the balloon: see `seconds` in
// the changes); memory handed back grows in a scheduled job, never into
// memory another domain has since been given.
import type { Engine } from '../../engine';
import { hostMemoryFree, hostMemoryUsed, refreshHostMemory } from '../../host/memory';
import type { JobHandler } from '../../jobs';

const KiB = 1024;
const MiB = 1024 * KiB;

/** squeezed's target_host_free_mem_kib: 64 MiB emergency pool + 8 MiB, kept free on every host. */
export const HOST_FREE_TARGET = 72 * MiB;

/**
 * How fast a balloon driver moves memory, bytes/s. The simulator's estimate
 * (a Linux balloon driver frees or repopulates on the order of a GiB per
 * second); squeezed itself only assumes a working driver makes visible
 * progress within 5 s (assume_balloon_driver_stuck_after).
 */
export const BALLOON_RATE = 1024 * MiB;

/** Target changes smaller than this are not worth an event (squeezed works in KiB; targets here move coarsely). */
export const TARGET_STEP = MiB;

export const BALLOON_JOB = 'vm.balloon.grow';

export interface BalloonRange {
  readonly dynamicMin: number;
  readonly dynamicMax: number;
}

/**
 * squeezed's proportional policy: share `available` bytes among domains so
 * that each sits at the same fraction gamma of its range. Targets are in
 * whole KiB, as squeezed computes them.
 */
export function proportionalTargets(domains: readonly BalloonRange[], available: number): { gamma: number; targets: number[] } {
  let totalMin = 0;
  let totalRange = 0;
  for (const d of domains) {
    totalMin += d.dynamicMin;
    totalRange += Math.max(0, d.dynamicMax - d.dynamicMin);
  }
  const surplus = Math.max(0, available - totalMin);
  const gamma = totalRange > 0 ? Math.min(1, Math.max(0, surplus / totalRange)) : 1;
  const targets = domains.map((d) => d.dynamicMin + Math.floor((gamma * Math.max(0, d.dynamicMax - d.dynamicMin)) / KiB) * KiB);
  return { gamma, targets };
}

/** Whether a VM's balloon driver answers (see the header). */
export function canBalloon(engine: Engine, vmRef: string): boolean {
  const vm = engine.world.find('VM', vmRef);
  if (vm === undefined || vm.is_control_domain || vm.power_state !== 'Running') return false;
  if (vm.memory_dynamic_min >= vm.memory_dynamic_max) return false;
  const guest = engine.world.find('VM_guest_metrics', vm.guest_metrics);
  return guest !== undefined && guest.live && guest.PV_drivers_detected && guest.other['feature-balloon'] !== '0';
}

/** Memory ballooning could free on a host: Σ (actual − dynamic_min) of its ballooning guests. */
export function hostReclaimableMemory(engine: Engine, host: string): number {
  let total = 0;
  for (const vmRef of engine.world.find('host', host)?.resident_VMs ?? []) {
    if (!canBalloon(engine, vmRef)) continue;
    const vm = engine.world.get('VM', vmRef);
    const actual = engine.world.find('VM_metrics', vm.metrics)?.memory_actual ?? vm.memory_target;
    total += Math.max(0, actual - vm.memory_dynamic_min);
  }
  return total;
}

export interface BalloonChange {
  readonly vm: string;
  /** memory_target before and after. */
  readonly from: number;
  readonly to: number;
  /** memory_actual when the change was made. */
  readonly actual: number;
  /** Virtual seconds the balloon driver needs to get there. */
  readonly seconds: number;
}

export function balloonSeconds(bytes: number): number {
  return Math.abs(bytes) / BALLOON_RATE;
}

function setActual(engine: Engine, vmRef: string, bytes: number): void {
  const metrics = engine.world.get('VM', vmRef).metrics;
  if (engine.world.has('VM_metrics', metrics)) engine.world.update('VM_metrics', metrics, { memory_actual: bytes, last_updated: engine.datetime() });
}

/**
 * Re-balance a host's ballooning guests (squeezed's main loop, one pass):
 * compute every target from what the host has left, free memory first,
 * then let domains grow. `reserve` holds back bytes for a domain about to be
 * built (pass its footprint before VM.start/resume reserves it, so the
 * others are squeezed to make room). Returns the targets that moved.
 */
export function balanceHostMemory(engine: Engine, host: string, options: { reserve?: number } = {}): BalloonChange[] {
  const h = engine.world.find('host', host);
  const hm = h === undefined ? undefined : engine.world.find('host_metrics', h.metrics);
  if (h === undefined || hm === undefined || !hm.live) return [];

  const balloons: { ref: string; min: number; max: number; target: number; actual: number }[] = [];
  for (const vmRef of h.resident_VMs) {
    if (!canBalloon(engine, vmRef)) continue;
    const vm = engine.world.get('VM', vmRef);
    const actual = engine.world.find('VM_metrics', vm.metrics)?.memory_actual ?? vm.memory_target;
    balloons.push({ ref: vmRef, min: vm.memory_dynamic_min, max: vm.memory_dynamic_max, target: vm.memory_target, actual });
  }
  if (balloons.length === 0) return [];

  // Everything but the ballooning guests' own pages is fixed: Xen, dom0, other
  // domains, every domain's overhead, reservations of domains being built.
  let fixed = hostMemoryUsed(engine, host);
  for (const b of balloons) fixed -= b.actual;
  const available = hm.memory_total - fixed - (options.reserve ?? 0) - HOST_FREE_TARGET;
  const { targets } = proportionalTargets(
    balloons.map((b) => ({ dynamicMin: b.min, dynamicMax: b.max })),
    available,
  );

  const changes: BalloonChange[] = [];
  const grow: { ref: string; target: number; actual: number }[] = [];
  // Phase 1: targets that free memory (applied at once, counted freed at once).
  balloons.forEach((b, i) => {
    let target = targets[i] ?? b.target;
    if (target < b.actual) {
      if (target !== b.target) engine.world.update('VM', b.ref, { memory_target: target });
      setActual(engine, b.ref, target);
      changes.push({ vm: b.ref, from: b.target, to: target, actual: b.actual, seconds: balloonSeconds(b.actual - target) });
      return;
    }
    // A move smaller than a step is not worth an event: keep the old target if it is still a growth.
    if (target !== b.max && Math.abs(target - b.target) < TARGET_STEP && b.target > b.actual) target = b.target;
    if (target !== b.target) {
      engine.world.update('VM', b.ref, { memory_target: target });
      changes.push({ vm: b.ref, from: b.target, to: target, actual: b.actual, seconds: balloonSeconds(target - b.actual) });
    }
    if (target > b.actual) grow.push({ ref: b.ref, target, actual: b.actual });
  });
  // Phase 2: domains that may grow, each when its balloon driver gets there.
  for (const g of grow) {
    const domid = engine.world.get('VM', g.ref).domid;
    engine.scheduler.after(balloonSeconds(g.target - g.actual), BALLOON_JOB, { vm: g.ref, domid, target: g.target });
  }
  refreshHostMemory(engine, host);
  return changes;
}

/**
 * Memory a domain could be given on `host` if ballooning guests were squeezed
 * to their dynamic_min (what xapi's memory check allows for a VM.start):
 * free memory + reclaimable − squeezed's free-memory target.
 */
export function hostAvailableWithBallooning(engine: Engine, host: string): number {
  return hostMemoryFree(engine, host) + hostReclaimableMemory(engine, host) - HOST_FREE_TARGET;
}

/**
 * Before VM.start/resume reserves `footprint` bytes on `host`: if the host is
 * short, squeeze its ballooning guests to make room (as xenopsd asks squeezed
 * for a reservation). Returns the seconds the balloons need to free it — add
 * them to the operation's duration — or 0 when there was room already.
 */
export function makeRoomFor(engine: Engine, host: string, footprint: number): number {
  if (footprint <= hostMemoryFree(engine, host) - HOST_FREE_TARGET) return 0;
  let seconds = 0;
  for (const c of balanceHostMemory(engine, host, { reserve: footprint })) if (c.to < c.actual) seconds = Math.max(seconds, c.seconds);
  return seconds;
}

/**
 * The end of a balloon deflation: memory_actual reaches the target, unless
 * the target moved since (a newer balance owns it) or the host no longer has
 * the memory free (it went to a domain built meanwhile).
 */
export const balloonGrown: JobHandler = (engine, args) => {
  const vmRef = args['vm'] as string;
  const vm = engine.world.find('VM', vmRef);
  if (vm === undefined || vm.domid !== args['domid'] || vm.power_state !== 'Running') return;
  if (vm.memory_target !== args['target']) return;
  const actual = engine.world.find('VM_metrics', vm.metrics)?.memory_actual ?? vm.memory_target;
  const room = Math.max(0, hostMemoryFree(engine, vm.resident_on) - HOST_FREE_TARGET);
  const next = Math.min(vm.memory_target, actual + room);
  if (next <= actual) return;
  setActual(engine, vmRef, next);
  refreshHostMemory(engine, vm.resident_on);
};

/** Scheduled-job handlers of this model, to add to JOB_HANDLERS (src/engine/jobs.ts). */
export const MEMORY_DMC_JOBS: readonly (readonly [string, JobHandler])[] = [[BALLOON_JOB, balloonGrown]];

/**
 * What the guest reports as free (xcp-rrdd's memory_internal_free, KiB, from
 * the guest agent): the memory its balloon leaves it, less what the OS and
 * applications hold; a squeezed guest pushed below its working set pages out
 * and keeps a sliver (2 %) free.
 */
export function internalFreeKib(actual: number, used: number): number {
  return Math.max(actual * 0.02, actual - used) / KiB;
}
