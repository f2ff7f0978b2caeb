// Workload Balancing's pool configuration, in the keys XenCenter sends with
// pool.send_wlb_configuration (XenModel/WLB/WlbPoolConfiguration.cs) and with
// WLB's defaults (XENAPI.md): critical thresholds CPU 90 %, free memory 51 MB,
// network and disk read/write 26 MB/s; High/Medium/Low derive from Critical by
// the factors 0.85/0.50/0.15 (free memory: 1.25/10/20, since less is worse).
// "Maximize performance" (OptimizationMode 0) acts at High, "Maximize
// density" (1) at Critical.

export type Metric = 'cpu' | 'memory' | 'netRead' | 'netWrite' | 'diskRead' | 'diskWrite';
export const METRICS: readonly Metric[] = ['cpu', 'memory', 'netRead', 'netWrite', 'diskRead', 'diskWrite'];
export type Level = 'critical' | 'high' | 'medium' | 'low';

export interface WlbConfig {
  readonly mode: 'performance' | 'density';
  /** Critical thresholds: CPU as a fraction, memory as free bytes, I/O in bytes per second. */
  readonly critical: Readonly<Record<Metric, number>>;
  readonly autoBalance: boolean;
  /** Minutes a VM that WLB moved is left alone (WLB's RecentMoveMinutes). */
  readonly recentMoveMinutes: number;
}

const MB = 1024 * 1024;

/** The configuration keys of each metric's critical threshold, and their units on the wire. */
export const CRITICAL_KEYS: Readonly<Record<Metric, { key: string; toInternal: (v: number) => number; toWire: (v: number) => number }>> = {
  cpu: { key: 'HostCpuThresholdCritical', toInternal: (v) => v / 100, toWire: (v) => Math.round(v * 100) },
  memory: { key: 'HostMemoryThresholdCritical', toInternal: (v) => v * MB, toWire: (v) => v / MB },
  netRead: { key: 'HostPifReadThresholdCritical', toInternal: (v) => v * MB, toWire: (v) => v / MB },
  netWrite: { key: 'HostPifWriteThresholdCritical', toInternal: (v) => v * MB, toWire: (v) => v / MB },
  diskRead: { key: 'HostPbdReadThresholdCritical', toInternal: (v) => v * MB, toWire: (v) => v / MB },
  diskWrite: { key: 'HostPbdWriteThresholdCritical', toInternal: (v) => v * MB, toWire: (v) => v / MB },
};

export const DEFAULT_CONFIG: WlbConfig = {
  mode: 'performance',
  critical: { cpu: 0.9, memory: 51 * MB, netRead: 26 * MB, netWrite: 26 * MB, diskRead: 26 * MB, diskWrite: 26 * MB },
  autoBalance: false,
  recentMoveMinutes: 60,
};

const FACTORS: Readonly<Record<'usage' | 'free', Readonly<Record<Exclude<Level, 'critical'>, number>>>> = {
  usage: { high: 0.85, medium: 0.5, low: 0.15 },
  free: { high: 1.25, medium: 10, low: 20 },
};

export function threshold(config: WlbConfig, metric: Metric, level: Level): number {
  const critical = config.critical[metric];
  if (level === 'critical') return critical;
  return critical * FACTORS[metric === 'memory' ? 'free' : 'usage'][level];
}

/** The worst level a value reaches (memory: free bytes, lower is worse), or undefined below Low. */
export function levelOf(config: WlbConfig, metric: Metric, value: number): Level | undefined {
  for (const level of ['critical', 'high', 'medium', 'low'] as const) {
    const t = threshold(config, metric, level);
    if (metric === 'memory' ? value <= t : value >= t) return level;
  }
  return undefined;
}

/** Read a configuration map (pool.send_wlb_configuration's); bad values are reported by key. */
export function parseConfig(map: Readonly<Record<string, string>>, base: WlbConfig = DEFAULT_CONFIG): { config: WlbConfig } | { bad: string } {
  const critical: Record<Metric, number> = { ...base.critical };
  for (const metric of METRICS) {
    const { key, toInternal } = CRITICAL_KEYS[metric];
    const raw = map[key];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || (metric === 'cpu' && n > 100)) return { bad: key };
    critical[metric] = toInternal(n);
  }
  let mode = base.mode;
  const rawMode = map['OptimizationMode'];
  if (rawMode !== undefined) {
    if (rawMode === '0' || rawMode === 'MaximizePerformance') mode = 'performance';
    else if (rawMode === '1' || rawMode === 'MaximizeDensity') mode = 'density';
    else return { bad: 'OptimizationMode' };
  }
  let autoBalance = base.autoBalance;
  const rawAuto = map['AutoBalanceEnabled'];
  if (rawAuto !== undefined) {
    if (rawAuto !== 'true' && rawAuto !== 'false') return { bad: 'AutoBalanceEnabled' };
    autoBalance = rawAuto === 'true';
  }
  let recentMoveMinutes = base.recentMoveMinutes;
  const rawRecent = map['RecentMoveMinutes'];
  if (rawRecent !== undefined) {
    const n = Number(rawRecent);
    if (!Number.isInteger(n) || n < 0) return { bad: 'RecentMoveMinutes' };
    recentMoveMinutes = n;
  }
  return { config: { mode, critical, autoBalance, recentMoveMinutes } };
}

/** The configuration as pool.retrieve_wlb_configuration answers it (all levels spelled out). */
export function configToMap(config: WlbConfig): Record<string, string> {
  const map: Record<string, string> = {
    OptimizationMode: config.mode === 'performance' ? '0' : '1',
    AutoBalanceEnabled: String(config.autoBalance),
    RecentMoveMinutes: String(config.recentMoveMinutes),
  };
  for (const metric of METRICS) {
    const { key, toWire } = CRITICAL_KEYS[metric];
    const base = key.replace(/Critical$/, '');
    for (const level of ['critical', 'high', 'medium', 'low'] as const) {
      map[`${base}${level[0]!.toUpperCase()}${level.slice(1)}`] = String(toWire(threshold(config, metric, level)));
    }
  }
  return map;
}
