// What xapi says about each data source: description, units, bounds and
// whether it is recorded by default ("standard"), from the xcp-rrdd plugins
// that report them (ocaml/xcp-rrdd/bin/rrdp-cpu, rrdp-squeezed, rrdp-netdev,
// rrdp-iostat; Ds.ds_make defaults: min -infinity, max infinity). A value
// outside [min, max] is stored as unknown, as xapi's Rrd.ds_update does.
import type { RrdKind } from './rrd-store';

export interface DsInfo {
  readonly description: string;
  readonly units: string;
  readonly min: number;
  readonly max: number;
  /** Recorded as soon as it is reported (xcp-rrdd's ds_default). */
  readonly standard: boolean;
}

const FRACTION = '(fraction)';
const info = (description: string, units: string, min: number, max: number, standard = true): DsInfo => ({ description, units, min, max, standard });
const bytesPerSecond = (description: string) => info(description, 'B/s', 0, Infinity);

const HOST_FIXED: Readonly<Record<string, DsInfo>> = {
  cpu_avg: info('Average physical cpu usage', FRACTION, 0, 1),
  loadavg: info('Domain0 loadavg', FRACTION, -Infinity, Infinity),
  memory_total_kib: info('Total amount of memory in the host', 'KiB', 0, Infinity),
  memory_free_kib: info('Total amount of free memory', 'KiB', 0, Infinity),
  memory_reclaimed: info('Host memory reclaimed by squeezed', 'B', -Infinity, Infinity),
  memory_reclaimed_max: info('Host memory that could be reclaimed by squeezed', 'B', -Infinity, Infinity),
  pif_aggr_rx: bytesPerSecond('Bytes per second received on all physical interfaces'),
  pif_aggr_tx: bytesPerSecond('Bytes per second sent on all physical interfaces'),
  hostload: info('Host load per physical cpu, where load refers to the number of vCPU(s) in running or runnable status.', FRACTION, 0, Infinity),
  running_vcpus: info('The total number of running vCPUs per host', 'count', 0, Infinity),
  running_domains: info('The total number of running domains per host', 'count', 0, Infinity),
};

const VM_FIXED: Readonly<Record<string, DsInfo>> = {
  cpu_usage: info('Domain CPU usage', FRACTION, 0, 1),
  runnable_vcpus: info('Fraction of time that vCPUs of the domain are runnable', FRACTION, 0, 1, false),
  memory: info('Memory currently allocated to VM', 'B', 0, Infinity),
  memory_target: info('Target of VM balloon driver', 'B', 0, Infinity),
  memory_internal_free: info('Memory used as reported by the guest agent', 'KiB', 0, Infinity),
};

const DOM0_INTERNAL_FREE = info('Dom0 current free memory', 'KiB', 0, Infinity);

const VBD_FIELDS: Readonly<Record<string, DsInfo>> = {
  read: bytesPerSecond('Reads from device VDI, in B/s'),
  write: bytesPerSecond('Writes from device VDI, in B/s'),
  read_latency: info('Read latency from device VDI, in microseconds', 'μs', 0, Infinity),
  write_latency: info('Write latency from device VDI, in microseconds', 'μs', 0, Infinity),
  iops_read: info('Read requests per second', 'requests/s', 0, Infinity),
  iops_write: info('Write requests per second', 'requests/s', 0, Infinity),
  iops_total: info('I/O Requests per second', 'requests/s', 0, Infinity),
  io_throughput_read: info('Data read from the VDI, in MiB/s', 'MiB/s', 0, Infinity),
  io_throughput_write: info('Data written to the VDI, in MiB/s', 'MiB/s', 0, Infinity),
  io_throughput_total: info('All VDI I/O, in MiB/s', 'MiB/s', 0, Infinity),
  iowait: info('Total I/O wait time (all requests) per second', 's/s', 0, Infinity),
  inflight: info('Number of I/O requests currently in flight', 'requests', 0, Infinity),
};

/** Anything the sampler reports that xapi has no entry for: recorded, unbounded. */
const UNKNOWN = info('', '', -Infinity, Infinity);

const CPU = /^cpu(\d+)$/;
const PIF = /^pif_(.+)_(rx|tx)$/;
const VIF = /^vif_(\d+)_(rx|tx)$/;
const VBD = /^vbd_([^_]+)_(.+)$/;

const cache = new Map<string, DsInfo>();

/** The catalogue entry of a data source; `controlDomain` for dom0's RRD. */
export function dsInfo(kind: RrdKind, name: string, controlDomain = false): DsInfo {
  const key = `${kind}${controlDomain ? '0' : ''}:${name}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = lookup(kind, name, controlDomain);
    cache.set(key, found);
  }
  return found;
}

function lookup(kind: RrdKind, name: string, controlDomain: boolean): DsInfo {
  const cpu = CPU.exec(name);
  if (kind === 'host') {
    if (cpu) return info(`Physical cpu usage for cpu ${cpu[1] ?? ''}`, FRACTION, 0, 1);
    const fixed = HOST_FIXED[name];
    if (fixed !== undefined) return fixed;
    const pif = PIF.exec(name);
    if (pif) {
      const dev = pif[1] ?? '';
      return bytesPerSecond(pif[2] === 'rx' ? `Bytes per second received on physical interface ${dev}` : `Bytes per second sent on physical interface ${dev}`);
    }
    return UNKNOWN;
  }
  if (cpu) return info(`CPU${cpu[1] ?? ''} usage`, FRACTION, 0, 1);
  if (name === 'memory_internal_free' && controlDomain) return DOM0_INTERNAL_FREE;
  const fixed = VM_FIXED[name];
  if (fixed !== undefined) return fixed;
  const vif = VIF.exec(name);
  if (vif) {
    const n = vif[1] ?? '';
    return bytesPerSecond(vif[2] === 'rx' ? `Bytes per second received on virtual interface number '${n}'` : `Bytes per second transmitted on virtual interface number '${n}'`);
  }
  const vbd = VBD.exec(name);
  if (vbd) return VBD_FIELDS[vbd[2] ?? ''] ?? UNKNOWN;
  return UNKNOWN;
}
