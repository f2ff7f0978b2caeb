// What XenCenter calls each data source (FriendlyNames "Label-performance.*",
// Helpers.GetFriendlyDataSourceName), how it groups them in the Graph
// Details dialog (Helpers.GetDataSourceCategory), and how a value reads:
// CPU fractions as percentages, memory in bytes, traffic in bytes per second.
import { formatBytes } from '../../format/bytes';

export type DataSourceCategory = 'CPU' | 'Memory' | 'Disk' | 'Storage' | 'Network' | 'Latency' | 'Load Average' | 'Custom';

/** The categories in XenCenter's order. */
export const CATEGORIES: readonly DataSourceCategory[] = ['CPU', 'Memory', 'Disk', 'Storage', 'Network', 'Latency', 'Load Average', 'Custom'];

/** How a series' values are scaled and written (one y-axis per kind in a graph). */
export type ValueKind = 'percent' | 'bytes' | 'bytes-per-second' | 'microseconds' | 'per-second' | 'number';

/** Facts about the object the names need: its VIFs' networks, its VBDs' user devices. */
export interface NameContext {
  /** VM: VIF device ("0") → network name. */
  readonly vifNetwork?: (device: string) => string | undefined;
  /** VM: VBD device ("xvda") → user device ("0"). */
  readonly vbdUserdevice?: (device: string) => string | undefined;
}

const CPU = /^cpu(\d+)$/;
const VIF = /^vif_(\d+)_(tx|rx)(_errors)?$/;
const PIF = /^pif_(.+?)_(tx|rx)(_errors)?$/;
const VBD = /^vbd_([a-z]+)_(.+)$/;

const FIXED: Readonly<Record<string, string>> = {
  cpu_avg: 'Average CPU',
  cpu_usage: 'CPU Usage',
  loadavg: 'Control Domain Load',
  memory: 'Total Memory',
  memory_total_kib: 'Total Memory',
  // Shown as used memory (rrd-series.ts derives it), as XenCenter does.
  memory_free_kib: 'Used Memory',
  memory_internal_free: 'Used Memory',
  memory_target: 'Memory target',
  memory_reclaimed: 'Reclaimed Memory',
  memory_reclaimed_max: 'Potential Reclaimed Memory',
  pif_aggr_rx: 'Total NIC Receive',
  pif_aggr_tx: 'Total NIC Send',
  runnable_vcpus: 'vCPUs runnable',
  hostload: 'Host Load',
  running_vcpus: 'Running vCPUs',
  running_domains: 'Running Domains',
};

const VBD_FIELDS: Readonly<Record<string, string>> = {
  read: 'Disk {0} Read',
  write: 'Disk {0} Write',
  read_latency: 'Disk {0} Read Latency',
  write_latency: 'Disk {0} Write Latency',
  latency: 'Disk {0} Average I/O Latency',
  iops_read: 'Disk {0} Read IOPS',
  iops_write: 'Disk {0} Write IOPS',
  iops_total: 'Disk {0} Total IOPS',
  io_throughput_read: 'Disk {0} IO Read Throughput',
  io_throughput_write: 'Disk {0} IO Write Throughput',
  io_throughput_total: 'Disk {0} IO Total Throughput',
  iowait: 'Disk {0} IO Wait',
  inflight: 'Disk {0} Inflight Requests',
  avgqu_sz: 'Disk {0} Queue Size',
};

const direction = (d: string | undefined) => (d === 'rx' ? 'Receive' : 'Send');

/** XenCenter's name for a data source; the raw name when it has none. */
export function friendlyName(name: string, context: NameContext = {}): string {
  const fixed = FIXED[name];
  if (fixed !== undefined) return fixed;
  const cpu = CPU.exec(name);
  if (cpu) return `CPU ${cpu[1] ?? ''}`;
  const vif = VIF.exec(name);
  if (vif) {
    const network = context.vifNetwork?.(vif[1] ?? '') ?? `Network ${vif[1] ?? ''}`;
    return `${network} ${direction(vif[2])}${vif[3] === undefined ? '' : ' Errors'}`;
  }
  const pif = PIF.exec(name);
  if (pif) {
    const dev = pif[1] ?? '';
    const nic = /^eth(\d+)$/.exec(dev);
    return `${nic ? `NIC ${nic[1] ?? ''}` : dev} ${direction(pif[2])}${pif[3] === undefined ? '' : ' Errors'}`;
  }
  const vbd = VBD.exec(name);
  if (vbd) {
    const pattern = VBD_FIELDS[vbd[2] ?? ''];
    if (pattern !== undefined) return pattern.replace('{0}', context.vbdUserdevice?.(vbd[1] ?? '') ?? vbd[1] ?? '');
  }
  return name;
}

/** XenCenter's category (Helpers.GetDataSourceCategory, for the sources xapi reports here). */
export function categoryOf(name: string): DataSourceCategory {
  if (CPU.test(name) || name === 'cpu_avg' || name === 'cpu_usage' || name === 'runnable_vcpus' || name.startsWith('runstate_')) return 'CPU';
  if (VIF.test(name) || PIF.test(name)) return 'Network';
  if (VBD.test(name)) return 'Disk';
  if (name === 'loadavg') return 'Load Average';
  if (name.startsWith('memory')) return 'Memory';
  return 'Custom';
}

/** How a data source's values (as rrd-series.ts gives them) are scaled and written. */
export function valueKindOf(name: string): ValueKind {
  if (CPU.test(name) || name === 'cpu_avg' || name === 'cpu_usage' || name === 'runnable_vcpus' || name === 'hostload') return 'percent';
  if (name.startsWith('memory')) return 'bytes';
  if (VIF.test(name) || PIF.test(name)) return name.endsWith('_errors') ? 'per-second' : 'bytes-per-second';
  const vbd = VBD.exec(name);
  if (vbd) {
    const field = vbd[2] ?? '';
    if (field === 'read' || field === 'write') return 'bytes-per-second';
    if (field.endsWith('latency')) return 'microseconds';
    if (field.startsWith('iops')) return 'per-second';
  }
  return 'number';
}

const trim = (n: number, digits: number) => Number(n.toFixed(digits)).toString();

/** A value as the graphs and their tables write it. */
export function formatValue(kind: ValueKind, value: number): string {
  if (Number.isNaN(value)) return 'no data';
  switch (kind) {
    case 'percent':
      return `${trim(value * 100, value * 100 >= 10 ? 0 : 1)}%`;
    case 'bytes':
      return formatBytes(value);
    case 'bytes-per-second':
      return `${formatBytes(value)}/s`;
    case 'microseconds':
      return value >= 1000 ? `${trim(value / 1000, 1)} ms` : `${trim(value, 0)} μs`;
    case 'per-second':
      return `${trim(value, value >= 10 ? 0 : 1)}/s`;
    case 'number':
      return trim(value, Math.abs(value) >= 10 ? 1 : 2);
  }
}
