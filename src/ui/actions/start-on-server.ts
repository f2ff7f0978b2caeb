// Start on Server ▸: every host of the pool, each checked for each selected
// VM with VM.assert_can_boot_here (as XenCenter's VMOperationHostCommand
// does). A host is offered when at least one VM can boot there; otherwise the
// menu item shows why not, in plain words.
import { describeError } from '../../xapi/error-descriptions';
import { isXenApiError } from '../../xapi/errors';
import { OK, no, type ActionContext, type CacheReader, type CanRun } from './action-types';
import { combineReasons, objectAction, type ObjectAction, type Skipped } from './object-action';
import { reportSkipped } from './report';
import { startTaskCall } from './run-xenapi';
import type { Target } from './targets';
import { checkVmOperation } from './vm-checks';

export type BootCheck = { readonly status: 'pending' } | { readonly status: 'ok' } | { readonly status: 'failed'; readonly reason: string };

export type HostItemState = { readonly status: 'pending' } | CanRun;

/** The plain-language reason a VM cannot boot on a host, from assert_can_boot_here's error. */
export function bootFailureReason(error: unknown): string {
  if (isXenApiError(error)) {
    // The descriptions end with notes for the Events view ("(numbers are in bytes)") that a menu does not need.
    const text = describeError(error.code);
    return text === undefined ? `The server cannot run this VM (${error.code}).` : text.replace(/\s*\([^)]*\)\.?$/, '.');
  }
  return 'The check could not be made.';
}

/** A host's item: enabled when any selected VM can boot there; waiting while checks run. */
export function hostItemState(vms: readonly Target[], checkOf: (vm: string) => BootCheck): HostItemState {
  const skipped: Skipped[] = [];
  let pending = false;
  for (const vm of vms) {
    const c = checkOf(vm.ref);
    if (c.status === 'ok') return OK;
    if (c.status === 'pending') pending = true;
    else skipped.push({ target: vm, reason: c.reason });
  }
  if (pending) return { status: 'pending' };
  return no(skipped.length === 0 ? 'Select a VM to start.' : combineReasons(skipped));
}

/** The hosts to list, by name (XenCenter sorts them so). */
export function hostsForMenu(cache: CacheReader): { ref: string; name: string }[] {
  return [...cache.all('host').entries()].map(([ref, h]) => ({ ref, name: h.name_label })).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

export const startOnServer: ObjectAction = objectAction({
  id: 'vm.start-on',
  label: 'Start on Server',
  icon: 'start',
  kinds: ['vm'],
  emptyReason: 'Select a VM to start.',
  check: (target, cache) => {
    const vm = cache.get('VM', target.ref);
    if (vm === undefined) return no('The VM no longer exists.');
    return checkVmOperation(vm, { op: 'start_on', label: 'Start on Server', states: ['Halted'], stateReasons: { Running: 'This VM is already running.', Suspended: 'This VM is suspended; resume it instead.' } });
  },
  // The submenu's host items run it (startOnHost); the item itself only opens the submenu.
  perform: () => undefined,
});

/** Run VM.start_on on `host` for the VMs that passed the check; report the rest. */
export function startOnHost(context: ActionContext, vms: readonly Target[], host: { ref: string; name: string }, checkOf: (vm: string) => BootCheck): void {
  const skipped: Skipped[] = [];
  const runnable: Target[] = [];
  for (const vm of vms) {
    const c = checkOf(vm.ref);
    if (c.status === 'ok') runnable.push(vm);
    else skipped.push({ target: vm, reason: c.status === 'failed' ? c.reason : 'The check has not finished yet.' });
  }
  if (skipped.length > 0) reportSkipped(`Start on ${host.name}`, skipped, runnable.length);
  for (const vm of runnable) {
    startTaskCall(context, { method: 'VM.start_on', args: [vm.ref, host.ref, false, false], target: vm, failure: `Could not start ${vm.name} on ${host.name}` });
  }
}
