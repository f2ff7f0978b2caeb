// The Storage menu: New SR… (XenCenter's NewSRCommand: the New SR wizard),
// Rescan (SR.scan) and Set as Default (pool.set_default_SR) for the selected SR.
import type { RecordOf } from '../../xapi/types';
import { OK, no, type Action, type CacheReader } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import { reportFailure } from './report';
import { startTaskCall } from './run-xenapi';

export const newSr: Action = {
  id: 'storage.new-sr',
  label: 'New SR…',
  description: 'Create a storage repository: NFS, iSCSI, a local disk or an ISO library',
  appliesTo: () => true,
  canRun: (_selection, cache) => (cache.all('host').size > 0 ? OK : no('There is no server to create storage on.')),
  run: (context) => context.ui.openDialog({ kind: 'new-sr' }),
};

/** Whether some server has the SR attached (SR.scan needs a plugged PBD: SR_HAS_NO_PBDS). */
function attached(sr: RecordOf<'SR'>, cache: CacheReader): boolean {
  return sr.PBDs.some((p) => cache.get('PBD', p)?.currently_attached === true);
}

export const rescanSr: ObjectAction = objectAction({
  id: 'sr.rescan',
  label: 'Rescan',
  description: 'Look for disks added to or removed from the storage outside the pool',
  kinds: ['sr'],
  emptyReason: 'Select a storage repository to rescan.',
  check: (target, cache) => {
    const sr = cache.get('SR', target.ref);
    if (sr === undefined) return no('The SR no longer exists.');
    return attached(sr, cache) ? OK : no('The SR is detached: no server can scan it.');
  },
  perform: (context, targets) => {
    for (const target of targets) startTaskCall(context, { method: 'SR.scan', args: [target.ref], target, failure: `Could not rescan ${target.name}` });
  },
});

export const setDefaultSr: ObjectAction = objectAction({
  id: 'sr.set-default',
  label: 'Set as Default',
  description: 'New VMs and disks go on this SR unless told otherwise; suspend images and crash dumps too',
  kinds: ['sr'],
  emptyReason: 'Select a storage repository.',
  single: true,
  check: (target, cache) => {
    const sr = cache.get('SR', target.ref);
    if (sr === undefined) return no('The SR no longer exists.');
    const pool = [...cache.all('pool').values()][0];
    if (pool?.default_SR === target.ref) return no('This is already the default SR.');
    if (sr.content_type === 'iso' || sr.type === 'udev') return no('An ISO library or a drive cannot hold VM disks.');
    if (!sr.shared && cache.all('host').size > 1) return no('Only shared storage can be the default of a pool of several servers.');
    return attached(sr, cache) ? OK : no('The SR is detached.');
  },
  perform: (context, [target]) => {
    const pool = [...context.cache.all('pool').keys()][0];
    if (target === undefined || pool === undefined) return;
    context.api.call('pool.set_default_SR', pool, target.ref).catch((e: unknown) => reportFailure(`Could not make ${target.name} the default SR`, e, context.cache));
  },
});
