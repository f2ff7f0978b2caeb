// Move… on a Storage tab (XenCenter's MoveVirtualDiskDialog): which disks can
// move, where to, and how. A disk of a running VM moves live with
// VDI.pool_migrate (Storage XenMotion: the VM keeps running); any other disk
// is copied (VDI.copy), the VM's drives are re-made on the copy at the same
// positions, and the original is destroyed — XenCenter's MoveVirtualDiskAction.
import { isNullRef } from '../../xapi/refs';
import type { RecordOf } from '../../xapi/types';
import { OK, no, type CacheReader, type CanRun } from '../actions/action-types';
import { newDiskTargets, type DiskTarget } from './disk-plan';

export type MoveMode = 'live' | 'copy';

function vmsOf(cache: CacheReader, vdi: RecordOf<'VDI'>): RecordOf<'VM'>[] {
  return vdi.VBDs.map((b) => cache.get('VM', cache.get('VBD', b)?.VM ?? '')).filter((vm): vm is RecordOf<'VM'> => vm !== undefined);
}

/** The VM that holds the disk (the first, as xapi picks it), if any. */
export function diskVm(cache: CacheReader, vdiRef: string): string | undefined {
  const vdi = cache.get('VDI', vdiRef);
  const vbd = vdi === undefined ? undefined : cache.get('VBD', vdi.VBDs[0] ?? '');
  return vbd === undefined || isNullRef(vbd.VM) ? undefined : vbd.VM;
}

/** Live (the VM runs) or by copy. */
export function moveMode(cache: CacheReader, vdiRef: string): MoveMode {
  const vm = cache.get('VM', diskVm(cache, vdiRef) ?? '');
  return vm?.power_state === 'Running' ? 'live' : 'copy';
}

/** Whether the disk can be moved now, or why not. */
export function moveDiskCheck(cache: CacheReader, vdiRef: string): CanRun {
  const vdi = cache.get('VDI', vdiRef);
  if (vdi === undefined) return no('The disk no longer exists.');
  if (cache.get('SR', vdi.SR)?.content_type === 'iso') return no('ISO images stay in their library.');
  if (!vdi.managed) return no('This disk is managed by the storage itself.');
  if (vdi.is_a_snapshot) return no('A snapshot\u2019s disk stays with its snapshot.');
  if (Object.keys(vdi.current_operations).length > 0) return no('Another operation on this disk is in progress.');
  if (vdi.cbt_enabled) return no('Changed block tracking is enabled on this disk: disable it first.');
  const vms = vmsOf(cache, vdi);
  if (new Set(vms.map((vm) => vm.uuid)).size > 1) return no('The disk is shared by several VMs.');
  const [vm] = vms;
  if (vm !== undefined) {
    if (vm.power_state === 'Suspended' || vm.power_state === 'Paused') return no(`${vm.name_label} is ${vm.power_state.toLowerCase()}: resume it or shut it down first.`);
    if (vm.power_state === 'Running' && vm.attached_PCIs.length > 0) return no(`${vm.name_label} has a passed-through device, so its disks cannot move while it runs: shut it down first.`);
    if (Object.keys(vm.current_operations).length > 0) return no(`${vm.name_label} is busy with another operation.`);
  }
  return OK;
}

/** The SRs the disk may move to, each with why not (its own SR, no room, not seen by the VM's server). */
export function moveTargets(cache: CacheReader, vdiRef: string): DiskTarget[] {
  const vdi = cache.get('VDI', vdiRef);
  if (vdi === undefined) return [];
  return newDiskTargets(cache, diskVm(cache, vdiRef), vdi.virtual_size).map((t) => (t.sr.ref === vdi.SR ? { ...t, reason: 'The disk is already on this SR.' } : t));
}

/** The VBD.create record that puts the copy where the original drive was. */
export function replacementVbd(old: RecordOf<'VBD'>, vdi: string): Record<string, unknown> {
  return {
    VM: old.VM,
    VDI: vdi,
    userdevice: old.userdevice,
    bootable: old.bootable,
    mode: old.mode,
    type: old.type,
    unpluggable: old.unpluggable,
    empty: false,
    other_config: old.other_config,
    qos_algorithm_type: old.qos_algorithm_type,
    qos_algorithm_params: old.qos_algorithm_params,
  };
}
