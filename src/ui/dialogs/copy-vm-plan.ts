// Copy VM / Copy Template (XenCenter's CopyVMDialog), the rules: the default
// name ("Copy of web-01", made unique), whether a fast clone is possible (any
// disk on an SR that clones, or no disks), and which SRs a full copy can go to
// (room for every disk on thick storage: SR_FULL refused at the field).
import { isNullRef } from '../../xapi/refs';
import type { CacheReader } from '../actions/action-types';
import { diskSrs, type SrFacts } from '../wizards/new-vm/pool-facts';
import { cannotFit } from '../wizards/new-vm/storage-rules';

export function copyName(name: string, cache: CacheReader): string {
  const taken = new Set([...cache.all('VM').values()].map((v) => v.name_label));
  const base = `Copy of ${name}`;
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base} (${String(i)})`)) return `${base} (${String(i)})`;
}

export interface CopyChoices {
  readonly disks: readonly { readonly size: number; readonly sr: string }[];
  readonly fastClone: boolean;
  readonly fullCopy: boolean;
  /** Each SR with the reason a full copy cannot go there (undefined: it can). */
  readonly targets: readonly { readonly sr: SrFacts; readonly reason: string | undefined }[];
}

export function copyChoices(cache: CacheReader, vmRef: string): CopyChoices {
  const vm = cache.get('VM', vmRef);
  const disks = (vm?.VBDs ?? []).flatMap((b) => {
    const vbd = cache.get('VBD', b);
    const vdi = vbd === undefined || vbd.type === 'CD' || isNullRef(vbd.VDI) ? undefined : cache.get('VDI', vbd.VDI);
    return vdi === undefined ? [] : [{ size: vdi.virtual_size, sr: vdi.SR }];
  });
  const ops = (vm?.allowed_operations ?? []) as readonly string[];
  const srs = diskSrs(cache);
  const clonable = disks.length === 0 || disks.some((d) => (cache.get('SR', d.sr)?.allowed_operations as readonly string[] | undefined)?.includes('vdi_clone') === true);
  const sizes = disks.map((d) => d.size);
  const targets = srs.map((sr) => ({ sr, reason: !sr.canCreateDisks ? 'Disks cannot be created on this SR.' : sr.hosts.length === 0 ? 'Not attached to any server.' : cannotFit(sr, sizes) }));
  return { disks, fastClone: ops.includes('clone') && clonable, fullCopy: ops.includes('copy') && disks.length > 0, targets };
}
