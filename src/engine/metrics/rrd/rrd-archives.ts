// The numbers of every RRD of the pool, as struct of arrays. Each recorded
// data source owns a slot; each archive keeps one Float32Array per
// consolidation function, row-major: row r holds the value of every slot at
// that row's time (index r × capacity + slot), so a 5-s tick is one
// contiguous write and consolidation is a sweep over contiguous memory.
// Slots of RRDs with MIN/MAX also own a min/max slot in a second, smaller
// set of arrays (only the consolidating archives have MIN/MAX).
//
// All RRDs advance together (xapi's rrd_updates assumes it too): a row's
// ring position is a function of its time, (end of row ÷ row step) mod rows,
// so a row is found from its time without a per-RRD head, and a gap (a
// stale restore, a paused clock) is filled with unknown rows.
//
// Consolidation (xapi-rrd's Rrd.rra_update): each consolidating archive
// accumulates, per slot, the sum and count of known PDPs and (min/max
// slots) their min and max; at the row's end it writes sum ÷ count, or NaN
// when more than xff of the row's PDPs were unknown, then starts afresh. A
// slot created mid-row counts the PDPs before it as unknown, like
// Rrd.rrd_add_ds. Feeding n equal PDPs at once (a long step of a fast
// forward, or a gap of unknowns) takes whole rows at a time.
import { allowedUnknown, ARCHIVES, hasMinMax } from './rrd-layout';

const GROWTH = 1.5;
const MIN_CAPACITY = 64;

export type Cf = 0 | 1 | 2; // AVERAGE, MIN, MAX

export class RrdArchives {
  /** Slots allocated (free ones included) and the arrays' capacity in slots. */
  used = 0;
  cap = 0;
  mmUsed = 0;
  mmCap = 0;
  private readonly free: number[] = [];
  private readonly mmFree: number[] = [];
  /** Per archive: AVERAGE rows; MIN and MAX rows (consolidating archives only). */
  avg: Float32Array[] = ARCHIVES.map(() => new Float32Array(0));
  min: Float32Array[] = ARCHIVES.map(() => new Float32Array(0));
  max: Float32Array[] = ARCHIVES.map(() => new Float32Array(0));
  /** Per consolidating archive: the row being consolidated. */
  sum: Float64Array[] = ARCHIVES.map(() => new Float64Array(0));
  known: Uint16Array[] = ARCHIVES.map(() => new Uint16Array(0));
  accMin: Float32Array[] = ARCHIVES.map(() => new Float32Array(0));
  accMax: Float32Array[] = ARCHIVES.map(() => new Float32Array(0));
  /** Per slot: bounds outside which a value is unknown. */
  lo = new Float64Array(0);
  hi = new Float64Array(0);
  /** Per min/max slot: its slot (-1 when free). */
  mmOwner = new Int32Array(0);
  /** This tick's value per slot (NaN: unknown). */
  pending = new Float64Array(0);
  private row32 = new Float32Array(0);
  /** row32 gathered by min/max slot (NaN for free ones). */
  private mm32 = new Float32Array(0);
  private nan = new Float64Array(0);
  /**
   * Per archive: when set, every row holds this vector (by slot). A long step
   * of a fast-forward rewrites whole archives; keeping the vector instead of
   * writing every row saves the writes that the next long step would redo.
   */
  private uniform: (Float32Array | undefined)[] = ARCHIVES.map(() => undefined);
  /** PDP index (Unix time ÷ 5) of the last PDP fed, if any. */
  lastPdp: number | undefined;

  // ---- slots ------------------------------------------------------------------

  allocate(lo: number, hi: number): number {
    let s = this.free.pop();
    if (s === undefined) {
      if (this.used === this.cap) this.grow(Math.max(MIN_CAPACITY, Math.ceil(this.cap * GROWTH)));
      s = this.used++;
    }
    // A slot is clean when it is handed out: new ones come unknown from
    // grow(), released ones were cleaned by release().
    this.lo[s] = lo;
    this.hi[s] = hi;
    return s;
  }

  release(s: number): void {
    this.materializeAll();
    this.lo[s] = -Infinity;
    this.hi[s] = Infinity;
    this.pending[s] = NaN;
    for (let a = 0; a < ARCHIVES.length; a++) {
      const rows = ARCHIVES[a]!.rows;
      const data = this.avg[a]!;
      for (let r = 0; r < rows; r++) data[r * this.cap + s] = NaN;
      this.sum[a]![s] = 0;
      this.known[a]![s] = 0;
    }
    this.free.push(s);
  }

  allocateMinMax(owner: number): number {
    let m = this.mmFree.pop();
    if (m === undefined) {
      if (this.mmUsed === this.mmCap) this.growMinMax(Math.max(MIN_CAPACITY, Math.ceil(this.mmCap * GROWTH)));
      m = this.mmUsed++;
    }
    this.mmOwner[m] = owner; // clean, as slots are
    return m;
  }

  releaseMinMax(m: number): void {
    this.materializeAll();
    this.mmOwner[m] = -1;
    this.clearMinMax(m);
    this.mmFree.push(m);
  }

  private clearMinMax(m: number): void {
    for (let a = 1; a < ARCHIVES.length; a++) {
      const rows = ARCHIVES[a]!.rows;
      const lo = this.min[a]!;
      const hi = this.max[a]!;
      for (let r = 0; r < rows; r++) {
        lo[r * this.mmCap + m] = NaN;
        hi[r * this.mmCap + m] = NaN;
      }
      this.accMin[a]![m] = Infinity;
      this.accMax[a]![m] = -Infinity;
    }
  }

  private grow(cap: number): void {
    this.materializeAll();
    const old = this.cap;
    for (let a = 0; a < ARCHIVES.length; a++) {
      this.avg[a] = regrid(this.avg[a]!, ARCHIVES[a]!.rows, old, cap);
      if (hasMinMax(a)) {
        this.sum[a] = resize(this.sum[a]!, cap, 0);
        this.known[a] = resize(this.known[a]!, cap, 0);
      }
    }
    this.lo = resize(this.lo, cap, -Infinity);
    this.hi = resize(this.hi, cap, Infinity);
    this.pending = resize(this.pending, cap, NaN);
    this.nan = new Float64Array(cap).fill(NaN);
    this.row32 = new Float32Array(cap);
    this.cap = cap;
  }

  private growMinMax(cap: number): void {
    this.materializeAll();
    const old = this.mmCap;
    for (let a = 1; a < ARCHIVES.length; a++) {
      this.min[a] = regrid(this.min[a]!, ARCHIVES[a]!.rows, old, cap);
      this.max[a] = regrid(this.max[a]!, ARCHIVES[a]!.rows, old, cap);
      this.accMin[a] = resize(this.accMin[a]!, cap, Infinity);
      this.accMax[a] = resize(this.accMax[a]!, cap, -Infinity);
    }
    this.mmOwner = resize(this.mmOwner, cap, -1);
    this.mm32 = new Float32Array(cap);
    this.mmCap = cap;
  }

  /** Free slots, for a snapshot. */
  freeSlots(): readonly number[] {
    return this.free;
  }
  freeMinMaxSlots(): readonly number[] {
    return this.mmFree;
  }
  /** After a restore: the free lists. */
  setFree(free: readonly number[], mmFree: readonly number[]): void {
    this.free.length = 0;
    this.free.push(...free);
    this.mmFree.length = 0;
    this.mmFree.push(...mmFree);
  }
  /** Room for this many slots and min/max slots without growing again. */
  ensure(slots: number, mmSlots: number): void {
    if (slots > this.cap) this.grow(slots);
    if (mmSlots > this.mmCap) this.growMinMax(mmSlots);
  }

  /** After a restore: room for `used` slots and `mmUsed` min/max slots. */
  reserve(used: number, mmUsed: number): void {
    if (used > this.cap) this.grow(used);
    if (mmUsed > this.mmCap) this.growMinMax(mmUsed);
    this.used = used;
    this.mmUsed = mmUsed;
  }

  // ---- feeding PDPs -------------------------------------------------------------

  /** Start a tick: every slot unknown until a sample says otherwise. */
  beginTick(): void {
    this.pending.fill(NaN, 0, this.used);
  }

  /** Set a slot's value for this tick. */
  put(slot: number, value: number): void {
    this.pending[slot] = value;
  }

  /** Values outside a source's bounds are unknown; a rate a hair over its maximum is the maximum (xapi's Rrd.ds_update). */
  private applyBounds(): void {
    const { pending, lo, hi } = this;
    for (let s = 0, n = this.used; s < n; s++) {
      const v = pending[s]!;
      const top = hi[s]!;
      if (v > top) pending[s] = v < top * 1.05 ? top : NaN;
      else if (v < lo[s]!) pending[s] = NaN;
    }
  }

  /**
   * The tick's values stand for the `n` PDPs ending at PDP index `last`
   * (Unix time ÷ 5). PDPs skipped since the last tick are unknown.
   */
  endTick(last: number, n: number): void {
    this.applyBounds();
    let count = Math.max(1, Math.floor(n));
    const prev = this.lastPdp;
    if (prev !== undefined) {
      if (last <= prev) return; // the clock did not move on: nothing new
      const first = last - count + 1;
      if (first > prev + 1) this.feed(prev + 1, first - prev - 1, this.nan);
      count = Math.min(count, last - prev);
    }
    this.feed(last - count + 1, count, this.pending);
  }

  /** Feed `n` PDPs of the same values, the first at PDP index `first`. */
  private feed(first: number, n: number, values: Float64Array): void {
    const used = this.used;
    const cap = this.cap;
    const last = first + n - 1;
    const row32 = this.row32.subarray(0, used);
    row32.set(values.subarray(0, used));
    const mm32 = this.mm32;
    const owner = this.mmOwner;
    for (let m = 0, mmUsed = this.mmUsed; m < mmUsed; m++) {
      const s = owner[m]!;
      mm32[m] = s >= 0 ? row32[s]! : NaN;
    }
    const fine = ARCHIVES[0]!;
    if (n >= fine.rows) this.setUniform(0, row32);
    else {
      this.materialize(0);
      const a0 = this.avg[0]!;
      for (let k = first; k <= last; k++) a0.set(row32, mod(k, fine.rows) * cap);
    }
    for (let a = 1; a < ARCHIVES.length; a++) {
      const { pdps, rows } = ARCHIVES[a]!;
      let k = first;
      let left = n;
      while (left > 0) {
        const end = Math.ceil(k / pdps) * pdps;
        if (mod(k - 1, pdps) === 0 && left >= pdps) {
          // Whole rows of these values: each row is the values themselves.
          const whole = Math.floor(left / pdps);
          if (whole >= rows) this.setUniform(a, row32);
          else for (let j = 0; j < whole; j++) this.writeWhole(a, mod((end + j * pdps) / pdps, rows), row32);
          k += whole * pdps;
          left -= whole * pdps;
          continue;
        }
        const m = Math.min(left, end - k + 1);
        this.accumulate(a, values, m);
        k += m;
        left -= m;
        if (k - 1 === end) this.finish(a, mod(end / pdps, rows));
      }
    }
    this.lastPdp = last;
  }

  private setUniform(a: number, row32: Float32Array): void {
    const u = this.uniform[a] ?? new Float32Array(this.cap);
    u.fill(NaN);
    u.set(row32);
    this.uniform[a] = u;
  }

  /** Write out a uniform archive's rows (before any other write to it). */
  private materialize(a: number): void {
    const u = this.uniform[a];
    if (u === undefined) return;
    this.uniform[a] = undefined;
    const { rows } = ARCHIVES[a]!;
    const data = this.avg[a]!;
    for (let r = 0; r < rows; r++) data.set(u, r * this.cap);
    if (!hasMinMax(a) || this.mmUsed === 0) return;
    const lo = this.min[a]!;
    const hi = this.max[a]!;
    const owner = this.mmOwner;
    for (let m = 0; m < this.mmCap; m++) {
      const s = owner[m]!;
      const v = s >= 0 ? u[s]! : NaN;
      for (let r = 0; r < rows; r++) {
        lo[r * this.mmCap + m] = v;
        hi[r * this.mmCap + m] = v;
      }
    }
  }

  /** Write out every uniform archive (before slots change, or a snapshot). */
  materializeAll(): void {
    for (let a = 0; a < ARCHIVES.length; a++) this.materialize(a);
  }

  private writeWhole(a: number, row: number, row32: Float32Array): void {
    this.materialize(a);
    this.avg[a]!.set(row32, row * this.cap);
    const mmUsed = this.mmUsed;
    if (mmUsed === 0) return;
    const mm32 = this.mm32.subarray(0, mmUsed);
    this.min[a]!.set(mm32, row * this.mmCap);
    this.max[a]!.set(mm32, row * this.mmCap);
  }

  private accumulate(a: number, values: Float64Array, times: number): void {
    const used = this.used;
    const sum = this.sum[a]!;
    const known = this.known[a]!;
    for (let s = 0; s < used; s++) {
      const v = values[s]!;
      if (v === v) {
        sum[s] = sum[s]! + v * times;
        known[s] = known[s]! + times;
      }
    }
    const mmUsed = this.mmUsed;
    if (mmUsed === 0) return;
    const lo = this.accMin[a]!;
    const hi = this.accMax[a]!;
    const owner = this.mmOwner;
    for (let m = 0; m < mmUsed; m++) {
      const s = owner[m]!;
      if (s < 0) continue;
      const v = values[s]!;
      if (v < lo[m]!) lo[m] = v;
      if (v > hi[m]!) hi[m] = v;
    }
  }

  private finish(a: number, row: number): void {
    this.materialize(a);
    const need = ARCHIVES[a]!.pdps - allowedUnknown(a);
    const used = this.used;
    const sum = this.sum[a]!;
    const known = this.known[a]!;
    const out = this.avg[a]!;
    const base = row * this.cap;
    for (let s = 0; s < used; s++) {
      const k = known[s]!;
      out[base + s] = k >= need ? sum[s]! / k : NaN;
    }
    const mmUsed = this.mmUsed;
    if (mmUsed > 0) {
      const lo = this.accMin[a]!;
      const hi = this.accMax[a]!;
      const outLo = this.min[a]!;
      const outHi = this.max[a]!;
      const owner = this.mmOwner;
      const mmBase = row * this.mmCap;
      for (let m = 0; m < mmUsed; m++) {
        const s = owner[m]!;
        const ok = s >= 0 && known[s]! >= need;
        outLo[mmBase + m] = ok ? lo[m]! : NaN;
        outHi[mmBase + m] = ok ? hi[m]! : NaN;
      }
      lo.fill(Infinity, 0, mmUsed);
      hi.fill(-Infinity, 0, mmUsed);
    }
    sum.fill(0, 0, used);
    known.fill(0, 0, used);
  }

  // ---- reading --------------------------------------------------------------------

  /** Time (Unix s) of the newest complete row of archive `a`, if anything was fed. */
  lastRowTime(a: number): number | undefined {
    if (this.lastPdp === undefined) return undefined;
    const step = ARCHIVES[a]!.step;
    return Math.floor((this.lastPdp * 5) / step) * step;
  }

  /** The value of a slot (AVERAGE) or min/max slot (MIN, MAX) in the row of archive `a` that ends at `time`. */
  value(a: number, cf: Cf, slot: number, time: number): number {
    const { rows, step } = ARCHIVES[a]!;
    const row = mod(Math.round(time / step), rows);
    const u = this.uniform[a];
    if (u !== undefined) {
      const s = cf === 0 ? slot : this.mmOwner[slot]!;
      return s >= 0 ? u[s]! : NaN;
    }
    if (cf === 0) return this.avg[a]![row * this.cap + slot]!;
    const data = cf === 1 ? this.min[a]! : this.max[a]!;
    return data[row * this.mmCap + slot]!;
  }

  /** Bytes held by the arrays (what the layout costs). */
  byteSize(): number {
    let n = this.lo.byteLength + this.hi.byteLength + this.pending.byteLength + this.row32.byteLength + this.nan.byteLength + this.mmOwner.byteLength;
    for (let a = 0; a < ARCHIVES.length; a++) {
      n += this.avg[a]!.byteLength + this.min[a]!.byteLength + this.max[a]!.byteLength;
      n += this.sum[a]!.byteLength + this.known[a]!.byteLength + this.accMin[a]!.byteLength + this.accMax[a]!.byteLength;
    }
    return n;
  }
}

function mod(x: number, m: number): number {
  const r = x % m;
  return r < 0 ? r + m : r;
}

type Typed = Float32Array | Float64Array | Uint16Array | Int32Array;

function resize<T extends Typed>(old: T, cap: number, fill: number): T {
  const next = new (old.constructor as new (n: number) => T)(cap);
  next.fill(fill);
  next.set(old.subarray(0, Math.min(old.length, cap)));
  return next;
}

/** Row-major data of `rows` rows at a new capacity; new slots unknown. */
function regrid(old: Float32Array, rows: number, oldCap: number, cap: number): Float32Array {
  const next = new Float32Array(rows * cap).fill(NaN);
  if (oldCap > 0) for (let r = 0; r < rows; r++) next.set(old.subarray(r * oldCap, r * oldCap + Math.min(oldCap, cap)), r * cap);
  return next;
}
