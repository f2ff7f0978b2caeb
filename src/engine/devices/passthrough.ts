// Devices a VM holds while it runs: PCI devices named in its
// other_config:pci ("0/0000:41:00.0,0/…", as xapi's pciops reads it) and one
// SR-IOV virtual function per VIF on an SR-IOV network. Both need the host's
// IOMMU; a device goes to one running VM at a time; a VM holding any is
// pinned to its host (VM_HAS_PCI_ATTACHED for suspend and migration).
import type { XenApiError } from '../../xapi/errors';
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { sriovNicByDeviceId, vfPciIds } from '../worlds/catalog/devices';

/** The PCI ids of other_config:pci ("<n>/<bdf>" items, comma-separated). */
export function requestedPciIds(otherConfig: Readonly<Record<string, string>>): string[] {
  const raw = otherConfig['pci'];
  if (raw === undefined || raw.trim() === '') return [];
  return raw
    .split(',')
    .map((item) => item.trim().split('/').pop() ?? '')
    .filter((id) => id !== '');
}

export function hostHasIommu(engine: Engine, host: string): boolean {
  return engine.world.get('host', host).chipset_info['iommu'] === 'true';
}

/** The SR-IOV physical PIF behind `network` on `host`, if the network is an SR-IOV network there. */
export function sriovPhysicalPif(engine: Engine, network: string, host: string): string | undefined {
  for (const pif of engine.world.find('network', network)?.PIFs ?? []) {
    const p = engine.world.find('PIF', pif);
    if (p === undefined || p.host !== host) continue;
    const sriov = engine.world.find('network_sriov', p.sriov_logical_PIF_of[0] ?? NULL_REF);
    if (sriov !== undefined) return sriov.physical_PIF;
  }
  return undefined;
}

/** The VF PCI records of an SR-IOV physical PIF (made when SR-IOV was enabled on it). */
export function virtualFunctions(engine: Engine, physicalPif: string): string[] {
  const pif = engine.world.find('PIF', physicalPif);
  const pf = engine.world.find('PCI', pif?.PCI ?? NULL_REF);
  if (pif === undefined || pf === undefined) return [];
  const nic = sriovNicByDeviceId(pf.vendor_id, pf.device_id);
  if (nic === undefined) return [];
  const ids = new Set(vfPciIds(pf.pci_id, nic.totalVfs));
  return engine.world.get('host', pif.host).PCIs.filter((p) => ids.has(engine.world.find('PCI', p)?.pci_id ?? ''));
}

/** PCI devices held by VMs on `host` (running, or reserved by a start in progress), except `except`'s. */
function heldOn(engine: Engine, host: string, except: string): Map<string, string> {
  const held = new Map<string, string>();
  for (const [ref, vm] of engine.world.entries('VM')) {
    if (ref === except) continue;
    for (const pci of vm.attached_PCIs) held.set(pci, ref);
    if (vm.scheduled_to_be_resident_on === host && vm.resident_on !== host) {
      for (const pci of demand(engine, ref, host).pcis) held.set(pci, ref);
    }
  }
  return held;
}

interface Demand {
  readonly pcis: string[];
  /** SR-IOV VIFs: network → physical PIF, one VF each. */
  readonly vfs: { network: string; physicalPif: string }[];
  readonly missing: string[];
}

function demand(engine: Engine, vmRef: string, host: string): Demand {
  const vm = engine.world.get('VM', vmRef);
  const onHost = new Map<string, string>();
  for (const pci of engine.world.get('host', host).PCIs) {
    const id = engine.world.find('PCI', pci)?.pci_id;
    if (id !== undefined) onHost.set(id, pci);
  }
  const ids = requestedPciIds(vm.other_config);
  const vfs: Demand['vfs'] = [];
  for (const vif of vm.VIFs) {
    const network = engine.world.find('VIF', vif)?.network ?? NULL_REF;
    const physicalPif = sriovPhysicalPif(engine, network, host);
    if (physicalPif !== undefined) vfs.push({ network, physicalPif });
  }
  return {
    pcis: ids.map((id) => onHost.get(id)).filter((p): p is string => p !== undefined),
    vfs,
    missing: ids.filter((id) => !onHost.has(id)),
  };
}

/** VFs of an SR-IOV PIF not held by any VM (network_sriov.get_remaining_capacity). */
export function freeVirtualFunctions(engine: Engine, physicalPif: string, except = NULL_REF): string[] {
  const host = engine.world.get('PIF', physicalPif).host;
  const held = heldOn(engine, host, except);
  const reservedVfs = [...engine.world.entries('VM')].filter(([ref, vm]) => ref !== except && vm.scheduled_to_be_resident_on === host && vm.resident_on !== host);
  const free = virtualFunctions(engine, physicalPif).filter((vf) => !held.has(vf));
  const reserved = reservedVfs.reduce((n, [ref]) => n + demand(engine, ref, host).vfs.filter((v) => v.physicalPif === physicalPif).length, 0);
  return free.slice(reserved);
}

/** Why `vm` cannot have its devices on `host`, or undefined (part of VM.assert_can_boot_here). */
export function deviceBootError(engine: Engine, vmRef: string, host: string): XenApiError | undefined {
  const d = demand(engine, vmRef, host);
  if (d.pcis.length === 0 && d.vfs.length === 0 && d.missing.length === 0) return undefined;
  if (!hostHasIommu(engine, host)) return xenError('VM_REQUIRES_IOMMU', host);
  const [missing] = d.missing;
  if (missing !== undefined) return xenError('VM_INCOMPATIBLE_WITH_THIS_HOST', vmRef, host, `PCI device ${missing} is not present on this server`);
  const held = heldOn(engine, host, vmRef);
  for (const pci of d.pcis) {
    const holder = held.get(pci);
    if (holder !== undefined) {
      const id = engine.world.get('PCI', pci).pci_id;
      return xenError('VM_INCOMPATIBLE_WITH_THIS_HOST', vmRef, host, `PCI device ${id} is passed through to VM ${engine.world.find('VM', holder)?.name_label ?? holder}`);
    }
  }
  const need = new Map<string, { network: string; count: number }>();
  for (const v of d.vfs) need.set(v.physicalPif, { network: v.network, count: (need.get(v.physicalPif)?.count ?? 0) + 1 });
  for (const [pif, { network, count }] of need) {
    if (freeVirtualFunctions(engine, pif, vmRef).length < count) return xenError('NETWORK_SRIOV_INSUFFICIENT_CAPACITY', network);
  }
  return undefined;
}

/** At domain build: hand the VM its PCI devices and a free VF per SR-IOV VIF. */
export function attachDevices(engine: Engine, vmRef: string, host: string): void {
  const d = demand(engine, vmRef, host);
  const held = heldOn(engine, host, vmRef);
  const pcis = d.pcis.filter((p) => !held.has(p));
  const taken = new Set<string>();
  for (const v of d.vfs) {
    const vf = virtualFunctions(engine, v.physicalPif).find((p) => !held.has(p) && !taken.has(p));
    if (vf !== undefined) taken.add(vf);
  }
  const attached = [...pcis, ...taken];
  if (attached.length > 0 || engine.world.get('VM', vmRef).attached_PCIs.length > 0) engine.world.update('VM', vmRef, { attached_PCIs: attached });
}

export function detachDevices(engine: Engine, vmRef: string): void {
  if (engine.world.get('VM', vmRef).attached_PCIs.length > 0) engine.world.update('VM', vmRef, { attached_PCIs: [] });
}
