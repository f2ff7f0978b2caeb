// What a snapshot costs on storage, from the records SM and xapi keep. Its
// own VDIs are nearly empty VHDs (a snapshot's blocks live in the hidden
// base copy under it: sm_config 'vhd-parent' names the parent's uuid); so
// beside its disks and its memory image (a checkpoint's suspend VDI, as
// XenCenter counts it), the size includes each base copy the snapshot keeps
// alive: the read-only parent directly under one of its disks that would be
// coalesced away without it — one with at most one other child. A base copy
// with more children is kept by them as well and is not counted here.
import { isNullRef } from '../../../xapi/refs';
import type { CacheReader } from '../../actions/action-types';

export interface SnapshotSize {
  /** The snapshot's own disk VDIs. */
  readonly disks: number;
  /** Base copies it alone keeps from being coalesced. */
  readonly baseCopies: number;
  /** A checkpoint's memory image. */
  readonly memory: number;
  readonly total: number;
}

const VHD_PARENT = 'vhd-parent';

/** The VDIs whose space the snapshot accounts for (its disks, memory image, and the base copies it keeps). */
export function snapshotStorage(cache: CacheReader, snapRef: string): { disks: string[]; baseCopies: string[]; memory: string | undefined } {
  const snap = cache.get('VM', snapRef);
  const disks: string[] = [];
  const baseCopies: string[] = [];
  if (snap === undefined) return { disks, baseCopies, memory: undefined };
  for (const vbdRef of snap.VBDs) {
    const vbd = cache.get('VBD', vbdRef);
    if (vbd === undefined || vbd.empty || vbd.type === 'CD' || isNullRef(vbd.VDI)) continue;
    const vdi = cache.get('VDI', vbd.VDI);
    if (vdi === undefined) continue;
    disks.push(vbd.VDI);
    const parentUuid = vdi.sm_config[VHD_PARENT];
    const sr = cache.get('SR', vdi.SR);
    if (parentUuid === undefined || sr === undefined) continue;
    let parent: string | undefined;
    let otherChildren = 0;
    for (const other of sr.VDIs) {
      const r = cache.get('VDI', other);
      if (r === undefined) continue;
      if (r.uuid === parentUuid) parent = other;
      else if (other !== vbd.VDI && r.sm_config[VHD_PARENT] === parentUuid) otherChildren++;
    }
    const base = parent === undefined ? undefined : cache.get('VDI', parent);
    if (parent !== undefined && base !== undefined && !base.managed && otherChildren <= 1 && !baseCopies.includes(parent)) baseCopies.push(parent);
  }
  const memory = isNullRef(snap.suspend_VDI) || cache.get('VDI', snap.suspend_VDI) === undefined ? undefined : snap.suspend_VDI;
  return { disks, baseCopies, memory };
}

const bytesOf = (cache: CacheReader, refs: readonly string[]) => refs.reduce((sum, ref) => sum + Math.max(0, cache.get('VDI', ref)?.physical_utilisation ?? 0), 0);

export function snapshotSize(cache: CacheReader, snapRef: string): SnapshotSize {
  const { disks, baseCopies, memory } = snapshotStorage(cache, snapRef);
  const d = bytesOf(cache, disks);
  const b = bytesOf(cache, baseCopies);
  const m = memory === undefined ? 0 : bytesOf(cache, [memory]);
  return { disks: d, baseCopies: b, memory: m, total: d + b + m };
}

/** Several snapshots together: a base copy two of them keep is counted once. */
export function totalSnapshotSize(cache: CacheReader, snapRefs: readonly string[]): number {
  const vdis = new Set<string>();
  for (const ref of snapRefs) {
    const { disks, baseCopies, memory } = snapshotStorage(cache, ref);
    for (const v of [...disks, ...baseCopies, ...(memory === undefined ? [] : [memory])]) vdis.add(v);
  }
  return bytesOf(cache, [...vdis]);
}
