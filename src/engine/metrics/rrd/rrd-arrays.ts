// The numbers of every RRD of the pool, as struct of arrays, and their slots.
// Each recorded data source owns a slot; each archive keeps one Float32Array
// per consolidation function, row-major: row r holds the value of every slot
// at that row's time (index r × capacity + slot), so a 5-s tick is one
// contiguous write and consolidation is a sweep over contiguous memory.
// Slots of RRDs with MIN/MAX also own a min/max slot in a second, smaller
// set of arrays (only the consolidating archives have MIN/MAX).
//
// All RRDs advance together (xapi's rrd_updates assumes it too): a row's
// ring position is a function of its time, (end of row ÷ row step) mod rows,
// so a row is found from its time without a per-RRD head.
//
// This file holds the arrays, hands out and takes back slots (growing the
// arrays by half again when full), keeps "uniform" archives (a long
// fast-forward step leaves every row equal: one vector stands for them until
// something else writes), and reads values back. Feeding PDPs and
// consolidating them is rrd-archives.ts.
import { ARCHIVES, hasMinMax } from './rrd-layout';
import { mod, regrid, resize } from './rrd-typed-arrays';

const GROWTH = 1.5;
const MIN_CAPACITY = 64;

export type Cf = 0 | 1 | 2; // AVERAGE, MIN, MAX

export class RrdArrays {
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
  protected row32 = new Float32Array(0);
  /** row32 gathered by min/max slot (NaN for free ones). */
  protected mm32 = new Float32Array(0);
  protected nan = new Float64Array(0);
  /**
   * Per archive: when set, every row holds this vector (by slot). A long step
   * of a fast-forward rewrites whole archives; keeping the vector instead of
   * writing every row saves the writes that the next long step would redo.
   */
  protected uniform: (Float32Array | undefined)[] = ARCHIVES.map(() => undefined);
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

  protected setUniform(a: number, row32: Float32Array): void {
    const u = this.uniform[a] ?? new Float32Array(this.cap);
    u.fill(NaN);
    u.set(row32);
    this.uniform[a] = u;
  }

  /** Write out a uniform archive's rows (before any other write to it). */
  protected materialize(a: number): void {
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
