// Classes that hang off a VM: its metrics, guest-agent metrics, consoles, snapshot schedules.
// Fields, types, qualifiers and defaults transcribed from xapi's ocaml/idl/datamodel*.ml
// (internal-only fields left out), in the datamodel's order. Links marked `inverse` are
// the datamodel's all_relations: xapi keeps both ends equal.
import type { ClassSpec } from './spec';
import { T, enumOf, mapOf, ref, setOf } from './field-types';
import { CONSOLE_PROTOCOL, DOMAIN_TYPE, TRISTATE_TYPE, VMSS_FREQUENCY, VMSS_TYPE } from './enums';
import { NULL_REF } from '../refs';
import { EPOCH } from '../datetime';

export const VM_METRICS_CLASS = {
  name: 'VM_metrics',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'memory_actual', type: T.int, access: 'RO', default: 0 },
    { name: 'VCPUs_number', type: T.int, access: 'RO', default: 0 },
    { name: 'VCPUs_utilisation', type: mapOf(T.int, T.float), access: 'RO', default: {}, deprecated: true }, // removed from the API docs, still in records
    { name: 'VCPUs_CPU', type: mapOf(T.int, T.int), access: 'RO', default: {} },
    { name: 'VCPUs_params', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'VCPUs_flags', type: mapOf(T.int, setOf(T.string)), access: 'RO', default: {} },
    { name: 'state', type: setOf(T.string), access: 'RO', default: [] },
    { name: 'start_time', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'install_time', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'last_updated', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'hvm', type: T.bool, access: 'RO', default: false },
    { name: 'nested_virt', type: T.bool, access: 'RO', default: false },
    { name: 'nomigrate', type: T.bool, access: 'RO', default: false },
    { name: 'current_domain_type', type: enumOf(DOMAIN_TYPE), access: 'RO', default: 'unspecified' },
    { name: 'numa_optimised', type: T.bool, access: 'RO', default: false, qualifier: 'StaticRO' },
    { name: 'numa_nodes', type: T.int, access: 'RO', default: 0, qualifier: 'StaticRO' },
    { name: 'numa_node_memory', type: mapOf(T.int, T.int), access: 'RO', default: {} },
  ],
} as const satisfies ClassSpec;

export const VM_GUEST_METRICS_CLASS = {
  name: 'VM_guest_metrics',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'os_version', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'netbios_name', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'PV_drivers_version', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'PV_drivers_up_to_date', type: T.bool, access: 'RO', default: false, deprecated: true },
    { name: 'memory', type: mapOf(T.string, T.string), access: 'RO', default: {}, deprecated: true }, // removed from the API docs, still in records
    { name: 'disks', type: mapOf(T.string, T.string), access: 'RO', default: {}, deprecated: true }, // removed from the API docs, still in records
    { name: 'networks', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'other', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'last_updated', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'live', type: T.bool, access: 'RO', default: false },
    { name: 'can_use_hotplug_vbd', type: enumOf(TRISTATE_TYPE), access: 'RO', default: 'unspecified' },
    { name: 'can_use_hotplug_vif', type: enumOf(TRISTATE_TYPE), access: 'RO', default: 'unspecified' },
    { name: 'PV_drivers_detected', type: T.bool, access: 'RO', default: false },
    { name: 'services', type: mapOf(T.string, T.string), access: 'RO', default: {} },
  ],
} as const satisfies ClassSpec;

export const CONSOLE_CLASS = {
  name: 'console',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'protocol', type: enumOf(CONSOLE_PROTOCOL), access: 'RO', default: 'rfb' }, // no datamodel default
    { name: 'location', type: T.string, access: 'RO', default: '' },
    { name: 'VM', type: ref('VM'), access: 'RO', default: NULL_REF, inverse: 'consoles' },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {}, required: true },
  ],
} as const satisfies ClassSpec;

export const VMSS_CLASS = {
  name: 'VMSS',
  named: true,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'name_label', type: T.string, access: 'RW', default: '' },
    { name: 'name_description', type: T.string, access: 'RW', default: '' },
    { name: 'enabled', type: T.bool, access: 'RW', default: true },
    { name: 'type', type: enumOf(VMSS_TYPE), access: 'RO', default: 'snapshot', qualifier: 'StaticRO', required: true, explicitSetter: true }, // no datamodel default
    { name: 'retained_snapshots', type: T.int, access: 'RO', default: 7, qualifier: 'StaticRO', explicitSetter: true },
    { name: 'frequency', type: enumOf(VMSS_FREQUENCY), access: 'RO', default: 'daily', qualifier: 'StaticRO', required: true, explicitSetter: true }, // no datamodel default
    { name: 'schedule', type: mapOf(T.string, T.string), access: 'RO', default: {}, qualifier: 'StaticRO', explicitSetter: true },
    { name: 'last_run_time', type: T.datetime, access: 'RO', default: EPOCH, explicitSetter: true },
    { name: 'VMs', type: setOf(ref('VM')), access: 'RO', default: [], inverse: 'snapshot_schedule' },
  ],
} as const satisfies ClassSpec;
