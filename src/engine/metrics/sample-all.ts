// One sample of every data source of the pool, as xcp-rrdd would read it:
// for each live host and each running domain (dom0 included), the average
// over the interval (t − dt, t] of each value, with XAPI's data-source names
// and units (xcp-rrdd plugins rrdp-cpu, rrdp-squeezed, rrdp-netdev,
// rrdp-iostat):
//   host: cpu<N> (fraction per physical CPU), cpu_avg, loadavg (dom0's),
//         memory_total_kib, memory_free_kib (KiB), memory_reclaimed,
//         memory_reclaimed_max (B), pif_<dev>_rx|tx, pif_aggr_rx|tx (B/s);
//   VM:   cpu<N> (fraction per vCPU), cpu_usage, runnable_vcpus (fraction),
//         memory, memory_target (B), memory_internal_free (KiB, only when
//         the guest agent reports), vif_<N>_rx|tx (B/s),
//         vbd_<dev>_read|write (B/s), vbd_<dev>_read_latency|write_latency
//         (µs), vbd_<dev>_iops_read|write|total (requests/s).
// Everything is derived from what runs: workloads ask (models/workloads),
// the credit scheduler shares CPUs (models/cpu) after virtualization costs
// (models/virt-mode), SRs and links share bandwidth (models/io); memory is
// the records' (models/memory-dmc keeps them). Only running domains report
// (a paused domain does no work, and rrdp-squeezed skips its memory); a dead
// host reports nothing.
//
// Pure: the same world, t, dt and seed give the same samples, and sampling
// changes nothing in the world and draws nothing from the engine's Rng.
import type { Engine } from '../engine';
import { shareCpus, dom0LoadAverage } from './models/cpu';
import { internalFreeKib } from './models/memory-dmc';
import { linkShare, PRIVATE_NETWORK_BPS, queueLatency, shareFactor, srUtilisation, WRITE_LATENCY_FACTOR } from './models/io';
import { factsOf } from './models/sample-facts';
import { VBD_STRIDE, type Dom0Fact, type HostFact, type PifFact, type SrFact, type VbdFact, type VifFact, type VmFact } from './models/sample-fact-types';
import { averagedAmplitude, salt, smooth, unit } from './models/noise';
import { cpuCost, dom0IoCost, guestIoCost } from './models/virt-mode';

export interface MetricSample {
  readonly kind: 'host' | 'vm';
  readonly uuid: string;
  readonly values: Readonly<Record<string, number>>;
}

const KiB = 1024;
const MiB = 1024 * KiB;

// dom0's own work (simulator's estimates, in CPUs): the toolstack daemons
// (xapi, xenopsd, xcp-rrdd and its plugins, squeezed, xcp-networkd,
// ovs-vswitchd) at rest; per resident domain (xenstore watches, metrics
// polling, an idle tapdisk); per HVM domain its idle QEMU; the pool master's
// xapi serves every other host besides.
const DOM0_BASE_CPU = 0.12;
const DOM0_PER_DOMAIN_CPU = 0.004;
const DOM0_PER_HVM_CPU = 0.006;
const DOM0_MASTER_CPU = 0.05;
// dom0's memory in use (simulator's estimates): its services, plus per
// domain (tapdisks, xenstore state) and per HVM domain (QEMU).
const DOM0_USED_BASE = 600 * MiB;
const DOM0_USED_PER_DOMAIN = 12 * MiB;
const DOM0_USED_PER_HVM = 24 * MiB;
// Management traffic (B/s): xapi, metrics, NTP/DNS; the master hears from every host.
const MGMT_BASE_BPS = 4 * KiB;
const MGMT_PER_DOMAIN_BPS = 400;
const MGMT_MASTER_PER_HOST_BPS = 3 * KiB;

const S_VCPU = salt('sample.vcpu');
const S_DOM0 = salt('sample.dom0');
const S_PCPU = salt('sample.pcpu');
const S_MGMT = salt('sample.mgmt');

/** Cap a VM's I/O demand at what its (emulated) devices can move. */
function applyDeviceLimits(f: VmFact): void {
  const d = f.demand;
  const c = f.cost;
  const bytes = d.diskReadBps + d.diskWriteBps;
  const ops = d.diskReadIops + d.diskWriteIops;
  const k = Math.min(1, bytes > 0 ? c.diskBpsLimit / bytes : 1, ops > 0 ? c.diskIopsLimit / ops : 1);
  if (k < 1) {
    d.diskReadBps *= k;
    d.diskWriteBps *= k;
    d.diskReadIops *= k;
    d.diskWriteIops *= k;
  }
  if (d.netRxBps > c.netBpsLimit) d.netRxBps = c.netBpsLimit;
  if (d.netTxBps > c.netBpsLimit) d.netTxBps = c.netBpsLimit;
}

/** Workloads, virtualization costs and the credit scheduler on one host. */
function runCpu(epoch: number, h: HostFact, t: number, dt: number, isMaster: boolean): void {
  const mid = t - dt / 2;
  let dom0Io = 0;
  const vms = h.vms;
  for (let i = 0; i < vms.length; i++) {
    const f = vms[i] as VmFact;
    const ctx = f.ctx;
    ctx.t = t;
    ctx.dt = dt;
    ctx.epoch = epoch;
    f.workload.def.evaluate(f.workload.params, ctx, f.demand);
    applyDeviceLimits(f);
    const d = f.demand;
    const ops = d.diskReadIops + d.diskWriteIops;
    const net = d.netRxBps + d.netTxBps;
    const guestIo = guestIoCost(f.cost, ops, net) / f.vcpus;
    for (let v = 0; v < f.vcpus; v++) {
      // Threads are never spread perfectly: each vCPU wanders around the mean (an idle or a saturated vCPU stays so).
      const base = v === 0 ? d.cpuFirst : d.cpuOther;
      const useful = base + 0.3 * Math.min(base, 1 - base) * smooth(f.key, (S_VCPU + v) >>> 0, mid, 40);
      f.cpuDemand[v] = Math.min(1, Math.max(0, cpuCost(f.cost, useful, d.kernel) + guestIo));
    }
    dom0Io += dom0IoCost(f.cost, ops, d.diskReadBps + d.diskWriteBps, net);
  }
  const dom0 = h.dom0;
  let dom0Demand = DOM0_BASE_CPU + DOM0_PER_DOMAIN_CPU * h.residents + DOM0_PER_HVM_CPU * h.hvmResidents + (isMaster ? DOM0_MASTER_CPU : 0) + dom0Io;
  dom0Demand *= 1 + 0.15 * smooth(h.key, S_DOM0, mid, 60);
  if (dom0 !== undefined) {
    const per = dom0Demand / dom0.vcpus;
    for (let v = 0; v < dom0.vcpus; v++) dom0.cpuDemand[v] = Math.min(1, per * (1 + 0.3 * smooth(h.key, (S_DOM0 + 1 + v) >>> 0, mid, 20)));
  }
  shareCpus(h.pcpus, h.domains, h.scratch.pcpu);
  for (let i = 0; i < vms.length; i++) {
    const f = vms[i] as VmFact;
    let want = 0;
    let have = 0;
    for (let v = 0; v < f.vcpus; v++) {
      want += f.cpuDemand[v] ?? 0;
      have += f.tick.delivered[v] ?? 0;
    }
    f.tick.scale = want > 0 ? have / want : 1;
  }
  h.scratch.dom0Demand = dom0Demand;
}

/** Every SR shared by the VBDs on it, pool-wide; latency from each SR's utilisation. */
function runStorage(hosts: readonly HostFact[], srs: readonly SrFact[], ops: Float64Array, bytes: Float64Array, rho: Float64Array): void {
  ops.fill(0);
  bytes.fill(0);
  for (const h of hosts) {
    for (const f of h.vms) {
      const d = f.demand;
      const s = f.tick.scale;
      for (const b of f.vbds) {
        ops[b.sr] = (ops[b.sr] ?? 0) + (d.diskReadIops + d.diskWriteIops) * s * b.share;
        bytes[b.sr] = (bytes[b.sr] ?? 0) + (d.diskReadBps + d.diskWriteBps) * s * b.share;
      }
    }
  }
  for (let i = 0; i < srs.length; i++) rho[i] = srUtilisation((srs[i] as SrFact).cap, ops[i] ?? 0, bytes[i] ?? 0);
  for (const h of hosts) {
    let inFlight = 0;
    let storageRx = 0;
    let storageTx = 0;
    for (const f of h.vms) {
      const d = f.demand;
      const s = f.tick.scale;
      const v = f.tick.vbd;
      for (let j = 0; j < f.vbds.length; j++) {
        const b = f.vbds[j] as VbdFact;
        const r = rho[b.sr] ?? 0;
        const k = s * b.share * shareFactor(r);
        const cap = (srs[b.sr] as SrFact).cap;
        const o = j * VBD_STRIDE;
        const readBps = d.diskReadBps * k;
        const writeBps = d.diskWriteBps * k;
        const readOps = d.diskReadIops * k;
        const writeOps = d.diskWriteIops * k;
        const readLatency = readOps > 0 ? queueLatency(cap, r, readBps / readOps) : 0;
        const writeLatency = writeOps > 0 ? queueLatency(cap, r, writeBps / writeOps) * WRITE_LATENCY_FACTOR : 0;
        v[o] = readBps;
        v[o + 1] = writeBps;
        v[o + 2] = readOps;
        v[o + 3] = writeOps;
        v[o + 4] = readLatency;
        v[o + 5] = writeLatency;
        inFlight += Math.min(1, readOps * readLatency + writeOps * writeLatency);
        if (cap.network) {
          storageRx += readBps;
          storageTx += writeBps;
        }
      }
    }
    h.scratch.ioInFlight = inFlight;
    h.scratch.storageRx = storageRx;
    h.scratch.storageTx = storageTx;
  }
}

/** Network of one host: VIFs share their PIF (after storage and management traffic); PIFs add up. */
function runNetwork(h: HostFact, t: number, dt: number, isMaster: boolean, hostCount: number): void {
  const n = h.pifs.length;
  const { rx, tx, rxFactor, txFactor } = h.scratch;
  rx.fill(0);
  tx.fill(0);
  const m = h.management;
  const mgmtNoise = 1 + 0.3 * smooth(h.key, S_MGMT, t - dt / 2, 30);
  const mgmtRx = (MGMT_BASE_BPS + MGMT_PER_DOMAIN_BPS * h.residents + (isMaster ? MGMT_MASTER_PER_HOST_BPS * (hostCount - 1) : 0)) * mgmtNoise;
  const mgmtTx = ((MGMT_BASE_BPS + MGMT_PER_DOMAIN_BPS * h.residents) * 0.8 + (isMaster ? 0 : MGMT_MASTER_PER_HOST_BPS)) * mgmtNoise;
  for (const f of h.vms) {
    const s = f.tick.scale;
    const share = 1 / f.vifs.length;
    for (let j = 0; j < f.vifs.length; j++) {
      const p = (f.vifs[j] as VifFact).pif;
      const r = f.demand.netRxBps * s * share;
      const w = f.demand.netTxBps * s * share;
      f.tick.vifRx[j] = r;
      f.tick.vifTx[j] = w;
      rx[p] = (rx[p] ?? 0) + r;
      tx[p] = (tx[p] ?? 0) + w;
    }
  }
  for (let p = 0; p <= n; p++) {
    const capacity = p < n ? (h.pifs[p] as PifFact).capacity : PRIVATE_NETWORK_BPS;
    const reservedRx = p === m ? Math.min(capacity, h.scratch.storageRx + mgmtRx) : 0;
    const reservedTx = p === m ? Math.min(capacity, h.scratch.storageTx + mgmtTx) : 0;
    const wantRx = rx[p] ?? 0;
    const wantTx = tx[p] ?? 0;
    const fr = linkShare(wantRx, capacity, reservedRx);
    const ft = linkShare(wantTx, capacity, reservedTx);
    rxFactor[p] = fr;
    txFactor[p] = ft;
    rx[p] = wantRx * fr + reservedRx;
    tx[p] = wantTx * ft + reservedTx;
  }
  for (const f of h.vms) {
    for (let j = 0; j < f.vifs.length; j++) {
      const p = (f.vifs[j] as VifFact).pif;
      f.tick.vifRx[j] = (f.tick.vifRx[j] ?? 0) * (rxFactor[p] ?? 1);
      f.tick.vifTx[j] = (f.tick.vifTx[j] ?? 0) * (txFactor[p] ?? 1);
    }
  }
}

/** Per-pCPU display jitter that keeps the mean: real load is never perfectly balanced. Writes cpu0.. at out[0..]; returns the mean. */
function pcpuValues(h: HostFact, t: number, dt: number, out: Float64Array): number {
  const n = h.pcpus;
  if (n === 0) return 0;
  const { pcpu, noise } = h.scratch;
  const tick = Math.floor(t / 5);
  const damp = averagedAmplitude(5, dt); // a 5-second jitter averages out over a long step
  let noiseMean = 0;
  for (let i = 0; i < n; i++) {
    const x = unit(h.key, (S_PCPU + i) >>> 0, tick) * 2 - 1;
    noise[i] = x;
    noiseMean += x;
  }
  noiseMean /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const base = pcpu[i] ?? 0;
    const amp = 0.3 * damp * Math.min(base, 1 - base);
    const v = Math.min(1, Math.max(0, base + amp * ((noise[i] ?? 0) - noiseMean)));
    out[i] = v;
    sum += v;
  }
  return sum / n;
}

/** A domain's CPU and memory sources from offset 0; returns the next offset. */
function fillDomain(out: Float64Array, vcpus: number, demand: Float64Array, delivered: Float64Array, actual: number, target: number): number {
  let usage = 0;
  let steal = 0;
  for (let v = 0; v < vcpus; v++) {
    const got = delivered[v] ?? 0;
    out[v] = got;
    usage += got;
    steal += Math.max(0, (demand[v] ?? 0) - got);
  }
  out[vcpus] = usage / vcpus;
  out[vcpus + 1] = steal / vcpus;
  out[vcpus + 2] = actual;
  out[vcpus + 3] = target;
  return vcpus + 4;
}

function fillVm(f: VmFact): void {
  const out = f.values;
  const tick = f.tick;
  const actual = f.metrics?.memory_actual ?? f.vm.memory_target;
  let o = fillDomain(out, f.vcpus, f.cpuDemand, tick.delivered, actual, f.vm.memory_target);
  if (f.agent) out[o++] = internalFreeKib(actual, f.demand.memoryUsed);
  for (let j = 0; j < f.vifs.length; j++) {
    out[o++] = tick.vifRx[j] ?? 0;
    out[o++] = tick.vifTx[j] ?? 0;
  }
  const v = tick.vbd;
  for (let j = 0; j < f.vbds.length; j++) {
    const b = j * VBD_STRIDE;
    const readOps = v[b + 2] ?? 0;
    const writeOps = v[b + 3] ?? 0;
    out[o++] = v[b] ?? 0; // read B/s
    out[o++] = v[b + 1] ?? 0; // write B/s
    out[o++] = (v[b + 4] ?? 0) * 1e6; // read latency µs
    out[o++] = (v[b + 5] ?? 0) * 1e6; // write latency µs
    out[o++] = readOps;
    out[o++] = writeOps;
    out[o++] = readOps + writeOps;
  }
}

function fillDom0(h: HostFact, d: Dom0Fact): void {
  const actual = d.metrics?.memory_actual ?? d.vm.memory_target;
  const o = fillDomain(d.values, d.vcpus, d.cpuDemand, d.delivered, actual, d.vm.memory_target);
  const used = DOM0_USED_BASE + DOM0_USED_PER_DOMAIN * h.residents + DOM0_USED_PER_HVM * h.hvmResidents;
  d.values[o] = internalFreeKib(actual, used);
}

function fillHost(h: HostFact, t: number, dt: number): void {
  const out = h.values;
  const n = h.pcpus;
  out[n] = pcpuValues(h, t, dt, out); // cpu_avg
  out[n + 1] = dom0LoadAverage(h.scratch.dom0Demand, h.scratch.ioInFlight);
  out[n + 2] = h.metrics.memory_total / KiB;
  out[n + 3] = h.metrics.memory_free / KiB;
  let reclaimed = 0;
  let reclaimable = 0;
  for (const f of h.vms) {
    reclaimed += Math.max(0, f.vm.memory_dynamic_max - f.vm.memory_target);
    reclaimable += Math.max(0, f.vm.memory_target - f.vm.memory_dynamic_min);
  }
  out[n + 4] = reclaimed;
  out[n + 5] = reclaimable;
  const { rx, tx } = h.scratch;
  let o = n + 6;
  let aggrRx = 0;
  let aggrTx = 0;
  for (let i = 0; i < h.pifs.length; i++) {
    out[o++] = rx[i] ?? 0;
    out[o++] = tx[i] ?? 0;
    aggrRx += rx[i] ?? 0;
    aggrTx += tx[i] ?? 0;
  }
  out[o++] = aggrRx;
  out[o] = aggrTx;
}

const srScratch = new WeakMap<readonly SrFact[], { ops: Float64Array; bytes: Float64Array; rho: Float64Array }>();

/**
 * Called once per sample: its data-source names and this tick's values,
 * index for index. `names` is interned: the same array for every object
 * with the same data sources, tick after tick, so a consumer may key its own
 * layout on the array's identity; `values` is scratch, valid only during
 * the call.
 */
export type SampleVisitor = (kind: 'host' | 'vm', uuid: string, names: readonly string[], values: Float64Array) => void;

/**
 * Compute every live host's and running domain's data sources for the
 * interval (t − dt, t] (virtual seconds; dt is the RRD step, 5 s live,
 * longer when an archive is filled directly on a fast-forward: fluctuations
 * shorter than dt average out) and hand each to `visit`, without building
 * objects: the allocation-free way to feed RRD archives.
 */
export function visitSamples(engine: Engine, t: number, dt: number, visit: SampleVisitor): void {
  const facts = factsOf(engine);
  const step = dt > 0 ? dt : 5;
  const hosts = facts.hosts;
  const epoch = engine.config.epoch;
  for (const h of hosts) runCpu(epoch, h, t, step, h.ref === facts.master);
  let sr = srScratch.get(facts.srs);
  if (sr === undefined) {
    const n = facts.srs.length;
    sr = { ops: new Float64Array(n), bytes: new Float64Array(n), rho: new Float64Array(n) };
    srScratch.set(facts.srs, sr);
  }
  runStorage(hosts, facts.srs, sr.ops, sr.bytes, sr.rho);
  for (const h of hosts) {
    runNetwork(h, t, step, h.ref === facts.master, hosts.length);
    fillHost(h, t, step);
    visit('host', h.uuid, h.keys, h.values);
    if (h.dom0 !== undefined) {
      fillDom0(h, h.dom0);
      visit('vm', h.dom0.uuid, h.dom0.keys, h.dom0.values);
    }
    for (const f of h.vms) {
      fillVm(f);
      visit('vm', f.uuid, f.keys, f.values);
    }
  }
}

/** Every sample of the interval (t − dt, t] as objects (see visitSamples for the allocation-free form). */
export function sampleAll(engine: Engine, t: number, dt: number): MetricSample[] {
  const out: MetricSample[] = [];
  visitSamples(engine, t, dt, (kind, uuid, names, values) => {
    const v: Record<string, number> = {};
    for (let i = 0; i < names.length; i++) v[names[i] as string] = values[i] ?? 0;
    out.push({ kind, uuid, values: v });
  });
  return out;
}
