// The rules of the disk dialogs (XenCenter's NewDiskDialog, AttachDiskDialog
// and VDI properties): a size typed with its unit, checked at the field (more
// than nothing, at most a VHD's 2 TiB, never smaller than the disk already is);
// the SRs a VM's new disk may go on (seen from the server it runs on or
// belongs to, with room for it: SR_FULL refused at the field); the disks an
// existing VM may attach (not its own, not another running VM's unless
// sharable, not on ISO libraries or detached SRs); and the calls each makes.
import { isNullRef } from '../../xapi/refs';
import type { RecordOf } from '../../xapi/types';
import type { CacheReader } from '../actions/action-types';
import { formatBytes } from '../format/bytes';
import { srLabel } from '../format/sr-label';
import { naturalCompare } from '../format/natural-compare';
import { diskSrs, type SrFacts } from '../wizards/new-vm/pool-facts';
import { DISK_MAX_SIZE, cannotFit, srUsable } from '../wizards/new-vm/storage-rules';

export const SIZE_UNITS = { MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 } as const;
export type SizeUnit = keyof typeof SIZE_UNITS;

/** The size typed, in bytes, or the message for the field. */
export function parseSize(text: string, unit: SizeUnit, current?: number): { bytes: number; error?: undefined } | { bytes?: undefined; error: string } {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return { error: 'Enter the size as a number.' };
  const bytes = Math.round(Number(t) * SIZE_UNITS[unit]);
  if (bytes <= 0) return { error: 'A disk must be larger than nothing.' };
  if (bytes > DISK_MAX_SIZE) return { error: `A virtual disk can be at most ${formatBytes(DISK_MAX_SIZE)}.` };
  if (current !== undefined && bytes < current) return { error: `A disk can only be made larger: it is ${formatBytes(current)} now.` };
  return { bytes };
}

/** The server whose view of storage counts for the VM's disks: where it runs, its home server, or where its local disks are. */
export function vmStorageHost(cache: CacheReader, vmRef: string): string | undefined {
  const vm = cache.get('VM', vmRef);
  if (vm === undefined) return undefined;
  if (!isNullRef(vm.resident_on)) return vm.resident_on;
  if (!isNullRef(vm.affinity) && cache.get('host', vm.affinity) !== undefined) return vm.affinity;
  for (const b of vm.VBDs) {
    const vdi = cache.get('VDI', cache.get('VBD', b)?.VDI ?? '');
    const sr = vdi === undefined ? undefined : cache.get('SR', vdi.SR);
    if (sr === undefined || sr.shared) continue;
    const pbd = cache.get('PBD', sr.PBDs[0] ?? '');
    if (pbd !== undefined) return pbd.host;
  }
  return undefined;
}

export interface DiskTarget {
  readonly sr: SrFacts;
  /** Why the disk cannot go there (undefined: it can). */
  readonly reason: string | undefined;
}

/** SRs a new disk of `size` may be created on, for a VM (seen from its server) or on any attached SR. */
export function newDiskTargets(cache: CacheReader, vmRef: string | undefined, size: number): DiskTarget[] {
  const host = vmRef === undefined ? undefined : vmStorageHost(cache, vmRef);
  const home = host === undefined ? ({ mode: 'auto', host: '' } as const) : ({ mode: 'server', host } as const);
  return diskSrs(cache).map((sr) => {
    const unusable = vmRef === undefined ? (!sr.canCreateDisks ? `${sr.name} does not allow new disks to be created on it.` : sr.hosts.length === 0 ? `${sr.name} is not attached to any server.` : undefined) : srUsable(sr, home);
    return { sr, reason: unusable ?? cannotFit(sr, [size]) };
  });
}

/** "New virtual disk", numbered when the name is taken. */
export function newDiskName(cache: CacheReader, base = 'New virtual disk'): string {
  const taken = new Set([...cache.all('VDI').values()].map((v) => v.name_label));
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base} (${String(i)})`)) return `${base} (${String(i)})`;
}

/** The record VDI.create takes for a new user disk. */
export function newVdiRecord(sr: string, name: string, description: string, size: number): Record<string, unknown> {
  return { SR: sr, name_label: name, name_description: description, virtual_size: size, type: 'user', sharable: false, read_only: false, other_config: {}, sm_config: {}, tags: [] };
}

/** The record VBD.create takes to attach a disk to a VM at the next free position. */
export function newVbdRecord(vm: string, vdi: string, readOnly: boolean, bootable = false): Record<string, unknown> {
  return { VM: vm, VDI: vdi, userdevice: 'autodetect', bootable, mode: readOnly ? 'RO' : 'RW', type: 'Disk', unpluggable: true, empty: false, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {} };
}

export interface AttachChoice {
  readonly ref: string;
  readonly name: string;
  readonly sr: string;
  readonly size: number;
  /** Why it cannot be attached (undefined: it can). */
  readonly reason: string | undefined;
  /** Another VM has it read-write: only read-only attachment is possible while that holds. */
  readonly readOnlyOnly: boolean;
}

function runningHolders(cache: CacheReader, vdi: RecordOf<'VDI'>): RecordOf<'VBD'>[] {
  return vdi.VBDs.map((b) => cache.get('VBD', b)).filter((b): b is RecordOf<'VBD'> => b !== undefined && b.currently_attached);
}

/** The disks the pool could attach to `vmRef`, by SR then name, with why some cannot. */
export function attachChoices(cache: CacheReader, vmRef: string): AttachChoice[] {
  const host = vmStorageHost(cache, vmRef);
  const out: AttachChoice[] = [];
  for (const [ref, vdi] of cache.all('VDI')) {
    const sr = cache.get('SR', vdi.SR);
    if (sr === undefined || sr.content_type === 'iso' || sr.type === 'udev' || sr.is_tools_sr) continue;
    if (!vdi.managed || vdi.is_a_snapshot || vdi.missing || !['user', 'system'].includes(vdi.type)) continue;
    if (vdi.VBDs.some((b) => cache.get('VBD', b)?.VM === vmRef)) continue;
    const plugged = sr.PBDs.map((p) => cache.get('PBD', p)).filter((p) => p?.currently_attached === true);
    const holders = runningHolders(cache, vdi);
    const busyRw = !vdi.sharable && holders.some((b) => b.mode === 'RW');
    const reason =
      plugged.length === 0
        ? 'Its SR is detached.'
        : host !== undefined && !sr.shared && !plugged.some((p) => p?.host === host)
          ? 'Its SR is local to another server.'
          : busyRw
            ? `In use by ${cache.get('VM', holders[0]?.VM ?? '')?.name_label ?? 'another VM'}.`
            : undefined;
    out.push({ ref, name: vdi.name_label, sr: srLabel(cache, vdi.SR), size: vdi.virtual_size, reason, readOnlyOnly: !vdi.sharable && holders.length > 0 && !busyRw });
  }
  // Those that can be attached first, then by SR and name.
  return out.sort((a, b) => Number(a.reason !== undefined) - Number(b.reason !== undefined) || naturalCompare(a.sr, b.sr) || naturalCompare(a.name, b.name));
}
