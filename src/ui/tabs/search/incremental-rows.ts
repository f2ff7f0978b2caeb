// The Search grid's rows, kept up to date incrementally. At 10× the large
// world's pool changes every frame, but only a few of its 1,000 VMs do:
// rebuilding every row per batch made a long task and a lot of garbage.
// Each row remembers which objects it read (its VM, metrics, disks, host…);
// an event batch rebuilds only the rows that read an object it changed
// (ObjectCache.changesSince). The first build of 1,000 rows can also be done
// ahead, in slices while the browser is idle (warm).
import type { ClassName } from '../../../xapi/datamodel/classes';
import type { CacheChange, ObjectCache } from '../../cache/object-cache';
import { sameRow } from '../common/rows';
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
 * The rows of one grid's scope: the same array while nothing in them
 * changed, and the same row object for every row that did not change.
 */
export class IncrementalSearchRows {
  private readonly entries = new Map<string, RowEntry>();
  private readonly dependents: DependentIndex = new Map();
  /** The cache revision the rows are up to date with; -1 before the first build. */
  private seen = -1;
  private last: readonly SearchRow[] = [];
  /** A first build done in slices: the revision it started at and the objects still to do. */
  private warming: { readonly from: number; readonly pending: readonly (readonly [ClassName, string])[]; next: number } | undefined;

  constructor(private readonly scope: SearchScope) {}

  /** The rows, brought up to date with the cache (a selector: cheap when nothing changed). */
  select(cache: ObjectCache): readonly SearchRow[] {
    if (cache.revision === this.seen) return this.last;
    this.warming = undefined; // asked before the slices were done: finish in one go
    const changes = this.seen < 0 ? undefined : cache.changesSince(this.seen);
    this.seen = cache.revision;
    const changed = changes === undefined ? this.rebuildAll(cache) : this.rebuildChanged(cache, changes);
    if (changed) this.collect();
    return this.last;
  }

  /**
   * Build some of the rows ahead while `timeLeft()` (ms) allows; true when
   * the rows are built (or were already). Rows built in earlier slices may
   * be stale: the first select catches up with every change since the start.
   */
  warm(cache: ObjectCache, timeLeft: () => number): boolean {
    if (this.seen >= 0) return true;
    if (this.warming === undefined) {
      const pending: (readonly [ClassName, string])[] = [];
      for (const cls of ROW_CLASSES) for (const ref of cache.all(cls).keys()) pending.push([cls, ref]);
      this.warming = { from: cache.revision, pending, next: 0 };
    }
    const w = this.warming;
    while (w.next < w.pending.length && timeLeft() > 0) {
      const item = w.pending[w.next++];
      if (item !== undefined) this.rebuild(cache, item[0], item[1]);
    }
    if (w.next < w.pending.length) return false;
    this.warming = undefined;
    this.seen = w.from;
    this.collect();
    return true;
  }

  private collect(): void {
    const rows: SearchRow[] = [];
    for (const entry of this.entries.values()) if (entry.row !== undefined) rows.push(entry.row);
    this.last = rows;
  }

  private link(rowRef: string, deps: readonly string[], add: boolean): void {
    for (let i = 0; i < deps.length; i += 2) {
      const cls = deps[i] ?? '';
      const ref = deps[i + 1] ?? '';
      if (add) addDependent(this.dependents, cls, ref, rowRef);
      else removeDependent(this.dependents, cls, ref, rowRef);
    }
  }

  /** (Re)build one object's row; true when the grid's rows changed. */
  private rebuild(cache: ObjectCache, cls: ClassName, ref: string): boolean {
    const deps: string[] = [];
    const read: ReadRecord = (c, r) => {
      if (r !== ref) deps.push(c, r); // its own record is watched anyway (a row class)
      return cache.get(c, r);
    };
    const fresh = searchRowFor(read, cls, ref, this.scope);
    const old = this.entries.get(ref);
    if (old !== undefined) this.link(ref, old.deps, false);
    if (cache.get(cls, ref) === undefined) {
      this.entries.delete(ref); // gone: nothing left to watch
      return old?.row !== undefined;
    }
    this.link(ref, deps, true);
    const before = old?.row;
    const row = before !== undefined && fresh !== undefined && sameRow(before, fresh) ? before : fresh;
    if (old === undefined) this.entries.set(ref, { cls, row, deps });
    else {
      old.row = row;
      old.deps = deps;
    }
    return row !== before;
  }

  private rebuildAll(cache: ObjectCache): boolean {
    let changed = false;
    const present = new Set<string>();
    for (const cls of ROW_CLASSES) {
      for (const ref of cache.all(cls).keys()) {
        present.add(ref);
        if (this.rebuild(cache, cls, ref)) changed = true;
      }
    }
    for (const [ref, entry] of this.entries) {
      if (present.has(ref)) continue;
      this.link(ref, entry.deps, false);
      this.entries.delete(ref);
      if (entry.row !== undefined) changed = true;
    }
    return changed;
  }

  private rebuildChanged(cache: ObjectCache, changes: readonly CacheChange[]): boolean {
    const touched = new Map<string, ClassName>();
    for (const { cls, ref } of changes) {
      if (ROW_CLASS_SET.has(cls)) touched.set(ref, cls as ClassName);
      const rows = this.dependents.get(cls)?.get(ref);
      if (rows === undefined) continue;
      for (const rowRef of typeof rows === 'string' ? [rows] : rows) {
        const entry = this.entries.get(rowRef);
        if (entry !== undefined) touched.set(rowRef, entry.cls);
      }
    }
    let changed = false;
    for (const [ref, cls] of touched) if (this.rebuild(cache, cls, ref)) changed = true;
    return changed;
  }
}

/** A selector over IncrementalSearchRows (tests, and one-off grids). */
export function makeSearchSelector(scope: SearchScope): (cache: ObjectCache) => readonly SearchRow[] {
  const rows = new IncrementalSearchRows(scope);
  return (cache) => rows.select(cache);
}
