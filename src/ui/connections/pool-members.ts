// Which servers belong to a pool, when the console knows several pools. XenAPI
// has no host → pool field (each real pool is its own database, so "all hosts"
// would be the pool's); the simulator keeps every pool in one world, so "all
// hosts in the cache" counts the servers of every pool. The console's
// connections say which servers each pool has; before the lab first answers
// (and in fixtures) the records alone decide, as in the tree: a pool holds its
// coordinator, and the servers that coordinate no pool are in the lab's main
// pool (the named one, else the first).
import type { CacheReader } from '../actions/action-types';
import { currentConnections, type Connection } from './connections';

function mainPool(cache: CacheReader): string | undefined {
  const pools = [...cache.all('pool').entries()].filter(([, p]) => cache.get('host', p.master) !== undefined);
  return (pools.find(([, p]) => p.name_label !== '') ?? pools[0])?.[0];
}

/** The servers of a pool (its coordinator first when the records alone decide). */
export function poolMembers(pool: string, cache: CacheReader, connections: readonly Connection[] | undefined = currentConnections()): string[] {
  const connection = connections?.find((c) => c.pool === pool);
  if (connection !== undefined) return connection.hosts.filter((h) => cache.get('host', h) !== undefined);
  const record = cache.get('pool', pool);
  if (record === undefined) return [];
  const coordinators = new Set([...cache.all('pool').values()].map((p) => p.master));
  const others = pool === mainPool(cache) ? [...cache.all('host').keys()].filter((h) => !coordinators.has(h)) : [];
  return [...(cache.get('host', record.master) === undefined ? [] : [record.master]), ...others];
}

/** The pool a server is in. */
export function poolOfServer(host: string, cache: CacheReader, connections: readonly Connection[] | undefined = currentConnections()): string | undefined {
  const connection = connections?.find((c) => c.hosts.includes(host));
  if (connection !== undefined) return connection.pool;
  const own = [...cache.all('pool').entries()].find(([, p]) => p.master === host);
  if (own !== undefined) return own[0];
  return cache.get('host', host) === undefined ? undefined : mainPool(cache);
}

/**
 * The pool that "the pool" means when nothing in the selection names one: the
 * only pool the console shows (a connected pool that is named or has several
 * servers), or the only pool record there is.
 */
export function onlyPool(cache: CacheReader, connections: readonly Connection[] | undefined = currentConnections()): string | undefined {
  const all = [...cache.all('pool').keys()];
  if (all.length === 1) return all[0];
  if (connections === undefined) return undefined;
  const shown = connections.filter((c) => c.state === 'connected' && cache.get('pool', c.pool) !== undefined && ((cache.get('pool', c.pool)?.name_label ?? '') !== '' || c.hosts.length > 1));
  return shown.length === 1 ? shown[0]?.pool : undefined;
}
