// Pool ▸ VM Snapshot Schedules… (XenCenter's VMSnapshotScheduleCommand): the
// dialog that lists the pool's snapshot schedules and makes new ones.
import { OK, no, type Action } from './action-types';
import { poolOfSelection } from './object-actions';

export const vmSnapshotSchedules: Action = {
  id: 'pool.vm-snapshot-schedules',
  label: 'VM Snapshot Schedules…',
  description: 'Take snapshots of VMs at set times and keep the newest ones',
  appliesTo: (selection, cache) => poolOfSelection(selection, cache) !== undefined,
  canRun: (selection, cache) => (poolOfSelection(selection, cache) !== undefined ? OK : no('There is no pool to schedule snapshots in.')),
  run: (context) => context.ui.openDialog({ kind: 'vmss-list' }),
};
