// Storage: SRs, their VDIs, the VBDs that plug VDIs into VMs, and the PBDs that plug SRs into hosts.
// Fields, types, qualifiers and defaults transcribed from xapi's ocaml/idl/datamodel*.ml
// (internal-only fields left out), in the datamodel's order. Links marked `inverse` are
// the datamodel's all_relations: xapi keeps both ends equal.
import type { ClassSpec } from './spec';
import { T, enumOf, mapOf, ref, setOf } from './field-types';
import { ON_BOOT, STORAGE_OPERATIONS, VBD_MODE, VBD_OPERATIONS, VBD_TYPE, VDI_OPERATIONS, VDI_TYPE } from './enums';
import { NULL_REF } from '../refs';
import { EPOCH } from '../datetime';

export const SR_CLASS = {
  name: 'SR',
  named: true,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'name_label', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO', explicitSetter: true },
    { name: 'name_description', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO', explicitSetter: true },
    { name: 'allowed_operations', type: setOf(enumOf(STORAGE_OPERATIONS)), access: 'RO', default: [] },
    { name: 'current_operations', type: mapOf(T.string, enumOf(STORAGE_OPERATIONS)), access: 'RO', default: {} },
    { name: 'VDIs', type: setOf(ref('VDI')), access: 'RO', default: [], inverse: 'SR' },
    { name: 'PBDs', type: setOf(ref('PBD')), access: 'RO', default: [], inverse: 'SR' },
    { name: 'virtual_allocation', type: T.int, access: 'RO', default: 0, explicitSetter: true },
    { name: 'physical_utilisation', type: T.int, access: 'RO', default: 0, explicitSetter: true },
    { name: 'physical_size', type: T.int, access: 'RO', default: 0, qualifier: 'StaticRO', explicitSetter: true },
    { name: 'type', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'content_type', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'shared', type: T.bool, access: 'RO', default: false, explicitSetter: true },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'tags', type: setOf(T.string), access: 'RW', default: [] },
    { name: 'sm_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'blobs', type: mapOf(T.string, ref('blob')), access: 'RO', default: {} },
    { name: 'local_cache_enabled', type: T.bool, access: 'RO', default: false },
    { name: 'introduced_by', type: ref('DR_task'), access: 'RO', default: NULL_REF },
    { name: 'clustered', type: T.bool, access: 'RO', default: false },
    { name: 'is_tools_sr', type: T.bool, access: 'RO', default: false },
  ],
} as const satisfies ClassSpec;

export const VDI_CLASS = {
  name: 'VDI',
  named: true,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'name_label', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO', explicitSetter: true },
    { name: 'name_description', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO', explicitSetter: true },
    { name: 'allowed_operations', type: setOf(enumOf(VDI_OPERATIONS)), access: 'RO', default: [] },
    { name: 'current_operations', type: mapOf(T.string, enumOf(VDI_OPERATIONS)), access: 'RO', default: {} },
    { name: 'SR', type: ref('SR'), access: 'RO', default: NULL_REF, inverse: 'VDIs', qualifier: 'StaticRO', required: true },
    { name: 'VBDs', type: setOf(ref('VBD')), access: 'RO', default: [], inverse: 'VDI' },
    { name: 'crash_dumps', type: setOf(ref('crashdump')), access: 'RO', default: [] },
    { name: 'virtual_size', type: T.int, access: 'RO', default: 0, qualifier: 'StaticRO', required: true, explicitSetter: true },
    { name: 'physical_utilisation', type: T.int, access: 'RO', default: 0, explicitSetter: true },
    { name: 'type', type: enumOf(VDI_TYPE), access: 'RO', default: 'user', qualifier: 'StaticRO', required: true }, // no datamodel default
    { name: 'sharable', type: T.bool, access: 'RO', default: false, qualifier: 'StaticRO', required: true, explicitSetter: true },
    { name: 'read_only', type: T.bool, access: 'RO', default: false, qualifier: 'StaticRO', required: true, explicitSetter: true },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {}, required: true },
    { name: 'storage_lock', type: T.bool, access: 'RO', default: false },
    { name: 'location', type: T.string, access: 'RO', default: '' },
    { name: 'managed', type: T.bool, access: 'RO', default: true, explicitSetter: true }, // no datamodel default; VDI.create makes managed VDIs
    { name: 'missing', type: T.bool, access: 'RO', default: false, explicitSetter: true },
    { name: 'parent', type: ref('VDI'), access: 'RO', default: NULL_REF, deprecated: true },
    { name: 'xenstore_data', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'sm_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'is_a_snapshot', type: T.bool, access: 'RO', default: false, explicitSetter: true },
    { name: 'snapshot_of', type: ref('VDI'), access: 'RO', default: NULL_REF, inverse: 'snapshots', explicitSetter: true },
    { name: 'snapshots', type: setOf(ref('VDI')), access: 'RO', default: [], inverse: 'snapshot_of' },
    { name: 'snapshot_time', type: T.datetime, access: 'RO', default: EPOCH, explicitSetter: true },
    { name: 'tags', type: setOf(T.string), access: 'RW', default: [] },
    { name: 'allow_caching', type: T.bool, access: 'RO', default: false, explicitSetter: true },
    { name: 'on_boot', type: enumOf(ON_BOOT), access: 'RO', default: 'persist', explicitSetter: true },
    { name: 'metadata_of_pool', type: ref('pool'), access: 'RO', default: NULL_REF, inverse: 'metadata_VDIs', explicitSetter: true },
    { name: 'metadata_latest', type: T.bool, access: 'RO', default: false },
    { name: 'is_tools_iso', type: T.bool, access: 'RO', default: false },
    { name: 'cbt_enabled', type: T.bool, access: 'RO', default: false, explicitSetter: true },
  ],
} as const satisfies ClassSpec;

export const VBD_CLASS = {
  name: 'VBD',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'allowed_operations', type: setOf(enumOf(VBD_OPERATIONS)), access: 'RO', default: [] },
    { name: 'current_operations', type: mapOf(T.string, enumOf(VBD_OPERATIONS)), access: 'RO', default: {} },
    { name: 'VM', type: ref('VM'), access: 'RO', default: NULL_REF, inverse: 'VBDs', qualifier: 'StaticRO', required: true },
    { name: 'VDI', type: ref('VDI'), access: 'RO', default: NULL_REF, inverse: 'VBDs', qualifier: 'StaticRO', required: true },
    { name: 'device', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'userdevice', type: T.string, access: 'RW', default: '', required: true },
    { name: 'bootable', type: T.bool, access: 'RW', default: false, required: true },
    { name: 'mode', type: enumOf(VBD_MODE), access: 'RO', default: 'RW', qualifier: 'StaticRO', required: true, explicitSetter: true }, // no datamodel default
    { name: 'type', type: enumOf(VBD_TYPE), access: 'RW', default: 'Disk', required: true }, // no datamodel default
    { name: 'unpluggable', type: T.bool, access: 'RW', default: true },
    { name: 'storage_lock', type: T.bool, access: 'RO', default: false },
    { name: 'empty', type: T.bool, access: 'RO', default: false, qualifier: 'StaticRO', required: true },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {}, required: true },
    { name: 'currently_attached', type: T.bool, access: 'RO', default: false, qualifier: 'StaticRO' },
    { name: 'status_code', type: T.int, access: 'RO', default: 0 },
    { name: 'status_detail', type: T.string, access: 'RO', default: '' },
    { name: 'runtime_properties', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'qos_algorithm_type', type: T.string, access: 'RW', default: '', required: true },
    { name: 'qos_algorithm_params', type: mapOf(T.string, T.string), access: 'RW', default: {}, required: true },
    { name: 'qos_supported_algorithms', type: setOf(T.string), access: 'RO', default: [] },
    { name: 'metrics', type: ref('VBD_metrics'), access: 'RO', default: NULL_REF, deprecated: true }, // removed from the API docs, still in records
  ],
} as const satisfies ClassSpec;

export const PBD_CLASS = {
  name: 'PBD',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'host', type: ref('host'), access: 'RO', default: NULL_REF, inverse: 'PBDs', qualifier: 'StaticRO', required: true },
    { name: 'SR', type: ref('SR'), access: 'RO', default: NULL_REF, inverse: 'PBDs', qualifier: 'StaticRO', required: true },
    { name: 'device_config', type: mapOf(T.string, T.string), access: 'RO', default: {}, qualifier: 'StaticRO', required: true, explicitSetter: true },
    { name: 'currently_attached', type: T.bool, access: 'RO', default: false },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
  ],
} as const satisfies ClassSpec;
