// Keeps the URL hash and the console's place in step, both ways (the grammar
// is in hash-route.ts):
// - the place changes (tree, tabs, XenCenter's Back/Forward) → the hash is
//   written: a new browser history entry for a new place, the same entry
//   rewritten for another tab of the same object;
// - the hash changes (the browser's Back/Forward, an edited or pasted link)
//   → the console arrives there (useUi.arriveAt: not a step of its own history).
// On load the hash is read once the object cache has loaded, so a reload
// lands on the same object; until then nothing is written, so the link is
// not overwritten by the empty place of a console still loading.
import { useEffect } from 'react';
import type { ClassName } from '../../xapi/datamodel/classes';
import type { ObjectCache } from '../cache/object-cache';
import { useLab } from '../lab/lab-context';
import { focusedObject } from '../tabs/object-kind';
import { useTabMemory } from '../tabs/tab-memory';
import { resolveTab, tabsFor } from '../tabs/tab-pages';
import { formatRoute, hashToPlace, isNewPlace, parseHash, placeToRoute, ROOT_ROUTE, routeToPlace, type RouteLookup } from './hash-route';
import { useUi, type Place } from './ui-store';

/** Refs ↔ (class, uuid) from the object cache. */
export function cacheLookup(cache: ObjectCache): RouteLookup {
  return {
    refOf(cls, uuid) {
      for (const [ref, record] of cache.all(cls)) if (uuidOf(record) === uuid) return ref;
      return undefined;
    },
    describe(ref) {
      const cls: ClassName | undefined = cache.classOf(ref);
      const uuid = cls === undefined ? undefined : uuidOf(cache.get(cls, ref));
      return cls === undefined || uuid === undefined ? undefined : { cls, uuid };
    },
  };
}

function uuidOf(record: unknown): string | undefined {
  const uuid = (record as { uuid?: unknown } | undefined)?.uuid;
  return typeof uuid === 'string' && uuid !== '' ? uuid : undefined;
}

function samePlace(a: Place, b: Place): boolean {
  return a.view === b.view && a.tab === b.tab && a.notifications === b.notifications && a.selection.join() === b.selection.join();
}

/** The place with the tab the object view shows (the chosen one, else the one remembered for its kind, else the first). */
function withShownTab(cache: ObjectCache, place: Place): Place {
  if (place.view === 'notifications') return place;
  const focus = focusedObject(cache, place.selection[place.selection.length - 1]);
  const tab = resolveTab(tabsFor(focus.kind, focus.live, focus.gpus), place.tab, useTabMemory.getState().lastTab[focus.kind]);
  return tab === place.tab ? place : { ...place, tab };
}

/** Start syncing; returns the function that stops it. */
export function startHashSync(cache: ObjectCache, win: Window): () => void {
  const lookup = cacheLookup(cache);
  let arrived = false;

  const writeHash = (mode: 'push-if-new' | 'replace') => {
    if (!arrived || !cache.isLoaded) return;
    const route = placeToRoute(withShownTab(cache, useUi.getState().place), lookup);
    if (route === undefined) return; // the focused object is gone: keep the link as it was
    const hash = formatRoute(route);
    if (hash === win.location.hash) return;
    if (mode === 'push-if-new' && isNewPlace(parseHash(win.location.hash), route)) win.history.pushState(win.history.state, '', hash);
    else win.history.replaceState(win.history.state, '', hash);
  };

  const arrive = () => {
    if (!cache.isLoaded) {
      arrived = false; // arrive once the pool is there
      return;
    }
    const ui = useUi.getState();
    // A link to an object that is not in the pool (deleted, or from another lab) lands on the root.
    const place = hashToPlace(win.location.hash, lookup, ui.place) ?? routeToPlace(ROOT_ROUTE, lookup, ui.place);
    arrived = true;
    if (place !== undefined && !samePlace(place, ui.place)) ui.arriveAt(place);
    writeHash('replace'); // the canonical spelling of where we are
  };

  const onCacheChange = () => {
    if (!arrived) arrive();
    else writeHash('replace'); // e.g. the cache reloaded after a reset, or a host's tabs changed
  };
  const onPlaceChange = () => writeHash('push-if-new');

  const stops = [
    cache.subscribe(onCacheChange),
    useUi.subscribe((s, prev) => {
      if (s.place !== prev.place) onPlaceChange();
    }),
    useTabMemory.subscribe((s, prev) => {
      if (s.lastTab !== prev.lastTab) writeHash('replace');
    }),
  ];
  win.addEventListener('hashchange', arrive);
  win.addEventListener('popstate', arrive);
  arrive();
  return () => {
    for (const stop of stops) stop();
    win.removeEventListener('hashchange', arrive);
    win.removeEventListener('popstate', arrive);
  };
}

/** Mount once in the console's frame. */
export function useHashSync(): void {
  const { cache } = useLab();
  useEffect(() => startHashSync(cache, window), [cache]);
}
