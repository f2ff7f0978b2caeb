// React hooks over the object cache. Each component subscribes with a selector
// and re-renders only when what it selected changed (by reference, or by the
// given equality for derived lists).
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ClassName } from '../../xapi/datamodel/classes';
import type { RecordOf } from '../../xapi/types';
import { useLab } from '../lab/lab-context';
import type { ObjectCache } from './object-cache';

export function useCacheSelector<T>(select: (cache: ObjectCache) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const { cache } = useLab();
  const last = useRef<{ revision: number; value: T; select: typeof select } | undefined>(undefined);
  const getSnapshot = useCallback(() => {
    const prev = last.current;
    if (prev !== undefined && prev.revision === cache.revision && prev.select === select) return prev.value;
    const value = select(cache);
    if (prev !== undefined && equal(prev.value, value)) {
      last.current = { revision: cache.revision, value: prev.value, select };
      return prev.value;
    }
    last.current = { revision: cache.revision, value, select };
    return value;
  }, [cache, select, equal]);
  return useSyncExternalStore(useCallback((l) => cache.subscribe(l), [cache]), getSnapshot, getSnapshot);
}

/** One object; re-renders only when that object changes. */
export function useObject<C extends ClassName>(cls: C, ref: string | undefined): RecordOf<C> | undefined {
  const select = useCallback((c: ObjectCache) => (ref === undefined ? undefined : c.get(cls, ref)), [cls, ref]);
  return useCacheSelector(select);
}

/** Several objects of a class by ref, in the given order (missing ones left out). */
export function useObjects<C extends ClassName>(cls: C, refs: readonly string[]): RecordOf<C>[] {
  const key = refs.join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `refs`
  const select = useCallback((c: ObjectCache) => refs.map((r) => c.get(cls, r)).filter((r): r is RecordOf<C> => r !== undefined), [cls, key]);
  return useCacheSelector(select, shallowEqualArrays);
}

export function shallowEqualArrays<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
