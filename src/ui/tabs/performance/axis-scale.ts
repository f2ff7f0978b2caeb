// The y-axis of a value kind: fractions (CPU) from 0 to 100 %; bytes and
// bytes per second on round binary steps (0, 512 MB, 1 GB …, not the
// decimal 525 MB a plotting library picks), so tick labels read as
// XenCenter's do; anything else is left to the plot (it fits the data).
import type { ValueKind } from './data-source-words';

export interface AxisScale {
  readonly domain: [number, number | 'auto'];
  /** Undefined: the plot chooses. */
  readonly ticks: number[] | undefined;
}

const STEPS = [0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500];
const MAX_INTERVALS = 5;

/** Round ticks from 0 past `max` in binary units (KiB, MiB, GiB…). */
export function binaryTicks(max: number): number[] {
  const top = Math.max(max, 1024);
  let unit = 1;
  while (top / unit >= 1024) unit *= 1024;
  const m = top / unit;
  const step = (STEPS.find((s) => Math.ceil(m / s) <= MAX_INTERVALS) ?? 500) * unit;
  const n = Math.max(1, Math.ceil(top / step));
  return Array.from({ length: n + 1 }, (_, i) => i * step);
}

export function axisScale(kind: ValueKind, max: number): AxisScale {
  if (kind === 'percent') {
    if (max <= 1) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
    const top = Math.ceil(max);
    return { domain: [0, top], ticks: Array.from({ length: top + 1 }, (_, i) => i) };
  }
  if (kind === 'bytes' || kind === 'bytes-per-second') {
    const ticks = binaryTicks(max);
    return { domain: [0, ticks[ticks.length - 1]!], ticks };
  }
  return { domain: [0, 'auto'], ticks: undefined };
}
