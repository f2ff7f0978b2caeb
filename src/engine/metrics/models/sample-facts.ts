// What the sampler needs to know about each live host and running VM that
// does not change from one tick to the next: counts, weights, masks, modes,
// workloads, data-source names, which SR each disk is on and which PIF each
// VIF leaves by. Computed once and kept while the records it came from are
// the same objects (records are frozen and replaced on change), so a tick
// on an unchanged world only does arithmetic. Revalidation runs when the
// world's event generation has moved, and looks at identities only.
import type { Engine } from '../../engine';
import type { HostMetricsRecord, HostRecord, VBDRecord, VDIRecord, VMRecord } from '../../../xapi/types';
import { parseVcpuParams } from './cpu';
import { srCapacity, linkPayloadBps } from './io';
import { hashKey } from './noise';
import { VBD_STRIDE, type Dom0Fact, type Facts, type HostFact, type PifFact, type SrFact, type VbdFact, type VifFact, type VmFact } from './sample-fact-types';
import { isHvm } from '../../vm/placement';
import { hostHasHap, modeCost, virtMode } from './virt-mode';
import { guestOsMemory, resolveWorkload } from './workload-of-vm';
import { emptyDemand } from './workloads';

const cache = new WeakMap<Engine, Facts>();

/** The classes whose records the facts are made of. */
const RELEVANT: ReadonlySet<string> = new Set(['pool', 'host', 'host_metrics', 'PIF', 'PIF_metrics', 'SR', 'VDI', 'VBD', 'VIF', 'VM', 'VM_metrics', 'VM_guest_metrics']);

const DOMAIN_KEYS = ['cpu_usage', 'runnable_vcpus', 'memory', 'memory_target'];

// Name lists are interned: objects with the same data sources share one
// array, and a rebuilt fact keeps the array it had, so a consumer may key
// its own layout on the array's identity. (Few distinct lists exist: they
// vary with vCPU counts, devices and PIFs.)
const interned = new Map<string, readonly string[]>();
function intern(keys: string[]): readonly string[] {
  const id = keys.join(' ');
  let found = interned.get(id);
  if (found === undefined) {
    found = Object.freeze(keys);
    interned.set(id, found);
  }
  return found;
}

const cpuKeyList: string[] = [];
function cpuKeys(n: number): string[] {
  for (let i = cpuKeyList.length; i < n; i++) cpuKeyList.push(`cpu${String(i)}`);
  return cpuKeyList.slice(0, n);
}

function buildSrs(engine: Engine, previous: readonly SrFact[]): SrFact[] {
  const old = new Map(previous.map((s) => [s.ref, s]));
  const out: SrFact[] = [];
  for (const [ref, record] of engine.world.entries('SR')) {
    const prev = old.get(ref);
    out.push(prev !== undefined && prev.record === record ? prev : { ref, record, cap: srCapacity(record.type) });
  }
  return out;
}

function hostFactValid(engine: Engine, f: HostFact, record: HostRecord): boolean {
  if (f.record !== record) return false;
  if (engine.world.find('host_metrics', record.metrics) !== f.metrics) return false;
  for (const p of f.pifs) {
    if (engine.world.find('PIF', p.ref) !== p.record) return false;
    if (engine.world.find('PIF_metrics', p.record.metrics) !== p.metrics) return false;
  }
  if (f.dom0 !== undefined) {
    if (engine.world.find('VM', f.dom0.ref) !== f.dom0.vm) return false;
    if (engine.world.find('VM_metrics', f.dom0.vm.metrics) !== f.dom0.metrics) return false;
  }
  return true;
}

function buildHost(engine: Engine, ref: string, record: HostRecord, metrics: HostMetricsRecord, seed: number): HostFact {
  const pifs: PifFact[] = [];
  let management = -1;
  for (const pifRef of record.PIFs) {
    const pif = engine.world.find('PIF', pifRef);
    if (pif === undefined || !pif.currently_attached) continue;
    const pm = engine.world.find('PIF_metrics', pif.metrics);
    const speed = pm !== undefined && pm.carrier && pm.speed > 0 ? pm.speed : 1000;
    if (pif.management) management = pifs.length;
    pifs.push({ ref: pifRef, record: pif, metrics: pm, network: pif.network, capacity: linkPayloadBps(speed), rxKey: `pif_${pif.device}_rx`, txKey: `pif_${pif.device}_tx` });
  }
  const dom0Vm = engine.world.find('VM', record.control_domain);
  let dom0: Dom0Fact | undefined;
  const pcpus = record.host_CPUs.length;
  if (dom0Vm !== undefined) {
    const vcpus = Math.max(1, engine.world.find('VM_metrics', dom0Vm.metrics)?.VCPUs_number || dom0Vm.VCPUs_at_startup);
    const p = parseVcpuParams(dom0Vm.VCPUs_params, vcpus, pcpus);
    const cpuDemand = new Float64Array(vcpus);
    const delivered = new Float64Array(vcpus);
    const dom0Keys = intern([...cpuKeys(vcpus), ...DOMAIN_KEYS, 'memory_internal_free']);
    dom0 = {
      ref: record.control_domain,
      vm: dom0Vm,
      metrics: engine.world.find('VM_metrics', dom0Vm.metrics),
      uuid: dom0Vm.uuid,
      vcpus,
      weight: p.weight,
      cap: p.cap,
      cpuKeys: cpuKeys(vcpus),
      cpuDemand,
      delivered,
      domain: { demand: cpuDemand, weight: p.weight, cap: p.cap, masks: p.masks, delivered },
      keys: dom0Keys,
      values: new Float64Array(dom0Keys.length),
    };
  }
  const hostKeys = intern([
    ...cpuKeys(pcpus),
    'cpu_avg',
    'loadavg',
    'memory_total_kib',
    'memory_free_kib',
    'memory_reclaimed',
    'memory_reclaimed_max',
    ...pifs.flatMap((x) => [x.rxKey, x.txKey]),
    'pif_aggr_rx',
    'pif_aggr_tx',
  ]);
  return {
    ref,
    record,
    metrics,
    uuid: record.uuid,
    key: hashKey(seed, record.uuid),
    pcpus,
    hap: hostHasHap(record.cpu_info['flags'] ?? ''),
    cpuKeys: cpuKeys(pcpus),
    pifs,
    management,
    dom0,
    keys: hostKeys,
    values: new Float64Array(hostKeys.length),
    vms: [],
    domains: [],
    scratch: {
      pcpu: new Float64Array(pcpus),
      noise: new Float64Array(pcpus),
      rx: new Float64Array(pifs.length + 1),
      tx: new Float64Array(pifs.length + 1),
      rxFactor: new Float64Array(pifs.length + 1),
      txFactor: new Float64Array(pifs.length + 1),
      dom0Demand: 0,
      ioInFlight: 0,
      storageRx: 0,
      storageTx: 0,
    },
    residents: 0,
    hvmResidents: 0,
  };
}

function vmFactValid(engine: Engine, f: VmFact, vm: VMRecord, host: string): boolean {
  if (f.vm !== vm || f.host !== host) return false;
  if (engine.world.find('VM_metrics', vm.metrics) !== f.metrics) return false;
  if (engine.world.find('VM_guest_metrics', vm.guest_metrics) !== f.guest) return false;
  for (const b of f.vbds) if (engine.world.find('VDI', b.record.VDI) !== b.vdi) return false;
  let i = 0;
  for (const vbdRef of vm.VBDs) {
    const vbd = engine.world.find('VBD', vbdRef);
    if (vbd === undefined) return false;
    if (vbd.currently_attached && !vbd.empty && vbd.VDI !== 'OpaqueRef:NULL') {
      if (f.vbds[i]?.record !== vbd) return false;
      i++;
    }
  }
  if (i !== f.vbds.length) return false;
  let j = 0;
  for (const vifRef of vm.VIFs) {
    const vif = engine.world.find('VIF', vifRef);
    if (vif === undefined) return false;
    if (vif.currently_attached) {
      if (f.vifs[j]?.record !== vif) return false;
      j++;
    }
  }
  return j === f.vifs.length;
}

function buildVm(engine: Engine, ref: string, vm: VMRecord, host: HostFact, srIndex: ReadonlyMap<string, number>, seed: number): VmFact {
  const metrics = engine.world.find('VM_metrics', vm.metrics);
  const guest = engine.world.find('VM_guest_metrics', vm.guest_metrics);
  const vcpus = Math.max(1, metrics?.VCPUs_number || vm.VCPUs_at_startup);
  const p = parseVcpuParams(vm.VCPUs_params, vcpus, host.pcpus);
  const disks: { record: VBDRecord; vdi: VDIRecord; sr: number }[] = [];
  for (const vbdRef of vm.VBDs) {
    const vbd = engine.world.find('VBD', vbdRef);
    if (vbd === undefined || !vbd.currently_attached || vbd.empty || vbd.VDI === 'OpaqueRef:NULL') continue;
    const vdi = engine.world.find('VDI', vbd.VDI);
    const sr = vdi === undefined ? undefined : srIndex.get(vdi.SR);
    if (vdi === undefined || sr === undefined) continue;
    disks.push({ record: vbd, vdi, sr });
  }
  // Disks carry the guest's I/O; a CD-ROM with an ISO in it is read only at install time.
  const isDisk = (d: { record: VBDRecord }) => d.record.type === 'Disk';
  const diskCount = disks.filter(isDisk).length;
  const vbds: VbdFact[] = disks.map((d) => {
    const k = (s: string) => `vbd_${d.record.device}_${s}`;
    return {
      ...d,
      keys: [k('read'), k('write'), k('read_latency'), k('write_latency'), k('iops_read'), k('iops_write'), k('iops_total')],
      share: isDisk(d) && diskCount > 0 ? 1 / diskCount : 0,
    };
  });
  const vifs: VifFact[] = [];
  for (const vifRef of vm.VIFs) {
    const vif = engine.world.find('VIF', vifRef);
    if (vif === undefined || !vif.currently_attached) continue;
    let pif = host.pifs.findIndex((p) => p.network === vif.network);
    if (pif < 0) pif = host.pifs.length;
    vifs.push({ record: vif, network: vif.network, pif, rxKey: `vif_${vif.device}_rx`, txKey: `vif_${vif.device}_tx` });
  }
  const cpuDemand = new Float64Array(vcpus);
  const delivered = new Float64Array(vcpus);
  const uuidKey = hashKey(seed, vm.uuid);
  const agent = guest !== undefined && guest.live;
  const vmKeys = intern([...cpuKeys(vcpus), ...DOMAIN_KEYS, ...(agent ? ['memory_internal_free'] : []), ...vifs.flatMap((x) => [x.rxKey, x.txKey]), ...vbds.flatMap((x) => x.keys)]);
  return {
    ref,
    host: host.ref,
    vm,
    metrics,
    guest,
    uuid: vm.uuid,
    key: uuidKey,
    vcpus,
    weight: p.weight,
    cap: p.cap,
    masks: p.masks,
    cost: modeCost(virtMode(vm, metrics, guest), host.hap),
    workload: resolveWorkload(vm),
    osMemory: guestOsMemory(vm),
    agent,
    cpuKeys: cpuKeys(vcpus),
    vbds,
    vifs,
    demand: emptyDemand(),
    cpuDemand,
    ctx: { key: uuidKey, t: 0, dt: 5, epoch: 0, vcpus, memory: vm.memory_dynamic_max, osMemory: guestOsMemory(vm) },
    domain: { demand: cpuDemand, weight: p.weight, cap: p.cap, masks: p.masks, delivered },
    keys: vmKeys,
    values: new Float64Array(vmKeys.length),
    tick: { scale: 1, delivered, vbd: new Float64Array(vbds.length * VBD_STRIDE), vifRx: new Float64Array(vifs.length), vifTx: new Float64Array(vifs.length) },
  };
}

/**
 * Validate (or build) one live host's facts and the facts of the guests
 * running on it, replacing its entries in facts.vmByRef.
 */
function refreshHost(engine: Engine, facts: Facts, ref: string, record: HostRecord, metrics: HostMetricsRecord): HostFact {
  let h = facts.hostByRef.get(ref);
  const old = h?.vms ?? [];
  if (h === undefined || !hostFactValid(engine, h, record)) {
    h = buildHost(engine, ref, record, metrics, facts.seed);
    facts.hostByRef.set(ref, h);
  }
  facts.hostOfMetrics.set(record.metrics, ref);
  if (h.dom0 !== undefined) facts.ownerVm.set(h.dom0.vm.metrics, h.dom0.ref);
  for (const f of old) if (facts.vmByRef.get(f.ref) === f) facts.vmByRef.delete(f.ref);
  const vms: VmFact[] = [];
  let residents = 0;
  let hvm = 0;
  for (const vmRef of record.resident_VMs) {
    const vm = engine.world.find('VM', vmRef);
    if (vm === undefined || vm.is_control_domain) continue;
    residents++;
    if (isHvm(vm)) hvm++;
    if (vm.power_state !== 'Running') continue;
    let f = facts.vmByRef.get(vmRef) ?? old.find((x) => x.ref === vmRef);
    if (f === undefined || !vmFactValid(engine, f, vm, ref) || srMoved(f, facts.srIndex)) {
      f = buildVm(engine, vmRef, vm, h, facts.srIndex, facts.seed);
      for (const owned of [vm.metrics, vm.guest_metrics, ...vm.VBDs, ...vm.VIFs, ...f.vbds.map((b) => b.record.VDI)]) facts.ownerVm.set(owned, vmRef);
    }
    vms.push(f);
    facts.vmByRef.set(vmRef, f);
  }
  h.vms = vms;
  h.domains = h.dom0 === undefined ? vms.map((f) => f.domain) : [h.dom0.domain, ...vms.map((f) => f.domain)];
  h.residents = residents;
  h.hvmResidents = hvm;
  return h;
}

/** Everything, from the world (identities still spare unchanged facts). */
function refreshAll(engine: Engine, facts: Facts): void {
  facts.srs = buildSrs(engine, facts.srs);
  facts.srIndex = new Map(facts.srs.map((s, i) => [s.ref, i]));
  facts.master = engine.masterRef();
  const hosts: HostFact[] = [];
  const seen = new Set<string>();
  facts.vmByRef = new Map();
  facts.hostOfMetrics = new Map();
  for (const [ref, record] of engine.world.entries('host')) {
    const metrics = engine.world.find('host_metrics', record.metrics);
    if (metrics === undefined) continue;
    facts.hostOfMetrics.set(record.metrics, ref);
    if (!metrics.live) continue;
    const old = facts.hostByRef.get(ref);
    // Keep the old host's VM facts reachable for reuse while its list is rebuilt.
    if (old !== undefined) for (const f of old.vms) facts.vmByRef.set(f.ref, f);
    hosts.push(refreshHost(engine, facts, ref, record, metrics));
    seen.add(ref);
  }
  for (const ref of [...facts.hostByRef.keys()]) if (!seen.has(ref)) facts.hostByRef.delete(ref);
  // Drop VM facts that no live host runs any more.
  const running = new Set(hosts.flatMap((h) => h.vms.map((f) => f.ref)));
  for (const ref of [...facts.vmByRef.keys()]) if (!running.has(ref)) facts.vmByRef.delete(ref);
  facts.hosts = hosts;
}

/** Classes whose change or deletion makes the whole picture suspect (rare: storage, NICs, the pool). */
const GLOBAL: ReadonlySet<string> = new Set(['pool', 'SR', 'PIF', 'PIF_metrics']);

/**
 * Only the hosts touched by what changed since the last call, or undefined
 * when a full refresh is simpler (storage, NICs, a host living or dying).
 */
function dirtyHosts(engine: Engine, facts: Facts, changed: readonly { cls: string; ref: string }[], deleted: readonly { cls: string }[]): Set<string> | undefined {
  if (deleted.some((t) => GLOBAL.has(t.cls) || t.cls === 'host' || t.cls === 'host_metrics')) return undefined;
  const dirty = new Set<string>();
  const byVm = (vmRef: string) => {
    const f = facts.vmByRef.get(vmRef);
    if (f !== undefined) dirty.add(f.host);
    const vm = engine.world.find('VM', vmRef);
    if (vm !== undefined && engine.world.has('host', vm.resident_on)) dirty.add(vm.resident_on);
  };
  for (const o of changed) {
    if (GLOBAL.has(o.cls)) return undefined;
    if (o.cls === 'host') dirty.add(o.ref);
    else if (o.cls === 'host_metrics') {
      const host = facts.hostOfMetrics.get(o.ref);
      if (host === undefined) return undefined;
      dirty.add(host);
    } else if (o.cls === 'VM') byVm(o.ref);
    else {
      const owner = facts.ownerVm.get(o.ref);
      if (owner !== undefined) byVm(owner);
    }
  }
  return dirty;
}

/** The facts of the engine's world now, revalidated if anything changed since the last call. */
export function factsOf(engine: Engine): Facts {
  const generation = engine.world.events.generation;
  let facts = cache.get(engine);
  if (facts !== undefined && facts.generation === generation && facts.seed === engine.config.seed) return facts;
  if (facts !== undefined && facts.seed === engine.config.seed && facts.generation >= 0 && !engine.world.events.isLost(facts.generation)) {
    // Most changes are to other classes (task progress, messages): then nothing here moved;
    // else only the hosts they touch are looked at again.
    const changed = engine.world.events.changesSince(facts.generation, (cls) => RELEVANT.has(cls));
    const dirty = dirtyHosts(engine, facts, changed.objects, changed.tombstones);
    if (dirty !== undefined) {
      let ok = true;
      for (const ref of dirty) {
        const record = engine.world.find('host', ref);
        const metrics = record === undefined ? undefined : engine.world.find('host_metrics', record.metrics);
        const index = facts.hosts.findIndex((h) => h.ref === ref);
        const live = record !== undefined && metrics !== undefined && metrics.live;
        if (!live || index < 0) {
          ok = index < 0 && !live; // a dead host stays dead: nothing to do; anything else is a full refresh
          if (!ok) break;
          continue;
        }
        facts.hosts[index] = refreshHost(engine, facts, ref, record, metrics);
      }
      if (ok) {
        facts.generation = generation;
        return facts;
      }
    }
  }
  if (facts === undefined || facts.seed !== engine.config.seed) {
    facts = {
      generation: -1,
      seed: engine.config.seed,
      hosts: [],
      srs: [],
      srIndex: new Map(),
      master: '',
      hostByRef: new Map(),
      vmByRef: new Map(),
      hostOfMetrics: new Map(),
      ownerVm: new Map(),
    };
    cache.set(engine, facts);
  }
  refreshAll(engine, facts);
  facts.generation = generation;
  return facts;
}

/** SR indexes shift when SRs come and go: rebuild a VM whose disks' SR moved. */
function srMoved(f: VmFact, srIndex: ReadonlyMap<string, number>): boolean {
  for (const b of f.vbds) if (srIndex.get(b.vdi.SR) !== b.sr) return true;
  return false;
}
