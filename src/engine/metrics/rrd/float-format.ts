// How xapi writes a float in RRD exports (ocaml/libs/xapi-rrd/lib/rrd_utils.ml
// `f_to_s`): C's "%0.15g" for ordinary numbers, "0.0" for zero, and "NaN",
// "Infinity", "-Infinity" for the rest (the spellings C# and JavaScript read).

/** C's %.{precision}g of a finite, non-zero number. */
function formatG(x: number, precision: number): string {
  const exp = x.toExponential(precision - 1);
  const at = exp.indexOf('e');
  const exponent = Number(exp.slice(at + 1));
  if (exponent < -4 || exponent >= precision) {
    const mantissa = stripZeros(exp.slice(0, at));
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return stripZeros(x.toFixed(precision - 1 - exponent));
}

function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (s.charCodeAt(end - 1) === 46 /* . */) end--;
  return s.slice(0, end);
}

/** xapi's Rrd_utils.f_to_s. */
export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return '0.0';
  return formatG(x, 15);
}

/**
 * The shortest decimal that reads back as the same single-precision float:
 * archives hold Float32, and 0.3 stored as Float32 is 0.30000001192092896,
 * which "%0.15g" would print as 0.300000011920929 (xapi keeps doubles, so
 * its exports never show such tails). Integers (memory in bytes or KiB that
 * Float32 holds exactly) are printed as they are.
 */
export function fromFloat32(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  const a = Math.abs(v);
  const e = Math.floor(Math.log10(a));
  for (let p = 6; p <= 9; p++) {
    // |v| rounded to p significant digits: m / 10^k (or m × 10^-k), each step correctly rounded.
    const k = p - 1 - e;
    let c: number;
    if (k >= 0 && k <= 22) c = Math.round(a * POW10[k]!) / POW10[k]!;
    else if (k < 0 && k >= -22) c = Math.round(a / POW10[-k]!) * POW10[-k]!;
    else c = Number(a.toPrecision(p));
    if (v < 0) c = -c;
    if (Math.fround(c) === v) return c;
  }
  return v;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A value read from a Float32 archive, as xapi would print it. */
export function formatStored(v: number): string {
  const c = fromFloat32(v);
  const a = Math.abs(c);
  // With at most 9 significant digits, JavaScript's shortest form is %0.15g's
  // wherever both write plain decimals: 1e-4 ≤ |x| < 1e15.
  if (a >= 1e-4 && a < 1e15) return String(c);
  return formatFloat(c);
}
