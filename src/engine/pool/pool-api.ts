// pool.join, pool.eject and pool.designate_new_master.
// pool.join runs on the joining host: the engine takes the joiner from the
// caller's session (session.this_host), as xapi does with the host it runs on.
// A console gets a session on a server it has added with Simulator.server_session.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { define, type MethodTable } from '../api/registry';
import { hostsOfPool, isLive, poolOfHost } from './membership';
import { assertCanJoin, reachMaster } from './join-checks';
import { performJoin } from './join';
import { performEject } from './eject';

function sessionHost(engine: Engine, session: string): string {
  return engine.world.get('session', session).this_host;
}

export function definePoolApi(table: MethodTable): void {
  define(table, {
    name: 'pool.join',
    params: [
      { name: 'master_address', type: 'string' },
      { name: 'master_username', type: 'string' },
      { name: 'master_password', type: 'string' },
    ],
    async: true,
    run: ({ engine, session }, [address, username, password]) => {
      const joiner = sessionHost(engine, session);
      if (!engine.world.has('host', joiner)) throw xenError('HOST_STILL_BOOTING');
      const target = reachMaster(engine, address as string, username as string, password as string);
      assertCanJoin(engine, joiner, target);
      performJoin(engine, joiner, target);
    },
  });
  define(table, {
    name: 'pool.eject',
    params: [{ name: 'host', type: { ref: 'host' } }],
    async: true,
    run: ({ engine }, [h]) => {
      const host = h as string;
      const pool = poolOfHost(engine, host);
      if (engine.world.get('pool', pool).master === host) {
        throw xenError('OPERATION_NOT_ALLOWED', hostsOfPool(engine, pool).length > 1 ? 'Cannot eject the pool master: designate a new master first' : 'A standalone server is not in a pool');
      }
      if (!isLive(engine, host)) throw xenError('HOST_OFFLINE', host);
      for (const vm of engine.world.get('host', host).resident_VMs) {
        if (engine.world.find('VM', vm)?.is_control_domain === false) throw xenError('HOST_IN_USE', host, 'vm', vm);
      }
      performEject(engine, host);
    },
  });
  define(table, {
    name: 'pool.designate_new_master',
    params: [{ name: 'host', type: { ref: 'host' } }],
    async: true,
    run: ({ engine }, [h]) => {
      const host = h as string;
      const pool = poolOfHost(engine, host);
      if (engine.world.get('pool', pool).master === host) return;
      if (!isLive(engine, host)) throw xenError('HOST_OFFLINE', host);
      engine.world.update('pool', pool, { master: host });
    },
  });
}
