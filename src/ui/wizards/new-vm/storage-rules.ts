// Storage rules for the new VM's disks: which SRs a disk may go on (seen by
// the home server, or shared when the VM has none), how much room a disk
// needs there (all of it on thick LVM, little at first on thin NFS/EXT), and
// which SR the wizard picks by default (XenCenter's GetBestDiskStorage: the
// template's suggestion, then the pool's default SR, then any that fits).
import { formatBytes } from '../../format/bytes';
import type { SrFacts } from './pool-facts';
import { GiB, type DiskDraft, type WizardState } from './wizard-state';

/** XenCenter treats an SR with less than half a GiB free as full (SR.IsFull). */
export const FULL_BELOW = GiB / 2;
/** The largest VHD-based disk (XenCenter's SR.DISK_MAX_SIZE; SRs without the LARGE_VDI capability). */
export const DISK_MAX_SIZE = 2 * 1024 * GiB;

export function srVisible(sr: SrFacts, home: WizardState['home']): boolean {
  return home.mode === 'server' ? sr.hosts.includes(home.host) : sr.shared && sr.hosts.length > 0;
}

/** The space disks take on an SR when created: their size on thick storage, nothing yet on thin. */
export function spaceNeeded(sr: SrFacts, sizes: readonly number[]): number {
  return sr.thin ? 0 : sizes.reduce((a, b) => a + b, 0);
}

/** Why these disks cannot be created on the SR, or undefined (XenCenter's SR.CanFitDisks). */
export function cannotFit(sr: SrFacts, sizes: readonly number[]): string | undefined {
  if (sizes.some((s) => s > DISK_MAX_SIZE)) return `You cannot create a disk greater than ${formatBytes(DISK_MAX_SIZE)} on this SR.`;
  const need = spaceNeeded(sr, sizes);
  if (need > sr.size) return `The disks need ${formatBytes(need)}, more than the whole of ${sr.name} (${formatBytes(sr.size)}).`;
  if (sr.free < FULL_BELOW && sizes.length > 0) return `${sr.name} is full (${formatBytes(sr.free)} free).`;
  if (need > sr.free) return `${sr.name} has ${formatBytes(sr.free)} free; the disks on it need ${formatBytes(need)}.`;
  return undefined;
}

/** Whether the SR can take disks at all from this home server (SR_FULL aside). */
export function srUsable(sr: SrFacts, home: WizardState['home']): string | undefined {
  if (!sr.canCreateDisks) return `${sr.name} does not allow new disks to be created on it.`;
  if (sr.hosts.length === 0) return `${sr.name} is not attached to any server.`;
  if (!srVisible(sr, home)) {
    return home.mode === 'server'
      ? `${sr.name} cannot be seen from the VM's home server.`
      : `VMs without a home server cannot have disks on ${sr.name}, which is local to one server.`;
  }
  return undefined;
}

/** The best SR for a disk of `size`, given the space other disks already take on each SR. */
export function bestSr(srs: readonly SrFacts[], home: WizardState['home'], size: number, suggested: string | undefined, taken: ReadonlyMap<string, number[]>): string {
  const fits = (sr: SrFacts) => srUsable(sr, home) === undefined && cannotFit(sr, [...(taken.get(sr.ref) ?? []), size]) === undefined;
  const suggestion = srs.find((s) => s.ref === suggested || s.uuid === suggested);
  if (suggestion !== undefined && fits(suggestion)) return suggestion.ref;
  const def = srs.find((s) => s.isDefault);
  if (def !== undefined && fits(def)) return def.ref;
  return srs.find(fits)?.ref ?? '';
}

/** Sizes of the disks on each SR. */
export function sizesBySr(disks: readonly DiskDraft[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const d of disks) {
    if (d.sr === '') continue;
    const list = out.get(d.sr) ?? [];
    list.push(d.size);
    out.set(d.sr, list);
  }
  return out;
}

/** The next free device number for a new disk (3 is the CD drive's). */
export function nextDiskDevice(disks: readonly DiskDraft[]): string {
  const used = new Set(disks.map((d) => d.device));
  for (let i = 0; ; i++) if (i !== 3 && !used.has(String(i))) return String(i);
}
