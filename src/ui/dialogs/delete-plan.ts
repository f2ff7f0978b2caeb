// What the Delete VM dialog offers besides the VMs: their virtual disks
// (VM.destroy leaves VDIs behind, as xapi does), each with a box ticked when
// only the VMs being deleted use the disk — as XenCenter's delete dialog.
// CD/DVD drives and ISOs are never offered.
import { isNullRef } from '../../xapi/refs';
import type { CacheReader } from '../actions/action-types';
import { srLabel } from '../format/sr-label';

export interface DiskChoice {
  readonly vdi: string;
  readonly vm: string;
  readonly name: string;
  readonly size: number;
  readonly srName: string;
  /** Other VMs (not being deleted) that also use the disk, by name. */
  readonly sharedWith: readonly string[];
}

export function diskChoices(vms: readonly string[], cache: CacheReader): DiskChoice[] {
  const deleting = new Set(vms);
  const seen = new Set<string>();
  const out: DiskChoice[] = [];
  for (const vmRef of vms) {
    const vm = cache.get('VM', vmRef);
    if (vm === undefined) continue;
    for (const vbdRef of vm.VBDs) {
      const vbd = cache.get('VBD', vbdRef);
      if (vbd === undefined || vbd.type !== 'Disk' || isNullRef(vbd.VDI) || seen.has(vbd.VDI)) continue;
      const vdi = cache.get('VDI', vbd.VDI);
      if (vdi === undefined) continue;
      const sr = cache.get('SR', vdi.SR);
      if (sr?.content_type === 'iso') continue;
      seen.add(vbd.VDI);
      const sharedWith: string[] = [];
      for (const other of vdi.VBDs) {
        const owner = cache.get('VBD', other)?.VM;
        if (owner === undefined || deleting.has(owner)) continue;
        const name = cache.get('VM', owner)?.name_label;
        if (name !== undefined && !sharedWith.includes(name)) sharedWith.push(name);
      }
      out.push({ vdi: vbd.VDI, vm: vmRef, name: vdi.name_label === '' ? 'Unnamed disk' : vdi.name_label, size: vdi.virtual_size, srName: srLabel(cache, vdi.SR), sharedWith });
    }
  }
  return out;
}

/** Ticked at first: disks no other VM uses. */
export function initiallyChosen(disks: readonly DiskChoice[]): Set<string> {
  return new Set(disks.filter((d) => d.sharedWith.length === 0).map((d) => d.vdi));
}

/** The dialog's title, XenCenter's words: "Delete VM", "Delete VMs", "Delete Template", "Delete Multiple Items". */
export function deleteTitle(kinds: readonly ('vm' | 'template')[]): string {
  const vms = kinds.filter((k) => k === 'vm').length;
  const templates = kinds.length - vms;
  if (templates === 0) return vms === 1 ? 'Delete VM' : 'Delete VMs';
  if (vms === 0) return templates === 1 ? 'Delete Template' : 'Delete Templates';
  return 'Delete Multiple Items';
}
