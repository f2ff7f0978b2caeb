// Delete… and Properties, and the menu bar's Pool ▸ Properties and Server ▸
// Properties (which find their object from the selection, as XenCenter's
// Pool and Server menus do). F2 opens Properties (XenCenter's
// NavigationView: Keys.F2 → PropertiesCommand).
import { isNullRef } from '../../xapi/refs';
import { onlyPool, poolOfServer } from '../connections/pool-members';
import { OK, no, type Action, type CacheReader } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import { selectedTargets } from './targets';
import { allowedCheck, busyReason } from './vm-checks';

export const deleteVm: ObjectAction = objectAction({
  id: 'vm.delete',
  label: 'Delete…',
  icon: 'delete',
  description: 'Delete the selected VM',
  kinds: ['vm', 'template'],
  emptyReason: 'Select a VM to delete.',
  check: (target, cache) => {
    const vm = cache.get('VM', target.ref);
    if (vm === undefined) return no('The VM no longer exists.');
    const busy = busyReason(vm);
    if (busy !== undefined) return no(busy);
    if (vm.power_state === 'Running' || vm.power_state === 'Paused') return no('Shut down the VM before deleting it.');
    if (vm.is_a_template && vm.is_default_template) return no('The built-in templates cannot be deleted.');
    return allowedCheck(vm, 'destroy', 'Delete');
  },
  perform: (context, runnable) => context.ui.openDialog({ kind: 'confirm-delete', refs: runnable.map((t) => t.ref) }),
});

export const properties: ObjectAction = objectAction({
  id: 'object.properties',
  label: 'Properties',
  icon: 'properties',
  shortcut: { key: 'F2' },
  description: 'Edit the name, description, tags and folder of the selected object',
  kinds: ['vm', 'template', 'default-template', 'snapshot', 'host', 'pool', 'sr', 'network'],
  emptyReason: 'Select an object to see its properties.',
  single: true,
  check: () => OK,
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'properties', ref: target.ref });
  },
});

/**
 * The pool the selection belongs to, as XenCenter's Pool menu finds it: a
 * selected pool; else the pool of the selected server (or of the server a
 * selected VM runs on); else the only pool the console shows.
 */
export function poolOfSelection(selection: readonly string[], cache: CacheReader): string | undefined {
  const selected = selectedTargets(selection, cache).find((t) => t.kind === 'pool');
  if (selected !== undefined) return selected.ref;
  const host = hostOfSelection(selection, cache);
  const pool = host === undefined ? undefined : poolOfServer(host, cache);
  return pool ?? onlyPool(cache);
}

/** The server the selection is about: a selected host, else the host a selected VM runs on (or has as its home server). */
export function hostOfSelection(selection: readonly string[], cache: CacheReader): string | undefined {
  const targets = selectedTargets(selection, cache);
  const host = targets.find((t) => t.kind === 'host');
  if (host !== undefined) return host.ref;
  for (const t of targets) {
    const vm = t.cls === 'VM' ? cache.get('VM', t.ref) : undefined;
    if (vm === undefined) continue;
    if (!isNullRef(vm.resident_on) && cache.get('host', vm.resident_on) !== undefined) return vm.resident_on;
    if (!isNullRef(vm.affinity) && cache.get('host', vm.affinity) !== undefined) return vm.affinity;
  }
  return undefined;
}

export const poolProperties: Action = {
  id: 'pool.properties',
  label: 'Properties',
  icon: 'properties',
  appliesTo: (selection, cache) => poolOfSelection(selection, cache) !== undefined,
  canRun: (selection, cache) => (poolOfSelection(selection, cache) !== undefined ? OK : no('There is no pool to show.')),
  run: (context) => {
    const ref = poolOfSelection(context.selection, context.cache);
    if (ref !== undefined) context.ui.openDialog({ kind: 'properties', ref });
  },
};

export const hostProperties: Action = {
  id: 'host.properties',
  label: 'Properties',
  icon: 'properties',
  appliesTo: (selection, cache) => hostOfSelection(selection, cache) !== undefined,
  canRun: (selection, cache) => (hostOfSelection(selection, cache) !== undefined ? OK : no('Select a server (or a VM running on one).')),
  run: (context) => {
    const ref = hostOfSelection(context.selection, context.cache);
    if (ref !== undefined) context.ui.openDialog({ kind: 'properties', ref });
  },
};
