// Module-level (stable) selectors over the whole pool, each returning a
// record from the cache or a small value, so components re-render only when
// that changes.
import type { ObjectCache } from '../cache/object-cache';
import type { RecordOf } from '../../xapi/types';
import { naturalCompare } from '../format/natural-compare';

/** The pool record (a pool console has one). */
export function selectFirstPool(cache: ObjectCache): RecordOf<'pool'> | undefined {
  for (const pool of cache.all('pool').values()) return pool;
  return undefined;
}

/** Refs of all hosts, sorted by name (the order XenCenter lists them in). */
export function selectHostRefs(cache: ObjectCache): string[] {
  return [...cache.all('host').entries()].sort(([, a], [, b]) => naturalCompare(a.name_label, b.name_label)).map(([ref]) => ref);
}

