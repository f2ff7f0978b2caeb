// The pool overview's figures: each server's CPU and memory use, the VMs
// that use the most CPU, and the totals the course notes call consolidation
// (running VMs per server, vCPUs per physical CPU). Memory comes from the
// records (host_metrics, as the Memory tab shows it); CPU from the pool's
// newest RRD rows (host cpu_avg, VM cpu_usage), since no XenAPI field ticks
// with the metrics. Pure: the component feeds it the cache's facts and the
// parsed rrd_updates answer.
import type { RrdUpdatesData } from '../../../xapi/rrd-updates-client';
import type { ObjectCache } from '../../cache/object-cache';
import { naturalCompare } from '../../format/natural-compare';

export interface HostFact {
  readonly ref: string;
  readonly uuid: string;
  readonly name: string;
  readonly live: boolean;
  readonly pcpus: number;
  readonly memoryTotal: number;
  readonly memoryFree: number;
}

export interface VmFact {
  readonly ref: string;
  readonly uuid: string;
  readonly name: string;
  /** The server it runs on (running or paused VMs only are listed). */
  readonly hostRef: string;
  readonly vcpus: number;
}

/** What the overview reads from the object cache (compared by value to spare re-renders). */
export interface PoolFacts {
  readonly hosts: readonly HostFact[];
  readonly vms: readonly VmFact[];
}

/** The newest CPU figures by uuid: host cpu_avg, VM cpu_usage (fractions). */
export interface CpuReadings {
  readonly hosts: ReadonlyMap<string, number>;
  readonly vms: ReadonlyMap<string, number>;
}

export interface HostUse extends HostFact {
  /** Fraction of the server's physical CPUs in use; undefined when not archived yet. */
  readonly cpu: number | undefined;
  readonly memoryUsed: number;
  readonly runningVms: number;
  readonly vcpus: number;
}

export interface VmUse extends VmFact {
  readonly hostName: string;
  /** Fraction of its vCPUs in use. */
  readonly cpu: number;
  /** vCPUs' worth of host CPU it keeps busy (cpu × vcpus): what the ranking goes by. */
  readonly busyVcpus: number;
}

export interface PoolTotals {
  readonly servers: number;
  readonly liveServers: number;
  readonly runningVms: number;
  /** Running (or paused) VMs per live server; undefined without a live server. */
  readonly vmsPerServer: number | undefined;
  readonly vcpus: number;
  readonly pcpus: number;
  /** vCPUs of running VMs per physical CPU of live servers. */
  readonly vcpusPerPcpu: number | undefined;
  readonly memoryUsed: number;
  readonly memoryTotal: number;
  /** Mean CPU use of the live servers that report, weighted by their CPUs. */
  readonly cpu: number | undefined;
}

export interface PoolOverview {
  readonly hosts: readonly HostUse[];
  readonly topVms: readonly VmUse[];
  readonly totals: PoolTotals;
}

export const TOP_VMS = 5;

export function selectPoolFacts(cache: ObjectCache): PoolFacts {
  const hosts: HostFact[] = [];
  for (const [ref, host] of cache.all('host')) {
    const metrics = cache.get('host_metrics', host.metrics);
    hosts.push({
      ref,
      uuid: host.uuid,
      name: host.name_label,
      live: metrics?.live === true,
      pcpus: host.host_CPUs.length,
      memoryTotal: metrics?.memory_total ?? 0,
      memoryFree: metrics?.memory_free ?? 0,
    });
  }
  hosts.sort((a, b) => naturalCompare(a.name, b.name));
  const vms: VmFact[] = [];
  for (const [ref, vm] of cache.all('VM')) {
    if (vm.is_a_template || vm.is_a_snapshot || vm.is_control_domain) continue;
    if (vm.power_state !== 'Running' && vm.power_state !== 'Paused') continue;
    const metrics = cache.get('VM_metrics', vm.metrics);
    vms.push({ ref, uuid: vm.uuid, name: vm.name_label, hostRef: vm.resident_on, vcpus: metrics?.VCPUs_number || vm.VCPUs_at_startup });
  }
  return { hosts, vms };
}

export function samePoolFacts(a: PoolFacts, b: PoolFacts): boolean {
  return sameList(a.hosts, b.hosts) && sameList(a.vms, b.vms);
}

function sameList<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i] as Record<string, unknown>;
    return Object.entries(x).every(([k, v]) => y[k] === v);
  });
}

/** The newest known cpu_avg of each host and cpu_usage of each VM in an rrd_updates answer. */
export function cpuReadings(data: RrdUpdatesData): CpuReadings {
  const hosts = new Map<string, number>();
  const vms = new Map<string, number>();
  data.columns.forEach((column, j) => {
    const target = column.kind === 'host' && column.name === 'cpu_avg' ? hosts : column.kind === 'vm' && column.name === 'cpu_usage' ? vms : undefined;
    if (target === undefined) return;
    for (let r = data.rows.length - 1; r >= 0; r--) {
      const v = data.rows[r]?.values[j];
      if (v !== undefined && Number.isFinite(v)) {
        target.set(column.uuid, v);
        return;
      }
    }
  });
  return { hosts, vms };
}

export const NO_READINGS: CpuReadings = { hosts: new Map(), vms: new Map() };

export function poolOverview(facts: PoolFacts, cpu: CpuReadings, top = TOP_VMS): PoolOverview {
  const byHost = new Map<string, { count: number; vcpus: number }>();
  for (const vm of facts.vms) {
    const h = byHost.get(vm.hostRef) ?? { count: 0, vcpus: 0 };
    h.count++;
    h.vcpus += vm.vcpus;
    byHost.set(vm.hostRef, h);
  }
  const hosts = facts.hosts.map(
    (h): HostUse => ({
      ...h,
      cpu: h.live ? cpu.hosts.get(h.uuid) : undefined,
      memoryUsed: Math.max(0, h.memoryTotal - h.memoryFree),
      runningVms: byHost.get(h.ref)?.count ?? 0,
      vcpus: byHost.get(h.ref)?.vcpus ?? 0,
    }),
  );
  const names = new Map(facts.hosts.map((h) => [h.ref, h.name]));
  const topVms = facts.vms
    .flatMap((vm): VmUse[] => {
      const use = cpu.vms.get(vm.uuid);
      if (use === undefined) return [];
      return [{ ...vm, hostName: names.get(vm.hostRef) ?? '', cpu: use, busyVcpus: use * vm.vcpus }];
    })
    .sort((a, b) => b.busyVcpus - a.busyVcpus || naturalCompare(a.name, b.name))
    .slice(0, top);
  return { hosts, topVms, totals: totalsOf(hosts, facts.vms.length) };
}

function totalsOf(hosts: readonly HostUse[], runningVms: number): PoolTotals {
  const live = hosts.filter((h) => h.live);
  const pcpus = live.reduce((s, h) => s + h.pcpus, 0);
  const vcpus = hosts.reduce((s, h) => s + h.vcpus, 0);
  const reporting = live.filter((h) => h.cpu !== undefined);
  const reportingCpus = reporting.reduce((s, h) => s + h.pcpus, 0);
  return {
    servers: hosts.length,
    liveServers: live.length,
    runningVms,
    vmsPerServer: live.length === 0 ? undefined : runningVms / live.length,
    vcpus,
    pcpus,
    vcpusPerPcpu: pcpus === 0 ? undefined : vcpus / pcpus,
    memoryUsed: live.reduce((s, h) => s + h.memoryUsed, 0),
    memoryTotal: live.reduce((s, h) => s + h.memoryTotal, 0),
    cpu: reportingCpus === 0 ? undefined : reporting.reduce((s, h) => s + (h.cpu ?? 0) * h.pcpus, 0) / reportingCpus,
  };
}
