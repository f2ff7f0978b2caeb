// `npm run bench:ui`: how the console feels with the large world. Builds the
// app into its own directory, serves it with `vite preview` on a free port,
// and drives Chromium with Playwright (not part of `npm test`; it asserts
// nothing -- DESIGN.md: a test never asserts on wall-clock time).
//
//  1. opens `?world=large&speed=10` (64 hosts, 1,000 VMs, clock at 10×) in a
//     fresh context and measures the time from navigation start to the first
//     visible tree item (a MutationObserver in the page, performance.now());
//  2. leaves the page alone for 5 s (the event stream's own cost), then
//     for BENCH_SECONDS (default 30) scrolls the tree with the mouse wheel and
//     switches tabs by clicking their names (now and then selecting another
//     tree item, so the tabs show different objects), while the page records
//     long tasks (PerformanceObserver 'longtask': Chromium reports only tasks
//     of 50 ms or more) and requestAnimationFrame frame times;
//  3. prints a table against the targets (no long task over 50 ms after load,
//     frame time p95 ≤ 16.7 ms), then the long tasks by what the bench was
//     doing when each began (idle, scrolling, a tab, selecting an item);
//  4. opens the Performance tab of the busiest server with 8 graphs (its 4
//     defaults and 4 added with New Graph; ui-bench-performance.ts) and
//     prints the long-task (wall and thread CPU time) and frame figures for
//     BENCH_PERF_SECONDS (default 20) while the graphs update at 10×, the
//     pointer moves across them and they scroll.
//
// Options (environment): CHROMIUM_PATH (default /usr/bin/chromium),
// BENCH_SECONDS, BENCH_PERF_SECONDS, BENCH_DIST (serve this build instead of
// building one), BENCH_HEADED=1 (show the browser), BENCH_SCREENSHOTS=<dir>
// (save a picture of the 8 graphs there), BENCH_PROFILE=1 (also a CPU
// profile: each task over 50 ms of thread CPU explained by function, see
// ui-bench-profile.ts; use with an unminified BENCH_DIST), BENCH_PROFILE_MS
// (explain tasks over this many ms instead), BENCH_PERF_SECONDS=0 (skip phase 4).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { byActivity as byActivityOf, table as tableOf, timingRows, type Recorded as WindowRecord, type Row } from './ui-bench-figures';
import { exerciseGraphs, graphFigures, openBusyHostGraphs } from './ui-bench-performance';
import { explainOverMs, explainTasks, startProfile, wantProfile, type CpuProfile, type Slice, type TaskSpan } from './ui-bench-profile';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
const IDLE_SECONDS = 5;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
const FRAME_TARGET_MS = 16.7;
const LONG_TASK_TARGET_MS = 50;
/** rAF deltas of a steady 60 Hz page measure 16.6–16.8 ms: the verdict allows this much timer jitter. */
const FRAME_JITTER_MS = 0.5;

const log = (text: string) => process.stderr.write(`${text}\n`);

// ---- build and serve ----------------------------------------------------------------

function build(): { dir: string; temporary: boolean } {
  const given = process.env['BENCH_DIST'];
  if (given !== undefined && given !== '') return { dir: given, temporary: false };
  const dir = mkdtempSync(join(tmpdir(), 'xenlab-ui-bench-'));
  log(`building into ${dir} …`);
  const res = spawnSync('npx', ['--no-install', 'vite', 'build', '--outDir', dir, '--emptyOutDir'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error('vite build failed');
  return { dir, temporary: true };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function serve(dir: string): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn('npx', ['--no-install', 'vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dir], {
    stdio: 'ignore',
    detached: true, // its own process group, so the whole tree is stopped at the end
  });
  const url = `http://127.0.0.1:${String(port)}/`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return { url, server };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop(server);
  throw new Error(`vite preview did not answer on ${url}`);
}

function stop(server: ChildProcess): void {
  if (server.pid === undefined) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

// ---- what the page records ----------------------------------------------------------

// Installed before any page script runs. Plain JavaScript in a string: this
// file is type-checked without the DOM library.
const RECORDER = `
(() => {
  const b = (window.__bench = { firstTree: undefined, longTasks: [], frames: [], recording: false });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => {
    if (b.firstTree !== undefined) return true;
    const item = document.querySelector('[role="treeitem"]');
    if (item && item.getClientRects().length > 0) { b.firstTree = performance.now(); return true; }
    return false;
  };
  const watch = () => {
    if (seen()) return;
    const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
    mo.observe(document, { childList: true, subtree: true, attributes: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch); else watch();
  let last;
  const frame = (t) => {
    if (b.recording && last !== undefined) b.frames.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  b.marks = [];
  // console.timeStamp puts the mark in the trace too, to place the tasks the trace times.
  b.mark = (what) => { b.marks.push({ at: performance.now(), what }); console.timeStamp('bench: ' + what); };
  b.start = () => { b.frames = []; last = undefined; b.recording = true; b.since = performance.now(); };
  b.stop = () => { b.recording = false; b.until = performance.now(); };
})();
`;

interface Recorded {
  readonly firstTree: number | undefined;
  readonly longTasks: readonly { readonly start: number; readonly duration: number }[];
  readonly frames: readonly number[];
  readonly marks: readonly { readonly at: number; readonly what: string }[];
  readonly since: number;
  readonly until: number;
}

/** Long tasks after load by what the bench was doing when each began. */
function byActivity(rec: Recorded, tasks: Recorded['longTasks']): string[] {
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

// ---- thread CPU time (a trace) ------------------------------------------------------

// On a machine shared with other work, a task's wall time includes the time
// the renderer waited for a core. The trace also gives each main-thread task's
// thread CPU time (tdur), which other load barely changes: the bench prints
// both, and the CPU figures are the ones to compare between runs.

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly message?: string } };
}

interface CpuTask extends TaskSpan {
  readonly wallMs: number;
}

interface Traced {
  readonly events: TraceEvent[];
  readonly profile: CpuProfile | undefined;
}

async function startTrace(page: Page): Promise<() => Promise<Traced>> {
  const cdp = await page.context().newCDPSession(page);
  const stopProfile = wantProfile() ? await startProfile(cdp) : undefined;
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => {
    events.push(...(d.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'] } });
  return async () => {
    const profile = await stopProfile?.();
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return { events, profile };
  };
}

/** The page's main-thread tasks, each with its thread CPU time and what the bench was doing (from the marks in the trace). */
function cpuTasks(events: readonly TraceEvent[]): CpuTask[] {
  const marks = events.filter((e) => e.name === 'TimeStamp' && (e.args?.data?.message ?? '').startsWith('bench: ')).sort((a, b) => a.ts - b.ts);
  const first = marks[0];
  if (first === undefined) return [];
  // The renderer main thread is the one that logged the marks.
  const tasks = events.filter((e) => e.pid === first.pid && e.tid === first.tid && e.name === 'RunTask' && e.ph === 'X' && e.ts >= first.ts);
  return tasks.map((t) => {
    let what = '';
    for (const m of marks) if (m.ts <= t.ts) what = (m.args?.data?.message ?? '').slice('bench: '.length);
    return { ts: t.ts, dur: t.dur ?? 0, cpuMs: (t.tdur ?? 0) / 1000, wallMs: (t.dur ?? 0) / 1000, what };
  });
}

/** The renderer main thread's nested slices (style, layout, paint, GC), for explaining long tasks. */
function slicesOf(events: readonly TraceEvent[], tasks: readonly CpuTask[]): Slice[] {
  const first = tasks[0];
  if (first === undefined) return [];
  const main = events.find((e) => e.ts === first.ts && e.name === 'RunTask');
  const names = new Set(['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND_MARKING', 'ParseHTML', 'HitTest']);
  return events
    .filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main.tid && names.has(e.name))
    .map((e) => ({ name: e.name, ts: e.ts, tdurMs: (e.tdur ?? 0) / 1000 }));
}

function cpuByActivity(tasks: readonly CpuTask[]): string[] {
  const groups = new Map<string, number[]>();
  for (const t of tasks) if (t.cpuMs >= 25) groups.set(t.what, [...(groups.get(t.what) ?? []), t.cpuMs]);
  return [...groups.entries()]
    .sort((a, b) => Math.max(...b[1]) - Math.max(...a[1]))
    .map(([what, d]) => `  ${what}: ${String(d.length)} task${d.length === 1 ? '' : 's'} of 25 ms CPU or more, longest ${Math.max(...d).toFixed(0)} ms`);
}

// ---- the interaction ----------------------------------------------------------------

/** Note what the bench does next, to attribute long tasks to it. */
async function mark(page: Page, what: string): Promise<void> {
  await page.evaluate(`window.__bench.mark(${JSON.stringify(what)})`);
}

// CSS locators, not role queries: Playwright evaluates a role query in the
// page's main thread (computing accessible names over the DOM), which would
// count against the page in the figures.
async function exercise(page: Page, seconds: number): Promise<{ scrolls: number; tabClicks: number; selections: number }> {
  const box = await page.locator('[role="tree"]').first().boundingBox();
  if (box === null) throw new Error('the tree has no box');
  const centre = { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 300) };
  const counts = { scrolls: 0, tabClicks: 0, selections: 0 };
  const end = Date.now() + seconds * 1000;
  let direction = 1;
  let round = 0;
  while (Date.now() < end) {
    // A burst of wheel steps, reversing now and then, as a person reading down the tree.
    await page.mouse.move(centre.x, centre.y);
    await mark(page, 'scroll');
    for (let i = 0; i < 6 && Date.now() < end; i++) {
      await page.mouse.wheel(0, direction * 240);
      counts.scrolls++;
      await page.waitForTimeout(50);
    }
    if (round % 4 === 3) direction = -direction;
    // Every few rounds select another visible item, so the tabs show a different object.
    if (round % 3 === 0) {
      const items = page.locator('[role="treeitem"]');
      const n = await items.count();
      if (n > 0) {
        await mark(page, 'select a tree item');
        await items.nth((round * 7) % n).click({ timeout: 2000 }).catch(() => undefined);
        counts.selections++;
      }
    }
    const tabs = page.locator('[role="tab"]');
    const n = await tabs.count();
    for (let i = 0; i < Math.min(n, 4) && Date.now() < end; i++) {
      const tab = tabs.nth((round + i) % n);
      await mark(page, `tab ${((await tab.textContent()) ?? '').trim()}`);
      await tab.click({ timeout: 2000 }).catch(() => undefined);
      counts.tabClicks++;
      await page.waitForTimeout(120);
    }
    round++;
  }
  return counts;
}

// ---- figures -----------------------------------------------------------------------

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`);

function table(rows: readonly (readonly [string, string, string, string])[]): string {
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
  return rows
    .map((r) => r.map((cell, i) => (i === 1 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

const loadNow = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

async function main(): Promise<void> {
  const loadAtStart = loadNow();
  const dist = build();
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const served = await serve(dist.dir);
    server = served.server;
    const url = served.url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: process.env['BENCH_HEADED'] !== '1',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.addInitScript(RECORDER);
    log(`opening ${url}?world=large&speed=10 …`);
    await page.goto(`${url}?world=large&speed=10`);
    await page.locator('[role="treeitem"]').first().waitFor({ state: 'visible', timeout: 180_000 });
    const firstTree = (await page.evaluate('window.__bench.firstTree')) as number | undefined;

    // Select the first item so the object's tabs exist, then measure.
    await page.locator('[role="treeitem"]').first().click();
    await page.locator('[role="tab"]').first().waitFor({ state: 'visible', timeout: 30_000 }).catch(() => log('no tabs appeared: only scrolling'));
    const stopTrace = await startTrace(page);
    await page.evaluate('window.__bench.start()');
    // A few seconds untouched first: what the event stream alone costs at 10×.
    await mark(page, 'idle (no input; the pool events at 10×)');
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    log(`scrolling the tree and switching tabs for ${String(SECONDS)} s …`);
    const counts = await exercise(page, SECONDS);
    await page.evaluate('window.__bench.stop()');
    const traced = await stopTrace();
    const tasks = cpuTasks(traced.events);
    const longestCpu = tasks.reduce((m, t) => Math.max(m, t.cpuMs), 0);
    const overCpu = tasks.filter((t) => t.cpuMs > LONG_TASK_TARGET_MS).length;
    const rec = (await page.evaluate('window.__bench')) as Recorded;
    const treeItems = await page.locator('[role="treeitem"]').count();

    const loadEnd = rec.since;
    const during = rec.longTasks.filter((t) => t.start >= loadEnd);
    const before = rec.longTasks.filter((t) => t.start < loadEnd);
    const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
    const longestBefore = before.reduce((m, t) => Math.max(m, t.duration), 0);
    const frames = [...rec.frames].sort((a, b) => a - b);
    const p50 = percentile(frames, 50);
    const p95 = percentile(frames, 95);
    const p99 = percentile(frames, 99);
    const max = frames[frames.length - 1];
    const slow = frames.filter((f) => f > FRAME_TARGET_MS * 1.5).length;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

    const rows: (readonly [string, string, string, string])[] = [
      ['Figure', 'Value', 'Target', ''],
      ['time to first tree render (navigation → first treeitem)', ms(firstTree), '', ''],
      [
        'longest main-thread task after load',
        during.length === 0 ? '< 50 ms' : ms(longest),
        `≤ ${String(LONG_TASK_TARGET_MS)} ms`,
        verdict(during.every((t) => t.duration <= LONG_TASK_TARGET_MS)),
      ],
      ['long tasks (≥ 50 ms) after load', String(during.length), '0', ''],
      ['longest main-thread task after load, thread CPU time', tasks.length === 0 ? '—' : ms(longestCpu), `≤ ${String(LONG_TASK_TARGET_MS)} ms`, tasks.length === 0 ? '' : verdict(overCpu === 0)],
      ['tasks over 50 ms of thread CPU time after load', tasks.length === 0 ? '—' : String(overCpu), '0', ''],
      ['long tasks during load (count / longest)', `${String(before.length)} / ${before.length === 0 ? '—' : ms(longestBefore)}`, '', ''],
      ['frame time p50', ms(p50), '', ''],
      ['frame time p95', ms(p95), `≤ ${String(FRAME_TARGET_MS)} ms`, verdict(p95 <= FRAME_TARGET_MS + FRAME_JITTER_MS)],
      ['frame time p99 / max', `${ms(p99)} / ${ms(max)}`, '', ''],
      [`frames / slower than ${(FRAME_TARGET_MS * 1.5).toFixed(0)} ms`, `${String(frames.length)} / ${String(slow)}`, '', ''],
      ['wheel steps / tab clicks / selections', `${String(counts.scrolls)} / ${String(counts.tabClicks)} / ${String(counts.selections)}`, '', ''],
      ['tree items in the DOM at the end (virtualized)', String(treeItems), '', ''],
      ['page errors', String(errors.length), '0', ''],
    ];
    const chromiumVersion = browser.version();
    process.stdout.write(
      `\nXenLab UI bench: world=large (64 hosts, 1,000 VMs), speed 10×, ${String(VIEWPORT.width)}×${String(VIEWPORT.height)}, ` +
        `${String(IDLE_SECONDS)} s idle + ${String(SECONDS)} s of scrolling and tab switching, Chromium ${chromiumVersion} (headless, --disable-gpu)\n` +
        `Machine: ${String(availableParallelism())} CPUs, load average ${loadAtStart} at the start, ${loadNow()} at the end (other work on the machine inflates every figure).\n` +
        'Long tasks: Chromium reports only tasks of 50 ms or more. "After load" = from the first tree render and selection to the end.\n' +
        'Thread CPU time: the same tasks from a trace, without the time the renderer waited for a core (the figure to compare on a busy machine).\n' +
        `Frames: requestAnimationFrame deltas; the p95 verdict allows ${String(FRAME_JITTER_MS)} ms of timer jitter around 16.7 ms.\n\n` +
        `${table(rows)}\n`,
    );
    if (during.length > 0) process.stdout.write(`\nLong tasks after load, by what the bench was doing:\n${byActivity(rec, during).join('\n')}\n`);
    if (tasks.some((t) => t.cpuMs >= 25)) process.stdout.write(`\nTasks of 25 ms thread CPU time or more, by what the bench was doing:\n${cpuByActivity(tasks).join('\n')}\n`);
    if (traced.profile !== undefined) {
      const over = explainOverMs(LONG_TASK_TARGET_MS);
      const explained = explainTasks(traced.profile, tasks, slicesOf(traced.events, tasks), over);
      process.stdout.write(`\nTasks over ${String(over)} ms of thread CPU time, explained by the CPU profile:\n${explained.length === 0 ? '  none' : explained.join('\n')}\n`);
    }
    if (Number(process.env['BENCH_PERF_SECONDS'] ?? 20) > 0) await performancePhase(page, url, errors);
    if (errors.length > 0) process.stdout.write(`\nPage errors:\n${errors.map((e) => `  ${e}`).join('\n')}\n`);
    await context.close();
  } finally {
    await browser?.close();
    if (server !== undefined) stop(server);
    if (dist.temporary) rmSync(dist.dir, { recursive: true, force: true });
  }
}

/** Phase 4: the busiest server's Performance tab with 8 graphs at 10× (ui-bench-performance.ts). */
async function performancePhase(page: Page, url: string, errors: readonly string[]): Promise<void> {
  const seconds = Number(process.env['BENCH_PERF_SECONDS'] ?? 20);
  log("opening the busiest server's Performance tab with 8 graphs …");
  const shots = process.env['BENCH_SCREENSHOTS'];
  const host = await openBusyHostGraphs(page, `${url}?world=large&speed=10#/home`).catch(async (e: unknown) => {
    // What the page showed when the bench gave up, to see why.
    if (shots !== undefined && shots !== '') await page.screenshot({ path: join(shots, 'ui-bench-performance-failed.png') });
    throw e;
  });
  const stopTrace = await startTrace(page);
  await page.evaluate('window.__bench.start()');
  log(`watching, hovering and scrolling the graphs for ${String(IDLE_SECONDS)} + ${String(seconds)} s …`);
  const counts = await exerciseGraphs(page, seconds, IDLE_SECONDS);
  await page.evaluate('window.__bench.stop()');
  const traced = await stopTrace();
  const tasks = cpuTasks(traced.events);
  const overCpu = tasks.filter((t) => t.cpuMs > LONG_TASK_TARGET_MS).length;
  const rec = (await page.evaluate('window.__bench')) as WindowRecord;
  const graphs = await graphFigures(page);
  if (shots !== undefined && shots !== '') await page.screenshot({ path: join(shots, 'ui-bench-performance-8-graphs.png') });
  const figures = timingRows(rec);
  const rows: Row[] = [
    ['Figure', 'Value', 'Target', ''],
    ['server (CPU on the overview when chosen / VMs on it)', `${host.name} (${String(host.cpu)} % / ${String(host.vms)})`, '', ''],
    ['graphs / legend lines / most points in a graph', `${String(graphs.graphs)} / ${String(graphs.lines)} / ${String(graphs.points)}`, '8 graphs', ''],
    ...figures.rows,
    [
      'longest main-thread task, thread CPU time',
      tasks.length === 0 ? '—' : ms(tasks.reduce((m, t) => Math.max(m, t.cpuMs), 0)),
      `≤ ${String(LONG_TASK_TARGET_MS)} ms`,
      tasks.length === 0 ? '' : overCpu === 0 ? 'met' : 'NOT met',
    ],
    ['tasks over 50 ms of thread CPU time', tasks.length === 0 ? '—' : String(overCpu), '0', ''],
    ['pointer moves / wheel steps', `${String(counts.hovers)} / ${String(counts.scrolls)}`, '', ''],
    ['page errors (whole run)', String(errors.length), '0', ''],
  ];
  process.stdout.write(
    `\nPerformance tab of a busy server, 8 graphs, 10-minute zoom (5-s rows, new rows every wall second at 10×): ` +
      `${String(IDLE_SECONDS)} s watching + ${String(seconds)} s of hovering and scrolling; load average ${loadNow()} at the end.\n\n${tableOf(rows)}\n`,
  );
  if (figures.during.length > 0) process.stdout.write(`\nLong tasks on the Performance tab, by what the bench was doing:\n${byActivityOf(rec, figures.during).join('\n')}\n`);
  if (tasks.some((t) => t.cpuMs >= 25)) process.stdout.write(`\nTasks of 25 ms thread CPU time or more on the Performance tab:\n${cpuByActivity(tasks).join('\n')}\n`);
  if (traced.profile !== undefined) {
    const explained = explainTasks(traced.profile, tasks, slicesOf(traced.events, tasks), LONG_TASK_TARGET_MS);
    process.stdout.write(`\nPerformance tab tasks over ${String(LONG_TASK_TARGET_MS)} ms of thread CPU time, explained by the CPU profile:\n${explained.length === 0 ? '  none' : explained.join('\n')}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`ui-bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
