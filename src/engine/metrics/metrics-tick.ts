// The metrics clock: a 'metrics.tick' job that samples every live host and
// running domain (sample-all.ts) and feeds the pool's RRDs, every 5 virtual
// seconds on Unix times that are multiples of 5, as xcp-rrdd's loop does.
//
// Fast-forward. Sampling the large world costs tens of milliseconds, and a
// day has 17,280 five-second steps. When the clock is asked to jump far
// (planFastForward: the target of Simulator.advance / Engine.advanceTo),
// each archive is filled at its own resolution over the span it keeps,
// counted back from the target:
//   the last 10 min   every 5 s    (the 5-s archive, exact)
//   the last 2 h      every 60 s   (the 1-min archive: one sample per row)
//   the last 7 days   every 3600 s (the 1-h archive: one sample per row)
//   older             every 86400 s (the 1-day archive: one sample per row)
// A sample over a long step is the models' average over that step (visitSamples
// is given dt), fed as that many equal PDPs. So after a jump the AVERAGE rows
// are averages of the workload as xapi would show them, but MIN and MAX of a
// row filled by one sample equal its AVERAGE (xapi would have had every 5-s
// PDP and a wider spread), and the 5-s archive holds the last 10 minutes
// only, as in xapi. Without a planned jump (the real-time clock, small
// advances) every step is 5 s.
//
// The job carries the Unix time of the previous tick, so a restored world
// whose RRDs were saved earlier (or not at all) sees the gap and records it
// as unknown, like a host whose xcp-rrdd was down.
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { visitSamples, type MetricSample } from './sample-all';
import { MIN_MAX_VM_KEY, PDP_STEP } from './rrd/rrd-layout';
import { RrdStore, type RrdKind } from './rrd/rrd-store';

export const METRICS_TICK = 'metrics.tick';

export type Sampler = (engine: Engine, t: number, dt: number) => MetricSample[];

/** Sampling step (s) by how far a time lies before the planned target; the last tier covers the rest. */
export const FAST_FORWARD_TIERS: readonly { readonly within: number; readonly step: number }[] = [
  { within: 600, step: 5 },
  { within: 7200, step: 60 },
  { within: 7 * 86400, step: 3600 },
  { within: Infinity, step: 86400 },
];

interface MetricsState {
  store: RrdStore;
  /** A test's sampler; undefined: the models, through visitSamples (no objects built). */
  sampler: Sampler | undefined;
  /** World generation last reconciled against. */
  generation: number;
  /** Unix time the current advance will reach, while one is planned. */
  target: number | undefined;
}

const states = new WeakMap<Engine, MetricsState>();

function stateOf(engine: Engine): MetricsState {
  let s = states.get(engine);
  if (s === undefined) {
    s = { store: new RrdStore(), sampler: undefined, generation: -1, target: undefined };
    states.set(engine, s);
  }
  return s;
}

/** The engine's RRDs (created empty on first use). */
export function rrdStoreOf(engine: Engine): RrdStore {
  return stateOf(engine).store;
}

/** Replace the engine's RRDs (a restore). */
export function setRrdStore(engine: Engine, store: RrdStore): void {
  const state = stateOf(engine);
  state.store = store;
  state.generation = -1;
}

/** Tests: sample with something else than the workload models. */
export function setSampler(engine: Engine, sampler: Sampler): void {
  stateOf(engine).sampler = sampler;
}

/**
 * Tell the metrics that the clock is about to run to virtual time `t` in
 * one go, so that they sample coarsely where only coarse archives will keep
 * the result. Call before Engine.advanceTo; harmless for short advances.
 */
export function planFastForward(engine: Engine, t: number): void {
  stateOf(engine).target = engine.unixTime(t);
}

/** Schedule the first tick unless one is pending (a new world, or one saved before metrics existed). */
export function startMetrics(engine: Engine): void {
  if (engine.scheduler.jobs().some((job) => job.kind === METRICS_TICK)) return;
  const now = engine.unixTime();
  const next = (Math.floor(now / PDP_STEP + 1e-9) + 1) * PDP_STEP;
  engine.scheduler.after(next - now, METRICS_TICK, { from: next - PDP_STEP });
}

/** Sampling step at Unix time `unix` for a planned target. */
export function stepFor(target: number | undefined, unix: number): { step: number; until: number } {
  if (target === undefined || target - unix <= FAST_FORWARD_TIERS[0]!.within) return { step: PDP_STEP, until: Infinity };
  for (let i = 1; i < FAST_FORWARD_TIERS.length; i++) {
    const tier = FAST_FORWARD_TIERS[i]!;
    if (target - unix <= tier.within) return { step: tier.step, until: target - FAST_FORWARD_TIERS[i - 1]!.within };
  }
  return { step: PDP_STEP, until: Infinity };
}

/** The next tick after Unix time `unix` (a multiple of 5). */
export function nextTick(target: number | undefined, unix: number): number {
  const { step, until } = stepFor(target, unix);
  let next = (Math.floor(unix / step) + 1) * step;
  // Do not step past the start of a finer tier: land on its first 5-s boundary at or before it.
  if (next > until) next = Math.max(unix + PDP_STEP, Math.floor(until / PDP_STEP) * PDP_STEP);
  return next;
}

/** Create, archive, restore or drop RRDs as objects come, stop, run again and go. */
function reconcile(engine: Engine, store: RrdStore): void {
  for (const rrd of [...store.all()]) {
    if (rrd.kind === 'host') {
      if (!engine.world.has('host', rrd.ref)) store.delete(rrd);
      continue;
    }
    const vm = engine.world.find('VM', rrd.ref);
    if (vm === undefined) {
      store.delete(rrd);
      continue;
    }
    const live = vm.power_state === 'Running' || vm.power_state === 'Paused';
    if (!live && !rrd.archived) store.archive(rrd);
    else if (live && rrd.archived) store.unarchive(rrd);
  }
}

function rrdFor(engine: Engine, store: RrdStore, kind: RrdKind, uuid: string) {
  const existing = store.get(kind, uuid);
  if (existing !== undefined) {
    if (existing.archived) store.unarchive(existing);
    return existing;
  }
  if (kind === 'host') {
    const ref = engine.world.refByUuid('host', uuid);
    return ref === undefined ? undefined : store.create('host', uuid, ref, { minMax: true });
  }
  const ref = engine.world.refByUuid('VM', uuid);
  if (ref === undefined) return undefined;
  const vm = engine.world.get('VM', ref);
  return store.create('vm', uuid, ref, { minMax: vmMinMax(engine), controlDomain: vm.is_control_domain });
}

/** Whether new VM RRDs get MIN/MAX archives (pool other_config, as xapi reads it). */
function vmMinMax(engine: Engine): boolean {
  const [pool] = engine.world.entries('pool');
  return pool?.[1].other_config[MIN_MAX_VM_KEY] === 'true';
}

/** One tick at the engine's now: the samples of (from, now] into the RRDs. */
export function runMetricsTick(engine: Engine, from: number): number {
  const state = stateOf(engine);
  const { store } = state;
  const unix = Math.round(engine.unixTime() / PDP_STEP) * PDP_STEP;
  const dt = Math.max(PDP_STEP, unix - from);
  const generation = engine.world.events.generation;
  if (generation !== state.generation) {
    reconcile(engine, store);
    state.generation = generation;
  }
  const { sampler } = state;
  if (sampler !== undefined) {
    const samples = sampler(engine, engine.now, dt);
    if (store.archives.used === 0) store.reserveFor(samples.map((s) => ({ kind: s.kind, sources: Object.keys(s.values).length })), vmMinMax(engine));
    store.beginTick();
    for (const sample of samples) {
      const rrd = rrdFor(engine, store, sample.kind, sample.uuid);
      if (rrd !== undefined) store.ingest(rrd, sample.values);
    }
  } else {
    if (store.archives.used === 0) {
      // A first tick: count what it will record, to size the archives once.
      const counts: { kind: RrdKind; sources: number }[] = [];
      visitSamples(engine, engine.now, dt, (kind, _uuid, names) => counts.push({ kind, sources: names.length }));
      store.reserveFor(counts, vmMinMax(engine));
    }
    store.beginTick();
    visitSamples(engine, engine.now, dt, (kind, uuid, names, values) => {
      const rrd = rrdFor(engine, store, kind, uuid);
      if (rrd !== undefined) store.ingestColumns(rrd, names, values);
    });
  }
  store.endTick(unix, dt / PDP_STEP);
  return unix;
}

const tick: JobHandler = (engine, args) => {
  const state = stateOf(engine);
  const from = typeof args['from'] === 'number' ? args['from'] : engine.unixTime() - PDP_STEP;
  const unix = runMetricsTick(engine, from);
  if (state.target !== undefined && state.target <= unix) state.target = undefined;
  const next = nextTick(state.target, unix);
  engine.scheduler.after(next - engine.unixTime(), METRICS_TICK, { from: unix });
};

/** Job handlers for the lead to add to JOB_HANDLERS (src/engine/jobs.ts). */
export const METRICS_JOBS: readonly (readonly [string, JobHandler])[] = [[METRICS_TICK, tick]];
