// The pool's Search grid, built ahead. Its first build reads every object of
// the large world (1,000 VMs with their metrics and disks): done when the
// Search tab opens, that is one long task. Instead, once the pool is loaded,
// the rows are built in short slices while the browser is idle, the grid's
// order is worked out, and each later event batch is applied in idle time
// too, so opening the tab finds everything ready.
import { useEffect } from 'react';
import type { ObjectCache } from '../../cache/object-cache';
import { useLab } from '../../lab/lab-context';
import { useUi } from '../../state/ui-store';
import type { GridQuery } from './search-model';
import { poolSearchSource } from './search-source';
import { useSearchGrid } from './search-state';

/** The longest slice of idle time one step may take (ms): far below a long task. */
export const WARM_SLICE_MS = 8;

export type IdleScheduler = (work: (timeLeft: () => number) => void) => () => void;

const browserIdle: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((deadline) => {
      const start = performance.now();
      work(() => Math.min(deadline.timeRemaining(), WARM_SLICE_MS - (performance.now() - start)));
    });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const start = performance.now();
    work(() => WARM_SLICE_MS - (performance.now() - start));
  }, 50);
  return () => clearTimeout(id);
};

/** The grid query the pool's Search tab will ask for first (what search-tab.tsx computes without a group). */
function currentQuery(): GridQuery | undefined {
  const { text, types, sort } = useSearchGrid.getState();
  if (sort?.column === 'uptime') return undefined; // depends on the clock: worked out when shown
  return { text, types, sort, showDefaultTemplates: useUi.getState().viewOptions.showDefaultTemplates, now: undefined };
}

/**
 * Keep the pool's Search source built and current in idle time. Returns a
 * stop function. Only the first build is sliced; catching up with a batch
 * touches a few rows.
 */
export function warmPoolSearch(cache: ObjectCache, idle: IdleScheduler = browserIdle): () => void {
  const source = poolSearchSource(cache);
  let cancel: (() => void) | undefined;
  let built = false;
  const step = (timeLeft: () => number) => {
    cancel = undefined;
    if (!cache.isLoaded) return;
    if (!built) {
      built = source.rows.warm(cache, timeLeft);
      if (!built) {
        cancel = idle(step);
        return;
      }
    }
    const rows = source.select(cache);
    const query = currentQuery();
    if (query !== undefined) source.query(rows, query);
  };
  const wake = () => {
    cancel ??= idle(step);
  };
  const unsubscribe = cache.subscribe(wake);
  wake();
  return () => {
    unsubscribe();
    cancel?.();
  };
}

/** Mounted once with the console. */
export function useWarmPoolSearch(): void {
  const { cache } = useLab();
  useEffect(() => warmPoolSearch(cache), [cache]);
}
