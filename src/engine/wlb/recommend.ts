// Workload Balancing's decisions, pure: given each host's and VM's recent
// averages and the pool configuration, which VMs should move where, and how
// good each host would be for a VM (the stars of "Optimal Server").
//
// Optimization: while some host is at or above the acting level (High when
// maximizing performance, Critical when maximizing density) on a metric, take
// the VM on it that contributes most to that metric and move it to the host
// that stays below the acting level with the best result — the least loaded
// host for performance, the most loaded one that still fits for density — then
// look again with the move applied. VMs that cannot move (local disks, no
// tools) are skipped. Consolidating hosts to power them off is not modelled.
import { levelOf, METRICS, threshold, type Level, type Metric, type WlbConfig } from './wlb-config';

export interface HostLoad {
  readonly id: string;
  readonly name: string;
  readonly cpus: number;
  /** Average CPU use, a fraction of all the host's CPUs. */
  readonly cpu: number;
  readonly memoryFree: number;
  readonly netRead: number;
  readonly netWrite: number;
  readonly diskRead: number;
  readonly diskWrite: number;
}

export interface VmLoad {
  readonly id: string;
  readonly name: string;
  readonly host: string;
  /** Average CPU use in physical CPUs (0.5 = half a core). */
  readonly cpuCores: number;
  /** Memory it holds on its host (footprint, bytes). */
  readonly memory: number;
  readonly netRead: number;
  readonly netWrite: number;
  readonly diskRead: number;
  readonly diskWrite: number;
  /** Whether it may live-migrate (shared disks, tools, no passthrough). */
  readonly movable: boolean;
}

export interface Recommendation {
  readonly vm: string;
  readonly from: string;
  readonly to: string;
  readonly metric: Metric;
  /** Plain words, e.g. "xenserver-02 CPU 93 % ≥ 77 % (High)". */
  readonly detail: string;
}

/** WLB's reason codes (XenCenter's WLB_OPT_REASON_*). */
export const REASON_CODE: Readonly<Record<Metric, string>> = {
  cpu: 'CPU',
  memory: 'Memory',
  netRead: 'NetworkRead',
  netWrite: 'NetworkWrite',
  diskRead: 'DiskRead',
  diskWrite: 'DiskWrite',
};

const LABEL: Readonly<Record<Metric, string>> = { cpu: 'CPU', memory: 'free memory', netRead: 'network read', netWrite: 'network write', diskRead: 'disk read', diskWrite: 'disk write' };
const LEVEL_RANK: Readonly<Record<Level, number>> = { critical: 4, high: 3, medium: 2, low: 1 };

type MutableHost = { -readonly [K in keyof HostLoad]: HostLoad[K] };

function formatValue(metric: Metric, v: number): string {
  if (metric === 'cpu') return `${String(Math.round(v * 100))} %`;
  return `${(v / (1024 * 1024)).toFixed(metric === 'memory' ? 0 : 1)} MB${metric === 'memory' ? '' : '/s'}`;
}

function value(host: HostLoad, metric: Metric): number {
  return host[metric === 'memory' ? 'memoryFree' : metric];
}

/** How far past a level a host is on a metric (≥ 1 at the level): compares across metrics. */
function pressure(config: WlbConfig, host: HostLoad, metric: Metric, level: Level): number {
  const t = threshold(config, metric, level);
  const v = value(host, metric);
  if (metric === 'memory') return v <= 0 ? Number.POSITIVE_INFINITY : t / v;
  return t <= 0 ? 0 : v / t;
}

function actingLevel(config: WlbConfig): Level {
  return config.mode === 'performance' ? 'high' : 'critical';
}

function withVm(host: HostLoad, vm: VmLoad, sign: 1 | -1): MutableHost {
  return {
    ...host,
    cpu: Math.max(0, host.cpu + (sign * vm.cpuCores) / Math.max(1, host.cpus)),
    memoryFree: host.memoryFree - sign * vm.memory,
    netRead: Math.max(0, host.netRead + sign * vm.netRead),
    netWrite: Math.max(0, host.netWrite + sign * vm.netWrite),
    diskRead: Math.max(0, host.diskRead + sign * vm.diskRead),
    diskWrite: Math.max(0, host.diskWrite + sign * vm.diskWrite),
  };
}

/** The largest pressure of a host against the acting level (< 1: below it on every metric). */
function worstPressure(config: WlbConfig, host: HostLoad): number {
  const level = actingLevel(config);
  return Math.max(...METRICS.map((m) => pressure(config, host, m, level)));
}

function contribution(vm: VmLoad, metric: Metric): number {
  return metric === 'cpu' ? vm.cpuCores : metric === 'memory' ? vm.memory : vm[metric];
}

/** Where a VM would go from its host: the best host that stays below the acting level. */
function bestTarget(config: WlbConfig, hosts: ReadonlyMap<string, HostLoad>, vm: VmLoad, exclude: string): HostLoad | undefined {
  let best: { host: HostLoad; score: number } | undefined;
  for (const host of hosts.values()) {
    if (host.id === exclude) continue;
    const after = withVm(host, vm, 1);
    if (after.memoryFree < threshold(config, 'memory', 'critical')) continue;
    const p = worstPressure(config, after);
    if (p >= 1) continue;
    // Performance spreads load (lowest pressure wins); density packs it (highest that fits wins).
    const score = config.mode === 'performance' ? -p : p;
    if (best === undefined || score > best.score || (score === best.score && host.name < best.host.name)) best = { host, score };
  }
  return best?.host;
}

/** pool.retrieve_wlb_recommendations: the moves that bring every host below the acting level. */
export function optimizePool(config: WlbConfig, hostLoads: readonly HostLoad[], vmLoads: readonly VmLoad[]): Recommendation[] {
  const hosts = new Map(hostLoads.map((h) => [h.id, { ...h }]));
  const vms = new Map(vmLoads.map((v) => [v.id, { ...v }]));
  const moved = new Set<string>();
  const stuck = new Set<string>();
  const level = actingLevel(config);
  const out: Recommendation[] = [];
  for (let guard = 0; guard < vmLoads.length; guard++) {
    // The host and metric most over the acting level.
    let worst: { host: HostLoad; metric: Metric; p: number } | undefined;
    for (const host of hosts.values()) {
      for (const metric of METRICS) {
        if (stuck.has(`${host.id}:${metric}`)) continue;
        const p = pressure(config, host, metric, level);
        if (p >= 1 && (worst === undefined || p > worst.p)) worst = { host, metric, p };
      }
    }
    if (worst === undefined) break;
    const { host, metric } = worst;
    const candidates = [...vms.values()]
      .filter((v) => v.host === host.id && v.movable && !moved.has(v.id) && contribution(v, metric) > 0)
      .sort((a, b) => contribution(b, metric) - contribution(a, metric) || (a.name < b.name ? -1 : 1));
    let done = false;
    for (const vm of candidates) {
      const target = bestTarget(config, hosts, vm, host.id);
      if (target === undefined) continue;
      const reached = levelOf(config, metric, value(host, metric)) ?? level;
      out.push({
        vm: vm.id,
        from: host.id,
        to: target.id,
        metric,
        detail: `${host.name} ${LABEL[metric]} ${formatValue(metric, value(host, metric))} ${metric === 'memory' ? '≤' : '≥'} ${formatValue(metric, threshold(config, metric, reached))} (${reached[0]!.toUpperCase()}${reached.slice(1)})`,
      });
      hosts.set(host.id, withVm(host, vm, -1));
      hosts.set(target.id, withVm(target, vm, 1));
      vms.set(vm.id, { ...vm, host: target.id });
      moved.add(vm.id);
      done = true;
      break;
    }
    if (!done) stuck.add(`${host.id}:${metric}`);
  }
  return out;
}

/**
 * VM.retrieve_wlb_recommendations: a star rating (0–5) per host the VM could
 * run on, higher for hosts left with more headroom; hosts that would reach
 * the acting level get 0.
 */
export function rateHosts(config: WlbConfig, hostLoads: readonly HostLoad[], vm: VmLoad): Map<string, number> {
  const ratings = new Map<string, number>();
  for (const host of hostLoads) {
    const after = host.id === vm.host ? host : withVm(host, vm, 1);
    const p = worstPressure(config, after);
    ratings.set(host.id, p >= 1 ? 0 : Math.round((1 - p) * 50) / 10);
  }
  return ratings;
}

/** The level rank of a host's worst metric (for display): 0 when below Low. */
export function hostLevel(config: WlbConfig, host: HostLoad): { level: Level | undefined; metric: Metric | undefined } {
  let worst: { level: Level; metric: Metric } | undefined;
  for (const metric of METRICS) {
    const level = levelOf(config, metric, value(host, metric));
    if (level !== undefined && (worst === undefined || LEVEL_RANK[level] > LEVEL_RANK[worst.level])) worst = { level, metric };
  }
  return { level: worst?.level, metric: worst?.metric };
}
