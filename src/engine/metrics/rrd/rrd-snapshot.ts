// The RRDs outside the world's JSON snapshot: a small header (plain data)
// and the archives as ArrayBuffers, compacted to the slots in use. A host
// stores it as is (IndexedDB clones ArrayBuffers without JSON), under its
// own key and less often than the world; on load it hands it back to
// restoreRrds. A snapshot older than the world is fine: the next tick sees
// the gap and records it as unknown. Anything that does not fit (another
// version, wrong sizes) is refused, and the pool starts with empty RRDs.
import type { Engine } from '../../engine';
import { rrdStoreOf, setRrdStore } from '../metrics-tick';
import { ARCHIVES, hasMinMax } from './rrd-layout';
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

function isSnapshot(s: unknown): s is RrdSnapshot {
  if (typeof s !== 'object' || s === null) return false;
  const r = s as Partial<RrdSnapshot>;
  return (
    r.version === RRD_SNAPSHOT_VERSION &&
    Number.isInteger(r.used) &&
    Number.isInteger(r.mmUsed) &&
    Array.isArray(r.rrds) &&
    Array.isArray(r.buffers) &&
    Array.isArray(r.free) &&
    Array.isArray(r.mmFree) &&
    r.buffers.every((b) => b instanceof ArrayBuffer)
  );
}

/** Load saved RRDs into the engine; false (and empty RRDs) if the snapshot does not fit. */
export function restoreRrds(engine: Engine, snapshot: unknown): boolean {
  const store = new RrdStore();
  setRrdStore(engine, store);
  if (!isSnapshot(snapshot)) return false;
  const { used, mmUsed } = snapshot;
  const x = store.archives;
  x.reserve(used, mmUsed);
  const buffers = [...snapshot.buffers];
  type View = Float32Array | Float64Array | Uint16Array | Int32Array;
  const take = <T extends View>(Type: { new (b: ArrayBuffer): T; readonly BYTES_PER_ELEMENT: number }, length: number): T | undefined => {
    const b = buffers.shift();
    return b !== undefined && b.byteLength === length * Type.BYTES_PER_ELEMENT ? new Type(b) : undefined;
  };
  const parts: boolean[] = [];
  const lo = take(Float64Array, used);
  const hi = take(Float64Array, used);
  const owner = take(Int32Array, mmUsed);
  if (lo === undefined || hi === undefined || owner === undefined) return fail(engine);
  x.lo.set(lo);
  x.hi.set(hi);
  x.mmOwner.set(owner);
  ARCHIVES.forEach((spec, a) => {
    const avg = take(Float32Array, spec.rows * used);
    parts.push(avg !== undefined);
    if (avg !== undefined) x.avg[a]!.set(avg);
    if (!hasMinMax(a)) return;
    const min = take(Float32Array, spec.rows * mmUsed);
    const max = take(Float32Array, spec.rows * mmUsed);
    const sum = take(Float64Array, used);
    const known = take(Uint16Array, used);
    const accMin = take(Float32Array, mmUsed);
    const accMax = take(Float32Array, mmUsed);
    const ok = min !== undefined && max !== undefined && sum !== undefined && known !== undefined && accMin !== undefined && accMax !== undefined;
    parts.push(ok);
    if (!ok) return;
    x.min[a]!.set(min);
    x.max[a]!.set(max);
    x.sum[a]!.set(sum);
    x.known[a]!.set(known);
    x.accMin[a]!.set(accMin);
    x.accMax[a]!.set(accMax);
  });
  if (parts.includes(false) || buffers.length > 0) return fail(engine);
  const inRange = (s: number, n: number) => Number.isInteger(s) && s >= 0 && s < n;
  const rrds: Rrd[] = [];
  for (const h of snapshot.rrds) {
    if (h.names.length !== h.slots.length || h.names.length !== h.mmSlots.length) return fail(engine);
    if (!h.slots.every((s) => inRange(s, used)) || !h.mmSlots.every((m) => m === -1 || inRange(m, mmUsed))) return fail(engine);
    rrds.push({
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
    });
  }
  x.setFree(snapshot.free, snapshot.mmFree);
  x.lastPdp = snapshot.lastPdp ?? undefined;
  store.replaceAll(rrds);
  return true;
}

function fail(engine: Engine): false {
  setRrdStore(engine, new RrdStore());
  return false;
}
