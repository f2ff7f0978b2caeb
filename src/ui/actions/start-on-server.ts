// Start on Server ▸ (XenCenter's VMOperationHostCommand): every host of the
// pool, each checked for each selected VM with VM.assert_can_boot_here
// (start-on-server-menu.tsx); choosing a host runs VM.start_on there.
import { no, type ActionContext } from './action-types';
import { passedOnHost, type BootCheck } from './host-choice';
import { objectAction, type ObjectAction } from './object-action';
import { startTaskCall } from './run-xenapi';
import type { Target } from './targets';
import { checkVmOperation } from './vm-checks';

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
  for (const vm of passedOnHost(vms, checkOf, `Start on ${host.name}`)) {
    startTaskCall(context, { method: 'VM.start_on', args: [vm.ref, host.ref, false, false], target: vm, failure: `Could not start ${vm.name} on ${host.name}` });
  }
}
