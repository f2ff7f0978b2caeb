// What Workload Balancing knows of the pool: the averages of the last ten
// minutes of each host's and VM's RRD (the same /rrd_updates data a WLB
// appliance collects), plus each VM's memory footprint and whether it can move.
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { networkProperlyShared, srProperlyShared } from '../ha/agility';
import { NoRraAvailable, rrdUpdates } from '../metrics/rrd-updates';
import type { HostLoad, VmLoad } from './recommend';

/** Seconds of history WLB averages over. */
export const WLB_AVERAGING_SECONDS = 600;

type Averages = Map<string, Map<string, number>>; // "host:<uuid>" | "vm:<uuid>" → data source → mean

function averages(engine: Engine): Averages {
  const out: Averages = new Map();
  let updates;
  try {
    updates = rrdUpdates(engine, { start: -WLB_AVERAGING_SECONDS, interval: 60, cf: 'AVERAGE', host: true });
  } catch (e) {
    if (e instanceof NoRraAvailable) return out;
    throw e;
  }
  updates.legend.forEach((name, column) => {
    const [, kind, uuid, ds] = name.split(':');
    if (kind === undefined || uuid === undefined || ds === undefined) return;
    let sum = 0;
    let n = 0;
    for (const row of updates.rows) {
      const v = row.values[column];
      if (v !== undefined && Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    if (n === 0) return;
    const key = `${kind}:${uuid}`;
    let map = out.get(key);
    if (map === undefined) out.set(key, (map = new Map()));
    map.set(ds, sum / n);
  });
  return out;
}

function sumOf(values: Map<string, number> | undefined, test: (ds: string) => boolean): number {
  let total = 0;
  for (const [ds, v] of values ?? []) if (test(ds)) total += v;
  return total;
}

/** Whether WLB may propose moving a running VM: disks and networks shared, nothing in progress. */
export function vmMovable(engine: Engine, vm: string): boolean {
  const record = engine.world.get('VM', vm);
  if (record.is_control_domain || record.power_state !== 'Running' || Object.keys(record.current_operations).length > 0) return false;
  for (const vbd of record.VBDs) {
    const v = engine.world.find('VBD', vbd);
    if (v === undefined || v.empty || v.VDI === NULL_REF) continue;
    if (v.type === 'CD') return false;
    const sr = engine.world.find('VDI', v.VDI)?.SR;
    if (sr === undefined || !srProperlyShared(engine, sr)) return false;
  }
  return record.VIFs.every((vif) => {
    const network = engine.world.find('VIF', vif)?.network;
    return network === undefined || network === NULL_REF || networkProperlyShared(engine, network);
  });
}

export interface PoolLoads {
  readonly hosts: HostLoad[];
  readonly vms: VmLoad[];
  /** False until the RRDs hold data for the averaging span. */
  readonly hasData: boolean;
}

export function poolLoads(engine: Engine): PoolLoads {
  const avg = averages(engine);
  const vms: VmLoad[] = [];
  const diskByHost = new Map<string, { read: number; write: number }>();
  for (const [ref, vm] of engine.world.entries('VM')) {
    if (vm.is_control_domain || vm.resident_on === NULL_REF || vm.power_state !== 'Running') continue;
    const values = avg.get(`vm:${vm.uuid}`);
    const load: VmLoad = {
      id: ref,
      name: vm.name_label,
      host: vm.resident_on,
      cpuCores: sumOf(values, (ds) => /^cpu\d+$/.test(ds)),
      memory: (engine.world.find('VM_metrics', vm.metrics)?.memory_actual ?? vm.memory_target) + vm.memory_overhead,
      netRead: sumOf(values, (ds) => /^vif_\d+_rx$/.test(ds)),
      netWrite: sumOf(values, (ds) => /^vif_\d+_tx$/.test(ds)),
      diskRead: sumOf(values, (ds) => /^vbd_[^_]+_read$/.test(ds)),
      diskWrite: sumOf(values, (ds) => /^vbd_[^_]+_write$/.test(ds)),
      movable: vmMovable(engine, ref),
    };
    vms.push(load);
    const disk = diskByHost.get(load.host) ?? { read: 0, write: 0 };
    diskByHost.set(load.host, { read: disk.read + load.diskRead, write: disk.write + load.diskWrite });
  }
  const hosts: HostLoad[] = [];
  for (const [ref, host] of engine.world.entries('host')) {
    const live = engine.world.find('host_metrics', host.metrics)?.live === true;
    if (!live || !host.enabled) continue;
    const values = avg.get(`host:${host.uuid}`);
    const memoryFree = values?.get('memory_free_kib');
    hosts.push({
      id: ref,
      name: host.name_label,
      cpus: Math.max(1, host.host_CPUs.length),
      cpu: values?.get('cpu_avg') ?? 0,
      memoryFree: memoryFree === undefined ? (engine.world.find('host_metrics', host.metrics)?.memory_free ?? 0) : memoryFree * 1024,
      netRead: values?.get('pif_aggr_rx') ?? 0,
      netWrite: values?.get('pif_aggr_tx') ?? 0,
      diskRead: diskByHost.get(ref)?.read ?? 0,
      diskWrite: diskByHost.get(ref)?.write ?? 0,
    });
  }
  return { hosts, vms, hasData: avg.size > 0 };
}
