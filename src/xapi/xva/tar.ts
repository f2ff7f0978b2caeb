// The tar archive an XVA is: POSIX ustar headers in 512-byte blocks, each
// file's data padded to a whole block, two zero blocks at the end (what
// xapi writes through ocaml-tar: Tar_helpers.write_block / write_end).
// Only regular files; names under 100 bytes (XVA names are "ova.xml" and
// "Ref:12/00000000").
import { utf8Decode, utf8Encode } from './utf8';

const BLOCK = 512;

export interface TarEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** Unix seconds (xapi stamps ova.xml with the export time, chunks with 0). */
  readonly mtime?: number;
}

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}


function writeString(block: Uint8Array, at: number, width: number, value: string): void {
  block.set(utf8Encode(value).subarray(0, width), at);
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0');
}

function header(entry: TarEntry): Uint8Array {
  const h = new Uint8Array(BLOCK);
  if (utf8Encode(entry.name).length >= 100) throw new TarFormatError(`name too long for a tar header: ${entry.name}`);
  writeString(h, 0, 100, entry.name);
  writeString(h, 100, 8, octal(0o400, 8)); // ocaml-tar's default file mode
  writeString(h, 108, 8, octal(0, 8));
  writeString(h, 116, 8, octal(0, 8));
  writeString(h, 124, 12, octal(entry.data.length, 12));
  writeString(h, 136, 12, octal(Math.max(0, Math.floor(entry.mtime ?? 0)), 12));
  h.fill(0x20, 148, 156); // the checksum counts its own field as spaces
  h[156] = 0x30; // '0': a regular file
  writeString(h, 257, 6, 'ustar');
  writeString(h, 263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  writeString(h, 148, 7, `${octal(sum, 7)}`);
  h[155] = 0x20;
  return h;
}

const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

/** The archive holding `entries`, in order. */
export function writeTar(entries: readonly TarEntry[]): Uint8Array {
  let total = 2 * BLOCK;
  for (const e of entries) total += BLOCK + e.data.length + padding(e.data.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const e of entries) {
    out.set(header(e), at);
    at += BLOCK;
    out.set(e.data, at);
    at += e.data.length + padding(e.data.length);
  }
  return out;
}

function readString(block: Uint8Array, at: number, width: number): string {
  const field = block.subarray(at, at + width);
  const end = field.indexOf(0);
  return utf8Decode(end < 0 ? field : field.subarray(0, end));
}

function readOctal(block: Uint8Array, at: number, width: number): number {
  const raw = readString(block, at, width).trim();
  if (!/^[0-7]*$/.test(raw)) throw new TarFormatError(`bad octal field "${raw}"`);
  return raw === '' ? 0 : parseInt(raw, 8);
}

/**
 * The files of an archive, in order; stops at the first zero block. A header
 * whose checksum is wrong, or data cut short, is a TarFormatError with
 * `truncated` set when the bytes simply ran out.
 */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let at = 0;
  for (;;) {
    if (at + BLOCK > bytes.length) throw Object.assign(new TarFormatError('the archive ends before its end-of-archive blocks'), { truncated: true });
    const h = bytes.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) return out;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0);
    if (readOctal(h, 148, 8) !== sum) throw new TarFormatError(`bad header checksum at byte ${String(at)}`);
    const prefix = readString(h, 345, 155);
    const base = readString(h, 0, 100);
    const name = prefix === '' ? base : `${prefix}/${base}`;
    const size = readOctal(h, 124, 12);
    at += BLOCK;
    if (at + size > bytes.length) throw Object.assign(new TarFormatError(`${name} is cut short`), { truncated: true });
    out.push({ name, data: bytes.subarray(at, at + size), mtime: readOctal(h, 136, 12) });
    at += size + padding(size);
  }
}
