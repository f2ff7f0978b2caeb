// Snapshot schedule commands, as XenCenter's: Pool ▸ VM Snapshot Schedules…
// (the dialog listing the pool's schedules) and, on VMs, Assign to VM
// Snapshot Schedule ▸ (a schedule of the pool, or New Schedule… with the VMs
// chosen; VM.set_snapshot_schedule).
import { OK, no, type Action, type ActionContext } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import { poolOfSelection } from './object-actions';
import { reportFailure } from './report';
import type { Target } from './targets';

export const vmSnapshotSchedules: Action = {
  id: 'pool.vm-snapshot-schedules',
  label: 'VM Snapshot Schedules…',
  description: 'Take snapshots of VMs at set times and keep the newest ones',
  appliesTo: (selection, cache) => poolOfSelection(selection, cache) !== undefined,
  canRun: (selection, cache) => (poolOfSelection(selection, cache) !== undefined ? OK : no('There is no pool to schedule snapshots in.')),
  run: (context) => context.ui.openDialog({ kind: 'vmss-list' }),
};

/** Put the VMs in schedule `vmss` (a VM leaves any other: it is in one at most). */
export function assignToSchedule(context: ActionContext, vms: readonly Target[], vmss: string, name: string): void {
  void (async () => {
    for (const vm of vms) {
      try {
        await context.api.call('VM.set_snapshot_schedule', vm.ref, vmss);
      } catch (e) {
        reportFailure(`Could not put ${vm.name} in ${name}`, e, context.cache);
      }
    }
  })();
}

export const assignVmSnapshotSchedule: ObjectAction = objectAction({
  id: 'vm.assign-snapshot-schedule',
  label: 'Assign to VM Snapshot Schedule',
  description: 'Put the VMs in a snapshot schedule, or make a new one for them',
  kinds: ['vm'],
  emptyReason: 'Select a VM to put in a snapshot schedule.',
  check: (target, cache) => (cache.get('VM', target.ref) === undefined ? no('The VM no longer exists.') : OK),
  // Run as a plain command (not from its submenu): a new schedule for these VMs.
  perform: (context, targets) => context.ui.openDialog({ kind: 'new-vmss', vms: targets.map((t) => t.ref) }),
});
