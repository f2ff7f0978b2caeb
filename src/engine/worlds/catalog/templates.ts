// XenServer 8's default VM templates, as data.
//
// Source: xenserver/guest-templates-json, branch release/xs8 (json/*.json and
// guesttemplates/blank_template.py). On a real host that tool builds each
// template from a base profile plus a per-OS delta and imports it into xapi;
// `resolveTemplate` below repeats its rules so the fields here match what
// `xe template-list params=all` shows:
//  - memory: static_min = min_memory; static_max = dynamic_min = dynamic_max
//    = 2 × min_memory (BaseTemplate.update);
//  - platform: nx/acpi/apic/pae/hpet defaults, then the profile's keys; a key
//    set to null in a delta (UEFI profiles drop 'device-model') is removed;
//  - recommendations: the <restrictions> XML XenCenter reads for limits;
//  - other_config: install-methods, linux_template, disks (<provision> XML);
//    the loader then marks the template default (is_default_template).
// Domain type: every template in this set is HVM (domain_type 'hvm'). Debian 11
// and CentOS Stream 9 boot BIOS ('cdn'); the other Linux ones boot UEFI with
// secureboot 'auto'; Windows boot UEFI ('cd'). XenServer 8 has no PV template
// for these distributions (PV survives only in base-pvlinux for old EL/SLES).
// XenServer 8 ships no Oracle Linux 9 template: Oracle Linux 8 (oel-8) is the
// newest Oracle one, so it stands in for it here.
//
// The timing facts (bootSeconds, shutdownSeconds) are the simulator's own:
// typical times to a login prompt / to power-off on a modern server.
import type { OsFamily } from '../../vm/durations';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

type Platform = Readonly<Record<string, string | null>>;

interface Profile {
  readonly name_description: string;
  readonly family: OsFamily;
  readonly firmware: 'bios' | 'uefi';
  readonly order: string;
  readonly platform: Platform;
  readonly installMethods: string;
  readonly linux: boolean;
  readonly vcpus: number;
  readonly vcpusMin?: number;
  readonly vcpusMax: number;
  readonly maxMemory: number;
  readonly hasVendorDevice: boolean;
  readonly gpu: boolean;
  readonly sriov: boolean;
  readonly supportsBios: boolean;
  readonly supportsUefi: boolean;
  readonly supportsSecureBoot: boolean;
}

// json/base-hvmlinux.json
const HVM_LINUX: Profile = {
  name_description:
    'To use this template from the CLI, install your VM using vm-install, then set other-config-install-repository to the path to your network repository, e.g. http://<server>/<path> or nfs:server:/<path>',
  family: 'linux',
  firmware: 'bios',
  order: 'cdn',
  platform: { secureboot: 'false', vga: 'std', videoram: '8', viridian: 'false', device_id: '0001', 'device-model': 'qemu-upstream-compat' },
  installMethods: 'cdrom,nfs,http,ftp',
  linux: true,
  vcpus: 1,
  vcpusMax: 64,
  maxMemory: 1536 * GiB,
  hasVendorDevice: false,
  gpu: true,
  sriov: true,
  supportsBios: true,
  supportsUefi: false,
  supportsSecureBoot: false,
};

// json/base-linux-uefi.json (derived from base-hvmlinux)
const UEFI_LINUX: Profile = {
  ...HVM_LINUX,
  firmware: 'uefi',
  platform: { ...HVM_LINUX.platform, 'device-model': null, secureboot: 'auto' },
  supportsUefi: true,
  supportsSecureBoot: true,
};

const WINDOWS_PLATFORM: Platform = {
  'cores-per-socket': '2',
  device_id: '0002',
  viridian: 'true',
  viridian_time_ref_count: 'true',
  viridian_reference_tsc: 'true',
  viridian_apic_assist: 'true',
  viridian_crash_ctl: 'true',
  viridian_stimer: 'true',
  vga: 'std',
  videoram: '8',
};

// json/base-windows.json + json/base-windows-uefi.json
const UEFI_WINDOWS: Profile = {
  name_description: '',
  family: 'windows',
  firmware: 'uefi',
  order: 'cd',
  platform: { ...WINDOWS_PLATFORM, secureboot: 'auto' },
  installMethods: 'cdrom',
  linux: false,
  vcpus: 2,
  vcpusMin: 2,
  vcpusMax: 64,
  maxMemory: 1536 * GiB,
  hasVendorDevice: true,
  gpu: false,
  sriov: false,
  supportsBios: true,
  supportsUefi: true,
  supportsSecureBoot: true,
};

// json/other-install-media.json (no base)
const OTHER: Profile = {
  name_description: 'Template which allows VM installation from install media',
  family: 'other',
  firmware: 'bios',
  order: 'cd',
  platform: { viridian: 'true', secureboot: 'false' },
  installMethods: 'cdrom',
  linux: false,
  vcpus: 1,
  vcpusMax: 64,
  maxMemory: 128 * GiB,
  hasVendorDevice: false,
  gpu: false,
  sriov: false,
  supportsBios: true,
  supportsUefi: true,
  supportsSecureBoot: true,
};

/** What the guest's tools report in VM_guest_metrics.os_version once installed. */
export interface GuestOs {
  readonly name: string;
  readonly distro: string;
  readonly major: string;
  readonly minor: string;
  /** Kernel release (Linux) or build number (Windows). */
  readonly uname: string;
}

interface Entry {
  readonly uuid: string;
  readonly reference_label: string;
  readonly name_label: string;
  readonly profile: Profile;
  readonly minMemory: number;
  readonly disk: number;
  readonly diskBootable?: boolean;
  readonly vcpus?: number;
  readonly platform?: Platform;
  readonly otherConfig?: Readonly<Record<string, string>>;
  readonly sriov?: boolean;
  readonly supportsBios?: boolean;
  readonly bootSeconds: number;
  readonly shutdownSeconds: number;
  readonly guestOs: GuestOs;
}

const winDescription = (name: string) =>
  `Clones of this template will automatically provision their storage when first booted and then reconfigure themselves with the optimal settings for ${name}.`;

const win = (name: string, build: string): GuestOs => ({ name: `Microsoft ${name}`, distro: 'windows', major: '10', minor: '0', uname: build });

// One entry per json/<reference_label>.json; uuids are the files' fixed uuids.
const ENTRIES: readonly Entry[] = [
  // json/debian-13.json as XCP-ng 8.3 ships it (xcp-ng-rpms/guest-templates-json); XenServer 8's set stops at Debian 12.
  { uuid: '0f690a2c-2bf3-4bde-b5b6-3fd236adbc88', reference_label: 'debian-13', name_label: 'Debian Trixie 13', profile: UEFI_LINUX, minMemory: 1 * GiB, disk: 10 * GiB, bootSeconds: 15, shutdownSeconds: 5, guestOs: { name: 'Debian GNU/Linux 13 (trixie)', distro: 'debian', major: '13', minor: '1', uname: '6.12.43+deb13-amd64' } },
  { uuid: '07d91aaa-43f7-430a-bf84-0edb6714df0f', reference_label: 'debian-12', name_label: 'Debian Bookworm 12', profile: UEFI_LINUX, minMemory: 1 * GiB, disk: 10 * GiB, bootSeconds: 16, shutdownSeconds: 5, guestOs: { name: 'Debian GNU/Linux 12 (bookworm)', distro: 'debian', major: '12', minor: '7', uname: '6.1.0-25-amd64' } },
  { uuid: 'acfeecf4-4007-412b-8f13-6d61a6aee5bd', reference_label: 'debian-11', name_label: 'Debian Bullseye 11', profile: HVM_LINUX, minMemory: 512 * MiB, disk: 10 * GiB, bootSeconds: 15, shutdownSeconds: 5, guestOs: { name: 'Debian GNU/Linux 11 (bullseye)', distro: 'debian', major: '11', minor: '11', uname: '5.10.0-32-amd64' } },
  { uuid: 'ff1f3e17-84d9-4d72-962d-571c4ceb527b', reference_label: 'ubuntu-24.04', name_label: 'Ubuntu Noble Numbat 24.04', profile: UEFI_LINUX, minMemory: 1 * GiB, disk: 10 * GiB, bootSeconds: 22, shutdownSeconds: 6, guestOs: { name: 'Ubuntu 24.04.1 LTS', distro: 'ubuntu', major: '24', minor: '04', uname: '6.8.0-45-generic' } },
  { uuid: 'df1a0e64-3799-482b-aa9f-1ed713c7dac5', reference_label: 'ubuntu-22.04', name_label: 'Ubuntu Jammy Jellyfish 22.04', profile: UEFI_LINUX, minMemory: 1 * GiB, disk: 10 * GiB, bootSeconds: 21, shutdownSeconds: 6, guestOs: { name: 'Ubuntu 22.04.5 LTS', distro: 'ubuntu', major: '22', minor: '04', uname: '5.15.0-122-generic' } },
  { uuid: '1a647cf9-99c1-4e9c-b3b4-6b9989c530be', reference_label: 'rocky-9', name_label: 'Rocky Linux 9', profile: UEFI_LINUX, minMemory: 2 * GiB, disk: 15 * GiB, bootSeconds: 19, shutdownSeconds: 6, guestOs: { name: 'Rocky Linux 9.4 (Blue Onyx)', distro: 'rocky', major: '9', minor: '4', uname: '5.14.0-427.13.1.el9_4.x86_64' } },
  { uuid: '6ff2c2f1-92af-4396-b117-a9cc2cc76aa4', reference_label: 'alma-9', name_label: 'AlmaLinux 9', profile: UEFI_LINUX, minMemory: 2 * GiB, disk: 10 * GiB, bootSeconds: 19, shutdownSeconds: 6, guestOs: { name: 'AlmaLinux 9.4 (Seafoam Ocelot)', distro: 'almalinux', major: '9', minor: '4', uname: '5.14.0-427.13.1.el9_4.x86_64' } },
  // json/rocky-8.json derives from base-el-7 (BIOS boot, 2 GiB, 10 GiB disk).
  { uuid: '6ce77bf9-ab30-4a1a-a757-011b52d89997', reference_label: 'rocky-8', name_label: 'Rocky Linux 8', profile: HVM_LINUX, minMemory: 2 * GiB, disk: 10 * GiB, bootSeconds: 20, shutdownSeconds: 6, guestOs: { name: 'Rocky Linux 8.10 (Green Obsidian)', distro: 'rocky', major: '8', minor: '10', uname: '4.18.0-553.el8_10.x86_64' } },
  { uuid: '77e57ea5-5688-4628-9e8e-235365518919', reference_label: 'alma-8', name_label: 'AlmaLinux 8', profile: UEFI_LINUX, minMemory: 2 * GiB, disk: 10 * GiB, bootSeconds: 20, shutdownSeconds: 6, guestOs: { name: 'AlmaLinux 8.10 (Cerulean Leopard)', distro: 'almalinux', major: '8', minor: '10', uname: '4.18.0-553.el8_10.x86_64' } },
  { uuid: '6c91b878-5095-421e-a914-224b3bb1088c', reference_label: 'rhel-9', name_label: 'Red Hat Enterprise Linux 9', profile: UEFI_LINUX, minMemory: 2 * GiB, disk: 10 * GiB, bootSeconds: 20, shutdownSeconds: 6, guestOs: { name: 'Red Hat Enterprise Linux 9.4 (Plow)', distro: 'rhel', major: '9', minor: '4', uname: '5.14.0-427.13.1.el9_4.x86_64' } },
  { uuid: '612863ed-900d-456d-b4b7-38b70915fd1f', reference_label: 'rhel-8', name_label: 'Red Hat Enterprise Linux 8', profile: UEFI_LINUX, minMemory: 2 * GiB, disk: 10 * GiB, bootSeconds: 20, shutdownSeconds: 6, guestOs: { name: 'Red Hat Enterprise Linux 8.10 (Ootpa)', distro: 'rhel', major: '8', minor: '10', uname: '4.18.0-553.el8_10.x86_64' } },
  // json/oel-8.json: "Oracle 8 should have 2 vCPUs at least" (CA-390776).
  { uuid: '6959dfe8-534c-4c58-8a8c-3c3792293543', reference_label: 'oel-8', name_label: 'Oracle Linux 8', profile: UEFI_LINUX, minMemory: 2 * GiB, disk: 10 * GiB, vcpus: 2, bootSeconds: 20, shutdownSeconds: 6, guestOs: { name: 'Oracle Linux Server 8.10', distro: 'oracle', major: '8', minor: '10', uname: '5.15.0-209.161.7.2.el8uek.x86_64' } },
  { uuid: 'b5915805-d800-459d-826a-322dc9cf07e2', reference_label: 'sle-15-64bit', name_label: 'SUSE Linux Enterprise 15 (64-bit)', profile: UEFI_LINUX, minMemory: 1 * GiB, disk: 8 * GiB, otherConfig: { 'install-arch': 'x86_64' }, bootSeconds: 24, shutdownSeconds: 7, guestOs: { name: 'SUSE Linux Enterprise Server 15 SP6', distro: 'sles', major: '15', minor: '6', uname: '6.4.0-150600.21-default' } },
  // json/centos-9.json derives from base-el-7 (BIOS, 2 GiB, 10 GiB disk).
  { uuid: 'a3d70e4d-c5ac-4dfb-999b-30a0a7efe546', reference_label: 'centos-9', name_label: 'CentOS Stream 9', profile: HVM_LINUX, minMemory: 2 * GiB, disk: 10 * GiB, bootSeconds: 19, shutdownSeconds: 6, guestOs: { name: 'CentOS Stream 9', distro: 'centos', major: '9', minor: '0', uname: '5.14.0-503.el9.x86_64' } },
  { uuid: '1c33af1c-e919-418c-ad45-85d7d6fb604a', reference_label: 'windows-server-2022-64bit', name_label: 'Windows Server 2022 (64-bit)', profile: UEFI_WINDOWS, minMemory: 1 * GiB, disk: 32 * GiB, diskBootable: false, sriov: true, bootSeconds: 50, shutdownSeconds: 14, guestOs: win('Windows Server 2022 Standard', '20348') },
  { uuid: 'd986ea98-09fa-4e9a-9ee6-e6c78119496f', reference_label: 'windows-server-2019-64bit', name_label: 'Windows Server 2019 (64-bit)', profile: UEFI_WINDOWS, minMemory: 1 * GiB, disk: 32 * GiB, diskBootable: false, sriov: true, bootSeconds: 55, shutdownSeconds: 15, guestOs: win('Windows Server 2019 Standard', '17763') },
  { uuid: '905ab443-e415-4d52-bfef-e14b147eac4e', reference_label: 'windows-server-2025', name_label: 'Windows Server 2025', profile: UEFI_WINDOWS, minMemory: 2 * GiB, disk: 64 * GiB, diskBootable: false, sriov: true, supportsBios: false, bootSeconds: 48, shutdownSeconds: 14, guestOs: win('Windows Server 2025 Standard', '26100') },
  { uuid: '1f8728f9-6354-4a68-adc3-222c34f2bb94', reference_label: 'windows-11', name_label: 'Windows 11', profile: UEFI_WINDOWS, minMemory: 4 * GiB, disk: 64 * GiB, diskBootable: false, supportsBios: false, platform: { acpi_laptop_slate: '1', vtpm: 'true' }, bootSeconds: 45, shutdownSeconds: 12, guestOs: win('Windows 11 Pro', '22631') },
  { uuid: '7774689b-4ca1-4dea-8545-dddd6b64c17f', reference_label: 'windows-10-64bit', name_label: 'Windows 10 (64-bit)', profile: UEFI_WINDOWS, minMemory: 2 * GiB, disk: 32 * GiB, diskBootable: false, platform: { acpi_laptop_slate: '1' }, bootSeconds: 42, shutdownSeconds: 12, guestOs: win('Windows 10 Pro', '19045') },
  { uuid: '552bce37-51b2-445d-84f2-5f33fa112d7e', reference_label: 'other-install-media', name_label: 'Other install media', profile: OTHER, minMemory: 128 * MiB, disk: 0, bootSeconds: 25, shutdownSeconds: 8, guestOs: { name: 'Unknown', distro: '', major: '', minor: '', uname: '' } },
];

/** A default template, resolved to the field values xapi holds for it. */
export interface TemplateSpec {
  readonly uuid: string;
  readonly reference_label: string;
  readonly name_label: string;
  readonly name_description: string;
  readonly family: OsFamily;
  readonly domain_type: 'hvm' | 'pv';
  readonly firmware: 'bios' | 'uefi';
  readonly HVM_boot_policy: string;
  readonly HVM_boot_params: Readonly<Record<string, string>>;
  readonly PV_bootloader: string;
  readonly platform: Readonly<Record<string, string>>;
  readonly memory_static_min: number;
  readonly memory_static_max: number;
  readonly memory_dynamic_min: number;
  readonly memory_dynamic_max: number;
  readonly VCPUs_max: number;
  readonly VCPUs_at_startup: number;
  /** The system disk the template provisions (0: none, e.g. Other install media). */
  readonly diskSize: number;
  readonly recommendations: string;
  /** other_config without mac_seed (a fresh uuid per template, made at build time). */
  readonly other_config: Readonly<Record<string, string>>;
  /** What the template recommends for has_vendor_device (the field itself stays false). */
  readonly recommendsVendorDevice: boolean;
  readonly actions_after_shutdown: 'destroy';
  readonly actions_after_reboot: 'restart';
  readonly actions_after_crash: 'restart';
  readonly bootSeconds: number;
  readonly shutdownSeconds: number;
  readonly guestOs: GuestOs;
}

/** blank_template.Platform defaults, then the profile's and the entry's keys; null removes a key. */
function resolvePlatform(...layers: (Platform | undefined)[]): Record<string, string> {
  const merged: Record<string, string | null> = { nx: 'true', acpi: '1', apic: 'true', pae: 'true', hpet: 'true' };
  for (const layer of layers) Object.assign(merged, layer);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(merged)) if (v !== null && v !== '') out[k] = v;
  return out;
}

/** blank_template.Recommendations.toxml (attributes in the order xapi's dumps show them). */
function recommendationsXml(p: Profile, e: Entry): string {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const r: string[] = [`<restriction field="memory-static-max" max="${String(p.maxMemory)}"/>`];
  if (p.vcpusMin !== undefined) r.push(`<restriction field="vcpus-min" min="${String(p.vcpusMin)}"/>`);
  r.push(`<restriction field="vcpus-max" max="${String(p.vcpusMax)}"/>`);
  r.push(`<restriction field="has-vendor-device" value="${String(p.hasVendorDevice)}"/>`);
  if (p.gpu) r.push('<restriction field="allow-gpu-passthrough" value="1"/>', '<restriction field="allow-vgpu" value="1"/>');
  if (p.sriov || e.sriov === true) r.push('<restriction field="allow-network-sriov" value="1"/>');
  r.push(`<restriction field="supports-bios" value="${yes(e.supportsBios ?? p.supportsBios)}"/>`);
  r.push(`<restriction field="supports-uefi" value="${yes(p.supportsUefi)}"/>`);
  r.push(`<restriction field="supports-secure-boot" value="${yes(p.supportsSecureBoot)}"/>`);
  r.push('<restriction max="255" property="number-of-vbds"/>', '<restriction max="7" property="number-of-vifs"/>');
  return `<restrictions>${r.join('')}</restrictions>`;
}

/** The other_config 'disks' provision spec (blank_template.DiskDevices.toxml). */
export function provisionXml(size: number, bootable: boolean): string {
  return `<provision><disk bootable="${String(bootable)}" device="0" size="${String(size)}" sr="" type="system"/></provision>`;
}

function resolveTemplate(e: Entry): TemplateSpec {
  const p = e.profile;
  const other: Record<string, string> = { 'install-methods': p.installMethods };
  if (p.linux) other['linux_template'] = 'true';
  if (e.disk > 0) other['disks'] = provisionXml(e.disk, e.diskBootable ?? true);
  Object.assign(other, e.otherConfig);
  other['default_template'] = 'true';
  const vcpus = e.vcpus ?? p.vcpus;
  return {
    uuid: e.uuid,
    reference_label: e.reference_label,
    name_label: e.name_label,
    name_description: p.family === 'windows' ? winDescription(e.name_label) : p.name_description,
    family: p.family,
    domain_type: 'hvm',
    firmware: p.firmware,
    HVM_boot_policy: 'BIOS order',
    HVM_boot_params: { firmware: p.firmware, order: p.order },
    PV_bootloader: '',
    platform: resolvePlatform(p.platform, e.platform),
    memory_static_min: e.minMemory,
    memory_static_max: 2 * e.minMemory,
    memory_dynamic_min: 2 * e.minMemory,
    memory_dynamic_max: 2 * e.minMemory,
    VCPUs_max: vcpus,
    VCPUs_at_startup: vcpus,
    diskSize: e.disk,
    recommendations: recommendationsXml(p, e),
    other_config: other,
    recommendsVendorDevice: p.hasVendorDevice,
    actions_after_shutdown: 'destroy',
    actions_after_reboot: 'restart',
    actions_after_crash: 'restart',
    bootSeconds: e.bootSeconds,
    shutdownSeconds: e.shutdownSeconds,
    guestOs: e.guestOs,
  };
}

export const TEMPLATES: readonly TemplateSpec[] = ENTRIES.map(resolveTemplate);

export function templateByLabel(reference_label: string): TemplateSpec {
  const t = TEMPLATES.find((x) => x.reference_label === reference_label);
  if (t === undefined) throw new Error(`no template ${reference_label} in the catalog`);
  return t;
}
