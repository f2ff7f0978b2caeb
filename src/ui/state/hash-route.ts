// Deep links: the place in the console (view, focused object, tab) written in
// the URL hash, so a link, a reload and the browser's Back/Forward land on the
// same place. Hash routing only: the page is served from any static host or
// sub-path and never needs a path the server must know.
//
// The grammar (everything after '#'):
//   /                                 the XenLab root and its Home tab (also '' and '/home')
//   /<tab>                            the root with that tab: '/home', '/search'
//   /<class>/<uuid>[/<tab>]           an object and its tab page; <class> is the XenAPI class
//                                     in lower case ('vm', 'host', 'pool', 'sr', 'vdi', 'network')
//                                     and <uuid> its record's uuid (refs are per session)
//   /notifications/alerts|events      the Notifications view
//   ...?view=objects|tags|folders     the navigation view, when it is not Infrastructure
// e.g. '#/vm/0f7e…/general', '#/host/9a1c…/nics?view=objects', '#/notifications/events'.
//
// Pure functions: parse/format a Route (text only), and turn a Route into a
// Place and back given a lookup between refs and (class, uuid).
import { CLASS_NAMES, type ClassName } from '../../xapi/datamodel/classes';
import type { NavView, NotificationsView, Place } from './ui-store';

/** A navigation-pane view the hash can name (Notifications has its own route). */
export type TreeNavView = Exclude<NavView, 'notifications'>;

export type Route =
  | { readonly kind: 'root'; readonly view: TreeNavView; readonly tab: string | undefined }
  | { readonly kind: 'object'; readonly view: TreeNavView; readonly cls: ClassName; readonly uuid: string; readonly tab: string | undefined }
  | { readonly kind: 'notifications'; readonly which: NotificationsView };

export interface RouteLookup {
  /** The ref of the object of this class with this uuid, if it is in the pool. */
  refOf(cls: ClassName, uuid: string): string | undefined;
  /** The class and uuid of the object a ref names, if it is in the pool. */
  describe(ref: string): { readonly cls: ClassName; readonly uuid: string } | undefined;
}

const TREE_VIEWS: readonly TreeNavView[] = ['infrastructure', 'objects', 'tags', 'folders'];
const CLASS_BY_LOWER = new Map<string, ClassName>(CLASS_NAMES.map((c) => [c.toLowerCase(), c]));
/** Tab ids are lower-case words ('general', 'nics'); anything else is not a tab. */
const TAB_WORD = /^[a-z][a-z_-]*$/;
const UUID_TEXT = /^[0-9A-Za-z][0-9A-Za-z-]*$/;

export const ROOT_ROUTE: Route = { kind: 'root', view: 'infrastructure', tab: undefined };

function isTreeView(value: string | null): value is TreeNavView {
  return value !== null && (TREE_VIEWS as readonly string[]).includes(value);
}

/** Read a hash ('#/vm/<uuid>/general?view=objects', with or without '#'); undefined when it is not a route. */
export function parseHash(hash: string): Route | undefined {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  const viewParam = query.get('view');
  if (viewParam !== null && !isTreeView(viewParam)) return undefined;
  const view: TreeNavView = viewParam ?? 'infrastructure';

  let segments: string[];
  try {
    segments = path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined; // malformed %-escape
  }
  const [first, second, third, ...rest] = segments;
  if (rest.length > 0) return undefined;
  if (first === undefined) return { kind: 'root', view, tab: undefined };
  const head = first.toLowerCase();

  if (head === 'notifications') {
    if (third !== undefined) return undefined;
    const which = second?.toLowerCase() ?? 'alerts';
    return which === 'alerts' || which === 'events' ? { kind: 'notifications', which } : undefined;
  }
  const cls = CLASS_BY_LOWER.get(head);
  if (cls !== undefined) {
    if (second === undefined || !UUID_TEXT.test(second)) return undefined;
    const tab = third?.toLowerCase();
    if (tab !== undefined && !TAB_WORD.test(tab)) return undefined;
    return { kind: 'object', view, cls, uuid: second, tab };
  }
  // '/home', '/search': a tab of the root.
  if (second === undefined && TAB_WORD.test(head)) return { kind: 'root', view, tab: head };
  return undefined;
}

/** Write a route as a hash, starting with '#/'. */
export function formatRoute(route: Route): string {
  if (route.kind === 'notifications') return `#/notifications/${route.which}`;
  const query = route.view === 'infrastructure' ? '' : `?view=${route.view}`;
  // The root's first tab is its home: '#/' rather than '#/home'.
  if (route.kind === 'root') return `#/${route.tab === undefined || route.tab === 'home' ? '' : encodeURIComponent(route.tab)}${query}`;
  const tab = route.tab === undefined ? '' : `/${encodeURIComponent(route.tab)}`;
  return `#/${route.cls.toLowerCase()}/${encodeURIComponent(route.uuid)}${tab}${query}`;
}

/**
 * The route of a place: its view, the focused object (the last selected) and
 * its tab. Undefined when the focused object is not in the pool (nothing to
 * link to; the caller keeps the hash it has).
 */
export function placeToRoute(place: Place, lookup: RouteLookup): Route | undefined {
  if (place.view === 'notifications') return { kind: 'notifications', which: place.notifications };
  const focused = place.selection[place.selection.length - 1];
  if (focused === undefined) return { kind: 'root', view: place.view, tab: place.tab };
  const found = lookup.describe(focused);
  if (found === undefined) return undefined;
  return { kind: 'object', view: place.view, cls: found.cls, uuid: found.uuid, tab: place.tab };
}

/**
 * The place a route names, starting from `base` (the current place: the
 * Notifications route keeps its selection; a route to the object already
 * focused keeps a multi-selection). Undefined when the object is not in the pool.
 */
export function routeToPlace(route: Route, lookup: RouteLookup, base: Place): Place | undefined {
  switch (route.kind) {
    case 'notifications':
      return { ...base, view: 'notifications', notifications: route.which };
    case 'root':
      return { ...base, view: route.view, selection: [], tab: route.tab };
    case 'object': {
      const ref = lookup.refOf(route.cls, route.uuid);
      if (ref === undefined) return undefined;
      const keep = base.selection[base.selection.length - 1] === ref;
      return { ...base, view: route.view, selection: keep ? base.selection : [ref], tab: route.tab };
    }
  }
}

/** The place a hash names ('' and unreadable hashes name the root); undefined while its object is not in the pool. */
export function hashToPlace(hash: string, lookup: RouteLookup, base: Place): Place | undefined {
  return routeToPlace(parseHash(hash) ?? ROOT_ROUTE, lookup, base);
}

/**
 * Whether going from one route to another is a move to somewhere else (a new
 * browser history entry) rather than a different tab of the same object or a
 * spelling of the same place (the entry is replaced). Mirrors the console's
 * own Back/Forward, where choosing a tab is not a step.
 */
export function isNewPlace(from: Route | undefined, to: Route): boolean {
  if (from === undefined) return true;
  if (from.kind !== to.kind) return true;
  switch (to.kind) {
    case 'notifications':
      return from.kind === 'notifications' && from.which !== to.which;
    case 'root':
      return from.kind === 'root' && from.view !== to.view;
    case 'object':
      return from.kind === 'object' && (from.view !== to.view || from.cls !== to.cls || from.uuid !== to.uuid);
  }
}
