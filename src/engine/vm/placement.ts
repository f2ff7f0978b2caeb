// Where a VM may run: the checks xapi makes before starting or resuming a VM
// on a host (VM.assert_can_boot_here), and the choice of a host for VM.start.
import type { VMRecord } from '../../xapi/types';
import type { XenApiError} from '../../xapi/errors';
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { deviceBootError } from '../devices/passthrough';
import { hostMemoryFree, startFootprint } from '../host/memory';
import { poolOfHost, poolOfVm } from '../pool/membership';
import { srPluggedOn } from '../storage/sr-checks';
import { hostReclaimableMemory } from '../metrics/models/memory-dmc';

export function isHvm(vm: Pick<VMRecord, 'HVM_boot_policy' | 'domain_type'>): boolean {
  if (vm.domain_type === 'hvm') return true;
  if (vm.domain_type === 'pv' || vm.domain_type === 'pvh' || vm.domain_type === 'pv_in_pvh') return false;
  return vm.HVM_boot_policy !== '';
}

function networkOn(engine: Engine, network: string, host: string): boolean {
  const record = engine.world.find('network', network);
  if (record === undefined) return false;
  if (record.PIFs.length === 0) return true; // a private (internal) network exists on every host
  return record.PIFs.some((pif) => engine.world.find('PIF', pif)?.host === host);
}

/**
 * The first reason `vm` cannot boot on `host`, or undefined (memory counted as
 * `needed`; disks in `vdiMap` judged by the SR they are being moved to, VIFs
 * in `vifMap` by the network they are being moved to).
 */
export function bootError(
  engine: Engine,
  vmRef: string,
  host: string,
  needed?: number,
  vdiMap: Readonly<Record<string, string>> = {},
  vifMap: Readonly<Record<string, string>> = {},
): XenApiError | undefined {
  const vm = engine.world.get('VM', vmRef);
  const h = engine.world.get('host', host);
  const metrics = engine.world.find('host_metrics', h.metrics);
  if (metrics === undefined || !metrics.live) return xenError('HOST_OFFLINE', host);
  if (!h.enabled) return xenError('HOST_DISABLED', host);
  if (isHvm(vm) && !h.capabilities.some((c) => c.startsWith('hvm'))) return xenError('VM_HVM_REQUIRED', vmRef);
  const pcpus = h.host_CPUs.length;
  if (pcpus > 0 && vm.VCPUs_max > pcpus) return xenError('HOST_NOT_ENOUGH_PCPUS', vm.VCPUs_max, pcpus);
  for (const vbdRef of vm.VBDs) {
    const vbd = engine.world.find('VBD', vbdRef);
    if (vbd === undefined || vbd.empty || vbd.VDI === NULL_REF) continue;
    const sr = vdiMap[vbd.VDI] ?? engine.world.find('VDI', vbd.VDI)?.SR;
    if (sr !== undefined && !srPluggedOn(engine.world, sr, host)) return xenError('VM_REQUIRES_SR', vmRef, sr);
  }
  for (const vifRef of vm.VIFs) {
    const network = vifMap[vifRef] ?? engine.world.find('VIF', vifRef)?.network;
    if (network !== undefined && network !== NULL_REF && !networkOn(engine, network, host)) {
      return xenError('VM_REQUIRES_NETWORK', vmRef, network);
    }
  }
  const devices = deviceBootError(engine, vmRef, host);
  if (devices !== undefined) return devices;
  // xapi's memory check: what the host has free once every ballooning guest
  // is squeezed to dynamic_min (memory_check.ml, host_compute_free_memory
  // "with maximum compression"); the start then asks squeezed for the room.
  if (needed === 0) return undefined;
  const need = needed ?? startFootprint(vm);
  const available = hostMemoryFree(engine, host) + hostReclaimableMemory(engine, host);
  if (need > available) return xenError('HOST_NOT_ENOUGH_FREE_MEMORY', need, available);
  return undefined;
}

/**
 * A host for VM.start / VM.resume: the VM's affinity host when it can boot
 * there, else the host with the most free memory that can take it.
 */
export function chooseHost(engine: Engine, vmRef: string, needed?: number): string {
  const vm = engine.world.get('VM', vmRef);
  if (vm.affinity !== NULL_REF && engine.world.has('host', vm.affinity) && bootError(engine, vmRef, vm.affinity, needed) === undefined) {
    return vm.affinity;
  }
  // Only the VM's own pool's hosts: the world may hold several pools.
  const pool = poolOfVm(engine, vmRef);
  const hosts = engine.world
    .refs('host')
    .filter((h) => poolOfHost(engine, h) === pool)
    .map((h) => ({ h, free: hostMemoryFree(engine, h) }))
    .sort((a, b) => b.free - a.free || (a.h < b.h ? -1 : 1));
  for (const { h } of hosts) if (bootError(engine, vmRef, h, needed) === undefined) return h;
  throw xenError('NO_HOSTS_AVAILABLE');
}
