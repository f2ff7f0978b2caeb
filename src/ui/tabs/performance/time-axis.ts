// The time axis of the graphs: ticks on round times for the zoom (every
// 2 minutes over 10 minutes … the first of every other month over a year)
// and their labels, in UTC like the status bar's clock.
import type { ZoomId } from './zoom';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

const TICK_STEP: Readonly<Record<Exclude<ZoomId, '1y'>, number>> = {
  '10m': 2 * MINUTE,
  '1h': 10 * MINUTE,
  '1d': 4 * HOUR,
  '1w': DAY,
  '1mo': 5 * DAY,
};

/** Tick times (Unix seconds) within [from, to]. */
export function timeTicks(from: number, to: number, zoom: ZoomId): number[] {
  const ticks: number[] = [];
  if (zoom === '1y') {
    const d = new Date(from * 1000);
    let year = d.getUTCFullYear();
    let month = d.getUTCMonth() + 1;
    if (month % 2 === 1) month++; // every other month, from an even one
    for (;;) {
      if (month >= 12) {
        year += Math.floor(month / 12);
        month %= 12;
      }
      const t = Date.UTC(year, month, 1) / 1000;
      if (t > to) break;
      if (t >= from) ticks.push(t);
      month += 2;
    }
    return ticks;
  }
  const step = TICK_STEP[zoom];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A tick's label: "14:20" within a day, "Mon 5" over a week, "5 Jan" over a month, "Mar 2026" over a year. */
export function tickLabel(t: number, zoom: ZoomId): string {
  const d = new Date(t * 1000);
  switch (zoom) {
    case '10m':
    case '1h':
    case '1d':
      return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    case '1w':
      return `${DAYS[d.getUTCDay()] ?? ''} ${String(d.getUTCDate())}`;
    case '1mo':
      return `${String(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''}`;
    case '1y':
      return `${MONTHS[d.getUTCMonth()] ?? ''} ${String(d.getUTCFullYear())}`;
  }
}

/** A point's time in a tooltip: "Mon 5 Jan 2026 14:20:05 UTC". */
export function pointTime(t: number): string {
  const d = new Date(t * 1000);
  if (Number.isNaN(d.getTime())) return '';
  return `${DAYS[d.getUTCDay()] ?? ''} ${String(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} ${String(d.getUTCFullYear())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}
