// The Snapshots tab's model, derived from the cache: a VM's snapshots as a
// tree (XAPI's VM.parent/children links, with "Now" under the snapshot the VM
// was last taken from or reverted to) and as list rows. A snapshot's type
// follows XenCenter: a checkpoint is a snapshot whose power_state is
// Suspended (it carries the memory image); a VMSS snapshot is "scheduled".
// XenCenter's View menu can hide scheduled snapshots: the tree then hangs
// their children from the nearest shown ancestor.
import type { ObjectCache } from '../../cache/object-cache';
import { snapshotSize } from './snapshot-size';

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
  /** Comma-separated tags, as XenCenter's list shows them. */
  readonly tags: string;
  /** Bytes on storage: its disks, its memory image, the base copies it keeps (snapshot-size.ts). */
  readonly sizeOnStorage: number;
}

/** One node of the tree: a snapshot, or the "Now" marker (the VM itself). */
export interface SnapshotNode {
  readonly ref: string;
  readonly now: boolean;
  readonly depth: number;
  readonly row: SnapshotRow | undefined;
  /** The last child of its parent (its connector ends here). */
  readonly last: boolean;
  /** Per ancestor level (0 … depth-2): whether that ancestor has later siblings (a line passes by). */
  readonly guides: string;
}

/** A VM's snapshots, newest first. */
export function snapshotRows(cache: ObjectCache, vmRef: string, showScheduled = true): SnapshotRow[] {
  const vm = cache.get('VM', vmRef);
  if (vm === undefined) return [];
  const rows = vm.snapshots.flatMap((ref): SnapshotRow[] => {
    const snap = cache.get('VM', ref);
    if (snap === undefined || (!showScheduled && snap.is_vmss_snapshot)) return [];
    return [
      {
        ref,
        name: snap.name_label,
        description: snap.name_description,
        time: snap.snapshot_time,
        type: snap.power_state === 'Suspended' ? 'Disks and memory' : 'Disks only',
        scheduled: snap.is_vmss_snapshot,
        tags: snap.tags.join(', '),
        sizeOnStorage: snapshotSize(cache, ref).total,
      },
    ];
  });
  return rows.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.ref.localeCompare(b.ref)));
}

/**
 * The tree in display order (depth-first, older siblings first). Roots are
 * snapshots whose shown ancestor is not one of this VM's snapshots; "Now"
 * hangs under the VM's parent (or its nearest shown ancestor), or is a root.
 */
export function snapshotTree(cache: ObjectCache, vmRef: string, showScheduled = true): SnapshotNode[] {
  const vm = cache.get('VM', vmRef);
  if (vm === undefined) return [];
  const rows = new Map(snapshotRows(cache, vmRef, showScheduled).map((r) => [r.ref, r]));
  const mine = new Set(vm.snapshots);
  // The nearest ancestor that is shown (a hidden scheduled snapshot passes its children up).
  const shownAncestor = (parent: string): string | undefined => {
    const seen = new Set<string>();
    for (let p = parent; mine.has(p) && !seen.has(p); p = cache.get('VM', p)?.parent ?? '') {
      if (rows.has(p)) return p;
      seen.add(p);
    }
    return undefined;
  };
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  const attach = (ref: string, parent: string) => {
    const at = shownAncestor(parent);
    if (at !== undefined) children.set(at, [...(children.get(at) ?? []), ref]);
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
  const walk = (ref: string, depth: number, last: boolean, guides: string) => {
    if (seen.has(ref)) return; // a cycle in the links would be a bug elsewhere; never loop
    seen.add(ref);
    out.push({ ref, now: ref === vmRef, depth, row: rows.get(ref), last, guides });
    const kids = [...(children.get(ref) ?? [])].sort(byTime);
    const below = depth === 0 ? '' : guides + (last ? ' ' : '|');
    kids.forEach((child, i) => walk(child, depth + 1, i === kids.length - 1, below));
  };
  const sortedRoots = roots.sort(byTime);
  sortedRoots.forEach((root, i) => walk(root, 0, i === sortedRoots.length - 1, ''));
  return out;
}
