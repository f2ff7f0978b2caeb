// Networking: networks, host NICs (PIFs), VM NICs (VIFs), bonds, VLANs, SR-IOV.
// Fields, types, qualifiers and defaults transcribed from xapi's ocaml/idl/datamodel*.ml
// (internal-only fields left out), in the datamodel's order. Links marked `inverse` are
// the datamodel's all_relations: xapi keeps both ends equal.
import type { ClassSpec } from './spec';
import { T, enumOf, mapOf, ref, setOf } from './field-types';
import { BOND_MODE, IPV6_CONFIGURATION_MODE, IP_CONFIGURATION_MODE, NETWORK_DEFAULT_LOCKING_MODE, NETWORK_OPERATIONS, NETWORK_PURPOSE, PIF_IGMP_STATUS, PRIMARY_ADDRESS_TYPE, SRIOV_CONFIGURATION_MODE, VIF_IPV4_CONFIGURATION_MODE, VIF_IPV6_CONFIGURATION_MODE, VIF_LOCKING_MODE, VIF_OPERATIONS } from './enums';
import { NULL_REF } from '../refs';
import { EPOCH } from '../datetime';

export const NETWORK_CLASS = {
  name: 'network',
  named: true,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'name_label', type: T.string, access: 'RW', default: '' },
    { name: 'name_description', type: T.string, access: 'RW', default: '' },
    { name: 'allowed_operations', type: setOf(enumOf(NETWORK_OPERATIONS)), access: 'RO', default: [] },
    { name: 'current_operations', type: mapOf(T.string, enumOf(NETWORK_OPERATIONS)), access: 'RO', default: {} },
    { name: 'VIFs', type: setOf(ref('VIF')), access: 'RO', default: [], inverse: 'network' },
    { name: 'PIFs', type: setOf(ref('PIF')), access: 'RO', default: [], inverse: 'network' },
    { name: 'MTU', type: T.int, access: 'RW', default: 1500 },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {}, required: true },
    { name: 'bridge', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'managed', type: T.bool, access: 'RO', default: true, qualifier: 'StaticRO' },
    { name: 'blobs', type: mapOf(T.string, ref('blob')), access: 'RO', default: {} },
    { name: 'tags', type: setOf(T.string), access: 'RW', default: [] },
    { name: 'default_locking_mode', type: enumOf(NETWORK_DEFAULT_LOCKING_MODE), access: 'RO', default: 'unlocked', explicitSetter: true },
    { name: 'assigned_ips', type: mapOf(ref('VIF'), T.string), access: 'RO', default: {} },
    { name: 'purpose', type: setOf(enumOf(NETWORK_PURPOSE)), access: 'RO', default: [] },
  ],
} as const satisfies ClassSpec;

export const PIF_CLASS = {
  name: 'PIF',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'device', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'network', type: ref('network'), access: 'RO', default: NULL_REF, inverse: 'PIFs', qualifier: 'StaticRO' },
    { name: 'host', type: ref('host'), access: 'RO', default: NULL_REF, inverse: 'PIFs', qualifier: 'StaticRO' },
    { name: 'MAC', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO' },
    { name: 'MTU', type: T.int, access: 'RO', default: 1500, qualifier: 'StaticRO' }, // no datamodel default; 0 is no MTU
    { name: 'VLAN', type: T.int, access: 'RO', default: 0, qualifier: 'StaticRO' },
    { name: 'metrics', type: ref('PIF_metrics'), access: 'RO', default: NULL_REF },
    { name: 'physical', type: T.bool, access: 'RO', default: false },
    { name: 'currently_attached', type: T.bool, access: 'RO', default: true },
    { name: 'ip_configuration_mode', type: enumOf(IP_CONFIGURATION_MODE), access: 'RO', default: 'None' },
    { name: 'IP', type: T.string, access: 'RO', default: '' },
    { name: 'netmask', type: T.string, access: 'RO', default: '' },
    { name: 'gateway', type: T.string, access: 'RO', default: '' },
    { name: 'DNS', type: T.string, access: 'RO', default: '' },
    { name: 'bond_slave_of', type: ref('Bond'), access: 'RO', default: NULL_REF, inverse: 'slaves' },
    { name: 'bond_master_of', type: setOf(ref('Bond')), access: 'RO', default: [], inverse: 'master' },
    { name: 'VLAN_master_of', type: ref('VLAN'), access: 'RO', default: NULL_REF },
    { name: 'VLAN_slave_of', type: setOf(ref('VLAN')), access: 'RO', default: [], inverse: 'tagged_PIF' },
    { name: 'management', type: T.bool, access: 'RO', default: false },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'disallow_unplug', type: T.bool, access: 'RO', default: false, explicitSetter: true },
    { name: 'tunnel_access_PIF_of', type: setOf(ref('tunnel')), access: 'RO', default: [] },
    { name: 'tunnel_transport_PIF_of', type: setOf(ref('tunnel')), access: 'RO', default: [] },
    { name: 'ipv6_configuration_mode', type: enumOf(IPV6_CONFIGURATION_MODE), access: 'RO', default: 'None' },
    { name: 'IPv6', type: setOf(T.string), access: 'RO', default: [] },
    { name: 'ipv6_gateway', type: T.string, access: 'RO', default: '' },
    { name: 'primary_address_type', type: enumOf(PRIMARY_ADDRESS_TYPE), access: 'RO', default: 'IPv4', explicitSetter: true },
    { name: 'managed', type: T.bool, access: 'RO', default: true, qualifier: 'StaticRO' },
    { name: 'properties', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'capabilities', type: setOf(T.string), access: 'RO', default: [] },
    { name: 'igmp_snooping_status', type: enumOf(PIF_IGMP_STATUS), access: 'RO', default: 'unknown' },
    { name: 'sriov_physical_PIF_of', type: setOf(ref('network_sriov')), access: 'RO', default: [], inverse: 'physical_PIF' },
    { name: 'sriov_logical_PIF_of', type: setOf(ref('network_sriov')), access: 'RO', default: [], inverse: 'logical_PIF' },
    { name: 'PCI', type: ref('PCI'), access: 'RO', default: NULL_REF },
  ],
} as const satisfies ClassSpec;

export const PIF_METRICS_CLASS = {
  name: 'PIF_metrics',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'io_read_kbs', type: T.float, access: 'RO', default: 0, deprecated: true }, // removed from the API docs, still in records
    { name: 'io_write_kbs', type: T.float, access: 'RO', default: 0, deprecated: true }, // removed from the API docs, still in records
    { name: 'carrier', type: T.bool, access: 'RO', default: false },
    { name: 'vendor_id', type: T.string, access: 'RO', default: '' },
    { name: 'vendor_name', type: T.string, access: 'RO', default: '' },
    { name: 'device_id', type: T.string, access: 'RO', default: '' },
    { name: 'device_name', type: T.string, access: 'RO', default: '' },
    { name: 'speed', type: T.int, access: 'RO', default: 0 },
    { name: 'duplex', type: T.bool, access: 'RO', default: false },
    { name: 'pci_bus_path', type: T.string, access: 'RO', default: '' },
    { name: 'last_updated', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
  ],
} as const satisfies ClassSpec;

export const VIF_CLASS = {
  name: 'VIF',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'allowed_operations', type: setOf(enumOf(VIF_OPERATIONS)), access: 'RO', default: [] },
    { name: 'current_operations', type: mapOf(T.string, enumOf(VIF_OPERATIONS)), access: 'RO', default: {} },
    { name: 'device', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO', required: true },
    { name: 'network', type: ref('network'), access: 'RO', default: NULL_REF, inverse: 'VIFs', qualifier: 'StaticRO', required: true },
    { name: 'VM', type: ref('VM'), access: 'RO', default: NULL_REF, inverse: 'VIFs', qualifier: 'StaticRO', required: true },
    { name: 'MAC', type: T.string, access: 'RO', default: '', qualifier: 'StaticRO', required: true },
    { name: 'MTU', type: T.int, access: 'RO', default: 1500, qualifier: 'StaticRO', required: true }, // no datamodel default; 0 is no MTU
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {}, required: true },
    { name: 'currently_attached', type: T.bool, access: 'RO', default: false, qualifier: 'StaticRO' },
    { name: 'status_code', type: T.int, access: 'RO', default: 0 },
    { name: 'status_detail', type: T.string, access: 'RO', default: '' },
    { name: 'runtime_properties', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'qos_algorithm_type', type: T.string, access: 'RW', default: '', required: true },
    { name: 'qos_algorithm_params', type: mapOf(T.string, T.string), access: 'RW', default: {}, required: true },
    { name: 'qos_supported_algorithms', type: setOf(T.string), access: 'RO', default: [] },
    { name: 'metrics', type: ref('VIF_metrics'), access: 'RO', default: NULL_REF, deprecated: true }, // removed from the API docs, still in records
    { name: 'MAC_autogenerated', type: T.bool, access: 'RO', default: false },
    { name: 'locking_mode', type: enumOf(VIF_LOCKING_MODE), access: 'RO', default: 'network_default', qualifier: 'StaticRO', explicitSetter: true },
    { name: 'ipv4_allowed', type: setOf(T.string), access: 'RO', default: [], qualifier: 'StaticRO', explicitSetter: true },
    { name: 'ipv6_allowed', type: setOf(T.string), access: 'RO', default: [], qualifier: 'StaticRO', explicitSetter: true },
    { name: 'ipv4_configuration_mode', type: enumOf(VIF_IPV4_CONFIGURATION_MODE), access: 'RO', default: 'None' },
    { name: 'ipv4_addresses', type: setOf(T.string), access: 'RO', default: [] },
    { name: 'ipv4_gateway', type: T.string, access: 'RO', default: '' },
    { name: 'ipv6_configuration_mode', type: enumOf(VIF_IPV6_CONFIGURATION_MODE), access: 'RO', default: 'None' },
    { name: 'ipv6_addresses', type: setOf(T.string), access: 'RO', default: [] },
    { name: 'ipv6_gateway', type: T.string, access: 'RO', default: '' },
    { name: 'trunks', type: setOf(T.int), access: 'RO', default: [], qualifier: 'StaticRO', explicitSetter: true },
  ],
} as const satisfies ClassSpec;

export const BOND_CLASS = {
  name: 'Bond',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'master', type: ref('PIF'), access: 'RO', default: NULL_REF, inverse: 'bond_master_of', qualifier: 'StaticRO' },
    { name: 'slaves', type: setOf(ref('PIF')), access: 'RO', default: [], inverse: 'bond_slave_of' },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'primary_slave', type: ref('PIF'), access: 'RO', default: NULL_REF },
    { name: 'mode', type: enumOf(BOND_MODE), access: 'RO', default: 'balance-slb', explicitSetter: true },
    { name: 'properties', type: mapOf(T.string, T.string), access: 'RO', default: {} },
    { name: 'links_up', type: T.int, access: 'RO', default: 0 },
    { name: 'auto_update_mac', type: T.bool, access: 'RO', default: true },
  ],
} as const satisfies ClassSpec;

export const VLAN_CLASS = {
  name: 'VLAN',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'tagged_PIF', type: ref('PIF'), access: 'RO', default: NULL_REF, inverse: 'VLAN_slave_of', qualifier: 'StaticRO' },
    { name: 'untagged_PIF', type: ref('PIF'), access: 'RO', default: NULL_REF },
    { name: 'tag', type: T.int, access: 'RO', default: -1, qualifier: 'StaticRO' },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
  ],
} as const satisfies ClassSpec;

export const NETWORK_SRIOV_CLASS = {
  name: 'network_sriov',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'physical_PIF', type: ref('PIF'), access: 'RO', default: NULL_REF, inverse: 'sriov_physical_PIF_of', qualifier: 'StaticRO' },
    { name: 'logical_PIF', type: ref('PIF'), access: 'RO', default: NULL_REF, inverse: 'sriov_logical_PIF_of', qualifier: 'StaticRO' },
    { name: 'requires_reboot', type: T.bool, access: 'RO', default: false },
    { name: 'configuration_mode', type: enumOf(SRIOV_CONFIGURATION_MODE), access: 'RO', default: 'unknown' },
  ],
} as const satisfies ClassSpec;
