// UTF-8 without TextEncoder/TextDecoder (the engine compiles without DOM or
// Node types): ova.xml is text, chunk names and checksums are ASCII.

export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/** Malformed sequences become U+FFFD, as a lenient decoder does. */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  const cont = (k: number) => {
    const b = bytes[i + k];
    return b !== undefined && (b & 0xc0) === 0x80 ? b & 0x3f : -1;
  };
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let c = -1;
    let n = 1;
    if (b < 0x80) c = b;
    else if ((b & 0xe0) === 0xc0 && cont(1) >= 0) [c, n] = [((b & 0x1f) << 6) | cont(1), 2];
    else if ((b & 0xf0) === 0xe0 && cont(1) >= 0 && cont(2) >= 0) [c, n] = [((b & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3];
    else if ((b & 0xf8) === 0xf0 && cont(1) >= 0 && cont(2) >= 0 && cont(3) >= 0) [c, n] = [((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4];
    out += c < 0 || c > 0x10ffff ? '\ufffd' : String.fromCodePoint(c);
    i += n;
  }
  return out;
}
