// Storage ▸ New SR… (XenCenter's NewSRCommand): the New SR wizard, for the
// pool (or standalone server) the console is connected to.
import { OK, no, type Action } from './action-types';

export const newSr: Action = {
  id: 'storage.new-sr',
  label: 'New SR…',
  description: 'Create a storage repository: NFS, iSCSI, a local disk or an ISO library',
  appliesTo: () => true,
  canRun: (_selection, cache) => (cache.all('host').size > 0 ? OK : no('There is no server to create storage on.')),
  run: (context) => context.ui.openDialog({ kind: 'new-sr' }),
};
