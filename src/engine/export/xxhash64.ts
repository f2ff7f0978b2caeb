// XXH64 (seed 0), the checksum xapi writes beside each disk chunk of an XVA
// ("Ref:12/00000000.xxhash": 16 upper-case hex digits, stream_vdi.ml) and
// checks on import. Pure BigInt arithmetic; all-zero stripes (most of a
// modelled disk) take a shorter path.

const MASK = (1n << 64n) - 1n;
const P1 = 11400714785074694791n;
const P2 = 14029467366897019727n;
const P3 = 1609587929392839161n;
const P4 = 9650029242287828579n;
const P5 = 2870177450012600261n;

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & MASK;
const mul = (a: bigint, b: bigint): bigint => (a * b) & MASK;
const round = (acc: bigint, input: bigint): bigint => mul(rotl((acc + mul(input, P2)) & MASK, 31n), P1);
const mergeRound = (acc: bigint, val: bigint): bigint => (mul(acc ^ round(0n, val), P1) + P4) & MASK;

function isZero(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== 0) return false;
  return true;
}

export function xxh64(bytes: Uint8Array): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  let at = 0;
  let h: bigint;
  if (len >= 32) {
    let v1 = (P1 + P2) & MASK;
    let v2 = P2;
    let v3 = 0n;
    let v4 = (MASK + 1n - P1) & MASK;
    for (; at + 32 <= len; at += 32) {
      if (isZero(bytes, at, at + 32)) {
        v1 = mul(rotl(v1, 31n), P1);
        v2 = mul(rotl(v2, 31n), P1);
        v3 = mul(rotl(v3, 31n), P1);
        v4 = mul(rotl(v4, 31n), P1);
        continue;
      }
      v1 = round(v1, view.getBigUint64(at, true));
      v2 = round(v2, view.getBigUint64(at + 8, true));
      v3 = round(v3, view.getBigUint64(at + 16, true));
      v4 = round(v4, view.getBigUint64(at + 24, true));
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & MASK;
    h = mergeRound(h, v1);
    h = mergeRound(h, v2);
    h = mergeRound(h, v3);
    h = mergeRound(h, v4);
  } else {
    h = P5;
  }
  h = (h + BigInt(len)) & MASK;
  for (; at + 8 <= len; at += 8) {
    h ^= round(0n, view.getBigUint64(at, true));
    h = (mul(rotl(h, 27n), P1) + P4) & MASK;
  }
  if (at + 4 <= len) {
    h ^= mul(BigInt(view.getUint32(at, true)), P1);
    h = (mul(rotl(h, 23n), P2) + P3) & MASK;
    at += 4;
  }
  for (; at < len; at++) {
    h ^= mul(BigInt(bytes[at] ?? 0), P5);
    h = mul(rotl(h, 11n), P1);
  }
  h ^= h >> 33n;
  h = mul(h, P2);
  h ^= h >> 29n;
  h = mul(h, P3);
  h ^= h >> 32n;
  return h;
}

/** As xapi writes it: Printf "%016LX". */
export function xxh64Hex(bytes: Uint8Array): string {
  return xxh64(bytes).toString(16).toUpperCase().padStart(16, '0');
}
