// Guest VMs as a real pool leaves them after they were made from a default
// template (VM.clone + VM.provision, as XenCenter's New VM wizard does),
// installed, and then started, stopped or suspended. Field values follow what
// xapi writes: other_config gets base_template_name and a fresh mac_seed and
// loses 'disks' and 'default_template' (xapi_vm_clone.ml, VM.provision);
// VIF MACs are random locally administered unicast addresses (record_util.ml
// mac_from_int_array); a suspend image is "Suspend image", sized
// static_max × 1.2 × 1.05 + 100 MiB (xapi_xenops.ml suspend); consoles of a
// running guest are at https://<host>/console?uuid=<console uuid>.
//
// Convention shared with the engine's lifecycle: a VM whose guest has tools
// installed has a VM_guest_metrics record, live while the guest runs.
// buildVm does not refresh host memory: call refreshHostMemory once per host
// after placing VMs (it scans every VM, so calling it per VM is quadratic).
import { createConsoles } from '../vm/consoles';
import { suspendImageSize } from '../vm/suspend-image';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { vmMemoryOverhead } from '../host/memory';
import { createVdi, lvhdSize, THIN_SR_TYPES } from '../storage/vdi-space';
import { stamp } from './build-host';
import { guestMetricsFields, networksMap, toolsVersionOf } from '../guest/guest-metrics';
import { OS_KEY, STATIC_IP_KEY, TOOLS_KEY } from '../guest/guest-os';
import type { TemplateSpec } from './catalog/templates';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

export type GuestPowerState = 'Running' | 'Paused' | 'Halted' | 'Suspended';

export interface VmSpec {
  readonly name: string;
  readonly description?: string;
  readonly template: TemplateSpec;
  readonly power: GuestPowerState;
  /** The host a Running or Paused VM is resident on. */
  readonly host?: string;
  /** Home server (VM.affinity); NULL when not given. */
  readonly affinity?: string;
  /** SR of the system disk. */
  readonly sr: string;
  /** SR for a Suspended VM's memory image (default: the disk's SR). */
  readonly suspendSR?: string;
  /** One VIF per network, device 0 first. */
  readonly networks: readonly string[];
  /** static_max = dynamic_max (default: the template's). */
  readonly memory?: number;
  /** dynamic_min (default: = dynamic_max, i.e. no ballooning). */
  readonly dynamicMin?: number;
  readonly vcpus?: number;
  /** System disk size (default: the template's; 20 GiB where it has none). */
  readonly diskSize?: number;
  /** Fraction of the disk the guest has written (thin-provisioned SRs only). */
  readonly diskFill?: number;
  /** Whether the guest has XenServer VM Tools (default true). */
  readonly tools?: boolean;
  /** Guest IPv4 address its tools report on VIF 0. */
  readonly ip?: string;
  /** A legacy PV guest booted by pygrub instead of the template's HVM mode. */
  readonly pv?: boolean;
  /** Virtual seconds (negative: before the simulation starts). */
  readonly installedAt: number;
  readonly startedAt?: number;
  readonly domid?: number;
  readonly tags?: readonly string[];
}

export interface BuiltVm {
  readonly vm: string;
  readonly disk: string;
  readonly vifs: readonly string[];
}


/** A random locally administered unicast MAC, as xapi makes for VIFs. */
export function randomVifMac(engine: Engine): string {
  const bytes = Array.from({ length: 6 }, () => engine.rng.int(0, 255));
  bytes[0] = ((bytes[0] ?? 0) | 0x02) & ~0x01;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The memory ranges of a VM, kept valid: static_min ≤ dynamic_min ≤ dynamic_max = static_max, dynamic_min ≥ ¼ static_max. */
export function memoryOf(t: TemplateSpec, memory?: number, dynamicMin?: number) {
  const staticMax = memory ?? t.memory_static_max;
  const dynMin = Math.max(Math.ceil(staticMax / 4 / MiB) * MiB, Math.min(dynamicMin ?? staticMax, staticMax));
  return {
    memory_static_max: staticMax,
    memory_dynamic_max: staticMax,
    memory_dynamic_min: dynMin,
    memory_static_min: Math.min(t.memory_static_min, dynMin),
  };
}

/** other_config of a VM made from template `t` (xapi_vm_clone.ml). */
function vmOtherConfig(engine: Engine, t: TemplateSpec): Record<string, string> {
  const { disks: _disks, default_template: _default, ...rest } = t.other_config;
  return { base_template_name: t.name_label, ...rest, mac_seed: engine.rng.uuid() };
}

function instancePlatform(t: TemplateSpec, pv: boolean): Record<string, string> {
  const p: Record<string, string> = { ...t.platform, timeoffset: '0' };
  if (pv) delete p['device-model'];
  else p['device-model'] = t.firmware === 'uefi' ? 'qemu-upstream-uefi' : (p['device-model'] ?? 'qemu-upstream-compat');
  return p;
}

const HVM_BIOS_STRINGS = {
  'bios-vendor': 'Xen',
  'bios-version': '',
  'system-manufacturer': 'Xen',
  'system-product-name': 'HVM domU',
  'system-version': '',
  'system-serial-number': '',
  'baseboard-manufacturer': '',
  'baseboard-product-name': '',
  'enclosure-asset-tag': '',
  'hp-rombios': '',
  'oem-1': 'Xen',
  'oem-2': 'MS_VM_CERT/SHA1/bdbeb6e0a816d43fa6d3fe8aaef04c2bad9d3e3d',
};

function nextDomid(engine: Engine, host: string): number {
  let max = 0;
  for (const vm of engine.world.get('host', host).resident_VMs) max = Math.max(max, engine.world.get('VM', vm).domid);
  return max + 1;
}

/** What the guest's OS keeps on its system disk: which OS, its tools, its static address (see guest/guest-os.ts). */
function osKeys(spec: VmSpec): Record<string, string> {
  const keys: Record<string, string> = { [OS_KEY]: spec.template.reference_label };
  if (spec.tools ?? true) keys[TOOLS_KEY] = toolsVersionOf(spec.template.family);
  if (spec.ip !== undefined) keys[STATIC_IP_KEY] = spec.ip;
  return keys;
}

function createSystemDisk(engine: Engine, spec: VmSpec, running: boolean): string {
  const sr = engine.world.get('SR', spec.sr);
  const size = spec.diskSize ?? (spec.template.diskSize > 0 ? spec.template.diskSize : 20 * GiB);
  const thin = THIN_SR_TYPES.has(sr.type);
  const fill = spec.diskFill ?? 0.3 + engine.rng.next() * 0.4;
  const used = thin ? Math.ceil((size * fill) / MiB) * MiB + 2 * MiB : lvhdSize(size);
  const uuid = engine.rng.uuid();
  const smConfig: Record<string, string> = { vdi_type: 'vhd' };
  if (running && spec.host !== undefined) smConfig[`host_${spec.host}`] = 'RW';
  return createVdi(engine, spec.sr, {
    uuid,
    location: uuid,
    name_label: `${spec.name} 0`,
    name_description: '',
    type: 'system',
    virtual_size: size,
    physical_utilisation: used,
    sharable: false,
    read_only: false,
    managed: true,
    sm_config: smConfig,
    other_config: osKeys(spec),
    allowed_operations: running
      ? ['clone', 'copy', 'snapshot', 'resize_online', 'mirror', 'update', 'generate_config', 'enable_cbt']
      : ['clone', 'copy', 'resize', 'snapshot', 'mirror', 'destroy', 'forget', 'update', 'generate_config', 'enable_cbt'],
  });
}

function createSuspendImage(engine: Engine, spec: VmSpec, vmUuid: string, staticMax: number): string {
  const sr = spec.suspendSR ?? spec.sr;
  const size = suspendImageSize(staticMax);
  const thin = THIN_SR_TYPES.has(engine.world.get('SR', sr).type);
  return createVdi(engine, sr, {
    name_label: 'Suspend image',
    name_description: 'Suspend image',
    type: 'suspend',
    virtual_size: size,
    physical_utilisation: thin ? size : lvhdSize(size),
    sharable: false,
    read_only: false,
    sm_config: { vm_hint: vmUuid, initial_allocation: String(size), vdi_type: 'vhd' },
    other_config: {},
    allowed_operations: [],
  });
}

function createGuestMetrics(engine: Engine, spec: VmSpec, live: boolean, mac: string | undefined): string {
  const networks = live && spec.ip !== undefined && mac !== undefined ? networksMap([{ device: '0', ip: spec.ip, mac }]) : {};
  return engine.world.create('VM_guest_metrics', {
    ...guestMetricsFields(engine, spec.template, spec.name, networks, live),
    last_updated: stamp(engine, spec.startedAt ?? 0),
  });
}

/** Create one guest VM with its disk, CD drive, VIFs, metrics and (when running) consoles. */
export function buildVm(engine: Engine, spec: VmSpec): BuiltVm {
  const t = spec.template;
  const running = spec.power === 'Running' || spec.power === 'Paused';
  if (running && spec.host === undefined) throw new Error(`${spec.name}: a ${spec.power} VM needs a host`);
  const host = running ? (spec.host ?? NULL_REF) : NULL_REF;
  const pv = spec.pv === true;
  const hvm = !pv;
  const memory = memoryOf(t, spec.memory, spec.dynamicMin);
  const vcpus = spec.vcpus ?? t.VCPUs_max;
  const tools = spec.tools ?? true;
  const windows = t.family === 'windows';
  const uuid = engine.rng.uuid();
  const startedAt = spec.startedAt ?? 0;
  const pcpus = running ? engine.world.get('host', host).host_CPUs.length : 0;

  const metrics = engine.world.create('VM_metrics', {
    memory_actual: running ? memory.memory_dynamic_max : 0,
    VCPUs_number: running ? vcpus : 0,
    VCPUs_utilisation: running ? Object.fromEntries(Array.from({ length: vcpus }, (_, i) => [String(i), 0])) : {},
    VCPUs_CPU: running ? Object.fromEntries(Array.from({ length: vcpus }, (_, i) => [String(i), engine.rng.int(0, Math.max(0, pcpus - 1))])) : {},
    state: [spec.power.toLowerCase()],
    start_time: stamp(engine, running ? startedAt : spec.installedAt),
    install_time: stamp(engine, spec.installedAt),
    last_updated: stamp(engine),
    hvm: running && hvm,
    current_domain_type: running ? (pv ? 'pv' : 'hvm') : 'unspecified',
  });

  const vm = engine.world.create('VM', {
    uuid,
    name_label: spec.name,
    name_description: spec.description ?? '',
    power_state: spec.power,
    user_version: 1,
    is_a_template: false,
    resident_on: host,
    affinity: spec.affinity ?? NULL_REF,
    domid: running ? (spec.domid ?? nextDomid(engine, host)) : -1,
    domarch: running ? 'x64' : '',
    ...memory,
    memory_target: memory.memory_dynamic_max,
    memory_overhead: vmMemoryOverhead(memory.memory_static_max, vcpus, hvm),
    VCPUs_max: vcpus,
    VCPUs_at_startup: vcpus,
    VCPUs_params: {},
    actions_after_shutdown: t.actions_after_shutdown,
    actions_after_reboot: t.actions_after_reboot,
    actions_after_crash: t.actions_after_crash,
    domain_type: pv ? 'pv' : 'hvm',
    HVM_boot_policy: pv ? '' : t.HVM_boot_policy,
    HVM_boot_params: pv ? {} : t.HVM_boot_params,
    HVM_shadow_multiplier: 1,
    PV_bootloader: pv ? 'pygrub' : '',
    PV_args: pv ? '-- quiet console=hvc0' : '',
    platform: instancePlatform(t, pv),
    other_config: vmOtherConfig(engine, t),
    recommendations: t.recommendations,
    reference_label: t.reference_label,
    bios_strings: hvm ? HVM_BIOS_STRINGS : {},
    has_vendor_device: t.recommendsVendorDevice,
    hardware_platform_version: t.recommendsVendorDevice ? 2 : 0,
    generation_id: windows ? `${String(engine.rng.nextUint32())}${String(engine.rng.nextUint32())}:${String(engine.rng.nextUint32())}${String(engine.rng.nextUint32())}` : '',
    last_boot_CPU_flags: running || spec.power === 'Suspended' ? lastBootFlags(engine, spec) : {},
    xenstore_data: hvm ? { 'vm-data': '' } : {},
    tags: spec.tags ?? [],
    metrics,
  });

  const disk = createSystemDisk(engine, spec, running);
  engine.world.create('VBD', {
    VM: vm,
    VDI: disk,
    device: 'xvda',
    userdevice: '0',
    bootable: t.other_config['disks']?.includes('bootable="true"') ?? true,
    mode: 'RW',
    type: 'Disk',
    empty: false,
    currently_attached: running,
    other_config: { owner: 'true' },
    allowed_operations: running ? ['pause', 'unplug', 'unplug_force'] : ['attach'],
  });
  engine.world.create('VBD', {
    VM: vm,
    VDI: NULL_REF,
    device: 'xvdd',
    userdevice: '3',
    bootable: windows || t.family === 'other',
    mode: 'RO',
    type: 'CD',
    empty: true,
    currently_attached: running,
    other_config: {},
    allowed_operations: running ? ['insert'] : ['insert', 'attach'],
  });

  const macs: string[] = [];
  const vifs = spec.networks.map((network, i) => {
    const mac = randomVifMac(engine);
    macs.push(mac);
    return engine.world.create('VIF', {
      VM: vm,
      network,
      device: String(i),
      MAC: mac,
      MAC_autogenerated: true,
      MTU: 1500,
      currently_attached: running,
      other_config: {},
      locking_mode: 'network_default',
      allowed_operations: running ? ['unplug'] : ['attach'],
    });
  });

  if (tools) {
    const gm = createGuestMetrics(engine, spec, spec.power === 'Running', macs[0]);
    engine.world.update('VM', vm, { guest_metrics: gm });
  }
  if (spec.power === 'Suspended') {
    engine.world.update('VM', vm, { suspend_VDI: createSuspendImage(engine, spec, uuid, memory.memory_static_max) });
  }
  if (running) createConsoles(engine, vm, host, pv);
  return { vm, disk, vifs };
}

function lastBootFlags(engine: Engine, spec: VmSpec): Record<string, string> {
  const host = spec.host ?? spec.affinity;
  const vendor = host !== undefined && engine.world.has('host', host) ? (engine.world.get('host', host).cpu_info['vendor'] ?? '') : '';
  const features = host !== undefined && engine.world.has('host', host) ? (engine.world.get('host', host).cpu_info['features_hvm'] ?? '') : '';
  return { vendor, features };
}

