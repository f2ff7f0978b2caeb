// Feeding PDPs into the RRDs' arrays (rrd-arrays.ts) and consolidating
// them, as xapi-rrd's Rrd.ds_update and Rrd.rra_update do. A gap (a stale
// restore, a paused clock) is filled with unknown rows.
//
// Consolidation: each consolidating archive accumulates, per slot, the sum
// and count of known PDPs and (min/max slots) their min and max; at the
// row's end it writes sum ÷ count, or NaN when more than xff of the row's
// PDPs were unknown, then starts afresh. A slot created mid-row counts the
// PDPs before it as unknown, like Rrd.rrd_add_ds. Feeding n equal PDPs at
// once (a long step of a fast forward, or a gap of unknowns) takes whole
// rows at a time.
import { allowedUnknown, ARCHIVES } from './rrd-layout';
import { RrdArrays } from './rrd-arrays';
import { mod } from './rrd-typed-arrays';

export type { Cf } from './rrd-arrays';

export class RrdArchives extends RrdArrays {
  // ---- feeding PDPs -------------------------------------------------------------

  /** Start a tick: every slot unknown until a sample says otherwise. */
  beginTick(): void {
    this.pending.fill(NaN, 0, this.used);
  }

  /** Set a slot's value for this tick. */
  put(slot: number, value: number): void {
    this.pending[slot] = value;
  }

  /**
   * Values outside a source's bounds are unknown; one less than 5 % over its
   * maximum is the maximum (xapi-rrd's Rrd.ds_update, CA-411679). xapi caps
   * only Derive sources so; every source here with a finite maximum is a
   * CPU fraction, which xcp-rrdd's rrdp-cpu reports as Derive.
   */
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

}
