// Host memory accounting, as xapi does it: free = total − Xen's own overhead −
// Σ footprints of the domains resident on (or scheduled to start on) the host,
// where a footprint is the domain's actual memory plus its per-VM overhead.
// (Ballooning/DMC lives in its own model; here a running VM holds its target.)
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';

const MiB = 1024 * 1024;
const PAGE = 4096;

/**
 * Per-VM overhead (shadow/p2m tables, vCPU state, device model slack), after
 * xapi's ocaml/xapi/memory.ml: shadow pages ≈ 256 per vCPU + 2 per MiB of
 * static_max, times the shadow multiplier for HVM guests, plus 1 MiB Xen max
 * offset and 2 MiB extra; PV guests need the p2m pages only.
 */
export function vmMemoryOverhead(staticMax: number, vcpus: number, hvm: boolean, shadowMultiplier = 1): number {
  const staticMaxMib = Math.ceil(staticMax / MiB);
  const pages = hvm ? (256 * vcpus + 2 * staticMaxMib) * shadowMultiplier : staticMaxMib;
  return Math.ceil((pages * PAGE) / MiB) * MiB + (hvm ? 3 : 1) * MiB;
}

/**
 * dom0's memory on XenServer 7.1+: 752 MiB + 5 % of host memory, at most 8 GiB
 * (the installer's default dom0_mem).
 */
export function dom0Memory(hostTotal: number): number {
  return Math.min(8192 * MiB, Math.round((752 * MiB + 0.05 * hostTotal) / MiB) * MiB);
}

/** Memory a VM needs to start: its dynamic_max plus overhead (DMC may later squeeze it). */
export function startFootprint(vm: { memory_dynamic_max: number; memory_overhead: number }): number {
  return vm.memory_dynamic_max + vm.memory_overhead;
}

/** Bytes used on a host by its resident and scheduled domains. */
export function hostMemoryUsed(engine: Engine, host: string): number {
  const h = engine.world.get('host', host);
  let used = h.memory_overhead;
  for (const vmRef of h.resident_VMs) {
    const vm = engine.world.get('VM', vmRef);
    const actual = engine.world.find('VM_metrics', vm.metrics)?.memory_actual ?? vm.memory_target;
    used += actual + vm.memory_overhead;
  }
  // Reservations: VMs being started or resumed here. Only a running operation
  // holds one, so look through those rather than every VM of the pool.
  for (const vmRef of engine.operations.targetsOf('VM')) {
    const vm = engine.world.find('VM', vmRef);
    if (vm !== undefined && vm.scheduled_to_be_resident_on === host && vm.resident_on !== host) used += startFootprint(vm);
  }
  return used;
}

export function hostMemoryFree(engine: Engine, host: string): number {
  const metrics = engine.world.find('host_metrics', engine.world.get('host', host).metrics);
  return (metrics?.memory_total ?? 0) - hostMemoryUsed(engine, host);
}

/** Write the host's free memory into host_metrics (call after any change of residency). */
export function refreshHostMemory(engine: Engine, host: string): void {
  if (host === NULL_REF || !engine.world.has('host', host)) return;
  const metricsRef = engine.world.get('host', host).metrics;
  const metrics = engine.world.find('host_metrics', metricsRef);
  if (metrics === undefined) return;
  const free = Math.max(0, metrics.memory_total - hostMemoryUsed(engine, host));
  if (free !== metrics.memory_free) engine.world.update('host_metrics', metricsRef, { memory_free: free });
}
