// The saved lab in IndexedDB: one record holding the engine snapshot as JSON
// text with a schema version. Loading never throws: a missing, corrupt or
// foreign record is reported as such, with the raw text kept so the user can
// download it before starting afresh.
//
// The RRDs (graph history) sit beside it under their own key, as structured
// clones of their typed arrays (JSON would be slow and several times larger).
// When both are saved they are written in one transaction, so a reload never
// sees RRDs newer than the world. Reading them never throws either: what
// cannot be read is `undefined`, and the lab starts with empty graphs.
import { createStore, delMany, get, set, setMany, type UseStore } from 'idb-keyval';
import { SNAPSHOT_VERSION, type EngineSnapshot } from '../engine/engine';
import type { RrdSnapshot } from '../engine/metrics/rrd/rrd-snapshot';

/** Bumped when the stored envelope (not the engine snapshot) changes shape. */
export const STORE_SCHEMA = 1;
const KEY = 'lab';
const RRD_KEY = 'rrds';

export type LoadResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly snapshot: EngineSnapshot }
  | { readonly kind: 'corrupt'; readonly reason: string; readonly raw: string };

export interface WorldStore {
  load(): Promise<LoadResult>;
  /** Save the world, and its RRDs with it when given. */
  save(snapshot: EngineSnapshot, rrds?: RrdSnapshot): Promise<void>;
  /** The saved RRDs as stored (unchecked: restoreRrds checks them), or undefined. */
  loadRrds(): Promise<unknown>;
  clear(): Promise<void>;
}

export function indexedDbStore(dbName = 'xenlab', storeName = 'worlds'): WorldStore {
  const store: UseStore = createStore(dbName, storeName);
  return {
    async load() {
      let raw: unknown;
      try {
        raw = await get(KEY, store);
      } catch (e) {
        return { kind: 'corrupt', reason: `the browser's storage could not be read (${String(e)})`, raw: '' };
      }
      if (raw === undefined) return { kind: 'empty' };
      return parseStored(raw);
    },
    async save(snapshot, rrds) {
      const text = JSON.stringify({ schema: STORE_SCHEMA, snapshot });
      if (rrds === undefined) await set(KEY, text, store);
      else await setMany([[KEY, text], [RRD_KEY, rrds]], store);
    },
    async loadRrds() {
      try {
        return await get(RRD_KEY, store);
      } catch {
        return undefined;
      }
    },
    async clear() {
      await delMany([KEY, RRD_KEY], store);
    },
  };
}

/** Check a stored record before the engine sees it. */
export function parseStored(raw: unknown): LoadResult {
  const text = typeof raw === 'string' ? raw : safeStringify(raw);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', reason: 'the saved lab is not valid JSON', raw: text };
  }
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'corrupt', reason: 'the saved lab is not an object', raw: text };
  const { schema, snapshot } = parsed as { schema?: unknown; snapshot?: unknown };
  if (schema !== STORE_SCHEMA) {
    return { kind: 'corrupt', reason: `the saved lab has storage version ${String(schema)}; this XenLab reads version ${STORE_SCHEMA}`, raw: text };
  }
  const s = snapshot as Partial<EngineSnapshot> | undefined;
  if (s === undefined || s === null || typeof s !== 'object') return { kind: 'corrupt', reason: 'the saved lab holds no world', raw: text };
  if (s.version !== SNAPSHOT_VERSION) {
    return { kind: 'corrupt', reason: `the saved world has version ${String(s.version)}; this XenLab reads version ${SNAPSHOT_VERSION}`, raw: text };
  }
  if (typeof s.world !== 'object' || typeof s.scheduler !== 'object' || !Array.isArray(s.rng) || typeof s.config !== 'object') {
    return { kind: 'corrupt', reason: 'the saved world is missing parts', raw: text };
  }
  return { kind: 'ok', snapshot: s as EngineSnapshot };
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
