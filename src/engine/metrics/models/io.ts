// Disk and network throughput: what each guest gets of a shared device.
//
// Storage: an SR serves every VBD on it, from every host (a shared NFS or
// iSCSI SR is one server). Its capacity is a sequential bandwidth
// (srBandwidth, src/engine/storage/vdi-space.ts) and a rate of random
// operations; serving an operation of b bytes takes 1/IOPS + b/bandwidth of
// the device's time, so its utilisation is ρ = Σ ops/IOPS + Σ bytes/bandwidth.
// When ρ > 1 the SR is oversubscribed and every VBD gets the same fraction
// 1/ρ of what it asked for (a proportional share of demand). Latency is an
// M/M/1 queue's: service time / (1 − ρ), capped (a real queue is bounded by
// the guests' queue depth, so latency stops growing when they stop issuing).
//
// Network: a VIF's traffic leaves the host through the PIF of its network
// on that host, at most the link's speed (PIF_metrics.speed, Mbit/s) times
// the payload efficiency of a full-size TCP/IPv4 Ethernet frame; each
// direction (full duplex) is shared by the VIFs on that PIF in proportion to
// demand. Storage traffic of network SRs (NFS, SMB, iSCSI) travels on the
// management PIF and takes its share first. Private networks (no PIF) are
// bridged inside dom0.
//
// The per-SR-type IOPS and service times are the simulator's estimates for
// the hardware the lab's worlds describe: local SSD RAID1, an SSD-backed
// NFS/SMB or iSCSI server behind a 1 GbE link (the link bounds bandwidth,
// srBandwidth's 110 MB/s, not small operations), a Fibre Channel array.
import { srBandwidth } from '../../storage/vdi-space';

export interface SrCapacity {
  /** Sequential bandwidth, B/s. */
  readonly bandwidth: number;
  /** Random operations per second the device sustains. */
  readonly iops: number;
  /** Time to serve one small operation on an idle device, s. */
  readonly serviceTime: number;
  /** Whether its traffic crosses the host's network (NFS, SMB, iSCSI). */
  readonly network: boolean;
}

export function srCapacity(type: string): SrCapacity {
  const bandwidth = srBandwidth(type);
  switch (type) {
    case 'lvm':
    case 'ext':
      return { bandwidth, iops: 20000, serviceTime: 0.25e-3, network: false };
    case 'nfs':
    case 'smb':
      return { bandwidth, iops: 20000, serviceTime: 0.8e-3, network: true };
    case 'lvmoiscsi':
      return { bandwidth, iops: 20000, serviceTime: 0.6e-3, network: true };
    case 'lvmohba':
    case 'lvmofcoe':
      return { bandwidth, iops: 40000, serviceTime: 0.3e-3, network: false };
    default:
      return { bandwidth, iops: 2000, serviceTime: 1e-3, network: false };
  }
}

/** Utilisation of a device asked for `ops` operations and `bytes` bytes per second. */
export function srUtilisation(cap: SrCapacity, ops: number, bytes: number): number {
  return ops / cap.iops + bytes / cap.bandwidth;
}

/** The fraction of its demand every VBD gets at utilisation ρ (proportional share when oversubscribed). */
export function shareFactor(rho: number): number {
  return rho > 1 ? 1 / rho : 1;
}

/** Utilisation at which the queue formula is evaluated at most. */
export const MAX_UTILISATION = 0.99;
/** Latency never exceeds this many idle service times (a bounded queue depth). */
export const LATENCY_CAP_FACTOR = 64;
/** A write on these devices costs a little more than a read (parity/mirror, server commit): the simulator's estimate. */
export const WRITE_LATENCY_FACTOR = 1.25;

/** Mean latency (s) of an operation of `bytes` on a device at utilisation ρ: M/M/1, capped. */
export function queueLatency(cap: SrCapacity, rho: number, bytes: number): number {
  const service = cap.serviceTime + bytes / cap.bandwidth;
  const r = Math.min(Math.max(0, rho), MAX_UTILISATION);
  return Math.min(service / (1 - r), service * LATENCY_CAP_FACTOR);
}

/**
 * Payload per second a link of `speedMbit` carries each way: a 1500-byte MTU
 * frame takes 1538 bytes on the wire (preamble 8, header 14, FCS 4, gap 12)
 * and carries 1448 bytes of TCP payload (IPv4 20, TCP 20 + timestamps 12).
 */
export function linkPayloadBps(speedMbit: number): number {
  return ((speedMbit * 1e6) / 8) * (1448 / 1538);
}

/** Bridging inside dom0 (a private network): the simulator's estimate, about 10 Gbit/s. */
export const PRIVATE_NETWORK_BPS = 1.2e9;

/**
 * The fraction of its demand every VIF on a link gets, when VIFs want `want`
 * B/s in one direction of a link of `capacity` B/s of which `reserved`
 * (storage and management traffic) is taken first: proportional share.
 */
export function linkShare(want: number, capacity: number, reserved = 0): number {
  const room = Math.max(0, capacity - reserved);
  return want > room && want > 0 ? room / want : 1;
}
