// Server ▸ Disconnect and Reconnect (XenCenter's DisconnectCommand and
// ReconnectCommand): the console drops or takes up its connection to a pool
// (a standalone server is a pool of one). A disconnected server stays in the
// tree, alone and empty, until reconnected; the pool itself runs on.
import { connectionOfHost, currentConnections, type Connection } from '../connections/connections';
import { labViewKey } from '../lab-hardware/use-lab-view';
import { OK, no, type ActionContext, type CanRun } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import { reportFailure } from './report';
import type { Target } from './targets';

function connectionOf(host: string): Connection | undefined {
  const connections = currentConnections();
  return connections === undefined ? undefined : connectionOfHost(connections, host);
}

function callLab(context: ActionContext, method: string, target: Target, pool: string, failure: string): void {
  context.api
    .call(method, pool)
    .then(() => context.queryClient.invalidateQueries({ queryKey: labViewKey }))
    // The lab's refusal (CANNOT_CONTACT_HOST when the coordinator is down) is reported as other failures are.
    .catch((e: unknown) => reportFailure(`${failure} ${target.name}`, e, context.cache));
}

function stateCheck(want: Connection['state'], reason: string): (target: Target) => CanRun {
  return (target) => {
    const c = connectionOf(target.ref);
    if (c === undefined) return no('The console has no connection to this server.');
    return c.state === want ? OK : no(reason);
  };
}

export const disconnectServer: ObjectAction = objectAction({
  id: 'host.disconnect',
  label: 'Disconnect',
  kinds: ['host'],
  emptyReason: 'Select a connected server.',
  single: true,
  check: stateCheck('connected', 'This server is not connected.'),
  perform: (context, [target]) => {
    const c = target === undefined ? undefined : connectionOf(target.ref);
    if (target !== undefined && c !== undefined) callLab(context, 'Simulator.disconnect_server', target, c.pool, 'Could not disconnect');
  },
});

export const reconnectServer: ObjectAction = objectAction({
  id: 'host.reconnect',
  label: 'Reconnect',
  kinds: ['host'],
  emptyReason: 'Select a disconnected server.',
  single: true,
  check: stateCheck('disconnected', 'This server is connected.'),
  perform: (context, [target]) => {
    const c = target === undefined ? undefined : connectionOf(target.ref);
    if (target !== undefined && c !== undefined) callLab(context, 'Simulator.reconnect_server', target, c.pool, 'Could not reconnect');
  },
});
