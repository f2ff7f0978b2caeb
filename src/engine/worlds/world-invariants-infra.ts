// Consistency rules for the pool's plumbing, as a client sees it through
// get_all_records: SRs and their PBDs, host NICs (PIFs) with their bonds,
// VLANs and SR-IOV networks, and PCI devices passed through to VMs.
// Part of worldProblems (world-invariants.ts).
import { NULL_REF } from '../../xapi/refs';
import type { ClassName, RecordOf } from '../../xapi/types';

export type Records<C extends ClassName> = Record<string, RecordOf<C>>;

export function storageProblems(r: {
  hosts: Records<'host'>;
  srs: Records<'SR'>;
  pbds: Records<'PBD'>;
  vms: Records<'VM'>;
  vbds: Records<'VBD'>;
  vdis: Records<'VDI'>;
}): string[] {
  const p: string[] = [];
  for (const [ref, sr] of Object.entries(r.srs)) {
    const pbdHosts = sr.PBDs.map((pbd) => r.pbds[pbd]?.host);
    if (new Set(pbdHosts).size !== pbdHosts.length) p.push(`${sr.name_label}: two PBDs on one host`);
    const plugged = sr.PBDs.filter((pbd) => r.pbds[pbd]?.currently_attached === true);
    if (!sr.shared && plugged.length > 1) p.push(`${sr.name_label}: local SR plugged on ${String(plugged.length)} hosts`);
    if (plugged.length > 0 && (sr.allowed_operations.includes('forget') || sr.allowed_operations.includes('destroy'))) {
      p.push(`${sr.name_label}: plugged, yet forget/destroy allowed (${ref})`);
    }
  }
  for (const [ref, pbd] of Object.entries(r.pbds)) {
    if (r.hosts[pbd.host] === undefined) p.push(`PBD ${ref} on a host that does not exist`);
  }
  // A running VM's disks must be on SRs plugged on its host.
  for (const vm of Object.values(r.vms)) {
    if (vm.resident_on === NULL_REF || vm.is_control_domain) continue;
    for (const vbd of vm.VBDs) {
      const sr = r.srs[r.vdis[r.vbds[vbd]?.VDI ?? '']?.SR ?? ''];
      if (sr === undefined) continue;
      if (!sr.PBDs.some((pbd) => r.pbds[pbd]?.host === vm.resident_on && r.pbds[pbd].currently_attached)) p.push(`${vm.name_label}: disk on ${sr.name_label}, not plugged on its host`);
    }
  }
  return p;
}

export function networkProblems(r: {
  hosts: Records<'host'>;
  networks: Records<'network'>;
  pifs: Records<'PIF'>;
  bonds: Records<'Bond'>;
  vlans: Records<'VLAN'>;
  sriovs: Records<'network_sriov'>;
}): string[] {
  const p: string[] = [];
  // A host joins a network through at most one PIF.
  for (const [ref, net] of Object.entries(r.networks)) {
    const hosts = net.PIFs.map((pif) => r.pifs[pif]?.host);
    if (new Set(hosts).size !== hosts.length) p.push(`network ${net.name_label} (${ref}) has two PIFs on one host`);
  }
  for (const [ref, bond] of Object.entries(r.bonds)) {
    const master = r.pifs[bond.master];
    if (master === undefined) {
      p.push(`Bond ${ref} has no master PIF`);
      continue;
    }
    if (bond.slaves.length < 2) p.push(`Bond ${ref} has ${String(bond.slaves.length)} members`);
    if (!bond.slaves.includes(bond.primary_slave)) p.push(`Bond ${ref}: primary_slave is not a member`);
    for (const slave of bond.slaves) {
      const s = r.pifs[slave];
      if (s === undefined || s.host !== master.host) p.push(`Bond ${ref}: member ${slave} on another host`);
      else if (!s.physical) p.push(`Bond ${ref}: member ${s.device} is not a physical NIC`);
      else if (s.management) p.push(`Bond ${ref}: member ${s.device} still holds the management interface`);
    }
  }
  for (const [ref, vlan] of Object.entries(r.vlans)) {
    const tagged = r.pifs[vlan.tagged_PIF];
    const untagged = r.pifs[vlan.untagged_PIF];
    if (tagged === undefined || untagged === undefined) p.push(`VLAN ${ref} is missing a PIF`);
    else if (tagged.host !== untagged.host || untagged.VLAN !== vlan.tag || untagged.VLAN_master_of !== ref) p.push(`VLAN ${ref} (tag ${String(vlan.tag)}) PIFs disagree`);
  }
  for (const [ref, sriov] of Object.entries(r.sriovs)) {
    const phys = r.pifs[sriov.physical_PIF];
    const logical = r.pifs[sriov.logical_PIF];
    if (phys === undefined || logical === undefined || phys.host !== logical.host) p.push(`network_sriov ${ref}: PIFs missing or on different hosts`);
    else if (!phys.capabilities.includes('sriov')) p.push(`network_sriov ${ref}: ${phys.device} is not SR-IOV capable`);
  }
  for (const [ref, pif] of Object.entries(r.pifs)) {
    if (pif.bond_slave_of !== NULL_REF && r.bonds[pif.bond_slave_of] === undefined) p.push(`PIF ${ref}: bond_slave_of a missing bond`);
  }
  return p;
}

export function deviceProblems(r: { hosts: Records<'host'>; vms: Records<'VM'>; pcis: Records<'PCI'> }): string[] {
  const p: string[] = [];
  const holder = new Map<string, string>();
  for (const [ref, vm] of Object.entries(r.vms)) {
    const live = vm.power_state === 'Running' || vm.power_state === 'Paused';
    if (!live && vm.attached_PCIs.length > 0) p.push(`${vm.name_label} is ${vm.power_state} with PCI devices attached`);
    for (const pci of vm.attached_PCIs) {
      const device = r.pcis[pci];
      if (device === undefined) p.push(`${vm.name_label}: attached PCI ${pci} does not exist`);
      else if (device.host !== vm.resident_on) p.push(`${vm.name_label}: PCI ${device.pci_id} is on another host`);
      const other = holder.get(pci);
      if (other !== undefined) p.push(`PCI ${device?.pci_id ?? pci} passed through to two VMs (${other}, ${ref})`);
      holder.set(pci, ref);
    }
  }
  return p;
}
