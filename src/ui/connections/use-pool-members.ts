// React views of pool-members: re-render when the records or the console's
// connections change (a server joins or leaves a pool).
import { useCallback } from 'react';
import type { RecordOf } from '../../xapi/types';
import type { ObjectCache } from '../cache/object-cache';
import { shallowEqualArrays, useCacheSelector } from '../cache/use-cache';
import { naturalCompare } from '../format/natural-compare';
import { useConnections } from './connections';
import { poolMembers, poolOfServer } from './pool-members';

/** The pool a server is in (its record), undefined when it stands alone in an unnamed pool of its own. */
export function useServerPool(host: string): RecordOf<'pool'> | undefined {
  const connections = useConnections((s) => s.connections);
  const select = useCallback(
    (cache: ObjectCache) => {
      const ref = poolOfServer(host, cache, connections);
      const pool = ref === undefined ? undefined : cache.get('pool', ref);
      if (pool === undefined) return undefined;
      return pool.name_label === '' && poolMembers(ref ?? '', cache, connections).length <= 1 ? undefined : pool;
    },
    [host, connections],
  );
  return useCacheSelector(select);
}

/** The servers of a pool, sorted by name (the order XenCenter lists them in). */
export function usePoolMembers(pool: string): string[] {
  const connections = useConnections((s) => s.connections);
  const select = useCallback(
    (cache: ObjectCache) => poolMembers(pool, cache, connections).sort((a, b) => naturalCompare(cache.get('host', a)?.name_label ?? '', cache.get('host', b)?.name_label ?? '')),
    [pool, connections],
  );
  return useCacheSelector(select, shallowEqualArrays);
}
