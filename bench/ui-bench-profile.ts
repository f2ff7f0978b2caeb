// bench:ui with BENCH_PROFILE=1: a V8 CPU profile (Profiler domain, 100 µs
// samples) recorded beside the trace, so each main-thread task over the
// target can be explained — the functions its samples fell in, by self time
// and by inclusive time, and the trace's own slices inside it (style, layout,
// paint, garbage collection). Names are readable only in an unminified build:
// `vite build --minify false` into a directory and pass it as BENCH_DIST.
import type { CDPSession } from '@playwright/test';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One main-thread task of the trace (µs, the trace's clock, which the profile shares). */
export interface TaskSpan {
  readonly ts: number;
  readonly dur: number;
  readonly cpuMs: number;
  readonly what: string;
}

/** A trace slice nested in a task (UpdateLayoutTree, Layout, MajorGC …). */
export interface Slice {
  readonly name: string;
  readonly ts: number;
  readonly tdurMs: number;
}

export const wantProfile = (): boolean => process.env['BENCH_PROFILE'] === '1';
/** Explain tasks over this much thread CPU (BENCH_PROFILE_MS; default the 50 ms target), to see what is near it. */
export const explainOverMs = (target: number): number => Number(process.env['BENCH_PROFILE_MS'] ?? target);

export async function startProfile(cdp: CDPSession): Promise<() => Promise<CpuProfile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
}

const SAMPLE_MS = 0.1;
const frameName = (f: CallFrame) => `${f.functionName === '' ? '(anonymous)' : f.functionName} ${f.url.split('/').pop() ?? ''}:${String(f.lineNumber + 1)}`;

/** The task's samples by function: self time and inclusive time (ms), the top few of each. */
function explain(profile: CpuProfile, task: TaskSpan, parentOf: ReadonlyMap<number, number>, byId: ReadonlyMap<number, ProfileNode>, top: number): string[] {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < task.ts || t > task.ts + task.dur) continue;
    const leaf = byId.get(profile.samples[i] ?? -1);
    if (leaf === undefined) continue;
    const name = frameName(leaf.callFrame);
    self.set(name, (self.get(name) ?? 0) + SAMPLE_MS);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parentOf.get(id)) {
      const node = byId.get(id);
      if (node === undefined) break;
      const n = frameName(node.callFrame);
      if (n.startsWith('(root)') || seen.has(n)) continue;
      seen.add(n);
      total.set(n, (total.get(n) ?? 0) + SAMPLE_MS);
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([n, v]) => `      ${v.toFixed(1).padStart(5)} ms  ${n}`);
  return ['    self time:', ...list(self), '    inclusive time:', ...list(total)];
}

/** The tasks over `overMs` of thread CPU time, each explained. */
export function explainTasks(profile: CpuProfile, tasks: readonly TaskSpan[], slices: readonly Slice[], overMs: number, top = 12): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const out: string[] = [];
  for (const task of tasks.filter((x) => x.cpuMs > overMs).sort((a, b) => b.cpuMs - a.cpuMs)) {
    out.push(`  ${task.cpuMs.toFixed(1)} ms CPU (${(task.dur / 1000).toFixed(1)} ms wall) while: ${task.what}`);
    const inside = slices.filter((s) => s.ts >= task.ts && s.ts < task.ts + task.dur && s.tdurMs >= 1);
    if (inside.length > 0) out.push(`    trace slices: ${inside.map((s) => `${s.name} ${s.tdurMs.toFixed(1)} ms`).join(', ')}`);
    out.push(...explain(profile, task, parentOf, byId, top));
  }
  return out;
}
