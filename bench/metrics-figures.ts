// The metrics' share of `npm run bench` (issue 4): on a fresh large world
// (64 hosts, 1,000 VMs, every one brought up through XenAPI first: the world
// is built with ~70 % running, the issue's figure is for 1,000 running), what one 5-s metrics tick costs — the
// sampling of every host and domain by the models, and the whole tick as the
// clock runs it (Simulator.advance 5) — and what fast-forwards cost: one
// virtual day, then one virtual week, with planFastForward's tiers (every
// archive filled at its own resolution). Wall-clock figures, and for the
// fast-forwards the process's CPU time too (on a shared machine the wall
// time includes waiting for a core); the caller prints the load average.
import { performance } from 'node:perf_hooks';
import { Engine } from '../src/engine/engine';
import { rrdStoreOf } from '../src/engine/metrics/metrics-tick';
import { visitSamples } from '../src/engine/metrics/sample-all';
import { WORLDS } from '../src/engine/worlds/world-by-name';

const TICKS = 120;
const SAMPLES = 60;
const DAY = 86_400;

type Report = (what: string, figure: string, note?: string) => void;

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** Starts every halted guest, resumes the suspended and unpauses the paused (Async.* calls, as a client would), then lets their jobs finish. */
async function bringEveryGuestUp(engine: Engine): Promise<{ asked: number; failed: Map<string, number> }> {
  const session = (await engine.call('session.login_with_password', ['root', 'xenlab', '2.21', 'bench'])) as string;
  const tasks: string[] = [];
  for (const [ref, vm] of [...engine.world.entries('VM')]) {
    if (vm.is_a_template || vm.is_a_snapshot || vm.is_control_domain) continue;
    const call =
      vm.power_state === 'Halted' ? ['Async.VM.start', ref, false, true]
      : vm.power_state === 'Suspended' ? ['Async.VM.resume', ref, false, true]
      : vm.power_state === 'Paused' ? ['Async.VM.unpause', ref]
      : undefined;
    if (call) tasks.push((await engine.call(call[0] as string, [session, ...call.slice(1)])) as string);
  }
  engine.advance(1800);
  const failed = new Map<string, number>();
  for (const task of tasks) {
    const status = (await engine.call('task.get_status', [session, task])) as string;
    if (status === 'success') continue;
    const code = status === 'failure' ? String(((await engine.call('task.get_error_info', [session, task])) as string[])[0]) : status;
    failed.set(code, (failed.get(code) ?? 0) + 1);
  }
  return { asked: tasks.length, failed };
}

export async function benchMetrics(report: Report, heapUsed: () => number): Promise<void> {
  const engine = Engine.create({ seed: 1, build: WORLDS.large });
  const { asked, failed } = await bringEveryGuestUp(engine);
  engine.advance(60); // the first ticks size the archives
  const running = [...engine.world.entries('VM')].filter(([, vm]) => vm.power_state === 'Running' && !vm.is_control_domain).length;
  const where = `large world, ${engine.world.count('host')} hosts, ${running} running guests`;
  const failures = [...failed].map(([code, n]) => `${n} × ${code}`).join(', ');
  report('metrics: guests brought up', `${running} running`, `${asked} halted/suspended/paused guests started, resumed or unpaused through Async.VM.*${failures ? `; not up: ${failures}` : ''}`);

  const sampling: number[] = [];
  let values = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    let n = 0;
    visitSamples(engine, engine.now, 5, (_kind, _uuid, names) => {
      n += names.length;
    });
    sampling.push(performance.now() - t);
    values = n;
  }
  report('metrics: sampling (models)', `${percentile(sampling, 0.5).toFixed(1)} ms median`, `visitSamples of the ${where}: ${int(values)} values; p95 ${percentile(sampling, 0.95).toFixed(1)} ms; ${SAMPLES} runs`);

  const ticks: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    const t = performance.now();
    engine.advance(5);
    ticks.push(performance.now() - t);
  }
  const median = percentile(ticks, 0.5);
  report(
    'metrics: one 5-s tick',
    `${median.toFixed(1)} ms median`,
    `Simulator.advance 5 (sampling + RRD update + the world's other jobs); p95 ${percentile(ticks, 0.95).toFixed(1)} ms; ${TICKS} ticks; ${int(5000 / median)}× real time at 5-s steps`,
  );

  for (const [label, span] of [
    ['1 virtual day', DAY],
    ['1 virtual week', 7 * DAY],
  ] as const) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    engine.advance(span);
    const s = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuS = (used.user + used.system) / 1e6;
    report(
      `fast-forward: ${label}`,
      `${s.toFixed(2)} s`,
      `${int(span / s)} simulated s per wall s; process CPU time ${cpuS.toFixed(2)} s (${int(span / cpuS)}× real time per CPU second, the figure other load barely changes); the ${where}; every archive filled`,
    );
  }
  report('metrics: RRD arrays', mib(rrdStoreOf(engine).byteSize()), `typed arrays of all RRDs (${int(rrdStoreOf(engine).size)} RRDs, ${int(rrdStoreOf(engine).archives.used)} data sources)`);
  report(
    'heap: after the fast-forwards',
    mib(heapUsed()),
    `heapUsed of the whole bench process, both large worlds alive; typed arrays outside it: ${mib(process.memoryUsage().arrayBuffers)}`,
  );
}
