// Small helpers for the RRDs' typed arrays: a modulo that is never negative
// (ring positions of times before the epoch), and growing an array — flat, or
// row-major with a new row stride — with the new room set to a fill value.

export function mod(x: number, m: number): number {
  const r = x % m;
  return r < 0 ? r + m : r;
}

type Typed = Float32Array | Float64Array | Uint16Array | Int32Array;

export function resize<T extends Typed>(old: T, cap: number, fill: number): T {
  const next = new (old.constructor as new (n: number) => T)(cap);
  next.fill(fill);
  next.set(old.subarray(0, Math.min(old.length, cap)));
  return next;
}

/** Row-major data of `rows` rows at a new capacity; new slots unknown. */
export function regrid(old: Float32Array, rows: number, oldCap: number, cap: number): Float32Array {
  const next = new Float32Array(rows * cap).fill(NaN);
  if (oldCap > 0) for (let r = 0; r < rows; r++) next.set(old.subarray(r * oldCap, r * oldCap + Math.min(oldCap, cap)), r * cap);
  return next;
}
