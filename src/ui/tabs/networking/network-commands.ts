// The buttons of the Networking tab (XenCenter's VM Networking tab: Add
// Interface…, Properties, Remove, Activate, Deactivate; a server's or pool's:
// Add Network…, Properties, Remove), each a pure check of the cache with its
// reason, and what it does. Seven interfaces at most (xapi offers devices 0–6).
import type { RecordOf } from '../../../xapi/types';
import { OK, no, type ActionContext, type CacheReader, type CanRun } from '../../actions/action-types';
import { hotplugCheck, vmDevicesCheck } from '../../actions/device-checks';
import { runTaskCall } from '../../actions/run-xenapi';
import type { TabCommand } from '../common/tab-command';

/** xapi_vm_helpers.ml allowed_VIF_devices: 0–6. */
export const MAX_VIFS = 7;

const NO_ROW = 'Select a network interface in the list first.';

function vifRow(cache: CacheReader, row: string | undefined, rest: (vif: RecordOf<'VIF'>, vm: RecordOf<'VM'>) => CanRun): CanRun {
  const vif = row === undefined ? undefined : cache.get('VIF', row);
  if (vif === undefined) return no(NO_ROW);
  const vm = cache.get('VM', vif.VM);
  const state = vmDevicesCheck(vm);
  if (!state.ok || vm === undefined) return state;
  return rest(vif, vm);
}

const plugCall = (context: ActionContext, vif: string, method: 'VIF.plug' | 'VIF.unplug') => {
  const name = `network interface ${context.cache.get('VIF', vif)?.device ?? ''}`;
  void runTaskCall(context, { method, args: [vif], target: { cls: 'VIF', ref: vif, kind: 'other', name }, failure: `Could not ${method === 'VIF.plug' ? 'activate' : 'deactivate'} ${name}` });
};

export const VM_VIF_COMMANDS: readonly TabCommand[] = [
  {
    id: 'add',
    label: 'Add Interface…',
    check: (cache, vmRef) => {
      const vm = cache.get('VM', vmRef);
      const state = vmDevicesCheck(vm);
      if (!state.ok || vm === undefined) return state;
      return vm.VIFs.length >= MAX_VIFS ? no(`A VM can have at most ${String(MAX_VIFS)} network interfaces.`) : OK;
    },
    run: (context, vm) => context.ui.openDialog({ kind: 'device', dialog: { kind: 'vif', vm } }),
  },
  {
    id: 'properties',
    label: 'Properties',
    check: (cache, _vm, row) =>
      vifRow(cache, row, (vif, vm) => {
        // The network and MAC are fixed for a VIF's life: changing them replaces it, unplugging it first.
        if (vif.currently_attached && vm.power_state === 'Running') return hotplugCheck(vm, cache, 'network interface');
        return OK;
      }),
    run: (context, vm, row) => context.ui.openDialog({ kind: 'device', dialog: { kind: 'vif', vm, vif: row } }),
  },
  {
    id: 'remove',
    label: 'Remove',
    check: (cache, _vm, row) =>
      vifRow(cache, row, (vif, vm) => {
        if (vif.currently_attached && vm.power_state !== 'Halted') return hotplugCheck(vm, cache, 'network interface');
        return OK;
      }),
    run: (context, _vm, row) => context.ui.openDialog({ kind: 'confirm-op', op: 'vif-remove', ref: row }),
  },
  {
    id: 'activate',
    label: 'Activate',
    check: (cache, _vm, row) => vifRow(cache, row, (vif, vm) => (vif.currently_attached ? no('The interface is already active.') : hotplugCheck(vm, cache, 'network interface'))),
    run: (context, _vm, row) => plugCall(context, row, 'VIF.plug'),
  },
  {
    id: 'deactivate',
    label: 'Deactivate',
    check: (cache, _vm, row) => vifRow(cache, row, (vif, vm) => (!vif.currently_attached ? no('The interface is not active.') : hotplugCheck(vm, cache, 'network interface'))),
    run: (context, _vm, row) => plugCall(context, row, 'VIF.unplug'),
  },
];

const NO_NETWORK = 'Select a network in the list first.';

function networkRow(cache: CacheReader, row: string | undefined): RecordOf<'network'> | undefined {
  return row === undefined ? undefined : cache.get('network', row);
}

/** Why the network cannot be removed (NETWORK_CONTAINS_PIF, NETWORK_CONTAINS_VIF, the host-internal network). */
export function removableNetwork(cache: CacheReader, network: RecordOf<'network'>): CanRun {
  if (network.other_config['is_host_internal_management_network'] === 'true') return no('The servers\u2019 internal management network cannot be removed.');
  if (network.PIFs.length > 0) return no('This network is on the servers\u2019 NICs (or a bond or VLAN on them): it goes when they do.');
  const running = network.VIFs.map((v) => cache.get('VIF', v)).filter((v) => v?.currently_attached === true);
  if (running.length > 0) return no(`Running VMs are connected to it: ${[...new Set(running.map((v) => cache.get('VM', v?.VM ?? '')?.name_label ?? ''))].join(', ')}.`);
  return OK;
}

export const NETWORK_COMMANDS: readonly TabCommand[] = [
  {
    id: 'add',
    label: 'Add Network…',
    check: () => OK,
    run: (context) => context.ui.openDialog({ kind: 'new-network' }),
  },
  {
    id: 'properties',
    label: 'Properties',
    check: (cache, _owner, row) => (networkRow(cache, row) === undefined ? no(NO_NETWORK) : OK),
    run: (context, _owner, row) => context.ui.openDialog({ kind: 'device', dialog: { kind: 'network-properties', network: row } }),
  },
  {
    id: 'remove',
    label: 'Remove Network',
    check: (cache, _owner, row) => {
      const network = networkRow(cache, row);
      return network === undefined ? no(NO_NETWORK) : removableNetwork(cache, network);
    },
    run: (context, _owner, row) => context.ui.openDialog({ kind: 'confirm-op', op: 'network-remove', ref: row }),
  },
];
