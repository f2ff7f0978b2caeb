// The RRDs outside the world's JSON snapshot: a small header (plain data)
// and the archives as ArrayBuffers, compacted to the slots in use. The
// worker's lab (src/worker/lab-host.ts) stores it as is (IndexedDB clones
// ArrayBuffers without JSON), under its own key and less often than the
// world; on load it hands it back to restoreRrds. A snapshot older than the
// world is fine: the next tick sees the gap and records it as unknown.
// Anything that does not fit (another version, wrong sizes, slots out of
// range, newer than the world) is refused, and the pool starts with empty
// RRDs.
import type { Engine } from '../../engine';
import { rrdStoreOf, setRrdStore } from '../metrics-tick';
import { ARCHIVES, hasMinMax, PDP_STEP } from './rrd-layout';
import { RrdStore, type Rrd, type RrdKind } from './rrd-store';

export const RRD_SNAPSHOT_VERSION = 1;

export interface RrdHeader {
  readonly kind: RrdKind;
  readonly uuid: string;
  readonly ref: string;
  readonly minMax: boolean;
  readonly controlDomain: boolean;
  readonly names: readonly string[];
  readonly slots: readonly number[];
  readonly mmSlots: readonly number[];
  readonly reported: readonly string[];
  readonly extra: readonly string[];
  readonly archived: boolean;
}

export interface RrdSnapshot {
  readonly version: number;
  readonly lastPdp: number | null;
  readonly used: number;
  readonly mmUsed: number;
  readonly free: readonly number[];
  readonly mmFree: readonly number[];
  readonly rrds: readonly RrdHeader[];
  /** lo, hi, mmOwner; then per archive: AVERAGE rows; per consolidating archive: MIN rows, MAX rows, sum, known, min, max so far. */
  readonly buffers: readonly ArrayBuffer[];
}

/** Rows of `rows` × `cap` values, kept at stride `used`. */
function compact(data: Float32Array, rows: number, cap: number, used: number): ArrayBuffer {
  const out = new Float32Array(rows * used);
  for (let r = 0; r < rows; r++) out.set(data.subarray(r * cap, r * cap + used), r * used);
  return out.buffer;
}

const copy = (data: Float64Array | Float32Array | Uint16Array | Int32Array, n: number): ArrayBuffer => data.slice(0, n).buffer;

export function rrdSnapshot(engine: Engine): RrdSnapshot {
  const store = rrdStoreOf(engine);
  const x = store.archives;
  x.materializeAll();
  const buffers: ArrayBuffer[] = [copy(x.lo, x.used), copy(x.hi, x.used), copy(x.mmOwner, x.mmUsed)];
  ARCHIVES.forEach((spec, a) => {
    buffers.push(compact(x.avg[a]!, spec.rows, x.cap, x.used));
    if (!hasMinMax(a)) return;
    buffers.push(compact(x.min[a]!, spec.rows, x.mmCap, x.mmUsed), compact(x.max[a]!, spec.rows, x.mmCap, x.mmUsed));
    buffers.push(copy(x.sum[a]!, x.used), copy(x.known[a]!, x.used), copy(x.accMin[a]!, x.mmUsed), copy(x.accMax[a]!, x.mmUsed));
  });
  const rrds: RrdHeader[] = [...store.all()].map((r) => ({
    kind: r.kind,
    uuid: r.uuid,
    ref: r.ref,
    minMax: r.minMax,
    controlDomain: r.controlDomain,
    names: [...r.names],
    slots: [...r.slots],
    mmSlots: [...r.mmSlots],
    reported: [...r.reported],
    extra: [...r.extra],
    archived: r.archived,
  }));
  return {
    version: RRD_SNAPSHOT_VERSION,
    lastPdp: x.lastPdp ?? null,
    used: x.used,
    mmUsed: x.mmUsed,
    free: [...x.freeSlots()],
    mmFree: [...x.freeMinMaxSlots()],
    rrds,
    buffers,
  };
}

const isInt = (n: unknown, lo: number, hi: number): n is number => Number.isInteger(n) && (n as number) >= lo && (n as number) < hi;
const isStrings = (a: unknown): a is string[] => Array.isArray(a) && a.every((x) => typeof x === 'string');
const isInts = (a: unknown, lo: number, hi: number): a is number[] => Array.isArray(a) && a.every((x) => isInt(x, lo, hi));

/** The shape restoreRrds can use; sizes are checked against the buffers before anything is allocated. */
function isSnapshot(s: unknown): s is RrdSnapshot {
  if (typeof s !== 'object' || s === null) return false;
  const r = s as Partial<RrdSnapshot>;
  if (r.version !== RRD_SNAPSHOT_VERSION || !isInt(r.used, 0, 2 ** 31) || !isInt(r.mmUsed, 0, 2 ** 31)) return false;
  if (r.lastPdp !== null && !Number.isSafeInteger(r.lastPdp)) return false;
  if (!isInts(r.free, 0, r.used) || !isInts(r.mmFree, 0, r.mmUsed)) return false;
  if (!Array.isArray(r.buffers) || !r.buffers.every((b) => b instanceof ArrayBuffer)) return false;
  return Array.isArray(r.rrds) && r.rrds.every((h) => isHeader(h, r.used!, r.mmUsed!));
}

function isHeader(h: unknown, used: number, mmUsed: number): h is RrdHeader {
  if (typeof h !== 'object' || h === null) return false;
  const r = h as Partial<RrdHeader>;
  return (
    (r.kind === 'host' || r.kind === 'vm') &&
    typeof r.uuid === 'string' &&
    typeof r.ref === 'string' &&
    typeof r.minMax === 'boolean' &&
    typeof r.controlDomain === 'boolean' &&
    typeof r.archived === 'boolean' &&
    isStrings(r.names) &&
    isStrings(r.reported) &&
    isStrings(r.extra) &&
    isInts(r.slots, 0, used) &&
    isInts(r.mmSlots, -1, mmUsed) &&
    r.slots.length === r.names.length &&
    r.mmSlots.length === r.names.length
  );
}

/** Byte lengths the buffers must have, in order. */
function bufferSizes(used: number, mmUsed: number): number[] {
  const sizes = [used * 8, used * 8, mmUsed * 4];
  ARCHIVES.forEach((spec, a) => {
    sizes.push(spec.rows * used * 4);
    if (hasMinMax(a)) sizes.push(spec.rows * mmUsed * 4, spec.rows * mmUsed * 4, used * 8, used * 2, mmUsed * 4, mmUsed * 4);
  });
  return sizes;
}

/**
 * Load saved RRDs into the engine; false (and empty RRDs) if the snapshot
 * does not fit: another version, wrong sizes, slots out of range, or a last
 * update after the world's clock (RRDs saved without their world). Never
 * throws: a bad save costs the graphs' history, not the lab.
 */
export function restoreRrds(engine: Engine, snapshot: unknown): boolean {
  try {
    return restoreChecked(engine, snapshot);
  } catch {
    return fail(engine);
  }
}

function restoreChecked(engine: Engine, snapshot: unknown): boolean {
  if (!isSnapshot(snapshot)) return fail(engine);
  const { used, mmUsed, buffers } = snapshot;
  const sizes = bufferSizes(used, mmUsed);
  if (buffers.length !== sizes.length || buffers.some((b, i) => b.byteLength !== sizes[i])) return fail(engine);
  if (snapshot.lastPdp !== null && snapshot.lastPdp * PDP_STEP > engine.unixTime() + PDP_STEP) return fail(engine);
  const store = new RrdStore();
  const x = store.archives;
  x.reserve(used, mmUsed);
  let next = 0;
  const take = <T>(Type: new (b: ArrayBuffer) => T): T => new Type(buffers[next++]!);
  x.lo.set(take(Float64Array));
  x.hi.set(take(Float64Array));
  const owner = take(Int32Array);
  if (!owner.every((s) => s >= -1 && s < used)) return fail(engine);
  x.mmOwner.set(owner);
  ARCHIVES.forEach((_spec, a) => {
    x.avg[a]!.set(take(Float32Array));
    if (!hasMinMax(a)) return;
    x.min[a]!.set(take(Float32Array));
    x.max[a]!.set(take(Float32Array));
    x.sum[a]!.set(take(Float64Array));
    x.known[a]!.set(take(Uint16Array));
    x.accMin[a]!.set(take(Float32Array));
    x.accMax[a]!.set(take(Float32Array));
  });
  const rrds: Rrd[] = snapshot.rrds.map((h) => ({
    kind: h.kind,
    uuid: h.uuid,
    ref: h.ref,
    minMax: h.minMax,
    controlDomain: h.controlDomain,
    names: [...h.names],
    slots: [...h.slots],
    mmSlots: [...h.mmSlots],
    column: new Map(h.names.map((n, i) => [n, i])),
    reported: new Set(h.reported),
    extra: new Set(h.extra),
    archived: h.archived,
    lastKeys: [],
    lastSlots: [],
  }));
  x.setFree(snapshot.free, snapshot.mmFree);
  x.lastPdp = snapshot.lastPdp ?? undefined;
  store.replaceAll(rrds);
  setRrdStore(engine, store);
  return true;
}

function fail(engine: Engine): false {
  setRrdStore(engine, new RrdStore());
  return false;
}
