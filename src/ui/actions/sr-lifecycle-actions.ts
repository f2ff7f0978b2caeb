// The Storage menu's commands on an SR's attachment (XenCenter's
// RepairSRCommand, DetachSRCommand, ForgetSRCommand, DestroySRCommand):
// Repair plugs the SR on every server again (making the PBDs a shared SR
// lacks on a server, from another server's device_config); Detach unplugs its
// PBDs, the coordinator's last, after asking; Forget and Destroy ask, unplug
// what is still plugged, then call SR.forget / SR.destroy. Each is disabled
// with the reason xapi would give (a running VM's disk on it: VDI_IN_USE; disks
// left on it: SR_NOT_EMPTY; the tools ISO library: SR_INDESTRUCTIBLE).
import type { RecordOf } from '../../xapi/types';
import { OK, no, type ActionContext, type CacheReader, type CanRun } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import { runTaskCall, runTaskCallFor } from './run-xenapi';
import type { Target } from './targets';

const NAMED_VMS = 3;

function srCheck(target: Target, cache: CacheReader, rest: (sr: RecordOf<'SR'>) => CanRun): CanRun {
  const sr = cache.get('SR', target.ref);
  if (sr === undefined) return no('The SR no longer exists.');
  if (Object.keys(sr.current_operations).length > 0) return no('Another operation on this SR is in progress.');
  return rest(sr);
}

function coordinatorOf(cache: CacheReader): string | undefined {
  return [...cache.all('pool').values()][0]?.master;
}

/** The SR's PBDs, the coordinator's first (plug in this order; unplug in reverse). */
function pbdsOf(sr: RecordOf<'SR'>, cache: CacheReader): (RecordOf<'PBD'> & { ref: string })[] {
  const master = coordinatorOf(cache);
  return sr.PBDs.flatMap((ref) => {
    const pbd = cache.get('PBD', ref);
    return pbd === undefined ? [] : [{ ...pbd, ref }];
  }).sort((a, b) => Number(b.host === master) - Number(a.host === master));
}

export function srAttachedAnywhere(sr: RecordOf<'SR'>, cache: CacheReader): boolean {
  return sr.PBDs.some((p) => cache.get('PBD', p)?.currently_attached === true);
}

/** Servers a shared SR has no PBD on yet (Repair makes them). */
function hostsWithoutPbd(sr: RecordOf<'SR'>, cache: CacheReader): string[] {
  if (!sr.shared) return [];
  const have = new Set(pbdsOf(sr, cache).map((p) => p.host));
  return [...cache.all('host').keys()].filter((h) => !have.has(h));
}

/** Running (or paused) VMs with a disk on the SR plugged: the SR cannot be unplugged under them. */
export function vmsUsingSr(sr: RecordOf<'SR'>, cache: CacheReader): string[] {
  const names = new Set<string>();
  for (const vdi of sr.VDIs) {
    for (const vbd of cache.get('VDI', vdi)?.VBDs ?? []) {
      const b = cache.get('VBD', vbd);
      if (b?.currently_attached !== true) continue;
      const vm = cache.get('VM', b.VM);
      if (vm !== undefined && !vm.is_control_domain) names.add(vm.name_label);
    }
  }
  return [...names].sort();
}

function inUseReason(sr: RecordOf<'SR'>, cache: CacheReader, doing: string): string | undefined {
  const vms = vmsUsingSr(sr, cache);
  if (vms.length === 0) return undefined;
  const more = vms.length > NAMED_VMS ? ` and ${String(vms.length - NAMED_VMS)} more` : '';
  return `Shut down the VMs using disks on it before you ${doing} it: ${vms.slice(0, NAMED_VMS).join(', ')}${more}.`;
}

function pluggable(sr: RecordOf<'SR'>, cache: CacheReader): boolean {
  return pbdsOf(sr, cache).some((p) => !p.currently_attached) || hostsWithoutPbd(sr, cache).length > 0;
}

export const repairSr: ObjectAction = objectAction({
  id: 'sr.repair',
  label: 'Repair…',
  description: 'Attach the SR again on every server that should have it',
  kinds: ['sr'],
  emptyReason: 'Select a storage repository to repair.',
  check: (target, cache) =>
    srCheck(target, cache, (sr) => {
      if (sr.PBDs.length === 0) return no('The SR has no connection details on any server: reattach it with New SR.');
      return pluggable(sr, cache) ? OK : no('The SR is attached on every server: there is nothing to repair.');
    }),
  perform: (context, targets) => {
    for (const t of targets) void repair(context, t);
  },
});

async function repair(context: ActionContext, target: Target): Promise<void> {
  const sr = context.cache.get('SR', target.ref);
  if (sr === undefined) return;
  const existing = pbdsOf(sr, context.cache);
  const toPlug = existing.filter((p) => !p.currently_attached).map((p) => p.ref);
  const template = existing[0];
  for (const host of template === undefined ? [] : hostsWithoutPbd(sr, context.cache)) {
    const record = { host, SR: target.ref, device_config: template?.device_config ?? {}, other_config: {} };
    const made = await runTaskCallFor<string>(context, { method: 'PBD.create', args: [record], target, failure: `Could not repair ${target.name}` });
    if (!made.ok) return;
    toPlug.push(made.result);
  }
  for (const pbd of toPlug) {
    const ok = await runTaskCall(context, { method: 'PBD.plug', args: [pbd], target, failure: `Could not repair ${target.name}` });
    if (!ok) return;
  }
}

/** Unplug every plugged PBD of the SR, the coordinator's last (XenCenter's DetachSrAction). */
export async function detachSrPbds(context: ActionContext, target: Target): Promise<boolean> {
  const sr = context.cache.get('SR', target.ref);
  if (sr === undefined) return false;
  for (const pbd of pbdsOf(sr, context.cache).reverse()) {
    if (!pbd.currently_attached) continue;
    const ok = await runTaskCall(context, { method: 'PBD.unplug', args: [pbd.ref], target, failure: `Could not detach ${target.name}` });
    if (!ok) return false;
  }
  return true;
}

export const detachSr: ObjectAction = objectAction({
  id: 'sr.detach',
  label: 'Detach…',
  description: 'Disconnect the SR from every server; its disks stay on the storage',
  kinds: ['sr'],
  emptyReason: 'Select a storage repository to detach.',
  single: true,
  check: (target, cache) =>
    srCheck(target, cache, (sr) => {
      if (!srAttachedAnywhere(sr, cache)) return no('The SR is already detached.');
      if (sr.is_tools_sr) return no('The VM Tools ISO library is part of every server and cannot be detached.');
      const busy = inUseReason(sr, cache, 'detach');
      return busy === undefined ? OK : no(busy);
    }),
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'confirm-op', op: 'sr-detach', ref: target.ref });
  },
});

export const forgetSr: ObjectAction = objectAction({
  id: 'sr.forget',
  label: 'Forget',
  description: 'Remove the SR and its disks from the pool, leaving the data on the storage',
  kinds: ['sr'],
  emptyReason: 'Select a storage repository to forget.',
  single: true,
  check: (target, cache) =>
    srCheck(target, cache, (sr) => {
      if (sr.is_tools_sr) return no('The VM Tools ISO library cannot be forgotten.');
      const busy = inUseReason(sr, cache, 'forget');
      if (busy !== undefined) return no(busy);
      return srAttachedAnywhere(sr, cache) || sr.allowed_operations.includes('forget') ? OK : no('The SR cannot be forgotten now.');
    }),
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'confirm-op', op: 'sr-forget', ref: target.ref });
  },
});

export const destroySr: ObjectAction = objectAction({
  id: 'sr.destroy',
  label: 'Destroy…',
  description: 'Delete the SR from its storage for good',
  kinds: ['sr'],
  emptyReason: 'Select a storage repository to destroy.',
  single: true,
  check: (target, cache) =>
    srCheck(target, cache, (sr) => {
      if (sr.is_tools_sr) return no('The VM Tools ISO library cannot be destroyed.');
      if (sr.content_type === 'iso' || sr.type === 'udev') return no('An ISO library or a drive is not destroyed from here: forget it instead.');
      if (sr.PBDs.length === 0) return no('No server has the SR\u2019s connection details: it cannot be reached to destroy it.');
      const busy = inUseReason(sr, cache, 'destroy');
      if (busy !== undefined) return no(busy);
      const disks = sr.VDIs.filter((v) => cache.get('VDI', v)?.managed === true).length;
      if (disks > 0) return no(`The SR still holds ${String(disks)} virtual disk${disks === 1 ? '' : 's'}: delete ${disks === 1 ? 'it' : 'them'} first.`);
      return OK;
    }),
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'confirm-op', op: 'sr-destroy', ref: target.ref });
  },
});
