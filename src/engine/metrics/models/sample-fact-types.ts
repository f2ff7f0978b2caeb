// The shapes of the sampler's cached facts (see sample-facts.ts) and of the
// per-tick scratch they carry.
import type {
  HostMetricsRecord,
  HostRecord,
  PIFMetricsRecord,
  PIFRecord,
  SRRecord,
  VBDRecord,
  VDIRecord,
  VIFRecord,
  VMGuestMetricsRecord,
  VMMetricsRecord,
  VMRecord,
} from '../../../xapi/types';
import type { DomainCpu } from './cpu';
import type { SrCapacity } from './io';
import type { ModeCost } from './virt-mode';
import type { ResolvedWorkload } from './workload-of-vm';
import type { WorkloadContext, WorkloadDemand } from './workloads';

export interface VbdFact {
  readonly record: VBDRecord;
  readonly vdi: VDIRecord;
  /** Index into the SR table. */
  readonly sr: number;
  readonly keys: readonly [read: string, write: string, readLatency: string, writeLatency: string, iopsRead: string, iopsWrite: string, iopsTotal: string];
  /** Share of the VM's disk traffic this disk carries. */
  readonly share: number;
}

export interface VifFact {
  readonly record: VIFRecord;
  readonly network: string;
  /** Index of the host PIF it leaves by, or the host's PIF count for a private network. */
  readonly pif: number;
  readonly rxKey: string;
  readonly txKey: string;
}

export interface VmFact {
  readonly ref: string;
  readonly host: string;
  readonly vm: VMRecord;
  readonly metrics: VMMetricsRecord | undefined;
  readonly guest: VMGuestMetricsRecord | undefined;
  readonly uuid: string;
  readonly key: number;
  readonly vcpus: number;
  readonly weight: number;
  readonly cap: number;
  readonly masks: (number[] | undefined)[] | undefined;
  readonly cost: ModeCost;
  readonly workload: ResolvedWorkload;
  /** Bytes the guest OS holds at rest. */
  readonly osMemory: number;
  /** Whether its guest agent reports (memory_internal_free exists). */
  readonly agent: boolean;
  readonly cpuKeys: readonly string[];
  readonly vbds: readonly VbdFact[];
  readonly vifs: readonly VifFact[];
  // Scratch, rewritten every tick.
  readonly demand: WorkloadDemand;
  readonly cpuDemand: Float64Array;
  readonly tick: VmTick;
  readonly ctx: { -readonly [K in keyof WorkloadContext]: WorkloadContext[K] };
  readonly domain: DomainCpu;
  /** Its data-source names, in the order of `values` (the same array while the facts hold). */
  readonly keys: readonly string[];
  /** This tick's values (scratch). */
  readonly values: Float64Array;
}

/** Per-tick results of one VM (scratch owned by its facts). */
export interface VmTick {
  /** Fraction of its CPU demand it got (its I/O shrinks with it). */
  scale: number;
  readonly delivered: Float64Array;
  /** Per VBD: read B/s, write B/s, read ops/s, write ops/s, read latency s, write latency s. */
  readonly vbd: Float64Array;
  readonly vifRx: Float64Array;
  readonly vifTx: Float64Array;
}

export const VBD_STRIDE = 6;

export interface PifFact {
  readonly ref: string;
  readonly record: PIFRecord;
  readonly metrics: PIFMetricsRecord | undefined;
  readonly network: string;
  readonly capacity: number;
  readonly rxKey: string;
  readonly txKey: string;
}

export interface Dom0Fact {
  readonly ref: string;
  readonly vm: VMRecord;
  readonly metrics: VMMetricsRecord | undefined;
  readonly uuid: string;
  readonly vcpus: number;
  readonly weight: number;
  readonly cap: number;
  readonly cpuKeys: readonly string[];
  readonly cpuDemand: Float64Array;
  readonly delivered: Float64Array;
  readonly domain: DomainCpu;
  readonly keys: readonly string[];
  readonly values: Float64Array;
}

/** Per-tick scratch of a host. */
export interface HostScratch {
  readonly pcpu: Float64Array;
  readonly noise: Float64Array;
  /** Per PIF (and a last slot for private networks): traffic, and the share each VIF gets. */
  readonly rx: Float64Array;
  readonly tx: Float64Array;
  readonly rxFactor: Float64Array;
  readonly txFactor: Float64Array;
  dom0Demand: number;
  ioInFlight: number;
  storageRx: number;
  storageTx: number;
}

export interface HostFact {
  readonly ref: string;
  readonly record: HostRecord;
  readonly metrics: HostMetricsRecord;
  readonly uuid: string;
  readonly key: number;
  readonly pcpus: number;
  readonly hap: boolean;
  readonly cpuKeys: readonly string[];
  readonly pifs: readonly PifFact[];
  /** Index into pifs of the management PIF, or -1. */
  readonly management: number;
  readonly dom0: Dom0Fact | undefined;
  readonly keys: readonly string[];
  readonly values: Float64Array;
  vms: VmFact[];
  /** dom0 first (when there is one), then vms, for the scheduler. */
  domains: DomainCpu[];
  readonly scratch: HostScratch;
  /** Running domains' count of every resident domain (for dom0's per-domain work). */
  residents: number;
  /** HVM domains resident (each has a QEMU in dom0). */
  hvmResidents: number;
}

export interface SrFact {
  readonly ref: string;
  readonly record: SRRecord;
  readonly cap: SrCapacity;
}

export interface Facts {
  generation: number;
  readonly seed: number;
  /** Live hosts, in the world's order. */
  hosts: HostFact[];
  srs: SrFact[];
  srIndex: Map<string, number>;
  master: string;
  readonly hostByRef: Map<string, HostFact>;
  /** Running guests' facts. */
  vmByRef: Map<string, VmFact>;
  /** host_metrics ref → host ref. */
  hostOfMetrics: Map<string, string>;
  /** VM_metrics, VM_guest_metrics, VBD, VIF and VDI refs → the VM they belong to (may hold stale entries). */
  readonly ownerVm: Map<string, string>;
}
