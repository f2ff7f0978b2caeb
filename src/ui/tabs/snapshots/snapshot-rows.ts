// The Snapshots tab's model, derived from the cache: a VM's snapshots as a
// tree (XAPI's VM.parent/children links, with "Now" under the snapshot the VM
// was last taken from or reverted to) and as list rows. A snapshot's type
// follows XenCenter: a checkpoint is a snapshot whose power_state is
// Suspended (it carries the memory image); a VMSS snapshot is "scheduled".
import { isNullRef } from '../../../xapi/refs';
import type { ObjectCache } from '../../cache/object-cache';

export type SnapshotType = 'Disks only' | 'Disks and memory';

export interface SnapshotRow {
  readonly [key: string]: string | number | boolean;
  readonly ref: string;
  readonly name: string;
  readonly description: string;
  /** ISO time as XAPI gives it (snapshot_time). */
  readonly time: string;
  readonly type: SnapshotType;
  readonly scheduled: boolean;
  /** Bytes the snapshot's disks occupy on their SRs (physical_utilisation). */
  readonly sizeOnStorage: number;
}

/** One node of the tree: a snapshot, or the "Now" marker (the VM itself). */
export interface SnapshotNode {
  readonly ref: string;
  readonly now: boolean;
  readonly depth: number;
  readonly row: SnapshotRow | undefined;
}

function sizeOnStorage(cache: ObjectCache, vbds: readonly string[]): number {
  let bytes = 0;
  for (const ref of vbds) {
    const vbd = cache.get('VBD', ref);
    if (vbd === undefined || vbd.empty || vbd.type === 'CD' || isNullRef(vbd.VDI)) continue;
    bytes += cache.get('VDI', vbd.VDI)?.physical_utilisation ?? 0;
  }
  return bytes;
}

/** A VM's snapshots, newest first. */
export function snapshotRows(cache: ObjectCache, vmRef: string): SnapshotRow[] {
  const vm = cache.get('VM', vmRef);
  if (vm === undefined) return [];
  const rows = vm.snapshots.flatMap((ref): SnapshotRow[] => {
    const snap = cache.get('VM', ref);
    if (snap === undefined) return [];
    return [
      {
        ref,
        name: snap.name_label,
        description: snap.name_description,
        time: snap.snapshot_time,
        type: snap.power_state === 'Suspended' ? 'Disks and memory' : 'Disks only',
        scheduled: snap.is_vmss_snapshot,
        sizeOnStorage: sizeOnStorage(cache, snap.VBDs),
      },
    ];
  });
  return rows.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.ref.localeCompare(b.ref)));
}

/**
 * The tree in display order (depth-first, older siblings first). Roots are
 * snapshots whose parent is not one of this VM's snapshots; "Now" hangs
 * under the VM's parent, or is a root when the VM has none.
 */
export function snapshotTree(cache: ObjectCache, vmRef: string): SnapshotNode[] {
  const vm = cache.get('VM', vmRef);
  if (vm === undefined) return [];
  const rows = new Map(snapshotRows(cache, vmRef).map((r) => [r.ref, r]));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  const attach = (ref: string, parent: string) => {
    if (rows.has(parent)) children.set(parent, [...(children.get(parent) ?? []), ref]);
    else roots.push(ref);
  };
  for (const ref of rows.keys()) attach(ref, cache.get('VM', ref)?.parent ?? '');
  attach(vmRef, vm.parent);
  const byTime = (a: string, b: string) => {
    // Now is always the last child: it is later than any snapshot.
    const ta = rows.get(a)?.time ?? '\uffff';
    const tb = rows.get(b)?.time ?? '\uffff';
    return ta < tb ? -1 : ta > tb ? 1 : a.localeCompare(b);
  };
  const out: SnapshotNode[] = [];
  const seen = new Set<string>();
  const walk = (ref: string, depth: number) => {
    if (seen.has(ref)) return; // a cycle in the links would be a bug elsewhere; never loop
    seen.add(ref);
    out.push({ ref, now: ref === vmRef, depth, row: rows.get(ref) });
    for (const child of [...(children.get(ref) ?? [])].sort(byTime)) walk(child, depth + 1);
  };
  for (const root of roots.sort(byTime)) walk(root, 0);
  return out;
}
