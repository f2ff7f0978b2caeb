// One XenServer 8 host as a freshly installed and pooled server leaves it:
// the host record and its metrics, one host_cpu per logical CPU, the physical
// NICs (PIF + PIF_metrics), the control domain (dom0), and the three SRs every
// install creates: "Local storage", "DVD drives" and "Removable storage".
// Field values follow what xapi writes (ocaml/xapi/create_misc.ml for dom0,
// software_version and cpu_info; dbsync for memory) and what `xe host-param-list`
// shows on a XenServer 8 host.
import type { Engine } from '../engine';
import { dom0Memory, refreshHostMemory, vmMemoryOverhead } from '../host/memory';
import { createLocalSrs } from './build-local-srs';
import {
  CPU_MODELS,
  NIC_MODELS,
  SERVER_MODELS,
  hasHardwareAssist,
  type CpuModel,
  type CpuModelId,
  type NicModel,
  type NicModelId,
  type ServerModel,
  type ServerModelId,
} from './catalog/hardware';

const MiB = 1024 ** 2;

/** Virtual time 0 as a XenAPI datetime, or `t` seconds from it (negative: before the simulation starts). */
export function stamp(engine: Engine, t = 0): string {
  return engine.datetime(t);
}

export interface HostSpec {
  readonly name: string;
  /** Management IPv4 address (on eth0). */
  readonly address: string;
  readonly netmask: string;
  readonly gateway: string;
  readonly dns: string;
  readonly cpu: CpuModelId;
  readonly sockets: number;
  /** Installed RAM in bytes. */
  readonly memory: number;
  readonly nic: NicModelId;
  /** One network per NIC port, eth0 first; the caller makes the (pool-wide) networks. */
  readonly networks: readonly string[];
  readonly server: ServerModelId;
  /** Size of the local RAID volume in bytes. */
  readonly localDisk: number;
  /** When the host booted, in virtual seconds (negative: before the simulation starts). */
  readonly bootedAt: number;
  /** Hardware not in the catalogue (a lab machine's): replaces cpu, nic and server. */
  readonly hardware?: { readonly cpu: CpuModel; readonly nic: NicModel; readonly oui: string; readonly server: ServerModel };
  /** Whether the IOMMU (VT-d / AMD-Vi) is on; by default it is wherever the CPU has hardware assist. */
  readonly iommu?: boolean;
}

export interface BuiltHost {
  readonly host: string;
  readonly dom0: string;
  readonly localSR: string;
  readonly dvdSR: string;
  readonly removableSR: string;
  readonly pifs: readonly string[];
}

/**
 * Memory Xen keeps for itself (host.memory_overhead): the frame table (a
 * 32-byte struct page_info per 4 KiB page, i.e. 1/128 of RAM), the kexec
 * crash kernel area (crashkernel=256M on XenServer's Xen command line) and
 * Xen's heap. xapi records total minus boot-time free memory (dbsync_slave.ml).
 */
export function xenOverhead(memoryTotal: number): number {
  return Math.ceil((memoryTotal / 128 + 256 * MiB + 64 * MiB) / MiB) * MiB;
}

/** dom0's vCPUs: XenServer 8 boots Xen with dom0_max_vcpus=1-16. */
export function dom0Vcpus(logicalCpus: number): number {
  return Math.min(16, logicalCpus);
}

/** The CPUID policy strings xapi stores in cpu_info (features_pv/_hvm); representative values. */
function cpuFeatures(cpu: CpuModel): string {
  return cpu.vendor === 'GenuineIntel'
    ? '1fcbfbff-f7fa3203-2c100800-00000021-00000001-f3bfaffb-18405f4e-00000000-00101000-bc000410-00000000-00000000-00000000-00000000-00000000-00000000-04000000-00000000'
    : '178bfbff-fed83203-2fd3fbff-00000001-00000000-219c95a9-0040069c-00000000-b1bef7ff-1000d000-00000000-00000000-00000000-00000000-00000000-00000000-00000000-00000000';
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function nicOui(nic: NicModelId): string {
  switch (nic) {
    case 'intel-i350':
      return 'a0:36:9f'; // Intel Corporate
    case 'intel-x710':
      return '3c:fd:fe'; // Intel Corporate
    case 'broadcom-bcm5720':
      return 'bc:97:e1'; // Broadcom
    case 'mellanox-cx4lx':
      return '0c:42:a1'; // Mellanox
  }
}

/** Consecutive burned-in MACs for the ports of one NIC, under the vendor's OUI. */
function portMacs(engine: Engine, oui: string, ports: number): string[] {
  const base = engine.rng.int(0, 0xffffff - ports);
  return Array.from({ length: ports }, (_, i) => {
    const low = hex(base + i, 6);
    return `${oui}:${low.slice(0, 2)}:${low.slice(2, 4)}:${low.slice(4, 6)}`;
  });
}

function createHostRecords(engine: Engine, spec: HostSpec, cpu: CpuModel, memoryTotal: number): string {
  const server = spec.hardware?.server ?? SERVER_MODELS[spec.server];
  const logical = cpu.coresPerSocket * spec.sockets * cpu.threadsPerCore;
  const hvm = hasHardwareAssist(cpu);
  const bootUnix = engine.unixTime(spec.bootedAt);
  const iqn = `iqn.2026-01.com.example:${hex(engine.rng.nextUint32(), 8)}`;
  const metrics = engine.world.create('host_metrics', {
    memory_total: memoryTotal,
    memory_free: memoryTotal,
    live: true,
    last_updated: stamp(engine),
  });
  const speed = cpu.speedMHz.toFixed(3);
  return engine.world.create('host', {
    name_label: spec.name,
    name_description: 'Default install',
    hostname: spec.name,
    address: spec.address,
    enabled: true,
    memory_overhead: xenOverhead(memoryTotal),
    API_version_major: 2,
    API_version_minor: 21,
    API_version_vendor: 'XenSource',
    software_version: {
      product_version: '8.4.0',
      product_version_text: '8',
      product_version_text_short: '8',
      platform_name: 'XCP',
      platform_version: '3.4.0',
      product_brand: 'XenServer',
      build_number: '8.4.0',
      xapi: '25.6',
      xapi_build: '25.6.0',
      git_id: '0',
      hostname: 'localhost',
      date: '2025-07-21',
      xen: '4.17.5-13',
      linux: '4.19.0+1',
      xencenter_min: '2.21',
      xencenter_max: '2.21',
      network_backend: 'openvswitch',
      db_schema: '5.786',
    },
    // Xen's xen_caps: 64-bit PV always; HVM guests only with VT-x/AMD-V.
    capabilities: hvm ? ['xen-3.0-x86_64', 'hvm-3.0-x86_32', 'hvm-3.0-x86_32p', 'hvm-3.0-x86_64'] : ['xen-3.0-x86_64'],
    cpu_info: {
      cpu_count: String(logical),
      socket_count: String(spec.sockets),
      threads_per_core: String(cpu.threadsPerCore),
      nr_nodes: String(spec.sockets),
      vendor: cpu.vendor,
      speed,
      modelname: cpu.modelname,
      family: String(cpu.family),
      model: String(cpu.model),
      stepping: String(cpu.stepping),
      flags: cpu.flags,
      features_pv: cpuFeatures(cpu),
      features_hvm: cpuFeatures(cpu),
      features_pv_host: cpuFeatures(cpu),
      features_hvm_host: cpuFeatures(cpu),
    },
    sched_policy: 'credit',
    supported_bootloaders: ['pygrub', 'eliloader'],
    virtual_hardware_platform_versions: [0, 1, 2],
    metrics,
    edition: 'premium',
    editions: ['trial', 'standard', 'premium'],
    license_params: {
      sku_type: 'premium-per-socket',
      sku_marketing_name: 'XenServer Premium Edition',
      expiry: '20271231T00:00:00Z',
      sockets: String(spec.sockets),
      grace: 'no',
      restrict_pooling: 'false',
      restrict_xen_motion: 'false',
      restrict_storage_xen_motion: 'false',
      restrict_ha: 'false',
      restrict_wlb: 'false',
      restrict_pci_device_for_auto_update: 'false',
    },
    bios_strings: {
      'bios-vendor': server.biosVendor,
      'bios-version': server.biosVersion,
      'system-manufacturer': server.manufacturer,
      'system-product-name': server.product,
      'system-version': '',
      'system-serial-number': hex(engine.rng.nextUint32(), 8).toUpperCase().slice(0, 7),
      'baseboard-manufacturer': server.manufacturer,
    },
    chipset_info: { iommu: (spec.iommu ?? hvm) ? 'true' : 'false' },
    iscsi_iqn: iqn,
    other_config: {
      agent_start_time: `${(bootUnix + 95).toFixed(0)}.`,
      boot_time: `${bootUnix.toFixed(0)}.`,
      iscsi_iqn: iqn,
      multipathing: 'false',
      multipathhandle: 'dmp',
    },
    allowed_operations: ['provision', 'evacuate', 'shutdown', 'reboot', 'vm_start', 'vm_resume', 'vm_migrate'],
    ssh_enabled: true,
    timezone: 'UTC',
  });
}

function createCpus(engine: Engine, host: string, cpu: CpuModel, logical: number): void {
  for (let number = 0; number < logical; number++) {
    engine.world.create('host_cpu', {
      host,
      number,
      vendor: cpu.vendor,
      speed: Math.floor(cpu.speedMHz),
      modelname: cpu.modelname,
      family: cpu.family,
      model: cpu.model,
      stepping: String(cpu.stepping),
      flags: cpu.flags,
      utilisation: 0,
    });
  }
}

function createPifs(engine: Engine, host: string, spec: HostSpec): string[] {
  const nic = spec.hardware?.nic ?? NIC_MODELS[spec.nic];
  const macs = portMacs(engine, spec.hardware?.oui ?? nicOui(spec.nic), spec.networks.length);
  return spec.networks.map((network, i) => {
    const metrics = engine.world.create('PIF_metrics', {
      carrier: true,
      vendor_id: nic.vendor_id,
      vendor_name: nic.vendor_name,
      device_id: nic.device_id,
      device_name: nic.device_name,
      speed: nic.speed,
      duplex: true,
      pci_bus_path: `0000:${hex(0x18 + Math.floor(i / nic.ports), 2)}:00.${String(i % nic.ports)}`,
      last_updated: stamp(engine),
    });
    const management = i === 0;
    return engine.world.create('PIF', {
      device: `eth${String(i)}`,
      network,
      host,
      MAC: macs[i] ?? '',
      MTU: 1500,
      VLAN: -1,
      metrics,
      physical: true,
      currently_attached: true,
      management,
      ip_configuration_mode: management ? 'Static' : 'None',
      IP: management ? spec.address : '',
      netmask: management ? spec.netmask : '',
      gateway: management ? spec.gateway : '',
      DNS: management ? spec.dns : '',
      disallow_unplug: management,
      properties: { gro: 'on' },
      capabilities: [],
      other_config: {},
    });
  });
}

function createDom0(engine: Engine, host: string, spec: HostSpec, memoryTotal: number, logical: number): string {
  const memory = dom0Memory(memoryTotal);
  const vcpus = dom0Vcpus(logical);
  const started = stamp(engine, spec.bootedAt + 20);
  const metrics = engine.world.create('VM_metrics', {
    memory_actual: memory,
    VCPUs_number: vcpus,
    VCPUs_utilisation: Object.fromEntries(Array.from({ length: vcpus }, (_, i) => [String(i), 0])),
    state: ['running'],
    start_time: started,
    install_time: started,
    last_updated: stamp(engine),
    hvm: false,
    current_domain_type: 'pv',
  });
  const dom0 = engine.world.create('VM', {
    name_label: `Control domain on host: ${spec.name}`,
    name_description: 'The domain which manages physical devices and manages other domains',
    is_control_domain: true,
    power_state: 'Running',
    resident_on: host,
    affinity: host,
    domid: 0,
    domarch: 'x64',
    domain_type: 'pv',
    memory_static_min: memory,
    memory_static_max: memory,
    memory_dynamic_min: memory,
    memory_dynamic_max: memory,
    memory_target: memory,
    memory_overhead: vmMemoryOverhead(memory, vcpus, false),
    VCPUs_max: vcpus,
    VCPUs_at_startup: vcpus,
    actions_after_crash: 'destroy',
    actions_after_reboot: 'destroy',
    actions_after_shutdown: 'destroy',
    has_vendor_device: false,
    generation_id: '',
    metrics,
  });
  engine.world.update('VM', dom0, { other_config: { storage_driver_domain: dom0, is_system_domain: 'true' } });
  // xapi gives dom0 a graphical and a text console, located by the console's ref.
  for (const protocol of ['rfb', 'vt100'] as const) {
    const console = engine.world.create('console', { protocol, VM: dom0, other_config: {} });
    engine.world.update('console', console, { location: `https://${spec.address}/console?ref=${console}` });
  }
  engine.world.update('host', host, { control_domain: dom0 });
  return dom0;
}

/** Installed RAM less what the firmware keeps (e820 reserved), as Xen reports it; whole MiB. */
export function reportedMemory(installed: number): number {
  return Math.floor((installed * 0.997) / MiB) * MiB;
}

/** Build one host with its CPUs, NICs, dom0 and local SRs. Host memory is refreshed at the end. */
export function buildHost(engine: Engine, spec: HostSpec): BuiltHost {
  const cpu: CpuModel = spec.hardware?.cpu ?? CPU_MODELS[spec.cpu];
  const logical = cpu.coresPerSocket * spec.sockets * cpu.threadsPerCore;
  const memoryTotal = reportedMemory(spec.memory);
  const host = createHostRecords(engine, spec, cpu, memoryTotal);
  createCpus(engine, host, cpu, logical);
  const pifs = createPifs(engine, host, spec);
  const dom0 = createDom0(engine, host, spec, memoryTotal, logical);
  const srs = createLocalSrs(engine, host, spec);
  engine.world.update('host', host, { suspend_image_sr: srs.localSR, crash_dump_sr: srs.localSR });
  refreshHostMemory(engine, host);
  return { host, dom0, pifs, ...srs };
}
