// What bench:ui's phases share: the in-page recording they read back, the
// marks that attribute long tasks to what the bench was doing, and the
// figures (long tasks after load, frame-time percentiles) against the
// targets: no long task over 50 ms, p95 frame time ≤ 16.7 ms.
import type { Page } from '@playwright/test';

export const FRAME_TARGET_MS = 16.7;
export const LONG_TASK_TARGET_MS = 50;
/** rAF deltas of a steady 60 Hz page measure 16.6–16.8 ms: the verdict allows this much timer jitter. */
export const FRAME_JITTER_MS = 0.5;

export interface Recorded {
  readonly firstTree: number | undefined;
  readonly longTasks: readonly { readonly start: number; readonly duration: number }[];
  readonly frames: readonly number[];
  readonly marks: readonly { readonly at: number; readonly what: string }[];
  readonly since: number;
  readonly until: number;
}

export type Row = readonly [string, string, string, string];

/** Note what the bench does next, to attribute long tasks to it. */
export async function mark(page: Page, what: string): Promise<void> {
  await page.evaluate(`window.__bench.mark(${JSON.stringify(what)})`);
}

/** Long tasks by what the bench was doing when each began. */
export function byActivity(rec: Recorded, tasks: Recorded['longTasks']): string[] {
  const groups = new Map<string, number[]>();
  for (const t of tasks) {
    let what = 'before the first interaction';
    for (const m of rec.marks) if (m.at <= t.start) what = m.what;
    groups.set(what, [...(groups.get(what) ?? []), t.duration]);
  }
  return [...groups.entries()]
    .sort((a, b) => Math.max(...b[1]) - Math.max(...a[1]))
    .map(([what, d]) => `  ${what}: ${String(d.length)} long task${d.length === 1 ? '' : 's'}, longest ${Math.max(...d).toFixed(0)} ms`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`);

export function table(rows: readonly Row[]): string {
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
  return rows
    .map((r) => r.map((cell, i) => (i === 1 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

export interface Figures {
  /** Long tasks from `since` (the start of the measured window) on. */
  readonly during: Recorded['longTasks'];
  readonly rows: Row[];
}

/** The long-task and frame rows of one measured window (b.start() … b.stop()). */
export function timingRows(rec: Recorded): Figures {
  const during = rec.longTasks.filter((t) => t.start >= rec.since && t.start <= rec.until);
  const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
  const frames = [...rec.frames].sort((a, b) => a - b);
  const p95 = percentile(frames, 95);
  const slow = frames.filter((f) => f > FRAME_TARGET_MS * 1.5).length;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return {
    during,
    rows: [
      [
        'longest main-thread task',
        during.length === 0 ? '< 50 ms' : ms(longest),
        `≤ ${String(LONG_TASK_TARGET_MS)} ms`,
        verdict(during.every((t) => t.duration <= LONG_TASK_TARGET_MS)),
      ],
      ['long tasks (≥ 50 ms)', String(during.length), '0', ''],
      ['frame time p50', ms(percentile(frames, 50)), '', ''],
      ['frame time p95', ms(p95), `≤ ${String(FRAME_TARGET_MS)} ms`, verdict(p95 <= FRAME_TARGET_MS + FRAME_JITTER_MS)],
      ['frame time p99 / max', `${ms(percentile(frames, 99))} / ${ms(frames[frames.length - 1])}`, '', ''],
      [`frames / slower than ${(FRAME_TARGET_MS * 1.5).toFixed(0)} ms`, `${String(frames.length)} / ${String(slow)}`, '', ''],
    ],
  };
}
