// Classes that hang off a host: metrics, physical CPUs, PCI devices, physical GPUs.
// Fields, types, qualifiers and defaults transcribed from xapi's ocaml/idl/datamodel*.ml
// (internal-only fields left out), in the datamodel's order. Links marked `inverse` are
// the datamodel's all_relations: xapi keeps both ends equal.
import type { ClassSpec } from './spec';
import { T, enumOf, mapOf, ref, setOf } from './field-types';
import { ALLOCATION_ALGORITHM, PCI_DOM0_ACCESS } from './enums';
import { NULL_REF } from '../refs';
import { EPOCH } from '../datetime';

export const HOST_METRICS_CLASS = {
  name: 'host_metrics',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'memory_total', type: T.int, access: 'RO', default: 0 },
    { name: 'memory_free', type: T.int, access: 'RO', default: 0, deprecated: true }, // removed from the API docs, still in records
    { name: 'live', type: T.bool, access: 'RO', default: false },
    { name: 'last_updated', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
  ],
} as const satisfies ClassSpec;

export const HOST_CPU_CLASS = {
  name: 'host_cpu',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'host', type: ref('host'), access: 'RO', default: NULL_REF, inverse: 'host_CPUs' },
    { name: 'number', type: T.int, access: 'RO', default: 0 },
    { name: 'vendor', type: T.string, access: 'RO', default: '' },
    { name: 'speed', type: T.int, access: 'RO', default: 0 },
    { name: 'modelname', type: T.string, access: 'RO', default: '' },
    { name: 'family', type: T.int, access: 'RO', default: 0 },
    { name: 'model', type: T.int, access: 'RO', default: 0 },
    { name: 'stepping', type: T.string, access: 'RO', default: '' },
    { name: 'flags', type: T.string, access: 'RO', default: '' },
    { name: 'features', type: T.string, access: 'RO', default: '' },
    { name: 'utilisation', type: T.float, access: 'RO', default: 0 },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
  ],
} as const satisfies ClassSpec;

export const PCI_CLASS = {
  name: 'PCI',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'class_id', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'class_name', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'vendor_id', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'vendor_name', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'device_id', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'device_name', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'host', type: ref('host'), access: 'RO', default: NULL_REF, inverse: 'PCIs', qualifier: 'StaticRO' },
    { name: 'pci_id', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'dependencies', type: setOf(ref('PCI')), access: 'RO', default: [] },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'subsystem_vendor_id', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'subsystem_vendor_name', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'subsystem_device_id', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'subsystem_device_name', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'driver_name', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
  ],
} as const satisfies ClassSpec;

export const PGPU_CLASS = {
  name: 'PGPU',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'PCI', type: ref('PCI'), access: 'RO', default: NULL_REF, qualifier: 'StaticRO' },
    { name: 'GPU_group', type: ref('GPU_group'), access: 'RO', default: NULL_REF, qualifier: 'StaticRO', explicitSetter: true, inverse: 'PGPUs' },
    { name: 'host', type: ref('host'), access: 'RO', default: NULL_REF, inverse: 'PGPUs' },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'supported_VGPU_types', type: setOf(ref('VGPU_type')), access: 'RO', default: [] },
    { name: 'enabled_VGPU_types', type: setOf(ref('VGPU_type')), access: 'RO', default: [], explicitSetter: true },
    { name: 'resident_VGPUs', type: setOf(ref('VGPU')), access: 'RO', default: [] },
    { name: 'supported_VGPU_max_capacities', type: mapOf(ref('VGPU_type'), T.int), access: 'RO', default: {} },
    { name: 'dom0_access', type: enumOf(PCI_DOM0_ACCESS), access: 'RO', default: 'enabled', deprecated: true },
    { name: 'is_system_display_device', type: T.bool, access: 'RO', default: false },
    { name: 'compatibility_metadata', type: mapOf(T.string, T.string), access: 'RO', default: {} },
  ],
} as const satisfies ClassSpec;

/**
 * The pool's GPUs of one type (xapi_gpu_group.ml): every PGPU belongs to the
 * group of its PCI type, made when the first GPU of that type appears.
 */
export const GPU_GROUP_CLASS = {
  name: 'GPU_group',
  named: true,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'name_label', type: T.string, access: 'RW', default: '' },
    { name: 'name_description', type: T.string, access: 'RW', default: '' },
    { name: 'PGPUs', type: setOf(ref('PGPU')), access: 'RO', default: [], inverse: 'GPU_group' },
    { name: 'VGPUs', type: setOf(ref('VGPU')), access: 'RO', default: [] },
    { name: 'GPU_types', type: setOf(T.string), access: 'RO', default: [] },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'allocation_algorithm', type: enumOf(ALLOCATION_ALGORITHM), access: 'RW', default: 'depth_first' },
    { name: 'supported_VGPU_types', type: setOf(ref('VGPU_type')), access: 'RO', default: [] },
    { name: 'enabled_VGPU_types', type: setOf(ref('VGPU_type')), access: 'RO', default: [] },
  ],
} as const satisfies ClassSpec;
