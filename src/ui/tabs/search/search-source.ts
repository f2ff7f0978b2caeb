// One Search grid source per scope (its incremental rows and its query memo),
// kept across mounts: a Search tab shown again catches up with the changes
// since it was last shown and reuses its order. The pool-wide source is
// always kept (and may be built ahead while the browser is idle, see
// warm-search.ts); a few servers' sources are kept, least recently used out.
import type { ObjectCache } from '../../cache/object-cache';
import { makeGridQuery } from './grid-query';
import { IncrementalSearchRows } from './incremental-rows';
import type { GridQuery } from './search-model';
import type { SearchRow, SearchScope } from './search-rows';

export interface SearchSource {
  readonly rows: IncrementalSearchRows;
  readonly select: (cache: ObjectCache) => readonly SearchRow[];
  readonly query: (rows: readonly SearchRow[], query: GridQuery) => readonly SearchRow[];
}

function makeSource(scope: SearchScope): SearchSource {
  const rows = new IncrementalSearchRows(scope);
  return { rows, select: (cache) => rows.select(cache), query: makeGridQuery() };
}

const KEPT_SERVER_SOURCES = 4;

/** The kept sources of one cache (a source's rows belong to the cache they were read from). */
interface Kept {
  pool: SearchSource | undefined;
  readonly servers: Map<string, SearchSource>;
}
const keptByCache = new WeakMap<ObjectCache, Kept>();

function keptFor(cache: ObjectCache): Kept {
  let kept = keptByCache.get(cache);
  if (kept === undefined) keptByCache.set(cache, (kept = { pool: undefined, servers: new Map() }));
  return kept;
}

/** The whole pool's source (the pool's and every VM's Search tab). */
export function poolSearchSource(cache: ObjectCache): SearchSource {
  const kept = keptFor(cache);
  kept.pool ??= makeSource({ kind: 'all' });
  return kept.pool;
}

export function searchSourceFor(cache: ObjectCache, scope: SearchScope): SearchSource {
  if (scope.kind === 'all') return poolSearchSource(cache);
  // A group's members change with the tree: its scope is new each time, so its source is not kept.
  if (scope.kind === 'refs') return makeSource(scope);
  const { servers } = keptFor(cache);
  const kept = servers.get(scope.host) ?? makeSource(scope);
  servers.delete(scope.host);
  servers.set(scope.host, kept); // most recently used last
  for (const old of servers.keys()) {
    if (servers.size <= KEPT_SERVER_SOURCES) break;
    servers.delete(old);
  }
  return kept;
}
