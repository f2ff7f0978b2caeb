// Migrate to Server ▸ (XenCenter's VMOperationHostCommand for migration):
// every host of the pool, each checked for each selected running VM with
// host.migrate_receive + VM.assert_can_migrate. The VM's own host is listed
// disabled ("Current server"), as XenCenter does; choosing a host runs
// VM.pool_migrate(vm, host, {live: "true"}) and shows the VM's Migration tab.
import { no, type ActionContext, type CacheReader } from './action-types';
import { passedOnHost, type BootCheck } from './host-choice';
import { objectAction, type ObjectAction } from './object-action';
import { startTaskCall } from './run-xenapi';
import type { Target } from './targets';
import { checkVmOperation } from './vm-checks';

export const CURRENT_SERVER = 'Current server';

export const migrateToServer: ObjectAction = objectAction({
  id: 'vm.migrate-to',
  label: 'Migrate to Server',
  icon: 'server',
  kinds: ['vm'],
  emptyReason: 'Select a running VM to migrate.',
  check: (target, cache) => {
    const vm = cache.get('VM', target.ref);
    if (vm === undefined) return no('The VM no longer exists.');
    return checkVmOperation(vm, {
      op: 'pool_migrate',
      label: 'Migrate to Server',
      states: ['Running'],
      stateReasons: { Halted: 'This VM is shut down; only a running VM can be live-migrated.', Suspended: 'This VM is suspended.', Paused: 'This VM is paused; unpause it first.' },
    });
  },
  // The host items of the submenu run it (migrateToHost).
  perform: () => undefined,
});

/** The check result for a VM that already runs on `host`. */
export function currentServerCheck(cache: CacheReader, vm: string, host: string): BootCheck | undefined {
  return cache.get('VM', vm)?.resident_on === host ? { status: 'failed', reason: CURRENT_SERVER } : undefined;
}

/** Run VM.pool_migrate to `host` for the VMs that passed the check; report the rest. */
export function migrateToHost(context: ActionContext, vms: readonly Target[], host: { ref: string; name: string }, checkOf: (vm: string) => BootCheck, show: (vm: string) => void): void {
  const runnable = passedOnHost(vms, checkOf, `Migrate to ${host.name}`);
  for (const vm of runnable) {
    startTaskCall(context, { method: 'VM.pool_migrate', args: [vm.ref, host.ref, { live: 'true' }], target: vm, failure: `Could not migrate ${vm.name} to ${host.name}` });
  }
  const first = runnable[0];
  if (first !== undefined) show(first.ref);
}
