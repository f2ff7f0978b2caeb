// Deterministic noise for the metric models. Counter-based: a value is a hash
// of (key, salt, lattice index), so a sample at time t is reproducible and
// drawing it never advances the engine's shared Rng (metrics must not perturb
// the random draws of lifecycle, placement or anything else).
//
//  - key:   a 32-bit hash of (engine seed, object uuid), computed once per object;
//  - salt:  one constant per data source / use, so series are independent;
//  - index: the lattice point (e.g. floor(t / period)).
//
// Smooth value noise interpolates between lattice points (smoothstep), and a
// few octaves make a series that wanders slowly with faster jitter on top.
// When a sample stands for the average of a long interval (dt, as when the
// RRD engine fills its hourly archive on a fast-forward), the octaves whose
// period is shorter than dt are averaged out: their amplitude falls as
// sqrt(period / dt), as the mean of n independent draws does (σ/√n).

/** A 32-bit integer finaliser with good avalanche (Chris Wellons' "lowbias32"). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over the UTF-16 code units of `s`, seeded, then mixed: a stable 32-bit key. */
export function hashKey(seed: number, s: string): number {
  let h = (0x811c9dc5 ^ mix32(seed >>> 0)) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A salt for a name (data-source name, use), so call sites can say what a stream is for. */
export function salt(name: string): number {
  return hashKey(0x5eed, name);
}

/** Uniform in [0, 1) for (key, salt, index); the same inputs always give the same value. */
export function unit(key: number, saltValue: number, index: number): number {
  const a = mix32((key ^ mix32((saltValue + 0x9e3779b9) >>> 0)) >>> 0);
  return mix32((a + Math.imul(index | 0, 0x85ebca6b)) >>> 0) / 4294967296;
}

/** Smooth noise in [-1, 1] with lattice spacing `period` seconds, at time t. */
export function smooth(key: number, saltValue: number, t: number, period: number): number {
  const x = t / period;
  const i = Math.floor(x);
  const f = x - i;
  const s = f * f * (3 - 2 * f);
  const a = unit(key, saltValue, i);
  const b = unit(key, saltValue, i + 1);
  return 2 * (a + (b - a) * s) - 1;
}

/** How much of an octave of `period` survives averaging over `dt` seconds. */
export function averagedAmplitude(period: number, dt: number): number {
  return dt <= period ? 1 : Math.sqrt(period / dt);
}

// Octaves: slow drift (15 min), medium swings (2 min), fast jitter (15 s).
const OCTAVES: readonly (readonly [period: number, weight: number])[] = [
  [900, 0.5],
  [120, 0.3],
  [15, 0.2],
];

/**
 * Fluctuation in about [-1, 1] for the interval (t - dt, t]: three octaves of
 * smooth noise at the interval's midpoint, each damped by averaging over dt.
 */
export function fluctuation(key: number, saltValue: number, t: number, dt: number): number {
  const mid = t - dt / 2;
  let v = 0;
  for (let k = 0; k < OCTAVES.length; k++) {
    const [period, weight] = OCTAVES[k] as readonly [number, number];
    v += weight * averagedAmplitude(period, dt) * smooth(key, (saltValue + k * 0x632be5ab) >>> 0, mid, period);
  }
  return v;
}

/**
 * Fraction of (t - dt, t] covered by bursts: time is cut into slots of
 * `period` seconds; in each slot a burst happens with probability
 * `probability(slotStart)` and lasts `duty × period`, starting at a hashed
 * offset. Exact for intervals spanning a few slots; over many slots the
 * expectation (duty × probability at the midpoint), which is what an
 * average over a long interval converges to.
 */
export function burstCoverage(
  key: number,
  saltValue: number,
  t: number,
  dt: number,
  period: number,
  duty: number,
  probability: (slotStart: number) => number,
): number {
  const d = Math.min(1, Math.max(0, duty));
  if (dt <= 0) return 0;
  const from = t - dt;
  const first = Math.floor(from / period);
  const last = Math.floor(t / period);
  if (last - first > 8) return d * probability(t - dt / 2);
  const length = d * period;
  let covered = 0;
  for (let slot = first; slot <= last; slot++) {
    const slotStart = slot * period;
    if (unit(key, saltValue, slot) >= probability(slotStart)) continue;
    const start = slotStart + unit(key, (saltValue ^ 0x1b873593) >>> 0, slot) * (period - length);
    const end = start + length;
    covered += Math.max(0, Math.min(end, t) - Math.max(start, from));
  }
  return covered / dt;
}
