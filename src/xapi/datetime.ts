// XenAPI datetimes. On the wire (both XML-RPC and JSON-RPC) xapi writes UTC
// times in the ISO 8601 basic date form "20261128T01:02:03Z". Parsing also
// accepts the extended form ("2026-11-28T01:02:03Z"), fractional seconds and
// numeric offsets; a time without a zone is taken as UTC.

/** The datamodel's `Date.epoch`, default of datetime fields such as VM.snapshot_time. */
export const EPOCH = '19700101T00:00:00Z';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Format a time as "YYYYMMDDTHH:MM:SSZ" (UTC, whole seconds). A number is a
 * Unix time in seconds (fractions dropped), as the engine's clock gives it.
 */
export function formatDateTime(value: Date | number): string {
  const date = typeof value === 'number' ? new Date(Math.floor(value) * 1000) : value;
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('formatDateTime: invalid time');
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`
  );
}


const DATETIME =
  /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parse a XenAPI datetime; undefined if the text is not one. */
export function parseDateTime(text: string): Date | undefined {
  const m = DATETIME.exec(text.trim());
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const frac = m[7];
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    t -= sign * offsetMinutes * 60_000;
  }
  return new Date(t);
}

/** Parse a XenAPI datetime to Unix seconds; undefined if the text is not one. */
export function parseUnixSeconds(text: string): number | undefined {
  const date = parseDateTime(text);
  return date === undefined ? undefined : date.getTime() / 1000;
}
