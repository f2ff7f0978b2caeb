// `npm run bench`: figures for the engine and its Node host. Prints a table;
// asserts nothing (DESIGN.md: a test never asserts on wall-clock time).
//
//  1. build time of the large world, and what it holds;
//  2. XenAPI calls per second through the dispatcher (engine.call, in-process):
//     a cheap read (VM.get_power_state) for the dispatcher's own cost, then
//     lifecycle cycles on many VMs -- Async.VM.start on each, Simulator.advance
//     until every task is done, task.destroy each, then the same with
//     Async.VM.hard_shutdown -- counting every call made;
//  3. VM.get_all_records of the large world over HTTP (JSON-RPC on 127.0.0.1),
//     median of N runs, and the response size;
//  4. the engine's heap (heapUsed after a full GC, before and after building);
//  5. metrics (bench/metrics-figures.ts): a 5-s tick of the large world, and
//     fast-forwards of a virtual day and a week.
// The header gives the load average before and after: on a shared machine
// the wall-clock figures are only as good as it is quiet.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Engine } from '../src/engine/engine';
import { WORLDS } from '../src/engine/worlds/world-by-name';
import { createXapiServer } from '../src/server/http-server';
import { benchMetrics } from './metrics-figures';

const HTTP_RUNS = 15;
const READ_CALLS = 50_000;
const CYCLE_VMS = 400;
const CYCLES = 2;

// ---- helpers ------------------------------------------------------------------

/** A full GC, if it can be had: --expose-gc, or V8's flag set at run time. */
function findGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    return typeof fn === 'function' ? (fn as () => void) : undefined;
  } catch {
    return undefined;
  }
}
const gc = findGc();

function heapUsed(): number {
  if (gc !== undefined) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

const rows: [string, string, string][] = [];
function report(what: string, figure: string, note = ''): void {
  rows.push([what, figure, note]);
  process.stderr.write(`  ${what}: ${figure}\n`);
}

interface VmRecord {
  power_state: string;
  is_a_template: boolean;
  is_a_snapshot: boolean;
  is_control_domain: boolean;
}

// ---- 1. build ---------------------------------------------------------------------

process.stderr.write('XenLab engine bench (progress on stderr, the table on stdout)\n');
const loadBefore = loadavg();
const heapBefore = heapUsed();
const t0 = performance.now();
const engine = Engine.create({ seed: 1, build: WORLDS.large });
const buildMs = performance.now() - t0;
const heapAfterBuild = heapUsed();

const session = (await engine.call('session.login_with_password', ['root', 'xenlab', '2.21', 'bench'])) as string;
const call = (method: string, ...args: unknown[]) => engine.call(method, [session, ...args]);
const allVms = Object.entries((await call('VM.get_all_records')) as Record<string, VmRecord>);
const guests = allVms.filter(([, r]) => !r.is_a_template && !r.is_a_snapshot && !r.is_control_domain);
let objects = 0;
for (const m of engine.methods.keys()) {
  if (m.endsWith('.get_all')) objects += ((await call(m)) as unknown[]).length;
}
report('large world: build', `${buildMs.toFixed(0)} ms`, `Engine.create({ build: WORLDS.large })`);
report(
  'large world: contents',
  `${engine.world.count('host')} hosts, ${allVms.length} VM records`,
  `${guests.length} guests (${guests.filter(([, r]) => r.power_state === 'Running').length} running); ${int(objects)} objects in all`,
);

// ---- 2. dispatcher throughput ---------------------------------------------------------

{
  const vm = guests[0]![0];
  for (let i = 0; i < 1000; i++) await call('VM.get_power_state', vm); // warm-up
  const t = performance.now();
  for (let i = 0; i < READ_CALLS; i++) await call('VM.get_power_state', vm);
  const s = (performance.now() - t) / 1000;
  report('dispatcher: VM.get_power_state', `${int(READ_CALLS / s)} calls/s`, `${int(READ_CALLS)} sequential awaited engine.call, in-process`);
}

{
  const halted = guests.filter(([, r]) => r.power_state === 'Halted').map(([ref]) => ref);
  let pool = halted.slice(0, CYCLE_VMS);
  let calls = 0;
  const asyncByOp = new Map<string, { calls: number; ms: number }>();
  let opsDone = 0;
  let failed = 0;
  let virtual = 0;
  const failures = new Map<string, number>();

  /** Async.<op> on every VM, then advance virtual time until all tasks end, then task.destroy each. */
  async function round(op: string, args: readonly unknown[]): Promise<string[]> {
    const tasks: [string, string][] = [];
    const ta = performance.now();
    for (const vm of pool) {
      tasks.push([vm, (await call(`Async.${op}`, vm, ...args)) as string]);
    }
    const entry = asyncByOp.get(op) ?? { calls: 0, ms: 0 };
    asyncByOp.set(op, { calls: entry.calls + pool.length, ms: entry.ms + performance.now() - ta });
    calls += pool.length;
    for (let guard = 0; guard < 600; guard++) {
      let pending = 0;
      for (const [, task] of tasks) {
        if (engine.tasks.isPending(task)) pending++;
      }
      if (pending === 0) break;
      await call('Simulator.advance', 5);
      virtual += 5;
      calls++;
    }
    const succeeded: string[] = [];
    for (const [vm, task] of tasks) {
      const status = (await call('task.get_status', task)) as string;
      calls++;
      if (status === 'success') {
        succeeded.push(vm);
        opsDone++;
      } else {
        failed++;
        const info = (await call('task.get_error_info', task)) as string[];
        calls++;
        failures.set(info[0] ?? status, (failures.get(info[0] ?? status) ?? 0) + 1);
      }
      await call('task.destroy', task);
      calls++;
    }
    return succeeded;
  }

  const t = performance.now();
  for (let c = 0; c < CYCLES && pool.length > 0; c++) {
    pool = await round('VM.start', [false, false]);
    pool = await round('VM.hard_shutdown', []);
  }
  const s = (performance.now() - t) / 1000;
  const why = [...failures].map(([code, n]) => `${n}× ${code}`).join(', ');
  for (const [op, { calls: n, ms }] of asyncByOp) {
    report(
      `dispatcher: Async.${op}`,
      `${int(n / (ms / 1000))} calls/s`,
      `time inside the ${int(n)} calls only (each checks, places, creates a task and schedules the work)`,
    );
  }
  report(
    'lifecycle cycles, all calls',
    `${int(calls / s)} calls/s`,
    `${int(calls)} calls (Async.*, Simulator.advance, task.get_status, task.destroy) in ${s.toFixed(2)} s, incl. running ${int(virtual)} virtual s of jobs`,
  );
  report(
    'lifecycle cycles, operations',
    `${int(opsDone / s)} ops/s`,
    `${int(opsDone)} starts+shutdowns completed on up to ${CYCLE_VMS} VMs × ${CYCLES} cycles${failed > 0 ? `; ${failed} refused (${why})` : ''}`,
  );
}

// ---- 3. VM.get_all_records over HTTP ----------------------------------------------------

{
  // Where the time goes: the call in-process, then the JSON encoding alone.
  const callTimes: number[] = [];
  const encodeTimes: number[] = [];
  for (let i = 0; i < HTTP_RUNS + 2; i++) {
    const t = performance.now();
    const records = await call('VM.get_all_records');
    const t1 = performance.now();
    JSON.stringify({ jsonrpc: '2.0', result: records, id: 1 });
    const t2 = performance.now();
    if (i >= 2) {
      callTimes.push(t1 - t);
      encodeTimes.push(t2 - t1);
    }
  }
  report('in-process: VM.get_all_records', `${median(callTimes).toFixed(1)} ms median`, `engine.call alone, ${HTTP_RUNS} runs`);
  report('in-process: JSON.stringify of it', `${median(encodeTimes).toFixed(1)} ms median`, `the response envelope, ${HTTP_RUNS} runs`);
  const server = createXapiServer(engine, { maxBodyBytes: 1024 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jsonrpc`;
  const body = JSON.stringify({ jsonrpc: '2.0', method: 'VM.get_all_records', params: [session], id: 1 });
  const times: number[] = [];
  let bytes = 0;
  let count = 0;
  for (let i = 0; i < HTTP_RUNS + 2; i++) {
    const t = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const text = await res.text();
    const parsed = JSON.parse(text) as { result: Record<string, unknown> };
    const ms = performance.now() - t;
    if (i >= 2) times.push(ms); // two warm-up runs
    bytes = Buffer.byteLength(text);
    count = Object.keys(parsed.result).length;
  }
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  report(
    'HTTP: VM.get_all_records',
    `${median(times).toFixed(1)} ms median`,
    `${count} VM records, ${mib(bytes)} of JSON; ${HTTP_RUNS} runs (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)} ms), client parse included`,
  );
}

// ---- 4. heap ------------------------------------------------------------------------------

const heapEnd = heapUsed();
const gcNote = gc === undefined ? 'no GC available: figures include garbage' : 'after a full GC';
report('heap: large world built', mib(heapAfterBuild - heapBefore), `heapUsed growth from building (${gcNote})`);
report('heap: process at end', mib(heapEnd), `heapUsed, everything loaded, after the runs above (${gcNote})`);

// ---- 5. metrics ------------------------------------------------------------------------

await benchMetrics(report, heapUsed);

// ---- the table ----------------------------------------------------------------------------

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['measure', 'figure', 'what was measured'][i]!.length));
const line = (cells: readonly string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
const out = [
  `XenLab engine bench — Node ${process.version}, ${process.platform}/${process.arch}`,
  `load average (1/5/15 min): ${loadBefore.map((x) => x.toFixed(2)).join(' ')} at the start, ${loadavg().map((x) => x.toFixed(2)).join(' ')} at the end; ${cpus().length} CPUs`,
  '',
  line(['measure', 'figure', 'what was measured']),
  line(widths.map((w) => '-'.repeat(w))),
  ...rows.map(line),
  '',
];
process.stdout.write(out.join('\n'));
