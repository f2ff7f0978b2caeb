// What the tree builders read: the pool's objects by class, as read-only maps
// by ref. The object cache's tables satisfy it directly; tests pass plain maps
// of partial records. Each class is narrowed to the fields the tree uses, so a
// test fixture stays small and the builders' inputs are explicit.
import type { ObjectCache } from '../cache/object-cache';
import type { Connection, LabMachineEntry } from '../connections/connections';
import type { HostMetricsRecord, HostRecord, NetworkRecord, PBDRecord, PoolRecord, SRRecord, VBDRecord, VDIRecord, VMGuestMetricsRecord, VMRecord } from '../../xapi/types';

export type PoolIn = Pick<PoolRecord, 'name_label' | 'name_description' | 'master' | 'tags' | 'other_config'>;
export type HostIn = Pick<HostRecord, 'name_label' | 'name_description' | 'enabled' | 'metrics' | 'address' | 'tags' | 'other_config'>;
export type HostMetricsIn = Pick<HostMetricsRecord, 'live'>;
export type VmIn = Pick<
  VMRecord,
  | 'name_label'
  | 'name_description'
  | 'power_state'
  | 'is_a_template'
  | 'is_default_template'
  | 'is_a_snapshot'
  | 'is_control_domain'
  | 'resident_on'
  | 'affinity'
  | 'VBDs'
  | 'tags'
  | 'other_config'
  | 'guest_metrics'
>;
export type VbdIn = Pick<VBDRecord, 'VDI'>;
export type VdiIn = Pick<VDIRecord, 'name_label' | 'name_description' | 'SR' | 'managed' | 'missing' | 'tags' | 'other_config'>;
export type SrIn = Pick<SRRecord, 'name_label' | 'name_description' | 'type' | 'content_type' | 'shared' | 'PBDs' | 'introduced_by' | 'tags' | 'other_config'>;
export type PbdIn = Pick<PBDRecord, 'host'>;
export type NetworkIn = Pick<NetworkRecord, 'name_label' | 'name_description' | 'tags' | 'other_config'>;
export type GuestMetricsIn = Pick<VMGuestMetricsRecord, 'os_version' | 'networks'>;

export interface Table<T> {
  get(ref: string): T | undefined;
  entries(): Iterable<[string, T]>;
  readonly size: number;
}

export interface TreeSource {
  readonly pool: Table<PoolIn>;
  readonly host: Table<HostIn>;
  readonly host_metrics: Table<HostMetricsIn>;
  readonly VM: Table<VmIn>;
  readonly VBD: Table<VbdIn>;
  readonly VDI: Table<VdiIn>;
  readonly SR: Table<SrIn>;
  readonly PBD: Table<PbdIn>;
  readonly network: Table<NetworkIn>;
  readonly VM_guest_metrics: Table<GuestMetricsIn>;
  /** The console's connections (pools added, their members); absent in fixtures: the builders then infer them. */
  readonly connections?: readonly Connection[] | undefined;
  /** Lab machines without XenServer yet (bare or installing), shown under the Infrastructure root. */
  readonly machines?: readonly LabMachineEntry[] | undefined;
}

/** The classes the tree reads, in a fixed order (the memo compares them in this order). */
export const SOURCE_CLASSES = ['pool', 'host', 'host_metrics', 'VM', 'VBD', 'VDI', 'SR', 'PBD', 'network', 'VM_guest_metrics'] as const satisfies readonly (keyof TreeSource)[];

export function sourceFromCache(cache: ObjectCache): TreeSource {
  return {
    pool: cache.all('pool'),
    host: cache.all('host'),
    host_metrics: cache.all('host_metrics'),
    VM: cache.all('VM'),
    VBD: cache.all('VBD'),
    VDI: cache.all('VDI'),
    SR: cache.all('SR'),
    PBD: cache.all('PBD'),
    network: cache.all('network'),
    VM_guest_metrics: cache.all('VM_guest_metrics'),
  };
}

/** An empty table (for sources built by hand). */
export function emptyTable<T>(): Table<T> {
  return new Map<string, T>();
}

/** The fields every tree object has, looked up by its class. */
export interface CommonFields {
  readonly name_label: string;
  readonly name_description: string;
  readonly tags: readonly string[];
  readonly other_config: { readonly [key: string]: string };
}

const CLASS_TABLE = { pool: 'pool', host: 'host', VM: 'VM', SR: 'SR', network: 'network', VDI: 'VDI' } as const;

export function commonFields(src: TreeSource, cls: keyof typeof CLASS_TABLE, ref: string): CommonFields | undefined {
  return src[CLASS_TABLE[cls]].get(ref);
}
