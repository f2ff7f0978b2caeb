// What the WLB tab and its Settings dialog read and write, pure: the pool
// configuration map XenCenter exchanges with pool.send/retrieve_wlb_configuration
// (OptimizationMode 0 = Maximize Performance, 1 = Maximize Density;
// AutoBalanceEnabled; Host…ThresholdCritical/High/Medium/Low with CPU in
// percent, free memory in MB, network and disk in MB/s), the recommendations
// answer of pool.retrieve_wlb_recommendations ({ VM: ["WLB", host uuid, optId,
// recId, reason code, words] }), and each server's recent load from the RRDs.
import type { RrdUpdatesData } from '../../../xapi/rrd-updates-client';
import type { CacheReader } from '../../actions/action-types';

export type WlbMetric = 'cpu' | 'memory' | 'netRead' | 'netWrite' | 'diskRead' | 'diskWrite';
export const WLB_METRICS: readonly WlbMetric[] = ['cpu', 'memory', 'netRead', 'netWrite', 'diskRead', 'diskWrite'];
export type WlbLevel = 'Critical' | 'High' | 'Medium' | 'Low';
export const WLB_LEVELS: readonly WlbLevel[] = ['Critical', 'High', 'Medium', 'Low'];

export const METRIC_INFO: Readonly<Record<WlbMetric, { label: string; unit: string; key: string; max: number; defaultCritical: number }>> = {
  cpu: { label: 'CPU utilization', unit: '%', key: 'HostCpuThreshold', max: 100, defaultCritical: 90 },
  memory: { label: 'Free memory', unit: 'MB', key: 'HostMemoryThreshold', max: 1048576, defaultCritical: 51 },
  netRead: { label: 'Network read', unit: 'MB/s', key: 'HostPifReadThreshold', max: 100000, defaultCritical: 26 },
  netWrite: { label: 'Network write', unit: 'MB/s', key: 'HostPifWriteThreshold', max: 100000, defaultCritical: 26 },
  diskRead: { label: 'Disk read', unit: 'MB/s', key: 'HostPbdReadThreshold', max: 100000, defaultCritical: 26 },
  diskWrite: { label: 'Disk write', unit: 'MB/s', key: 'HostPbdWriteThreshold', max: 100000, defaultCritical: 26 },
};

/** WLB's factors from Critical to the other levels (free memory: more is better, so they grow). */
const FACTORS: Readonly<Record<'usage' | 'free', Readonly<Record<WlbLevel, number>>>> = {
  usage: { Critical: 1, High: 0.85, Medium: 0.5, Low: 0.15 },
  free: { Critical: 1, High: 1.25, Medium: 10, Low: 20 },
};

export type OptimizationMode = 'performance' | 'density';

export interface WlbSettings {
  readonly mode: OptimizationMode;
  readonly autoBalance: boolean;
  /** Critical thresholds in the wire units (%, MB, MB/s). */
  readonly critical: Readonly<Record<WlbMetric, number>>;
}

export function levelValue(metric: WlbMetric, critical: number, level: WlbLevel): number {
  return critical * FACTORS[metric === 'memory' ? 'free' : 'usage'][level];
}

export function formatThreshold(metric: WlbMetric, value: number): string {
  const rounded = metric === 'cpu' ? Math.round(value * 10) / 10 : Math.round(value * 100) / 100;
  return `${String(rounded)} ${METRIC_INFO[metric].unit}`;
}

export function settingsFromMap(map: Readonly<Record<string, string>>): WlbSettings {
  const critical = {} as Record<WlbMetric, number>;
  for (const m of WLB_METRICS) {
    const v = Number(map[`${METRIC_INFO[m].key}Critical`]);
    critical[m] = Number.isFinite(v) && v > 0 ? v : METRIC_INFO[m].defaultCritical;
  }
  return { mode: map['OptimizationMode'] === '1' ? 'density' : 'performance', autoBalance: map['AutoBalanceEnabled'] === 'true', critical };
}

/** The map pool.send_wlb_configuration takes (the pool derives High/Medium/Low from Critical). */
export function settingsToMap(s: WlbSettings): Record<string, string> {
  const map: Record<string, string> = { OptimizationMode: s.mode === 'performance' ? '0' : '1', AutoBalanceEnabled: String(s.autoBalance) };
  for (const m of WLB_METRICS) map[`${METRIC_INFO[m].key}Critical`] = String(s.critical[m]);
  return map;
}

/** A critical threshold field's text: undefined when valid, else what is wrong. */
export function thresholdError(metric: WlbMetric, text: string): string | undefined {
  const info = METRIC_INFO[metric];
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) return `Enter the ${info.label.toLowerCase()} threshold as a number of ${info.unit}.`;
  if (v <= 0) return `The ${info.label.toLowerCase()} threshold must be above 0 ${info.unit}.`;
  if (v > info.max) return `The ${info.label.toLowerCase()} threshold can be at most ${String(info.max)} ${info.unit}.`;
  return undefined;
}

export const MODE_LABELS: Readonly<Record<OptimizationMode, string>> = { performance: 'Maximize Performance', density: 'Maximize Density' };

export interface RecommendationRow {
  readonly vm: string;
  readonly vmName: string;
  readonly from: string;
  readonly fromName: string;
  readonly to: string;
  readonly toName: string;
  /** WLB's reason code: CPU, Memory, NetworkRead, … */
  readonly reason: string;
  /** In words, e.g. "xenserver-01 network write 31.0 MB/s ≥ 26.0 MB/s (Critical)". */
  readonly detail: string;
  /** Order WLB gave (recId). */
  readonly order: number;
}

const REASON_WORDS: Readonly<Record<string, string>> = {
  CPU: 'CPU',
  Memory: 'Memory',
  NetworkRead: 'Network read',
  NetworkWrite: 'Network write',
  DiskRead: 'Disk read',
  DiskWrite: 'Disk write',
};

export function reasonWords(code: string): string {
  return REASON_WORDS[code] ?? code;
}

export function parseRecommendations(answer: Readonly<Record<string, readonly string[]>>, cache: CacheReader): RecommendationRow[] {
  const hostByUuid = new Map([...cache.all('host')].map(([ref, h]) => [h.uuid, { ref, name: h.name_label }]));
  const rows: RecommendationRow[] = [];
  for (const [vm, entry] of Object.entries(answer)) {
    if (entry[0] !== 'WLB') continue;
    const record = cache.get('VM', vm);
    const target = hostByUuid.get(entry[1] ?? '');
    if (record === undefined || target === undefined) continue;
    const from = record.resident_on;
    rows.push({
      vm,
      vmName: record.name_label,
      from,
      fromName: cache.get('host', from)?.name_label ?? '',
      to: target.ref,
      toName: target.name,
      reason: entry[4] ?? '',
      detail: entry[5] ?? '',
      order: Number(entry[3] ?? 0),
    });
  }
  return rows.sort((a, b) => a.order - b.order || a.vmName.localeCompare(b.vmName));
}

export interface HostLoadRow {
  readonly ref: string;
  readonly name: string;
  /** Averages over the span asked for; undefined when the RRDs have none. */
  readonly cpu: number | undefined;
  readonly memoryFree: number | undefined;
  readonly netRead: number | undefined;
  readonly netWrite: number | undefined;
}

function mean(data: RrdUpdatesData, column: number): number | undefined {
  let sum = 0;
  let n = 0;
  for (const row of data.rows) {
    const v = row.values[column];
    if (v !== undefined && Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? undefined : sum / n;
}

/** Each server's averages (CPU as a fraction, memory in bytes, network in bytes/s), by name. */
export function hostLoads(data: RrdUpdatesData | undefined, cache: CacheReader): HostLoadRow[] {
  const column = (uuid: string, name: string) => (data === undefined ? -1 : data.columns.findIndex((c) => c.kind === 'host' && c.uuid === uuid && c.name === name));
  const avg = (uuid: string, name: string) => {
    const j = column(uuid, name);
    return data === undefined || j < 0 ? undefined : mean(data, j);
  };
  return [...cache.all('host')]
    .map(([ref, h]) => {
      const freeKib = avg(h.uuid, 'memory_free_kib');
      return { ref, name: h.name_label, cpu: avg(h.uuid, 'cpu_avg'), memoryFree: freeKib === undefined ? undefined : freeKib * 1024, netRead: avg(h.uuid, 'pif_aggr_rx'), netWrite: avg(h.uuid, 'pif_aggr_tx') };
    })
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}
