// How a host's memory divides up, as XenCenter's host memory bar shows it:
// Xen (the hypervisor's own overhead plus every domain's per-VM overhead),
// the control domain, each resident VM's actual memory, and what is free.
// Memory set aside for VMs about to start (free accounting already excludes
// it) shows as "Reserved" so the parts add up to the total.
import type { ObjectCache } from '../../cache/object-cache';
import { naturalCompare } from '../../format/natural-compare';

export type SegmentKind = 'xen' | 'dom0' | 'vm' | 'reserved' | 'free';

export interface MemorySegment {
  readonly key: string;
  readonly label: string;
  readonly kind: SegmentKind;
  readonly bytes: number;
}

export interface HostMemory {
  readonly name: string;
  readonly total: number;
  readonly free: number;
  readonly segments: readonly MemorySegment[];
  /** Σ dynamic_max of resident guests: what they could grow to. */
  readonly totalMax: number;
}

export interface HostMemoryInput {
  readonly name: string;
  readonly total: number;
  readonly free: number;
  readonly hostOverhead: number;
  readonly domains: readonly { readonly ref: string; readonly name: string; readonly control: boolean; readonly actual: number; readonly overhead: number; readonly dynamicMax: number }[];
}

export function hostMemory(input: HostMemoryInput): HostMemory {
  const dom0 = input.domains.filter((d) => d.control);
  const guests = input.domains.filter((d) => !d.control).sort((a, b) => naturalCompare(a.name, b.name));
  const xen = input.hostOverhead + input.domains.reduce((sum, d) => sum + d.overhead, 0);
  const segments: MemorySegment[] = [{ key: 'xen', label: 'Xen', kind: 'xen', bytes: xen }];
  for (const d of dom0) segments.push({ key: d.ref, label: 'Control domain', kind: 'dom0', bytes: d.actual });
  for (const d of guests) segments.push({ key: d.ref, label: d.name, kind: 'vm', bytes: d.actual });
  const accounted = segments.reduce((sum, s) => sum + s.bytes, 0);
  const free = Math.max(0, Math.min(input.free, input.total - accounted));
  const reserved = input.total - accounted - free;
  if (reserved > 0) segments.push({ key: 'reserved', label: 'Reserved for starting VMs', kind: 'reserved', bytes: reserved });
  segments.push({ key: 'free', label: 'Free', kind: 'free', bytes: free });
  return { name: input.name, total: input.total, free, segments, totalMax: guests.reduce((sum, d) => sum + d.dynamicMax, 0) };
}

/** A host's memory from the cache (undefined when the host is gone). */
export function selectHostMemory(cache: ObjectCache, hostRef: string): HostMemory | undefined {
  const host = cache.get('host', hostRef);
  if (host === undefined) return undefined;
  const metrics = cache.get('host_metrics', host.metrics);
  const domains = host.resident_VMs.flatMap((ref) => {
    const vm = cache.get('VM', ref);
    if (vm === undefined) return [];
    const actual = cache.get('VM_metrics', vm.metrics)?.memory_actual ?? vm.memory_target;
    return [{ ref, name: vm.name_label, control: vm.is_control_domain, actual, overhead: vm.memory_overhead, dynamicMax: vm.memory_dynamic_max }];
  });
  return hostMemory({ name: host.name_label, total: metrics?.memory_total ?? 0, free: metrics?.memory_free ?? 0, hostOverhead: host.memory_overhead, domains });
}

export function sameHostMemory(a: HostMemory | undefined, b: HostMemory | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a.name !== b.name || a.total !== b.total || a.free !== b.free || a.totalMax !== b.totalMax || a.segments.length !== b.segments.length) return false;
  return a.segments.every((s, i) => {
    const t = b.segments[i];
    return t !== undefined && s.key === t.key && s.label === t.label && s.bytes === t.bytes;
  });
}
