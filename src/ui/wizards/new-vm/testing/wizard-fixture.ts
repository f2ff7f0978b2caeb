// A small pool for the wizard's unit tests, shaped like the default lab: three
// servers (the third without VT-x), shared NFS and a local LVM SR per server,
// an ISO library and the servers' DVD drives, four pool networks and the
// internal one, and templates: Debian 12 and Windows Server 2022 as XenServer 8
// ships them, Other install media, and a custom template with its own disk
// and network interface.
import type { RecordOf } from '../../../../xapi/types';
import { PlainCache } from '../../../actions/testing/plain-cache';
import { wizardFacts } from '../wizard-facts';
import type { WizardFacts } from '../wizard-state';

export const GiB = 1024 ** 3;
export const TiB = 1024 ** 4;

const RECS_LINUX =
  '<restrictions><restriction field="memory-static-max" max="1649267441664"/><restriction field="vcpus-max" max="64"/><restriction field="has-vendor-device" value="false"/><restriction max="255" property="number-of-vbds"/><restriction max="7" property="number-of-vifs"/></restrictions>';
const RECS_WINDOWS =
  '<restrictions><restriction field="memory-static-max" max="1649267441664"/><restriction field="vcpus-min" min="2"/><restriction field="vcpus-max" max="64"/><restriction max="255" property="number-of-vbds"/><restriction max="7" property="number-of-vifs"/></restrictions>';

export interface Fixture {
  readonly cache: PlainCache;
  readonly hosts: readonly [string, string, string];
  readonly nfs: string;
  readonly local: readonly [string, string, string];
  readonly iso: string;
  readonly dvd1: string;
  readonly nets: readonly string[];
  readonly debian: string;
  readonly windows: string;
  readonly other: string;
  readonly custom: string;
  facts(template: string | undefined): WizardFacts;
}

export function wizardFixture(): Fixture {
  const c = new PlainCache();
  const hosts = [1, 2, 3].map((i) => {
    const metrics = c.add('host_metrics', { live: true, memory_total: 128 * GiB, memory_free: (i === 2 ? 40 : 100) * GiB });
    return c.add('host', { name_label: `xenserver-0${String(i)}`, enabled: true, metrics, cpu_info: { cpu_count: '64', socket_count: '2' }, capabilities: i === 3 ? ['xen-3.0-x86_64'] : ['xen-3.0-x86_64', 'hvm-3.0-x86_64'] });
  }) as [string, string, string];
  const plug = (sr: string, host: string) => {
    const pbd = c.add('PBD', { host, SR: sr, currently_attached: true });
    const record = c.get('SR', sr);
    if (record !== undefined) c.update('SR', sr, { PBDs: [...record.PBDs, pbd] });
  };
  const disksOps = ['vdi_create', 'vdi_destroy', 'vdi_resize', 'vdi_clone', 'scan'] as const;
  const nfs = c.add('SR', { name_label: 'NFS virtual disk storage', type: 'nfs', content_type: 'user', shared: true, physical_size: 4 * TiB, physical_utilisation: TiB, allowed_operations: [...disksOps] });
  for (const h of hosts) plug(nfs, h);
  const local = hosts.map((h, i) => {
    const sr = c.add('SR', { name_label: 'Local storage', type: 'lvm', content_type: 'user', shared: false, physical_size: (i === 0 ? 100 : 1700) * GiB, physical_utilisation: (i === 0 ? 80 : 100) * GiB, allowed_operations: [...disksOps] });
    plug(sr, h);
    return sr;
  }) as [string, string, string];
  c.add('pool', { name_label: 'Lab Pool', master: hosts[0], default_SR: nfs });
  const isoSr = c.add('SR', { name_label: 'ISO library', type: 'iso', content_type: 'iso', shared: true });
  for (const h of hosts) plug(isoSr, h);
  const iso = c.add('VDI', { name_label: 'debian-12.7.0-amd64-netinst.iso', SR: isoSr, virtual_size: 661_651_456 });
  c.update('SR', isoSr, { VDIs: [iso] });
  const dvdSr = c.add('SR', { name_label: 'DVD drives', type: 'udev', content_type: 'iso', shared: false });
  plug(dvdSr, hosts[0]);
  const dvd1 = c.add('VDI', { name_label: 'SCSI 1:0:0:0', SR: dvdSr });
  c.update('SR', dvdSr, { VDIs: [dvd1] });
  const nets = [0, 1, 2, 3].map((i) => c.add('network', { name_label: `Pool-wide network associated with eth${String(i)}`, MTU: 1500 }));
  c.add('network', { name_label: 'Host internal management network', other_config: { is_guest_installer_network: 'true', is_host_internal_management_network: 'true' } });

  const template = (name: string, over: Partial<RecordOf<'VM'>>) =>
    c.add('VM', { name_label: name, is_a_template: true, power_state: 'Halted', HVM_boot_policy: 'BIOS order', domain_type: 'hvm', ...over });
  const debian = template('Debian Bookworm 12', {
    is_default_template: true,
    memory_static_min: GiB,
    memory_static_max: 2 * GiB,
    memory_dynamic_min: 2 * GiB,
    memory_dynamic_max: 2 * GiB,
    VCPUs_max: 1,
    VCPUs_at_startup: 1,
    HVM_boot_params: { firmware: 'uefi', order: 'cdn' },
    platform: { secureboot: 'auto', nx: 'true' },
    recommendations: RECS_LINUX,
    other_config: { 'install-methods': 'cdrom,nfs,http,ftp', linux_template: 'true', default_template: 'true', disks: '<provision><disk bootable="true" device="0" size="10737418240" sr="" type="system"/></provision>' },
  });
  const windows = template('Windows Server 2022 (64-bit)', {
    is_default_template: true,
    memory_static_min: GiB,
    memory_static_max: 2 * GiB,
    memory_dynamic_min: 2 * GiB,
    memory_dynamic_max: 2 * GiB,
    VCPUs_max: 2,
    VCPUs_at_startup: 2,
    HVM_boot_params: { firmware: 'uefi', order: 'cd' },
    platform: { 'cores-per-socket': '2', viridian: 'true' },
    recommendations: RECS_WINDOWS,
    other_config: { 'install-methods': 'cdrom', default_template: 'true', disks: '<provision><disk bootable="false" device="0" size="34359738368" sr="" type="system"/></provision>' },
  });
  const other = template('Other install media', {
    is_default_template: true,
    memory_static_min: 128 * 1024 ** 2,
    memory_static_max: 256 * 1024 ** 2,
    memory_dynamic_min: 256 * 1024 ** 2,
    memory_dynamic_max: 256 * 1024 ** 2,
    VCPUs_max: 1,
    VCPUs_at_startup: 1,
    HVM_boot_params: { order: 'cd' },
    recommendations: RECS_LINUX,
    other_config: { 'install-methods': 'cdrom', default_template: 'true' },
    name_description: 'Template which allows VM installation from install media',
  });
  const custom = template('web template', {
    memory_static_min: GiB,
    memory_static_max: 4 * GiB,
    memory_dynamic_min: 2 * GiB,
    memory_dynamic_max: 4 * GiB,
    VCPUs_max: 2,
    VCPUs_at_startup: 2,
    HVM_boot_params: { order: 'cd' },
    recommendations: RECS_LINUX,
    other_config: {},
    name_description: 'nginx on Debian, ready to go',
  });
  const tvdi = c.add('VDI', { name_label: 'web template 0', SR: nfs, virtual_size: 20 * GiB, type: 'system', allowed_operations: ['copy', 'clone'] });
  const tvbd = c.add('VBD', { VM: custom, VDI: tvdi, userdevice: '0', type: 'Disk', bootable: true });
  const tcd = c.add('VBD', { VM: custom, VDI: 'OpaqueRef:NULL', userdevice: '3', type: 'CD', empty: true });
  const tvif = c.add('VIF', { VM: custom, network: nets[0] ?? '', device: '0', MAC: '02:00:00:00:00:09' });
  c.update('VM', custom, { VBDs: [tvbd, tcd], VIFs: [tvif] });

  return {
    cache: c,
    hosts,
    nfs,
    local,
    iso,
    dvd1,
    nets,
    debian,
    windows,
    other,
    custom,
    facts: (ref) => wizardFacts(c, ref),
  };
}
