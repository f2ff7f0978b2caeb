// Enter Maintenance Mode… and Exit Maintenance Mode on a server (XenCenter's
// HostMaintenanceModeCommand). Entering opens a dialog that lists the
// server's running VMs and what happens to each, then disables the server
// and evacuates it by live migration; XenCenter marks the server with
// other_config MAINTENANCE_MODE=true and remembers the VMs it moved, so
// leaving maintenance mode can bring them back.
import { no, OK, type ActionContext } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import { reduceFailuresToTolerate } from './reduce-ntol';
import { runTaskCall } from './run-xenapi';
import type { Target } from './targets';

export const MAINTENANCE_MODE = 'MAINTENANCE_MODE';
/** XenCenter's key for the VMs it evacuated (comma-separated refs). */
export const EVACUATED_VMS = 'MAINTENANCE_MODE_EVACUATED_VMS_MIGRATED';

export const enterMaintenanceMode: ObjectAction = objectAction({
  id: 'host.maintenance.enter',
  label: 'Enter Maintenance Mode…',
  kinds: ['host'],
  emptyReason: 'Select a server.',
  single: true,
  check: (target, cache) => {
    const host = cache.get('host', target.ref);
    if (host === undefined) return no('The server no longer exists.');
    if (host.other_config[MAINTENANCE_MODE] === 'true') return no('This server is already in maintenance mode.');
    const live = cache.get('host_metrics', host.metrics)?.live ?? false;
    if (!live) return no('This server is not reachable.');
    return OK;
  },
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'maintenance', ref: target.ref });
  },
});

export const exitMaintenanceMode: ObjectAction = objectAction({
  id: 'host.maintenance.exit',
  label: 'Exit Maintenance Mode',
  kinds: ['host'],
  emptyReason: 'Select a server.',
  single: true,
  check: (target, cache) => {
    const host = cache.get('host', target.ref);
    if (host === undefined) return no('The server no longer exists.');
    return host.other_config[MAINTENANCE_MODE] === 'true' ? OK : no('This server is not in maintenance mode.');
  },
  perform: (context, [target]) => {
    if (target !== undefined) void exitAndRestore(context, target);
  },
});

/** Enable the server, clear the marks, and migrate back the VMs that were moved off it and still run. */
async function exitAndRestore(context: ActionContext, host: Target): Promise<void> {
  const record = context.cache.get('host', host.ref);
  const moved = (record?.other_config[EVACUATED_VMS] ?? '').split(',').filter((r) => r !== '');
  const ok = await runTaskCall(context, { method: 'host.enable', args: [host.ref], target: host, failure: `Could not take ${host.name} out of maintenance mode` });
  if (!ok) return;
  await context.api.call('host.remove_from_other_config', host.ref, MAINTENANCE_MODE);
  await context.api.call('host.remove_from_other_config', host.ref, EVACUATED_VMS);
  for (const ref of moved) {
    const vm = context.cache.get('VM', ref);
    if (vm === undefined || vm.power_state !== 'Running' || vm.resident_on === host.ref) continue;
    const target: Target = { cls: 'VM', ref, kind: 'vm', name: vm.name_label };
    void runTaskCall(context, { method: 'VM.pool_migrate', args: [ref, host.ref, { live: 'true' }], target, failure: `Could not bring ${vm.name_label} back to ${host.name}` });
  }
}

/**
 * Hand the pool to `newCoordinator` if given (the host was the coordinator),
 * then (HA on: lower the failures to tolerate if needed, as XenCenter's
 * EvacuateHostAction does) disable the server, mark it, and evacuate it (the
 * dialog's Enter Maintenance Mode).
 */
export async function enterAndEvacuate(context: ActionContext, host: Target, vms: readonly string[], newCoordinator?: { ref: string; name: string }): Promise<boolean> {
  if (newCoordinator !== undefined) {
    const handed = await runTaskCall(context, { method: 'pool.designate_new_master', args: [newCoordinator.ref], target: host, failure: `Could not make ${newCoordinator.name} the pool coordinator` });
    if (!handed) return false;
  }
  if (!(await reduceFailuresToTolerate(context))) return false;
  const ok = await runTaskCall(context, { method: 'host.disable', args: [host.ref], target: host, failure: `Could not disable ${host.name}` });
  if (!ok) return false;
  await context.api.call('host.add_to_other_config', host.ref, MAINTENANCE_MODE, 'true');
  await context.api.call('host.add_to_other_config', host.ref, EVACUATED_VMS, vms.join(','));
  return runTaskCall(context, { method: 'host.evacuate', args: [host.ref], target: host, failure: `Could not evacuate ${host.name}` });
}
