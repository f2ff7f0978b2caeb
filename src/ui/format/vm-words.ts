// A VM's XenAPI fields in XenCenter's words: operating system, virtualization
// mode, management agent, boot order and firmware.
import type { RecordOf } from '../../xapi/types';

type VM = RecordOf<'VM'>;
type GuestMetrics = RecordOf<'VM_guest_metrics'>;

/** os_version.name, without the Windows "|C:\Windows|\Device…" tail. */
export function operatingSystem(vm: VM, gm: GuestMetrics | undefined): string {
  const name = gm?.os_version['name']?.split('|')[0]?.trim();
  if (name !== undefined && name !== '') return name;
  // A default template is named after the system it installs.
  if (vm.is_a_template && vm.is_default_template) return vm.name_label;
  return 'Unknown';
}

const DOMAIN_TYPES: Readonly<Record<string, string>> = { hvm: 'HVM', pv: 'PV', pvh: 'PVH', pv_in_pvh: 'PV in PVH' };

/** "HVM", "PV", "PVH"; HVM guests with PV drivers are "HVM with optimized drivers". */
export function virtualizationMode(vm: VM, gm: GuestMetrics | undefined): string {
  // 'unspecified' on old records: xapi then goes by HVM_boot_policy.
  const type = vm.domain_type === 'unspecified' ? (vm.HVM_boot_policy === '' ? 'pv' : 'hvm') : vm.domain_type;
  const label = DOMAIN_TYPES[type] ?? type;
  return type === 'hvm' && gm?.PV_drivers_detected === true ? `${label} with optimized drivers` : label;
}

/** The management agent (guest tools) as the guest reports it. */
export function managementAgent(gm: GuestMetrics | undefined): string {
  const v = gm?.PV_drivers_version;
  if (v === undefined || v['major'] === undefined) return 'Not installed';
  const version = [v['major'], v['minor'], v['micro']].filter((p) => p !== undefined).join('.');
  const build = v['build'] === undefined ? '' : `-${v['build']}`;
  return `Installed (version ${version}${build})`;
}

const BOOT_DEVICES: Readonly<Record<string, string>> = { c: 'Hard Disk', d: 'DVD-Drive', n: 'Network', a: 'Floppy' };

/** HVM_boot_params.order ("cdn") as a list of devices. */
export function bootOrder(order: string | undefined): string[] {
  return [...(order ?? '')].map((c) => BOOT_DEVICES[c] ?? c);
}

/** HVM_boot_params.firmware (and platform.secureboot) as XenCenter names it. */
export function firmware(vm: VM): string {
  if (vm.HVM_boot_params['firmware'] === 'uefi') return vm.platform['secureboot'] === 'true' ? 'UEFI Secure Boot' : 'UEFI';
  return 'BIOS';
}

/** The guest's IP addresses from VM_guest_metrics.networks ("0/ip", "0/ipv4/0", "0/ipv6/0" …), distinct, IPv4 first. */
export function guestAddresses(gm: GuestMetrics | undefined, device?: string): string[] {
  if (gm === undefined) return [];
  const seen = new Set<string>();
  const keys = Object.keys(gm.networks).filter((k) => device === undefined || k.startsWith(`${device}/`));
  const v4 = keys.filter((k) => !k.includes('ipv6')).sort();
  const v6 = keys.filter((k) => k.includes('ipv6')).sort();
  for (const k of [...v4, ...v6]) {
    const ip = gm.networks[k];
    if (ip !== undefined && ip !== '') seen.add(ip);
  }
  return [...seen];
}
