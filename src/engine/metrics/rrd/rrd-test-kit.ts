// For tests of the RRDs: run the metrics job even before src/engine/jobs.ts
// lists it, and samplers with values a test can compute by hand.
import type { Engine } from '../../engine';
import { JOB_HANDLERS, type JobHandler } from '../../jobs';
import { METRICS_JOBS, setSampler, startMetrics, type Sampler } from '../metrics-tick';
import type { MetricSample } from '../sample-all';

/** Make sure the engine knows the 'metrics.tick' job (a no-op once jobs.ts has it). */
export function ensureMetricsJobs(): void {
  const table = JOB_HANDLERS as Map<string, JobHandler>;
  for (const [kind, handler] of METRICS_JOBS) if (!table.has(kind)) table.set(kind, handler);
}

/** Start the metrics of an engine with a sampler (the models' by default). */
export function withMetrics(engine: Engine, sampler?: Sampler): Engine {
  ensureMetricsJobs();
  if (sampler !== undefined) setSampler(engine, sampler);
  startMetrics(engine);
  return engine;
}

/**
 * A sampler whose values are simple functions of the sample's end time (Unix s):
 * every live host reports cpu0 = (t/5 mod 12)/12 (0, 1/12, … 11/12 over each minute),
 * memory_total_kib = 1024 and loadavg = t/5 mod 12;
 * every running VM reports cpu0 = 0.5, memory = 2^30 and runnable_vcpus = 0.25.
 */
export function handSampler(engine: Engine, t: number): MetricSample[] {
  const unix = Math.round(engine.unixTime(t));
  const k = Math.round(unix / 5) % 12;
  const out: MetricSample[] = [];
  for (const [ref, host] of engine.world.entries('host')) {
    const live = engine.world.find('host_metrics', host.metrics)?.live !== false;
    if (!live) continue;
    out.push({ kind: 'host', uuid: host.uuid, values: { cpu0: k / 12, memory_total_kib: 1024, loadavg: k } });
    for (const vmRef of host.resident_VMs) {
      const vm = engine.world.get('VM', vmRef);
      if (vm.power_state !== 'Running' || vm.resident_on !== ref) continue;
      out.push({ kind: 'vm', uuid: vm.uuid, values: { cpu0: 0.5, memory: 2 ** 30, runnable_vcpus: 0.25 } });
    }
  }
  return out;
}
