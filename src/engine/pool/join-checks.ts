// pool.join's pre-join checks, in xapi's order (ocaml/xapi/xapi_pool.ml,
// pre_join_checks): the joiner (the host of the caller's session) must stand
// alone, run no VMs, hold no shared SRs, run the same product and API version
// as the pool, and have a CPU of the pool's vendor (features are levelled down,
// not compared). The master is reached by its address with root's password.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { hostByAddress, hostPassword, hostsOfPool, isLive, poolOfHost } from './membership';

export interface JoinTarget {
  readonly master: string;
  readonly pool: string;
}

/** Reach the pool to join, as the joiner's xapi would log in to the remote master. */
export function reachMaster(engine: Engine, address: string, username: string, password: string): JoinTarget {
  const host = hostByAddress(engine, address);
  if (host === undefined || !isLive(engine, host)) throw xenError('JOINING_HOST_CONNECTION_FAILED');
  if (username !== 'root' || password !== hostPassword(engine, host)) throw xenError('SESSION_AUTHENTICATION_FAILED', username, 'Authentication failure');
  const pool = poolOfHost(engine, host);
  const master = engine.world.get('pool', pool).master;
  if (master !== host) throw xenError('HOST_IS_SLAVE', engine.world.get('host', master).address);
  return { master, pool };
}

export function assertCanJoin(engine: Engine, joiner: string, target: JoinTarget): void {
  const { world } = engine;
  const myPool = poolOfHost(engine, joiner);
  if (myPool === target.pool) {
    throw xenError('OPERATION_NOT_ALLOWED', hostsOfPool(engine, myPool).length > 1 ? 'Host is already part of a pool' : 'Host cannot become slave of itself');
  }
  if (world.get('pool', myPool).ha_enabled || world.get('pool', target.pool).ha_enabled) throw xenError('HA_IS_ENABLED');
  if (hostsOfPool(engine, myPool).length > 1) throw xenError('JOINING_HOST_CANNOT_BE_MASTER_OF_OTHER_HOSTS');
  const me = world.get('host', joiner);
  for (const vm of me.resident_VMs) {
    const r = world.find('VM', vm);
    if (r !== undefined && !r.is_control_domain && (r.power_state === 'Running' || r.power_state === 'Paused')) {
      throw xenError('JOINING_HOST_CANNOT_HAVE_RUNNING_VMS');
    }
  }
  for (const pbd of me.PBDs) {
    const sr = world.find('SR', world.find('PBD', pbd)?.SR ?? '');
    if (sr?.shared === true && sr.is_tools_sr !== true) throw xenError('JOINING_HOST_CANNOT_CONTAIN_SHARED_SRS');
  }
  const master = world.get('host', target.master);
  const mine = me.software_version;
  const theirs = master.software_version;
  if (mine['product_version'] !== theirs['product_version'] || mine['platform_version'] !== theirs['platform_version'] || mine['product_brand'] !== theirs['product_brand']) {
    throw xenError('POOL_JOINING_HOST_MUST_HAVE_SAME_PRODUCT_VERSION');
  }
  if (me.API_version_major !== master.API_version_major || me.API_version_minor !== master.API_version_minor) {
    throw xenError('POOL_JOINING_HOST_MUST_HAVE_SAME_API_VERSION', `${String(me.API_version_major)}.${String(me.API_version_minor)}`, `${String(master.API_version_major)}.${String(master.API_version_minor)}`);
  }
  if (me.cpu_info['vendor'] !== world.get('pool', target.pool).cpu_info['vendor']) throw xenError('HOSTS_NOT_HOMOGENEOUS', 'CPUs differ');
}
