// Invariants of snapshots and VHD chains: every VHD parent exists on the
// same SR, chains are acyclic and no longer than SM allows, base copies are
// hidden and read-only with no VBDs, and a base copy left with fewer than two
// children has a GC pass or coalesce pending (none is orphaned for good);
// snapshot trees (VM.parent) are acyclic; enabled schedules have a next run.
import type { VDIRecord, VMRecord } from '../../xapi/types';
import type { Engine } from '../engine';
import { gcPending } from '../storage/gc-request';
import { MAX_CHAIN_SIZE, VHD_PARENT } from '../storage/vhd-chain';

export function snapshotProblems(engine: Engine, vms: Readonly<Record<string, VMRecord>>, vdis: Readonly<Record<string, VDIRecord>>): string[] {
  const p: string[] = [];
  const byUuid = new Map(Object.values(vdis).map((v) => [v.uuid, v]));
  const children = new Map<string, number>();
  for (const vdi of Object.values(vdis)) {
    const parentUuid = vdi.sm_config[VHD_PARENT];
    if (parentUuid === undefined) continue;
    const parent = byUuid.get(parentUuid);
    if (parent === undefined) {
      p.push(`VDI ${vdi.uuid}: VHD parent ${parentUuid} missing`);
      continue;
    }
    if (parent.SR !== vdi.SR) p.push(`VDI ${vdi.uuid}: VHD parent on another SR`);
    children.set(parentUuid, (children.get(parentUuid) ?? 0) + 1);
    let length = 1;
    const seen = new Set([vdi.uuid]);
    for (let up: VDIRecord | undefined = parent; up !== undefined; up = byUuid.get(up.sm_config[VHD_PARENT] ?? '')) {
      if (seen.has(up.uuid)) {
        p.push(`VDI ${vdi.uuid}: VHD chain has a cycle`);
        break;
      }
      seen.add(up.uuid);
      length++;
    }
    if (length > MAX_CHAIN_SIZE) p.push(`VDI ${vdi.uuid}: VHD chain of ${String(length)}`);
  }
  for (const vdi of Object.values(vdis)) {
    if (vdi.managed || vdi.sm_config['vdi_type'] !== 'vhd') continue;
    if (!vdi.read_only) p.push(`base copy ${vdi.uuid} is writable`);
    if (vdi.VBDs.length > 0) p.push(`base copy ${vdi.uuid} is attached to a VBD`);
    if ((children.get(vdi.uuid) ?? 0) < 2 && !gcPending(engine, vdi.SR)) p.push(`base copy ${vdi.uuid} has ${String(children.get(vdi.uuid) ?? 0)} children and no GC pending`);
  }
  for (const [ref, vm] of Object.entries(vms)) {
    if (vm.is_a_snapshot && !vm.is_a_template) p.push(`snapshot ${vm.name_label} is not a template`);
    const seen = new Set([ref]);
    for (let up = vm.parent; vms[up] !== undefined; up = vms[up]?.parent ?? '') {
      if (seen.has(up)) {
        p.push(`VM ${vm.name_label}: snapshot tree has a cycle`);
        break;
      }
      seen.add(up);
    }
  }
  for (const [ref, vmss] of engine.world.entries('VMSS')) {
    const planned = engine.scheduler.jobs().some((j) => j.kind === 'vmss.run' && j.args['vmss'] === ref);
    if (vmss.enabled && !planned) p.push(`VMSS ${vmss.name_label}: enabled without a next run`);
  }
  return p;
}
