// The Search grid's rows, kept up to date incrementally. At 10× the large
// world's pool changes every frame, but only a few of its 1,000 VMs do:
// rebuilding every row per batch made a long task and a lot of garbage.
// Each row remembers which objects it read (its VM, metrics, disks, host…);
// an event batch rebuilds only the rows that read an object it changed
// (ObjectCache.changesSince), and the grid's filtered, sorted list keeps its
// order when no changed row moved in it.
import type { ClassName } from '../../../xapi/datamodel/classes';
import type { CacheChange, ObjectCache } from '../../cache/object-cache';
import { sameRow } from '../common/rows';
import { queryRows, sortValue, type GridQuery } from './search-model';
import { ROW_CLASSES, searchRowFor, type ReadRecord, type SearchRow, type SearchScope } from './search-rows';

const ROW_CLASS_SET: ReadonlySet<string> = new Set(ROW_CLASSES);

/**
 * Row refs by the (class, ref) they read: class → ref → the row, or a set
 * when several rows read it (a server is read by each of its VMs' rows).
 */
type DependentIndex = Map<string, Map<string, string | Set<string>>>;

interface RowEntry {
  readonly cls: ClassName;
  row: SearchRow | undefined;
  /** What the row read besides its own record: class, ref, class, ref … (its keys in the dependent index). */
  deps: readonly string[];
}

function addDependent(index: DependentIndex, cls: string, ref: string, rowRef: string): void {
  let byRef = index.get(cls);
  if (byRef === undefined) index.set(cls, (byRef = new Map()));
  const rows = byRef.get(ref);
  if (rows === undefined) byRef.set(ref, rowRef);
  else if (typeof rows === 'string') {
    if (rows !== rowRef) byRef.set(ref, new Set([rows, rowRef]));
  } else rows.add(rowRef);
}

function removeDependent(index: DependentIndex, cls: string, ref: string, rowRef: string): void {
  const byRef = index.get(cls);
  const rows = byRef?.get(ref);
  if (byRef === undefined || rows === undefined) return;
  if (typeof rows === 'string') {
    if (rows === rowRef) byRef.delete(ref);
  } else {
    rows.delete(rowRef);
    if (rows.size === 0) byRef.delete(ref);
  }
}

/**
 * A selector for one grid: the rows in scope, the same array while nothing
 * in them changed, and the same row object for every row that did not change.
 */
export function makeSearchSelector(scope: SearchScope): (cache: ObjectCache) => readonly SearchRow[] {
  const entries = new Map<string, RowEntry>();
  const dependents: DependentIndex = new Map();
  let seen = -1;
  let last: readonly SearchRow[] = [];

  const link = (rowRef: string, deps: readonly string[], add: boolean) => {
    for (let i = 0; i < deps.length; i += 2) {
      const cls = deps[i] ?? '';
      const ref = deps[i + 1] ?? '';
      if (add) addDependent(dependents, cls, ref, rowRef);
      else removeDependent(dependents, cls, ref, rowRef);
    }
  };

  /** (Re)build one object's row; true when the grid's rows changed. */
  const rebuild = (cache: ObjectCache, cls: ClassName, ref: string): boolean => {
    const deps: string[] = [];
    const read: ReadRecord = (c, r) => {
      if (r !== ref) deps.push(c, r); // its own record is watched anyway (a row class)
      return cache.get(c, r);
    };
    const fresh = searchRowFor(read, cls, ref, scope);
    const old = entries.get(ref);
    if (old !== undefined) link(ref, old.deps, false);
    if (cache.get(cls, ref) === undefined) {
      entries.delete(ref); // gone: nothing left to watch
      return old?.row !== undefined;
    }
    link(ref, deps, true);
    const before = old?.row;
    const row = before !== undefined && fresh !== undefined && sameRow(before, fresh) ? before : fresh;
    if (old === undefined) entries.set(ref, { cls, row, deps });
    else {
      old.row = row;
      old.deps = deps;
    }
    return row !== before;
  };

  const rebuildAll = (cache: ObjectCache): boolean => {
    let changed = false;
    const present = new Set<string>();
    for (const cls of ROW_CLASSES) {
      for (const ref of cache.all(cls).keys()) {
        present.add(ref);
        if (rebuild(cache, cls, ref)) changed = true;
      }
    }
    for (const [ref, entry] of entries) {
      if (present.has(ref)) continue;
      link(ref, entry.deps, false);
      entries.delete(ref);
      if (entry.row !== undefined) changed = true;
    }
    return changed;
  };

  const rebuildChanged = (cache: ObjectCache, changes: readonly CacheChange[]): boolean => {
    const touched = new Map<string, ClassName>();
    for (const { cls, ref } of changes) {
      if (ROW_CLASS_SET.has(cls)) touched.set(ref, cls as ClassName);
      const rows = dependents.get(cls)?.get(ref);
      if (rows === undefined) continue;
      for (const rowRef of typeof rows === 'string' ? [rows] : rows) {
        const entry = entries.get(rowRef);
        if (entry !== undefined) touched.set(rowRef, entry.cls);
      }
    }
    let changed = false;
    for (const [ref, cls] of touched) if (rebuild(cache, cls, ref)) changed = true;
    return changed;
  };

  return (cache) => {
    if (cache.revision === seen) return last;
    const changes = seen < 0 ? undefined : cache.changesSince(seen);
    seen = cache.revision;
    const changed = changes === undefined ? rebuildAll(cache) : rebuildChanged(cache, changes);
    if (changed) {
      const rows: SearchRow[] = [];
      for (const entry of entries.values()) if (entry.row !== undefined) rows.push(entry.row);
      last = rows;
    }
    return last;
  };
}

function sameQuery(a: GridQuery, b: GridQuery): boolean {
  return a.text === b.text && a.types === b.types && a.showDefaultTemplates === b.showDefaultTemplates && a.now === b.now && a.sort?.column === b.sort?.column && a.sort?.direction === b.sort?.direction;
}

/**
 * queryRows, remembering its last answer: when only a few rows changed and
 * none of them entered or left the filter or moved in the order, the last
 * order is kept with the new row objects (no sort of 1,000 rows per batch).
 */
export function makeGridQuery(): (rows: readonly SearchRow[], query: GridQuery) => readonly SearchRow[] {
  let last: { rows: readonly SearchRow[]; query: GridQuery; shown: readonly SearchRow[] } | undefined;
  return (rows, query) => {
    if (last !== undefined && sameQuery(last.query, query)) {
      if (last.rows === rows) return last.shown;
      const kept = keepOrder(last.rows, last.shown, rows, query);
      if (kept !== undefined) {
        last = { rows, query, shown: kept };
        return kept;
      }
    }
    const shown = queryRows(rows, query);
    last = { rows, query, shown };
    return shown;
  };
}

/** What decides a row's place in the grid: whether it is shown, and its sort keys. */
function placeKey(row: SearchRow, query: GridQuery): string {
  const shown = queryRows([row], query).length === 1;
  if (!shown) return '';
  const value = query.sort === undefined ? '' : String(sortValue(row, query.sort.column, query.now));
  return `${row.type}\u0000${row.name}\u0000${value}`;
}

function keepOrder(oldRows: readonly SearchRow[], oldShown: readonly SearchRow[], rows: readonly SearchRow[], query: GridQuery): SearchRow[] | undefined {
  if (oldRows.length !== rows.length) return undefined;
  const replaced = new Map<string, SearchRow>();
  for (let i = 0; i < rows.length; i++) {
    const before = oldRows[i];
    const now = rows[i];
    if (before === now || before === undefined || now === undefined) continue;
    if (before.ref !== now.ref || placeKey(before, query) !== placeKey(now, query)) return undefined;
    replaced.set(now.ref, now);
  }
  return oldShown.map((row) => replaced.get(row.ref) ?? row);
}

const KEPT_SOURCES = 4;

interface SearchSource {
  readonly select: (cache: ObjectCache) => readonly SearchRow[];
  readonly query: (rows: readonly SearchRow[], query: GridQuery) => readonly SearchRow[];
}
const sources = new Map<string, SearchSource>();

/**
 * The selector and query memo for a scope, kept across mounts for the last
 * few scopes: a Search tab shown again catches up with the changes since it
 * was last shown (or rebuilds, if that was long ago) and reuses its order.
 */
export function searchSourceFor(scope: SearchScope): SearchSource {
  const fresh = (): SearchSource => ({ select: makeSearchSelector(scope), query: makeGridQuery() });
  // A group's members change with the tree: its scope is new each time, so its source is not kept.
  if (scope.kind === 'refs') return fresh();
  const key = scope.kind === 'all' ? 'all' : `host:${scope.host}`;
  const kept = sources.get(key) ?? fresh();
  sources.delete(key);
  sources.set(key, kept); // most recently used last
  for (const old of sources.keys()) {
    if (sources.size <= KEPT_SOURCES) break;
    sources.delete(old);
  }
  return kept;
}
