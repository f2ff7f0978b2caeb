// Pool ▸ New Pool… (XenCenter's NewPoolCommand): console-wide; it needs a
// connected server standing alone to coordinate the new pool.
import { currentConnections } from '../connections/connections';
import { coordinatorChoices } from '../pools/pool-join-checks';
import { OK, no, type Action } from './action-types';

export const newPool: Action = {
  id: 'pool.new',
  label: 'New Pool…',
  description: 'Create a pool from servers that stand alone',
  appliesTo: () => true,
  inContextMenu: () => false,
  canRun: (_selection, cache) => {
    const connections = currentConnections();
    if (connections === undefined) return no('The console is still reading its connections.');
    return coordinatorChoices(connections, cache).length > 0 ? OK : no('Every connected server is already in a pool. Add a standalone server first (File ▸ Add Server…).');
  },
  run: (context) => context.ui.openDialog({ kind: 'new-pool' }),
};
