// Pool ▸ High Availability: Configure HA… (the wizard; on a pool with HA on it
// edits the plan) and Disable HA (confirmed), as XenCenter's HACommand and
// DisableHACommand.
import { OK, no, type Action } from './action-types';
import { poolMembers } from '../connections/pool-members';
import { poolOfSelection } from './object-actions';

export const configureHa: Action = {
  id: 'pool.configure-ha',
  label: 'Configure HA…',
  description: 'Protect VMs: restart them on other servers when one fails',
  appliesTo: (selection, cache) => poolOfSelection(selection, cache) !== undefined,
  canRun: (selection, cache) => {
    const pool = poolOfSelection(selection, cache);
    if (pool === undefined) return no('There is no pool to configure.');
    if (poolMembers(pool, cache).length < 2) return no('HA needs a pool of at least two servers.');
    return OK;
  },
  run: (context) => {
    const pool = poolOfSelection(context.selection, context.cache);
    if (pool !== undefined) context.ui.openDialog({ kind: 'configure-ha', pool });
  },
};

export const disableHa: Action = {
  id: 'pool.disable-ha',
  label: 'Disable HA',
  appliesTo: (selection, cache) => poolOfSelection(selection, cache) !== undefined,
  canRun: (selection, cache) => {
    const pool = poolOfSelection(selection, cache);
    const record = pool === undefined ? undefined : cache.get('pool', pool);
    if (record === undefined) return no('There is no pool.');
    return record.ha_enabled ? OK : no('HA is not enabled on this pool.');
  },
  run: (context) => {
    const pool = poolOfSelection(context.selection, context.cache);
    if (pool !== undefined) context.ui.openDialog({ kind: 'disable-ha', pool });
  },
};
