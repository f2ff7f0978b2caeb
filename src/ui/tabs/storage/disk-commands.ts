// The buttons under a VM's and an SR's disk lists (XenCenter's VM Storage tab:
// Add…, Attach Disk…, Activate/Deactivate, Detach, Move…, Properties, Delete;
// the SR Storage tab: Rescan, Add…, Move…, Properties, Delete), each a pure check of the
// cache with the reason it cannot run, and what it does: open a dialog or
// make the XenAPI call (VBD.plug / unplug) straight away.
import { isNullRef } from '../../../xapi/refs';
import type { RecordOf } from '../../../xapi/types';
import { OK, no, type ActionContext, type CacheReader, type CanRun } from '../../actions/action-types';
import { hotplugCheck, vmDevicesCheck } from '../../actions/device-checks';
import { runTaskCall } from '../../actions/run-xenapi';
import { srAttachedAnywhere } from '../../actions/sr-lifecycle-actions';
import type { TabCommand } from '../common/tab-command';
import { moveDiskCheck } from '../../dialogs/move-disk-plan';

/** xapi numbers a VM's disks 0–254 (allowed_VBD_devices). */
const MAX_VBDS = 255;

const NO_ROW = 'Select a disk in the list first.';

function vbdOf(cache: CacheReader, row: string | undefined): RecordOf<'VBD'> | undefined {
  return row === undefined ? undefined : cache.get('VBD', row);
}

/** A selected row that is a disk (not the DVD drive) of a VM that may change its devices. */
function diskRow(cache: CacheReader, row: string | undefined, rest: (vbd: RecordOf<'VBD'>, vm: RecordOf<'VM'>) => CanRun): CanRun {
  const vbd = vbdOf(cache, row);
  if (vbd === undefined) return no(NO_ROW);
  if (vbd.type === 'CD') return no('The DVD drive\u2019s disc is changed on the Console tab.');
  const vm = cache.get('VM', vbd.VM);
  const state = vmDevicesCheck(vm);
  if (!state.ok || vm === undefined) return state;
  return rest(vbd, vm);
}

function canAddDisk(cache: CacheReader, vmRef: string): CanRun {
  const vm = cache.get('VM', vmRef);
  const state = vmDevicesCheck(vm);
  if (!state.ok || vm === undefined) return state;
  if (vm.VBDs.length >= MAX_VBDS) return no(`A VM can have at most ${String(MAX_VBDS)} disks and drives.`);
  return OK;
}

const plugCall = (context: ActionContext, vbdRef: string, method: 'VBD.plug' | 'VBD.unplug') => {
  const vbd = context.cache.get('VBD', vbdRef);
  const name = vbd === undefined ? 'the disk' : (context.cache.get('VDI', vbd.VDI)?.name_label ?? 'the disk');
  void runTaskCall(context, { method, args: [vbdRef], target: { cls: 'VBD', ref: vbdRef, kind: 'other', name }, failure: `Could not ${method === 'VBD.plug' ? 'activate' : 'deactivate'} ${name}` });
};

export const VM_DISK_COMMANDS: readonly TabCommand[] = [
  {
    id: 'add',
    label: 'Add…',
    check: (cache, vm) => canAddDisk(cache, vm),
    run: (context, vm) => context.ui.openDialog({ kind: 'device', dialog: { kind: 'new-disk', vm } }),
  },
  {
    id: 'attach',
    label: 'Attach Disk…',
    check: (cache, vm) => canAddDisk(cache, vm),
    run: (context, vm) => context.ui.openDialog({ kind: 'device', dialog: { kind: 'attach-disk', vm } }),
  },
  {
    id: 'activate',
    label: 'Activate',
    check: (cache, _vm, row) =>
      diskRow(cache, row, (vbd, vm) => {
        if (vbd.currently_attached) return no('The disk is already active.');
        return hotplugCheck(vm, cache, 'disk');
      }),
    run: (context, _vm, row) => plugCall(context, row, 'VBD.plug'),
  },
  {
    id: 'deactivate',
    label: 'Deactivate',
    check: (cache, _vm, row) =>
      diskRow(cache, row, (vbd, vm) => {
        if (!vbd.currently_attached) return no('The disk is not active.');
        if (!vbd.unpluggable) return no('This disk cannot be unplugged while the VM runs (it is marked not unpluggable).');
        return hotplugCheck(vm, cache, 'disk');
      }),
    run: (context, _vm, row) => plugCall(context, row, 'VBD.unplug'),
  },
  {
    id: 'detach',
    label: 'Detach',
    check: (cache, _vm, row) =>
      diskRow(cache, row, (vbd, vm) => {
        if (!vbd.currently_attached) return OK;
        if (!vbd.unpluggable) return no('This disk cannot be unplugged while the VM runs: shut the VM down first.');
        return hotplugCheck(vm, cache, 'disk');
      }),
    run: (context, _vm, row) => context.ui.openDialog({ kind: 'confirm-op', op: 'disk-detach', ref: row }),
  },
  {
    id: 'move',
    label: 'Move…',
    check: (cache, _vm, row) => diskRow(cache, row, (vbd) => moveDiskCheck(cache, vbd.VDI)),
    run: (context, _vm, row) => {
      const vbd = context.cache.get('VBD', row);
      if (vbd !== undefined) context.ui.openDialog({ kind: 'device', dialog: { kind: 'move-disk', vdi: vbd.VDI } });
    },
  },
  {
    id: 'properties',
    label: 'Properties',
    check: (cache, _vm, row) => diskRow(cache, row, () => OK),
    run: (context, _vm, row) => {
      const vbd = context.cache.get('VBD', row);
      if (vbd !== undefined) context.ui.openDialog({ kind: 'device', dialog: { kind: 'disk-properties', vdi: vbd.VDI, vbd: row } });
    },
  },
  {
    id: 'delete',
    label: 'Delete',
    check: (cache, _vm, row) => diskRow(cache, row, (vbd) => deletableVdi(cache, vbd.VDI)),
    run: (context, _vm, row) => {
      const vbd = context.cache.get('VBD', row);
      if (vbd !== undefined) context.ui.openDialog({ kind: 'confirm-op', op: 'disk-delete', ref: vbd.VDI });
    },
  },
];

/** Why the disk cannot be deleted now (VDI_IN_USE, a snapshot's hidden base copy, …). */
export function deletableVdi(cache: CacheReader, vdiRef: string): CanRun {
  const vdi = isNullRef(vdiRef) ? undefined : cache.get('VDI', vdiRef);
  if (vdi === undefined) return no('The disk no longer exists.');
  if (!vdi.managed) return no('This disk is managed by the storage itself.');
  if (cache.get('SR', vdi.SR)?.content_type === 'iso') return no('ISO images are removed from the library\u2019s share, not from here.');
  if (vdi.VBDs.some((b) => cache.get('VBD', b)?.currently_attached === true)) return no('The disk is in use by a running VM: deactivate it or shut the VM down first.');
  if (Object.keys(vdi.current_operations).length > 0) return no('Another operation on this disk is in progress.');
  if (!(vdi.allowed_operations as readonly string[]).includes('destroy')) return no('This disk cannot be deleted.');
  return OK;
}

const NO_VDI_ROW = 'Select a virtual disk in the list first.';

export const SR_DISK_COMMANDS: readonly TabCommand[] = [
  {
    id: 'rescan',
    label: 'Rescan',
    check: (cache, srRef) => {
      const sr = cache.get('SR', srRef);
      return sr !== undefined && srAttachedAnywhere(sr, cache) ? OK : no('The SR is detached: no server can scan it.');
    },
    run: (context, srRef) => void runTaskCall(context, { method: 'SR.scan', args: [srRef], target: { cls: 'SR', ref: srRef, kind: 'sr', name: context.cache.get('SR', srRef)?.name_label ?? srRef }, failure: 'Could not rescan the SR' }),
  },
  {
    id: 'add',
    label: 'Add…',
    check: (cache, srRef) => {
      const sr = cache.get('SR', srRef);
      if (sr === undefined) return no('The SR no longer exists.');
      if (!srAttachedAnywhere(sr, cache)) return no('The SR is detached.');
      return (sr.allowed_operations as readonly string[]).includes('vdi_create') ? OK : no('Disks cannot be created on this SR.');
    },
    run: (context, sr) => context.ui.openDialog({ kind: 'device', dialog: { kind: 'new-disk', sr } }),
  },
  {
    id: 'move',
    label: 'Move…',
    check: (cache, _sr, row) => (row === undefined ? no(NO_VDI_ROW) : moveDiskCheck(cache, row)),
    run: (context, _sr, row) => context.ui.openDialog({ kind: 'device', dialog: { kind: 'move-disk', vdi: row } }),
  },
  {
    id: 'properties',
    label: 'Properties',
    check: (cache, _sr, row) => (row !== undefined && cache.get('VDI', row) !== undefined ? OK : no(NO_VDI_ROW)),
    run: (context, _sr, row) => context.ui.openDialog({ kind: 'device', dialog: { kind: 'disk-properties', vdi: row } }),
  },
  {
    id: 'delete',
    label: 'Delete',
    check: (cache, _sr, row) => (row === undefined ? no(NO_VDI_ROW) : deletableVdi(cache, row)),
    run: (context, _sr, row) => context.ui.openDialog({ kind: 'confirm-op', op: 'disk-delete', ref: row }),
  },
];
