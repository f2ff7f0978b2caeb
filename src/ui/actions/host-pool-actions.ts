// A server's pool and power commands (XenCenter's RemoveHostFromPoolCommand,
// DesignateNewMasterCommand — "Make Coordinator" —, RebootHostCommand,
// ShutDownHostCommand, PowerOnHostCommand). Each is disabled with the reason
// xapi would give: the coordinator cannot be ejected, a server running guests
// cannot be ejected (HOST_IN_USE: the list of VMs is in the reason), and Power
// On needs a power-on mode (HOST_POWER_ON_MODE_DISABLED). Reboot and Shut Down
// run on any live server, as XenCenter's RebootHostCommand/ShutDownHostCommand:
// xapi's host.reboot/shutdown refuse an enabled server (HOST_NOT_DISABLED) or
// one running guests (HOST_IN_USE), so the console first disables the server
// and shuts its guests down (HostAbstractAction.ShutdownVMs), then makes the
// call, and enables the server again if a step fails. Eject, Reboot and Shut
// Down ask first (host-confirm dialog).
import { currentConnections, type Connection } from '../connections/connections';
import { poolMembers, poolOfServer } from '../connections/pool-members';
import { OK, no, type ActionContext, type CacheReader, type CanRun } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import { reduceFailuresToTolerate } from './reduce-ntol';
import { runTaskCall } from './run-xenapi';
import type { Target } from './targets';

const NAMED_VMS = 4;

function isLive(host: string, cache: CacheReader): boolean {
  const record = cache.get('host', host);
  return record !== undefined && (cache.get('host_metrics', record.metrics)?.live ?? false);
}

/**
 * The pool a server is in, its coordinator and how many servers it has
 * (pool-members decides membership, with the tree's fallback before the lab
 * has answered). The coordinator comes from the pool record (kept current by
 * events), not the polled connection, which lags a designate_new_master.
 */
export function poolOfHost(host: string, cache: CacheReader, connections: readonly Connection[] | undefined = currentConnections()): { pool: string; coordinator: string; members: number } | undefined {
  const pool = poolOfServer(host, cache, connections);
  if (pool === undefined) return undefined;
  const coordinator = cache.get('pool', pool)?.master ?? connections?.find((c) => c.pool === pool)?.master;
  if (coordinator === undefined) return undefined;
  return { pool, coordinator, members: poolMembers(pool, cache, connections).length };
}

/** Why guests block the call, naming them ("Shut down or migrate the VMs running on it first: a, b."). */
function runningGuestsReason(host: string, cache: CacheReader): string | undefined {
  const names = (cache.get('host', host)?.resident_VMs ?? [])
    .map((ref) => cache.get('VM', ref))
    .filter((vm) => vm !== undefined && !vm.is_control_domain)
    .map((vm) => vm?.name_label ?? '');
  if (names.length === 0) return undefined;
  const more = names.length > NAMED_VMS ? ` and ${String(names.length - NAMED_VMS)} more` : '';
  return `Shut down or migrate the VMs running on it first: ${names.slice(0, NAMED_VMS).join(', ')}${more}.`;
}

function hostCheck(target: Target, cache: CacheReader, rest: (host: string) => CanRun): CanRun {
  if (cache.get('host', target.ref) === undefined) return no('The server no longer exists.');
  return rest(target.ref);
}

export const removeFromPool: ObjectAction = objectAction({
  id: 'host.eject',
  label: 'Remove Server from Pool…',
  kinds: ['host'],
  emptyReason: 'Select a server in a pool.',
  single: true,
  check: (target, cache) =>
    hostCheck(target, cache, (host) => {
      const pool = poolOfHost(host, cache);
      if (pool === undefined || pool.members < 2) return no('This server is not in a pool.');
      if (pool.coordinator === host) return no('The pool coordinator cannot be removed. Make another server the coordinator first.');
      if (!isLive(host, cache)) return no('This server is not reachable.');
      const busy = runningGuestsReason(host, cache);
      return busy === undefined ? OK : no(busy);
    }),
  perform: (context, [target]) => {
    if (target !== undefined) context.ui.openDialog({ kind: 'host-confirm', ref: target.ref, op: 'eject' });
  },
});

export const makeCoordinator: ObjectAction = objectAction({
  id: 'host.designate-new-master',
  label: 'Make Coordinator',
  kinds: ['host'],
  emptyReason: 'Select a server in a pool.',
  single: true,
  check: (target, cache) =>
    hostCheck(target, cache, (host) => {
      const pool = poolOfHost(host, cache);
      if (pool === undefined || pool.members < 2) return no('This server is not in a pool.');
      if (pool.coordinator === host) return no('This server is already the pool coordinator.');
      if (cache.get('pool', pool.pool)?.ha_enabled === true) return no('Disable HA before changing the pool coordinator.');
      return isLive(host, cache) ? OK : no('This server is not reachable.');
    }),
  perform: (context, [target]) => {
    if (target !== undefined) void runTaskCall(context, { method: 'pool.designate_new_master', args: [target.ref], target, failure: `Could not make ${target.name} the pool coordinator` });
  },
});

function goingDownCheck(target: Target, cache: CacheReader): CanRun {
  return hostCheck(target, cache, (host) => (isLive(host, cache) ? OK : no('This server is not running.')));
}

/** The guests the console shuts down before a reboot or shutdown (running or paused, not the control domain). */
export function guestsToShutDown(host: string, cache: CacheReader): { ref: string; name: string; clean: boolean }[] {
  return (cache.get('host', host)?.resident_VMs ?? []).flatMap((ref) => {
    const vm = cache.get('VM', ref);
    if (vm === undefined || vm.is_control_domain || (vm.power_state !== 'Running' && vm.power_state !== 'Paused')) return [];
    return [{ ref, name: vm.name_label, clean: vm.allowed_operations.includes('clean_shutdown') }];
  });
}

/** Reboot or Shut Down: the same checks, then XenCenter's confirmation before the call. */
function goingDownAction(id: string, label: string, op: 'reboot' | 'shutdown'): ObjectAction {
  return objectAction({
    id,
    label,
    kinds: ['host'],
    emptyReason: 'Select a server.',
    single: true,
    check: goingDownCheck,
    perform: (context, [target]) => {
      if (target !== undefined) context.ui.openDialog({ kind: 'host-confirm', ref: target.ref, op });
    },
  });
}

export const rebootHost: ObjectAction = goingDownAction('host.reboot', 'Reboot', 'reboot');

export const shutDownHost: ObjectAction = goingDownAction('host.shutdown', 'Shut Down', 'shutdown');

export const powerOnHost: ObjectAction = objectAction({
  id: 'host.power-on',
  label: 'Power On',
  kinds: ['host'],
  emptyReason: 'Select a server that is shut down.',
  single: true,
  check: (target, cache) =>
    hostCheck(target, cache, (host) => {
      if (isLive(host, cache)) return no('This server is already running.');
      if (cache.get('host', host)?.power_on_mode === '') return no('No power-on mode (Wake-on-LAN, iLO, DRAC) is set for this server. Use its power button in File ▸ Lab Machines.');
      return OK;
    }),
  perform: (context, [target]) => {
    if (target !== undefined) void runTaskCall(context, { method: 'host.power_on', args: [target.ref], target, failure: `Could not power on ${target.name}` });
  },
});

export type HostConfirmOp = 'eject' | 'reboot' | 'shutdown';

/**
 * The confirmed call: eject; or (HA on: lower the failures to tolerate if
 * needed) disable the server, shut its guests down (clean where the guest
 * allows it, else hard), then reboot / shut it down. A failed step leaves the
 * server enabled again if it was.
 */
export async function runHostOp(context: ActionContext, target: Target, op: HostConfirmOp): Promise<boolean> {
  if (op === 'eject') return runTaskCall(context, { method: 'pool.eject', args: [target.ref], target, failure: `Could not remove ${target.name} from the pool` });
  const doing = op === 'reboot' ? 'reboot' : 'shut down';
  const wasEnabled = context.cache.get('host', target.ref)?.enabled ?? true;
  if (wasEnabled && !(await reduceFailuresToTolerate(context))) return false;
  if (wasEnabled && !(await runTaskCall(context, { method: 'host.disable', args: [target.ref], target, failure: `Could not disable ${target.name}` }))) return false;
  const reenable = async () => {
    if (wasEnabled) await runTaskCall(context, { method: 'host.enable', args: [target.ref], target, failure: `Could not enable ${target.name} again` });
    return false;
  };
  for (const vm of guestsToShutDown(target.ref, context.cache)) {
    const guest = { cls: 'VM', ref: vm.ref, kind: 'vm', name: vm.name } as const;
    const method = vm.clean ? 'VM.clean_shutdown' : 'VM.hard_shutdown';
    if (!(await runTaskCall(context, { method, args: [vm.ref], target: guest, failure: `Could not shut down ${vm.name} to ${doing} ${target.name}` }))) return reenable();
  }
  const method = op === 'reboot' ? 'host.reboot' : 'host.shutdown';
  return (await runTaskCall(context, { method, args: [target.ref], target, failure: `Could not ${doing} ${target.name}` })) || reenable();
}
