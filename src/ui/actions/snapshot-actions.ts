// Snapshot commands (XenAdmin/Commands): Take a Snapshot… on a VM
// (TakeSnapshotCommand: VM.snapshot or VM.checkpoint, whichever the VM
// allows), and on a snapshot Revert To… (RevertToSnapshotCommand), New VM
// from Snapshot… (the New VM wizard with the snapshot as its template),
// Save as Template… (NewTemplateFromSnapshotCommand: VM.clone of the
// snapshot) and Delete (DeleteSnapshotCommand: the snapshot with its disks).
// Each opens its dialog; the dialogs make the calls (snapshot-runs.ts).
import { isNullRef } from '../../xapi/refs';
import { OK, no, type CacheReader, type CanRun } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import type { Target } from './targets';
import { allowedCheck, busyReason } from './vm-checks';
import { anyUsableHost } from './vm-create-actions';

/** Why a VM cannot be snapshotted now, if it cannot (neither a disk snapshot nor a checkpoint is allowed). */
export function takeSnapshotCheck(target: Target, cache: CacheReader): CanRun {
  const vm = cache.get('VM', target.ref);
  if (vm === undefined) return no('The VM no longer exists.');
  const busy = busyReason(vm);
  if (busy !== undefined) return no(busy);
  const ops = vm.allowed_operations as readonly string[];
  if (ops.includes('snapshot') || ops.includes('checkpoint')) return OK;
  return allowedCheck(vm, 'snapshot', 'Take Snapshot');
}

export const takeSnapshot: ObjectAction = objectAction({
  id: 'vm.take-snapshot',
  label: 'Take a Snapshot…',
  toolbarLabel: 'Take Snapshot',
  icon: 'snapshot',
  description: 'Take a snapshot of the VM’s disks (and memory, if it is running)',
  kinds: ['vm'],
  emptyReason: 'Select a VM to take a snapshot of.',
  single: true,
  check: takeSnapshotCheck,
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'snapshot', op: 'take', refs: [target.ref] });
  },
});

/** The VM a snapshot was taken of, when it still exists. */
export function snapshotOwner(cache: CacheReader, snapRef: string): string | undefined {
  const of = cache.get('VM', snapRef)?.snapshot_of;
  return of === undefined || isNullRef(of) || cache.get('VM', of) === undefined ? undefined : of;
}

function snapshotBusy(target: Target, cache: CacheReader): CanRun | undefined {
  const snap = cache.get('VM', target.ref);
  if (snap === undefined) return no('The snapshot no longer exists.');
  const busy = busyReason(snap);
  return busy === undefined ? undefined : no(busy.replace('This VM', 'This snapshot'));
}

export function revertCheck(target: Target, cache: CacheReader): CanRun {
  const busy = snapshotBusy(target, cache);
  if (busy !== undefined) return busy;
  const owner = snapshotOwner(cache, target.ref);
  if (owner === undefined) return no('The VM this snapshot was taken of no longer exists.');
  const vm = cache.get('VM', owner);
  const vmBusy = vm === undefined ? undefined : busyReason(vm);
  if (vmBusy !== undefined) return no(vmBusy);
  const snap = cache.get('VM', target.ref);
  return snap === undefined ? no('The snapshot no longer exists.') : allowedCheck(snap, 'revert', 'Revert');
}

export const revertToSnapshot: ObjectAction = objectAction({
  id: 'snapshot.revert',
  label: 'Revert To…',
  icon: 'revert',
  description: 'Put the VM back to this snapshot’s state',
  kinds: ['snapshot'],
  emptyReason: 'Select a snapshot to revert to.',
  single: true,
  check: revertCheck,
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'snapshot', op: 'revert', refs: [target.ref] });
  },
});

function cloneCheck(target: Target, cache: CacheReader, label: string): CanRun {
  const busy = snapshotBusy(target, cache);
  if (busy !== undefined) return busy;
  const snap = cache.get('VM', target.ref);
  if (snap === undefined) return no('The snapshot no longer exists.');
  const ops = snap.allowed_operations as readonly string[];
  return ops.includes('clone') || ops.includes('copy') ? OK : allowedCheck(snap, 'clone', label);
}

export const newVmFromSnapshot: ObjectAction = objectAction({
  id: 'snapshot.new-vm',
  label: 'New VM from Snapshot…',
  icon: 'new-vm',
  description: 'Create a new VM from this snapshot with the New VM wizard',
  kinds: ['snapshot'],
  emptyReason: 'Select a snapshot.',
  single: true,
  check: (target, cache) => {
    const clone = cloneCheck(target, cache, 'New VM from Snapshot');
    if (!clone.ok) return clone;
    return anyUsableHost(cache) ? OK : no('There is no server that can take a new VM (all are down or in maintenance mode).');
  },
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'new-vm', template: target.ref });
  },
});

export const saveSnapshotAsTemplate: ObjectAction = objectAction({
  id: 'snapshot.save-as-template',
  label: 'Save as Template…',
  icon: 'template',
  description: 'Make a custom template from this snapshot',
  kinds: ['snapshot'],
  emptyReason: 'Select a snapshot.',
  single: true,
  check: (target, cache) => cloneCheck(target, cache, 'Save as Template'),
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'snapshot', op: 'save-template', refs: [target.ref] });
  },
});

export const exportSnapshotAsTemplate: ObjectAction = objectAction({
  id: 'snapshot.export-as-template',
  label: 'Export as Template…',
  icon: 'template',
  description: 'Save this snapshot as a template in an XVA file',
  kinds: ['snapshot'],
  emptyReason: 'Select a snapshot.',
  single: true,
  check: (target, cache) => {
    const busy = snapshotBusy(target, cache);
    if (busy !== undefined) return busy;
    const snap = cache.get('VM', target.ref);
    return snap === undefined ? no('The snapshot no longer exists.') : allowedCheck(snap, 'export', 'Export as Template');
  },
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'snapshot', op: 'export-template', refs: [target.ref] });
  },
});

export const deleteSnapshot: ObjectAction = objectAction({
  id: 'snapshot.delete',
  label: 'Delete',
  icon: 'delete',
  description: 'Delete the snapshot and its disks',
  kinds: ['snapshot'],
  emptyReason: 'Select a snapshot to delete.',
  check: (target, cache) => {
    const busy = snapshotBusy(target, cache);
    if (busy !== undefined) return busy;
    const snap = cache.get('VM', target.ref);
    return snap === undefined ? no('The snapshot no longer exists.') : allowedCheck(snap, 'destroy', 'Delete');
  },
  perform: (context, runnable) => context.ui.openDialog({ kind: 'snapshot', op: 'delete', refs: runnable.map((t) => t.ref) }),
});
