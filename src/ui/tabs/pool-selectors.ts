// Module-level (stable) selectors over the whole pool, each returning a
// record from the cache or a small value, so components re-render only when
// that changes.
import type { ObjectCache } from '../cache/object-cache';
import type { RecordOf } from '../../xapi/types';

/** The pool record (a pool console has one). */
export function selectFirstPool(cache: ObjectCache): RecordOf<'pool'> | undefined {
  for (const pool of cache.all('pool').values()) return pool;
  return undefined;
}
