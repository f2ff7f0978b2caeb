// Named workloads a guest runs, each a function of virtual time giving what
// the guest asks of the machine: CPU per vCPU, memory in use, disk and
// network traffic, and the page-dirtying rate with its hot working set (the
// writable working set that live migration has to resend; Clark et al.,
// NSDI 2005). Demand is what the guest would use on native hardware; the CPU,
// memory and I/O models decide what it gets.
//
// Each workload has parameters with defaults and bounds; a VM's are kept in
// VM.other_config ('xenlab-workload', 'xenlab-workload-params': see
// workload-of-vm.ts). The per-request costs below are the simulator's own
// round figures, picked so that the default mix looks like a real estate on
// a dashboard (a web server at 250 req/s uses a third of its vCPUs; a busy
// database reads and writes a few MB/s of 8 KiB pages; a build saturates
// its vCPUs for a few minutes at a time). Page size is 4 KiB.
import { burstCoverage, fluctuation, salt, unit } from './noise';
import { dailyLevel, type RhythmProfile } from './daily-rhythm';

const KiB = 1024;
const MiB = 1024 * KiB;
const PAGE = 4096;

export interface ParamSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly description: string;
}

/** What a guest asks for over one sample interval (mutable scratch, filled by evaluate). */
export interface WorkloadDemand {
  /** Useful CPU wanted by vCPU 0, as a fraction of one native CPU. */
  cpuFirst: number;
  /** Useful CPU wanted by each other vCPU. */
  cpuOther: number;
  /** Share of that CPU time spent in the guest kernel (syscalls, page faults, interrupts): the part virtualization taxes most. */
  kernel: number;
  /** Bytes the guest's OS and applications hold (not counting reclaimable page cache). */
  memoryUsed: number;
  diskReadBps: number;
  diskWriteBps: number;
  diskReadIops: number;
  diskWriteIops: number;
  netRxBps: number;
  netTxBps: number;
  /** Pages (4 KiB) written per second. */
  dirtyPagesPerSec: number;
  /** Pages in the hot (frequently rewritten) working set. */
  hotPages: number;
}

export function emptyDemand(): WorkloadDemand {
  return {
    cpuFirst: 0,
    cpuOther: 0,
    kernel: 0,
    memoryUsed: 0,
    diskReadBps: 0,
    diskWriteBps: 0,
    diskReadIops: 0,
    diskWriteIops: 0,
    netRxBps: 0,
    netTxBps: 0,
    dirtyPagesPerSec: 0,
    hotPages: 0,
  };
}

export interface WorkloadContext {
  /** The VM's noise key (hash of the engine seed and the VM's uuid). */
  readonly key: number;
  /** The sample covers virtual time (t - dt, t]. */
  readonly t: number;
  readonly dt: number;
  /** Unix time of virtual time 0 (engine.config.epoch). */
  readonly epoch: number;
  readonly vcpus: number;
  /** Bytes the guest is configured for (memory_dynamic_max). */
  readonly memory: number;
  /** Bytes its OS holds at rest (kernel, services). */
  readonly osMemory: number;
}

export type Params = Readonly<Record<string, number>>;

export interface WorkloadDef {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly rhythm: RhythmProfile;
  readonly params: Readonly<Record<string, ParamSpec>>;
  evaluate(p: Params, ctx: WorkloadContext, out: WorkloadDemand): void;
}

// ---- parameters every workload has -------------------------------------------

function common(load: number, daily: number, noise: number, memory: number): Record<string, ParamSpec> {
  return {
    load: { default: load, min: 0, max: 1, unit: 'fraction', description: 'CPU demand per vCPU at the daily peak (1 = a whole CPU)' },
    daily: { default: daily, min: 0, max: 1, unit: 'fraction', description: 'Depth of the daily rhythm (0 = flat, 1 = the full curve)' },
    noise: { default: noise, min: 0, max: 1, unit: 'fraction', description: 'Relative size of random fluctuations' },
    memory: { default: memory, min: 0, max: 1, unit: 'fraction', description: "Share of the VM's memory its applications hold at peak, besides the OS" },
    utc_offset: { default: 0, min: -12, max: 14, unit: 'hours', description: "Timezone of the workload's users (shifts the daily rhythm)" },
  };
}

function num(p: Params, name: string): number {
  return p[name] ?? 0;
}

/** Relative level now: the daily rhythm times (1 + noise), never negative. */
function level(profile: RhythmProfile, p: Params, ctx: WorkloadContext, saltValue: number): number {
  const mid = ctx.t - ctx.dt / 2;
  const rhythm = dailyLevel(profile, ctx.epoch + mid, num(p, 'daily'), num(p, 'utc_offset'));
  return Math.max(0, rhythm * (1 + num(p, 'noise') * fluctuation(ctx.key, saltValue, ctx.t, ctx.dt)));
}

/** Fraction of (t - dt, t] inside the daily window [startHour, startHour + hours) local time. */
export function dailyWindowCoverage(unixEnd: number, dt: number, startHour: number, hours: number, utcOffsetHours = 0): number {
  if (dt <= 0) return 0;
  const day = 86400;
  const end = unixEnd + utcOffsetHours * 3600;
  const from = end - dt;
  if (dt >= 7 * day) return hours / 24;
  let covered = 0;
  for (let d = Math.floor(from / day) - 1; d <= Math.floor(end / day); d++) {
    const ws = d * day + startHour * 3600;
    const we = ws + hours * 3600;
    covered += Math.max(0, Math.min(we, end) - Math.max(ws, from));
  }
  return covered / dt;
}

function memoryInUse(ctx: WorkloadContext, share: number): number {
  return Math.min(ctx.memory * 0.97, ctx.osMemory + share * ctx.memory);
}

const S_LEVEL = salt('workload.level');
const S_HOUSEKEEPING = salt('workload.housekeeping');
const S_BUILD = salt('workload.build');
const S_MAINTENANCE = salt('workload.maintenance');

// ---- the catalogue ----------------------------------------------------------------

const idle: WorkloadDef = {
  name: 'idle',
  label: 'Idle',
  description: 'A quiet server (directory, DNS, a desktop nobody uses): a trickle of work and an hourly housekeeping burst (updates, log rotation, replication).',
  rhythm: 'office',
  params: common(0.03, 0.3, 0.6, 0.15),
  evaluate(p, ctx, out) {
    const l = level('office', p, ctx, S_LEVEL);
    const h = burstCoverage(ctx.key, S_HOUSEKEEPING, ctx.t, ctx.dt, 3600, 0.02, () => 1);
    const cpu = Math.min(1, num(p, 'load') * l + 0.25 * h);
    out.cpuFirst = cpu;
    out.cpuOther = cpu;
    out.kernel = 0.3;
    out.memoryUsed = memoryInUse(ctx, num(p, 'memory') * (0.9 + 0.1 * Math.min(1, l)));
    out.diskReadBps = 10 * KiB * l + 2 * MiB * h;
    out.diskWriteBps = 20 * KiB * l + 1 * MiB * h;
    out.diskReadIops = 1 * l + 60 * h;
    out.diskWriteIops = 3 * l + 40 * h;
    out.netRxBps = 3 * KiB * l + 500 * KiB * h;
    out.netTxBps = 2 * KiB * l + 20 * KiB * h;
    out.dirtyPagesPerSec = 60 * l + 2000 * h;
    out.hotPages = 2048 + 4096 * h;
  },
};

const webServer: WorkloadDef = {
  name: 'web-server',
  label: 'Web server',
  description: 'An HTTP front end or application server: requests follow consumer traffic (trough before dawn, peak in the evening); responses dominate the outgoing traffic; content is mostly served from memory.',
  rhythm: 'consumer',
  params: {
    ...common(0.35, 0.7, 0.25, 0.35),
    requests: { default: 250, min: 0, max: 100000, unit: 'requests/s', description: 'Requests per second at the daily peak' },
    response_kib: { default: 24, min: 0.1, max: 10240, unit: 'KiB', description: 'Mean response size' },
    miss_ratio: { default: 0.03, min: 0, max: 1, unit: 'fraction', description: 'Share of requests that read the disk (page-cache misses)' },
    log_bytes: { default: 250, min: 0, max: 65536, unit: 'B', description: 'Bytes of access log written per request' },
  },
  evaluate(p, ctx, out) {
    const l = level('consumer', p, ctx, S_LEVEL);
    const rate = num(p, 'requests') * l;
    const cpu = Math.min(1, 0.015 + num(p, 'load') * l);
    out.cpuFirst = cpu;
    out.cpuOther = cpu;
    out.kernel = 0.35; // network stacks: many syscalls and interrupts per request
    out.memoryUsed = memoryInUse(ctx, num(p, 'memory') * (0.85 + 0.15 * Math.min(1, l)));
    out.netTxBps = rate * num(p, 'response_kib') * KiB * 1.03; // + HTTP headers
    out.netRxBps = rate * 1.5 * KiB + out.netTxBps * 0.02; // requests + TCP acks
    out.diskReadIops = rate * num(p, 'miss_ratio'); // page-cache misses
    out.diskReadBps = out.diskReadIops * 32 * KiB;
    const log = num(p, 'log_bytes');
    out.diskWriteIops = 4 + (log > 0 ? rate * 0.02 : 0); // access log flushes
    out.diskWriteBps = 40 * KiB + rate * log;
    out.dirtyPagesPerSec = 150 + rate * 1.5;
    out.hotPages = 2048 + rate * 6;
  },
};

const database: WorkloadDef = {
  name: 'database',
  label: 'Database',
  description: 'An OLTP database: transactions follow the application in front of it; buffer-pool misses read 8 KiB pages, commits write the log; a nightly maintenance window (vacuum, backup) reads sequentially and streams a backup off the host.',
  rhythm: 'consumer',
  params: {
    ...common(0.4, 0.6, 0.2, 0.75),
    tps: { default: 80, min: 0, max: 100000, unit: 'transactions/s', description: 'Transactions per second at the daily peak' },
    io_kib: { default: 8, min: 4, max: 1024, unit: 'KiB', description: 'Size of a random read or write' },
    maintenance_mib_per_s: { default: 3, min: 0, max: 4096, unit: 'MiB/s', description: 'Sequential reads of the nightly maintenance (0: none)' },
    maintenance_hour: { default: 1, min: 0, max: 23, unit: 'hour', description: 'Hour in which the one-hour nightly maintenance (vacuum, backup) starts, local time; the minute varies by VM' },
  },
  evaluate(p, ctx, out) {
    const l = level('consumer', p, ctx, S_LEVEL);
    const start = num(p, 'maintenance_hour') + unit(ctx.key, S_MAINTENANCE, 0); // DBAs stagger their jobs
    const m = dailyWindowCoverage(ctx.epoch + ctx.t, ctx.dt, start, 1, num(p, 'utc_offset'));
    const rate = num(p, 'tps') * l;
    const io = num(p, 'io_kib') * KiB;
    const maintenance = num(p, 'maintenance_mib_per_s') * MiB * m;
    const cpu = Math.min(1, 0.02 + num(p, 'load') * l + (maintenance > 0 ? 0.25 * m : 0));
    out.cpuFirst = cpu;
    out.cpuOther = cpu;
    out.kernel = 0.25;
    out.memoryUsed = memoryInUse(ctx, num(p, 'memory')); // the buffer pool is allocated once
    out.diskReadIops = rate * 0.3 + maintenance / (128 * KiB); // buffer-pool misses; maintenance reads 128 KiB extents
    out.diskReadBps = rate * 0.3 * io + maintenance;
    out.diskWriteIops = 5 + rate * 0.6; // log writes, grouped commits, checkpoints
    out.diskWriteBps = out.diskWriteIops * io;
    out.netRxBps = rate * 1 * KiB;
    out.netTxBps = rate * 3 * KiB + maintenance; // the backup leaves the host
    out.dirtyPagesPerSec = 100 + rate * 3;
    out.hotPages = (ctx.memory / PAGE) * 0.04 + rate * 20;
  },
};

const build: WorkloadDef = {
  name: 'build',
  label: 'Build / compile',
  description: 'A CI agent: builds arrive during office hours (and one nightly build at 02:00) and saturate every vCPU while they run, reading sources, writing objects and fetching dependencies.',
  rhythm: 'office',
  params: {
    ...common(0.9, 0.8, 0.15, 0.5),
    builds_per_hour: { default: 2, min: 0, max: 60, unit: 'builds/h', description: 'Builds started per hour at the daily peak' },
    build_minutes: { default: 12, min: 1, max: 240, unit: 'minutes', description: 'How long one build runs' },
  },
  evaluate(p, ctx, out) {
    const perHour = num(p, 'builds_per_hour');
    const minutes = num(p, 'build_minutes');
    let a = 0;
    if (perHour > 0) {
      const period = 3600 / perHour;
      const duty = Math.min(1, (minutes * 60) / period);
      const daily = num(p, 'daily');
      const offset = num(p, 'utc_offset');
      a = burstCoverage(ctx.key, S_BUILD, ctx.t, ctx.dt, period, duty, (s) => dailyLevel('office', ctx.epoch + s, daily, offset));
    }
    const nightly = dailyWindowCoverage(ctx.epoch + ctx.t, ctx.dt, 2, Math.min(4, (2 * minutes) / 60), num(p, 'utc_offset'));
    a = Math.min(1, Math.max(a, nightly));
    const jitter = 1 + num(p, 'noise') * fluctuation(ctx.key, S_LEVEL, ctx.t, ctx.dt);
    const cpu = Math.min(1, Math.max(0, 0.01 + num(p, 'load') * a * jitter));
    out.cpuFirst = cpu;
    out.cpuOther = cpu;
    out.kernel = 0.3; // compilers fork, exec and fault pages in constantly
    out.memoryUsed = memoryInUse(ctx, num(p, 'memory') * (0.1 + 0.9 * a));
    out.diskReadBps = 2 * MiB * a; // sources and caches mostly in the page cache
    out.diskReadIops = 80 * a;
    out.diskWriteBps = 4 * MiB * a;
    out.diskWriteIops = 120 * a;
    out.netRxBps = 4 * MiB * a + 1 * KiB;
    out.netTxBps = 0.8 * MiB * a + 1 * KiB;
    out.dirtyPagesPerSec = 20 + 6000 * a;
    out.hotPages = 1024 + 65536 * a;
  },
};

const gameServer: WorkloadDef = {
  name: 'game-server',
  label: 'Game server',
  description: 'A multiplayer game server: one main simulation thread (vCPU 0) ticking for every player, small UDP snapshots to each client every tick; busy in the evenings and at weekends. Its hot working set is small (Clark et al. measured 60 ms of downtime migrating a Quake 3 server).',
  rhythm: 'evening',
  params: {
    ...common(0.7, 0.85, 0.3, 0.4),
    players: { default: 32, min: 0, max: 1000, unit: 'players', description: 'Players connected at the daily peak' },
    tick_rate: { default: 30, min: 1, max: 256, unit: 'Hz', description: 'Simulation ticks per second' },
  },
  evaluate(p, ctx, out) {
    const l = level('evening', p, ctx, S_LEVEL);
    const players = num(p, 'players') * l;
    const tick = num(p, 'tick_rate');
    out.cpuFirst = Math.min(1, 0.03 + num(p, 'load') * l);
    out.cpuOther = Math.min(1, 0.02 + 0.1 * num(p, 'load') * l);
    out.kernel = 0.4; // a packet in and out per player per tick
    out.memoryUsed = memoryInUse(ctx, num(p, 'memory'));
    out.netTxBps = players * tick * 400;
    out.netRxBps = players * tick * 80;
    out.diskReadBps = 2 * KiB;
    out.diskReadIops = 0.5;
    out.diskWriteBps = 30 * KiB;
    out.diskWriteIops = 3;
    out.dirtyPagesPerSec = 300 + players * 20;
    out.hotPages = 4096 + players * 64;
  },
};

const stress: WorkloadDef = {
  name: 'stress',
  label: 'Memory stress',
  description: "A memory-dirtying stress test: keeps its vCPUs busy rewriting a working set as fast as it is told (Clark et al.'s \"diabolical\" workload, which outruns a migration link).",
  rhythm: 'flat',
  params: {
    ...common(1, 0, 0.05, 0.9),
    dirty_mib_per_s: { default: 256, min: 0, max: 8192, unit: 'MiB/s', description: 'Memory rewritten per second' },
    working_set_mib: { default: 1024, min: 1, max: 1048576, unit: 'MiB', description: 'Size of the region it rewrites' },
  },
  evaluate(p, ctx, out) {
    const jitter = 1 + num(p, 'noise') * fluctuation(ctx.key, S_LEVEL, ctx.t, ctx.dt);
    const cpu = Math.min(1, Math.max(0, num(p, 'load') * jitter));
    out.cpuFirst = cpu;
    out.cpuOther = cpu;
    out.kernel = 0.02;
    out.memoryUsed = memoryInUse(ctx, num(p, 'memory'));
    out.diskReadBps = 0;
    out.diskReadIops = 0;
    out.diskWriteBps = 4 * KiB;
    out.diskWriteIops = 1;
    out.netRxBps = 500;
    out.netTxBps = 500;
    out.dirtyPagesPerSec = num(p, 'dirty_mib_per_s') * (MiB / PAGE);
    out.hotPages = Math.min((num(p, 'working_set_mib') * MiB) / PAGE, ctx.memory / PAGE);
  },
};

export const WORKLOADS: ReadonlyMap<string, WorkloadDef> = new Map([idle, webServer, database, build, gameServer, stress].map((w) => [w.name, w]));

export const WORKLOAD_NAMES: readonly string[] = [...WORKLOADS.keys()];

export function workloadByName(name: string): WorkloadDef | undefined {
  return WORKLOADS.get(name);
}

/** Every parameter of `def`, the given values over the defaults. */
export function effectiveParams(def: WorkloadDef, given: Params): Params {
  const out: Record<string, number> = {};
  for (const [name, spec] of Object.entries(def.params)) out[name] = given[name] ?? spec.default;
  return out;
}

/**
 * Parse and check parameters given as JSON text ('' means none): an object
 * whose keys are parameters of `def` and whose values are finite numbers in
 * bounds. Returns the given parameters, or a sentence saying what is wrong.
 */
export function parseParams(def: WorkloadDef, text: string): { ok: true; params: Params } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'parameters are not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'parameters must be a JSON object' };
  const params: Record<string, number> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const spec = def.params[key];
    if (spec === undefined) return { ok: false, reason: `${def.name} has no parameter ${key}` };
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, reason: `${key} must be a number` };
    if (v < spec.min || v > spec.max) return { ok: false, reason: `${key} must be between ${String(spec.min)} and ${String(spec.max)}` };
    params[key] = v;
  }
  return { ok: true, params };
}

/** Leniently read parameters (as stored in other_config): unknown keys and bad values are dropped. */
export function readParams(def: WorkloadDef, text: string | undefined): Params {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const params: Record<string, number> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const spec = def.params[key];
    if (spec !== undefined && typeof v === 'number' && Number.isFinite(v) && v >= spec.min && v <= spec.max) params[key] = v;
  }
  return params;
}
