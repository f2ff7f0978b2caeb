// Record types of the XenAPI classes, derived from the `as const` class specs
// in ./datamodel, so a field is described once. `RecordOf<'VM'>` is the shape
// of VM.get_record's result (and of an event snapshot for class 'VM').
import type { FieldType } from './datamodel/spec';
import type { CLASSES, ClassName } from './datamodel/classes';
import type { Ref } from './refs';

export type { Ref } from './refs';
export type { ClassName } from './datamodel/classes';

/** A XenAPI datetime as it travels: "20261128T01:02:03Z". */
export type DateTimeString = string;

type EnumValue<T> = T extends { readonly kind: 'enum'; readonly values: readonly (infer V)[] } ? V : never;

/** The TypeScript type of a value of a datamodel type, as it travels in JSON-RPC. */
export type ValueOf<T extends FieldType> = T extends { readonly kind: 'string' }
  ? string
  : T extends { readonly kind: 'datetime' }
    ? DateTimeString
    : T extends { readonly kind: 'int' | 'float' }
      ? number
      : T extends { readonly kind: 'bool' }
        ? boolean
        : T extends { readonly kind: 'enum' }
          ? EnumValue<T>
          : T extends { readonly kind: 'ref' }
            ? Ref
            : T extends { readonly kind: 'set'; readonly of: infer O extends FieldType }
              ? readonly ValueOf<O>[]
              : T extends { readonly kind: 'map'; readonly key: infer K extends FieldType; readonly value: infer V extends FieldType }
                ? K extends { readonly kind: 'enum' }
                  ? { readonly [P in EnumValue<K>]?: ValueOf<V> }
                  : { readonly [key: string]: ValueOf<V> }
                : never;

/** The record type of a class spec: one property per field. */
export type RecordOfSpec<S extends { readonly fields: readonly { readonly name: string; readonly type: FieldType }[] }> = {
  readonly [F in S['fields'][number] as F['name']]: ValueOf<F['type']>;
};

/** The record of a class by name: `RecordOf<'VM'>`. */
export type RecordOf<C extends ClassName> = RecordOfSpec<(typeof CLASSES)[C]>;

/** The names of the fields of a class. */
export type FieldName<C extends ClassName> = keyof RecordOf<C> & string;

export type SessionRecord = RecordOf<'session'>;
export type PoolRecord = RecordOf<'pool'>;
export type HostRecord = RecordOf<'host'>;
export type HostMetricsRecord = RecordOf<'host_metrics'>;
export type HostCpuRecord = RecordOf<'host_cpu'>;
export type VMRecord = RecordOf<'VM'>;
export type VMMetricsRecord = RecordOf<'VM_metrics'>;
export type VMGuestMetricsRecord = RecordOf<'VM_guest_metrics'>;
export type ConsoleRecord = RecordOf<'console'>;
export type VBDRecord = RecordOf<'VBD'>;
export type VDIRecord = RecordOf<'VDI'>;
export type SRRecord = RecordOf<'SR'>;
export type PBDRecord = RecordOf<'PBD'>;
export type NetworkRecord = RecordOf<'network'>;
export type PIFRecord = RecordOf<'PIF'>;
export type PIFMetricsRecord = RecordOf<'PIF_metrics'>;
export type VIFRecord = RecordOf<'VIF'>;
export type BondRecord = RecordOf<'Bond'>;
export type VLANRecord = RecordOf<'VLAN'>;
export type TaskRecord = RecordOf<'task'>;
export type MessageRecord = RecordOf<'message'>;
export type VMSSRecord = RecordOf<'VMSS'>;
export type PCIRecord = RecordOf<'PCI'>;
export type PGPURecord = RecordOf<'PGPU'>;
export type NetworkSriovRecord = RecordOf<'network_sriov'>;
