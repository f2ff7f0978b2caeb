// The rows of the Storage tab's tables, derived from the cache: a VM's disks
// (VBDs, with the CD drive), an SR's virtual disks, a host's or pool's SRs.
import { isNullRef } from '../../../xapi/refs';
import type { ObjectCache } from '../../cache/object-cache';
import { srTypeLabel } from '../../format/storage-words';
import { naturalCompare } from '../../format/natural-compare';

export interface DiskRow {
  readonly [key: string]: string | number | boolean | undefined;
  readonly ref: string;
  readonly position: string;
  readonly cd: boolean;
  readonly name: string;
  readonly description: string;
  readonly sr: string;
  readonly srType: string;
  /** Bytes; undefined for an empty drive. */
  readonly size: number | undefined;
  readonly readOnly: boolean;
  readonly priority: string;
  readonly active: boolean;
  readonly devicePath: string;
}

/** A VM's VBDs in userdevice order: disks and the DVD drive (empty or with its ISO). */
export function vmDiskRows(cache: ObjectCache, vmRef: string): DiskRow[] {
  const vm = cache.get('VM', vmRef);
  if (vm === undefined) return [];
  const rows = vm.VBDs.flatMap((ref): DiskRow[] => {
    const vbd = cache.get('VBD', ref);
    if (vbd === undefined) return [];
    const vdi = vbd.empty || isNullRef(vbd.VDI) ? undefined : cache.get('VDI', vbd.VDI);
    const sr = vdi === undefined ? undefined : cache.get('SR', vdi.SR);
    const cd = vbd.type === 'CD';
    return [
      {
        ref,
        position: vbd.userdevice,
        cd,
        name: vdi?.name_label ?? (cd ? 'DVD drive (empty)' : ''),
        description: vdi?.name_description ?? (cd ? 'No ISO inserted' : ''),
        sr: sr?.name_label ?? '',
        srType: sr === undefined ? '' : srTypeLabel(sr.type),
        size: vdi?.virtual_size,
        readOnly: vbd.mode === 'RO',
        priority: vbd.qos_algorithm_params['class'] ?? 'Default',
        active: vbd.currently_attached,
        devicePath: vbd.device === '' ? '' : `/dev/${vbd.device}`,
      },
    ];
  });
  return rows.sort((a, b) => Number(a.position) - Number(b.position) || naturalCompare(a.position, b.position));
}

export interface VdiRow {
  readonly [key: string]: string | number | boolean | undefined;
  readonly ref: string;
  readonly name: string;
  readonly description: string;
  readonly size: number;
  readonly used: number;
  readonly vms: string;
  readonly readOnly: boolean;
  readonly cbt: boolean;
}

/** VDI types XenCenter keeps out of the Storage tab (VDI.Show). */
const HIDDEN_VDI_TYPES = new Set(['suspend', 'crashdump', 'ephemeral', 'metadata']);

/** The virtual disks of an SR, by name; system-internal ones only when hidden objects are shown. */
export function srVdiRows(cache: ObjectCache, srRef: string, showHidden: boolean): VdiRow[] {
  const sr = cache.get('SR', srRef);
  if (sr === undefined) return [];
  const rows = sr.VDIs.flatMap((ref): VdiRow[] => {
    const vdi = cache.get('VDI', ref);
    if (vdi === undefined) return [];
    if (!showHidden && (HIDDEN_VDI_TYPES.has(vdi.type) || vdi.other_config['HideFromXenCenter'] === 'true')) return [];
    const vms = vdi.VBDs.map((b) => cache.get('VBD', b))
      .map((b) => (b === undefined ? undefined : cache.get('VM', b.VM)))
      .filter((vm) => vm !== undefined)
      .map((vm) => vm.name_label);
    return [{ ref, name: vdi.name_label, description: vdi.name_description, size: vdi.virtual_size, used: vdi.physical_utilisation, vms: [...new Set(vms)].sort(naturalCompare).join(', '), readOnly: vdi.read_only, cbt: vdi.cbt_enabled }];
  });
  return rows.sort((a, b) => naturalCompare(a.name, b.name) || naturalCompare(a.ref, b.ref));
}

export interface SrRow {
  readonly [key: string]: string | number | boolean | undefined;
  readonly ref: string;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly shared: boolean;
  /** The server of a local SR (pool view). */
  readonly server: string;
  readonly used: number;
  readonly size: number;
  readonly allocation: number;
}

/** SRs plugged into a host (or, with no host, every SR of the pool), by name. */
export function srRows(cache: ObjectCache, hostRef: string | undefined): SrRow[] {
  const rows: SrRow[] = [];
  for (const [ref, sr] of cache.all('SR')) {
    const pbds = sr.PBDs.map((p) => cache.get('PBD', p)).filter((p) => p !== undefined);
    if (hostRef !== undefined && !pbds.some((p) => p.host === hostRef)) continue;
    const server = sr.shared ? '' : (cache.get('host', pbds[0]?.host ?? '')?.name_label ?? '');
    rows.push({ ref, name: sr.name_label, description: sr.name_description, type: srTypeLabel(sr.type), shared: sr.shared, server, used: sr.physical_utilisation, size: sr.physical_size, allocation: sr.virtual_allocation });
  }
  return rows.sort((a, b) => naturalCompare(a.name, b.name) || naturalCompare(a.server, b.server));
}
