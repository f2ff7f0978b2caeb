// A small pool in an object cache, for the tab pages' unit tests: one pool,
// two servers, a running and a halted VM, a template, local and NFS storage.
// Records carry only the fields the tabs read.
import { ObjectCache } from '../cache/object-cache';

type Obj = readonly [cls: string, ref: string, record: Record<string, unknown>];

export function cacheWith(objects: readonly Obj[]): ObjectCache {
  const cache = new ObjectCache(() => {});
  cache.enqueue({ kind: 'initial', token: '1', events: objects.map(([cls, ref, snapshot]) => ({ operation: 'add', class: cls, ref, snapshot: { uuid: `uuid-${ref}`, ...snapshot } })) });
  cache.flush();
  return cache;
}

const GiB = 1024 ** 3;
const NULL = 'OpaqueRef:NULL';

const vm = (over: Record<string, unknown>) => ({
  name_description: '',
  is_a_template: false,
  is_default_template: false,
  is_a_snapshot: false,
  is_control_domain: false,
  power_state: 'Halted',
  resident_on: NULL,
  affinity: NULL,
  guest_metrics: NULL,
  metrics: NULL,
  VBDs: [],
  VIFs: [],
  tags: [],
  current_operations: {},
  VCPUs_at_startup: 1,
  memory_static_max: GiB,
  memory_dynamic_max: GiB,
  memory_dynamic_min: GiB,
  memory_target: GiB,
  memory_overhead: 0,
  ...over,
});

const host = (name: string, over: Record<string, unknown>) => ({
  name_label: name,
  name_description: '',
  enabled: true,
  address: '192.168.10.11',
  tags: [],
  other_config: { boot_time: '1000.' },
  software_version: { product_brand: 'XenServer', product_version: '8.4.0' },
  cpu_info: { cpu_count: '64' },
  resident_VMs: [],
  PIFs: [],
  memory_overhead: 2 * GiB,
  ...over,
});

export function labCache(): ObjectCache {
  return cacheWith([
    ['pool', 'pool', { name_label: 'Lab Pool', name_description: '', master: 'h1', tags: [] }],
    ['host', 'h1', host('xenserver-01', { metrics: 'hm1', resident_VMs: ['dom0', 'web'], PIFs: ['pif0', 'pif1'] })],
    ['host', 'h2', host('xenserver-02', { metrics: 'hm2', address: '192.168.10.12', enabled: false })],
    ['host_metrics', 'hm1', { memory_total: 128 * GiB, memory_free: 100 * GiB, live: true }],
    ['host_metrics', 'hm2', { memory_total: 128 * GiB, memory_free: 120 * GiB, live: true }],
    ['VM', 'dom0', vm({ name_label: 'Control domain on host: xenserver-01', is_control_domain: true, power_state: 'Running', resident_on: 'h1' })],
    ['VM', 'web', vm({ name_label: 'web-01', power_state: 'Running', resident_on: 'h1', metrics: 'vmm', guest_metrics: 'gm', VBDs: ['vbd-disk', 'vbd-cd'], VIFs: ['vif0'], VCPUs_at_startup: 2, tags: ['web'] })],
    ['VM', 'game', vm({ name_label: 'game-01', affinity: 'h2', VBDs: [], VCPUs_at_startup: 4 })],
    ['VM', 'vm10', vm({ name_label: 'vm-10', affinity: 'h1' })],
    ['VM', 'tpl', vm({ name_label: 'Debian Bookworm 12', is_a_template: true, is_default_template: true })],
    ['VM_metrics', 'vmm', { memory_actual: 2 * GiB, start_time: '19700101T00:16:40Z' }],
    ['VM_guest_metrics', 'gm', { os_version: { name: 'Debian GNU/Linux 12' }, networks: { '0/ip': '192.168.10.101', '0/ipv6/0': 'fe80::1' }, PV_drivers_version: {}, PV_drivers_detected: true }],
    ['VBD', 'vbd-disk', { VM: 'web', VDI: 'vdi-web', userdevice: '0', device: 'xvda', type: 'Disk', mode: 'RW', empty: false, currently_attached: true, qos_algorithm_params: {} }],
    ['VBD', 'vbd-cd', { VM: 'web', VDI: NULL, userdevice: '3', device: 'xvdd', type: 'CD', mode: 'RO', empty: true, currently_attached: true, qos_algorithm_params: {} }],
    ['VDI', 'vdi-web', { name_label: 'web-01 0', name_description: '', SR: 'nfs', VBDs: ['vbd-disk'], virtual_size: 20 * GiB, physical_utilisation: 8 * GiB, type: 'system', read_only: false, cbt_enabled: false, other_config: {} }],
    ['VDI', 'vdi-suspend', { name_label: 'Suspend image', name_description: '', SR: 'nfs', VBDs: [], virtual_size: GiB, physical_utilisation: GiB, type: 'suspend', read_only: false, cbt_enabled: false, other_config: {} }],
    ['SR', 'nfs', { name_label: 'NFS virtual disk storage', name_description: '', type: 'nfs', shared: true, PBDs: ['pbd1', 'pbd2'], VDIs: ['vdi-web', 'vdi-suspend'], physical_size: 4096 * GiB, physical_utilisation: 1024 * GiB, virtual_allocation: 2048 * GiB, tags: [] }],
    ['SR', 'local1', { name_label: 'Local storage', name_description: '', type: 'lvm', shared: false, PBDs: ['pbd3'], VDIs: [], physical_size: 1700 * GiB, physical_utilisation: 100 * GiB, virtual_allocation: 100 * GiB, tags: [] }],
    ['PBD', 'pbd1', { host: 'h1', SR: 'nfs', currently_attached: true }],
    ['PBD', 'pbd2', { host: 'h2', SR: 'nfs', currently_attached: true }],
    ['PBD', 'pbd3', { host: 'h1', SR: 'local1', currently_attached: true }],
    ['network', 'net0', { name_label: 'Pool-wide network associated with eth0', name_description: '', PIFs: ['pif0'], VIFs: ['vif0'], MTU: 1500, other_config: {}, tags: [] }],
    ['network', 'net1', { name_label: 'Pool-wide network associated with eth1', name_description: '', PIFs: ['pif1'], VIFs: [], MTU: 1500, other_config: { automatic: 'false' }, tags: [] }],
    ['network', 'internal', { name_label: 'Host internal management network', name_description: '', PIFs: [], VIFs: [], MTU: 1500, other_config: { is_host_internal_management_network: 'true' }, tags: [] }],
    ['PIF', 'pif0', { device: 'eth0', host: 'h1', network: 'net0', MAC: 'a0:36:9f:00:00:01', VLAN: -1, metrics: 'pm0', physical: true, currently_attached: true, management: true, ip_configuration_mode: 'Static', IP: '192.168.10.11', netmask: '255.255.255.0', gateway: '192.168.10.1', DNS: '192.168.10.1', other_config: {} }],
    ['PIF', 'pif1', { device: 'eth1', host: 'h1', network: 'net1', MAC: 'a0:36:9f:00:00:02', VLAN: -1, metrics: 'pm1', physical: true, currently_attached: true, management: false, ip_configuration_mode: 'None', IP: '', netmask: '', gateway: '', DNS: '', other_config: {} }],
    ['PIF_metrics', 'pm0', { carrier: true, speed: 1000, duplex: true, vendor_name: 'Intel Corporation', device_name: 'I350 Gigabit Network Connection', pci_bus_path: '0000:18:00.0' }],
    ['PIF_metrics', 'pm1', { carrier: false, speed: 1000, duplex: true, vendor_name: 'Intel Corporation', device_name: 'I350 Gigabit Network Connection', pci_bus_path: '0000:18:00.1' }],
    ['VIF', 'vif0', { VM: 'web', network: 'net0', device: '0', MAC: '02:00:00:00:00:01', currently_attached: true, qos_algorithm_type: '', qos_algorithm_params: {} }],
  ]);
}
