// What the installer leaves behind at first boot: a standalone XenServer host.
// In XenAPI every host belongs to a pool; a standalone server is the master of
// its own pool, whose name_label is "" (XenCenter then shows the server alone).
// The host is built from the machine's hardware with the same builder as the
// world's hosts; its networks are its own until it joins a pool.
import type { InstallAnswers } from '../../xapi/simulator/install-answers';
import type { Engine } from '../engine';
import { buildHost } from '../worlds/build-host';
import { createPoolNetworks, createPool } from '../worlds/build-pool';
import type { CpuModel, CpuVendor } from '../worlds/catalog/hardware';
import { logicalCpus, type MachineSpec } from './machine-spec';

const X86_64_FLAGS =
  'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx lm constant_tsc rep_good nopl pni ssse3 cx16 sse4_1 sse4_2 popcnt';

/** The catalogue shape of a lab machine's CPU. */
export function cpuModelOf(spec: MachineSpec): CpuModel {
  const { cpu } = spec;
  const assist = cpu.hardwareAssist ? (cpu.vendor === 'AuthenticAMD' ? ' svm npt' : ' vmx ept') : '';
  return {
    id: `lab:${cpu.modelname}`,
    vendor: cpu.vendor === 'ARM' ? 'GenuineIntel' : (cpu.vendor as CpuVendor),
    modelname: cpu.modelname,
    family: cpu.family,
    model: cpu.model,
    stepping: cpu.stepping,
    speedMHz: cpu.mhz,
    coresPerSocket: cpu.coresPerSocket,
    threadsPerCore: cpu.threadsPerCore,
    flags: `${X86_64_FLAGS}${assist}`,
  };
}

/**
 * CPUID feature words of a lab machine: the vendor's server words, with the
 * leaf-7 word cut down for CPUs without server extensions (desktop and older
 * parts). Representative, not measured; enough to show pool levelling.
 */
function featuresOf(base: string, spec: MachineSpec): string {
  const words = base.split('-');
  const server = spec.cpu.iommu && spec.cpu.coresPerSocket >= 8;
  if (!server && words[5] !== undefined) words[5] = (parseInt(words[5], 16) & 0x0000ffff).toString(16).padStart(8, '0');
  if (!spec.cpu.hardwareAssist && words[1] !== undefined) words[1] = (parseInt(words[1], 16) & 0xffffffdf).toString(16).padStart(8, '0');
  return words.join('-');
}

export interface InstalledHost {
  readonly host: string;
  readonly pool: string;
}

export function buildInstalledHost(engine: Engine, spec: MachineSpec, answers: InstallAnswers, address: string): InstalledHost {
  const networks = createPoolNetworks(engine, spec.nics.length);
  const disk = spec.disks[answers.targetDisk] ?? spec.disks[0];
  const ip = answers.staticIp;
  const nic = spec.nics[0];
  const built = buildHost(engine, {
    name: answers.hostname,
    address,
    netmask: ip?.netmask ?? '255.255.255.0',
    gateway: ip?.gateway ?? '192.168.10.1',
    dns: ip === undefined ? '192.168.10.1' : answers.dns.join(','),
    cpu: 'xeon-silver-4314', // replaced by `hardware`
    sockets: spec.cpu.sockets,
    memory: spec.memory,
    nic: 'intel-i350', // replaced by `hardware`
    networks,
    server: 'dell-r650', // replaced by `hardware`
    localDisk: disk?.size ?? 0,
    bootedAt: engine.now,
    hardware: {
      cpu: cpuModelOf(spec),
      nic: { id: 'lab', vendor_id: '8086', vendor_name: nic?.model.split(' ')[0] ?? '', device_id: '0000', device_name: nic?.model ?? '', driver: 'e1000e', speed: nic?.speed ?? 1000, ports: spec.nics.length },
      oui: '52:54:00',
      server: { manufacturer: spec.manufacturer, product: spec.product, biosVendor: spec.manufacturer, biosVersion: spec.firmware === 'UEFI' ? '2.1.0' : 'A05' },
    },
  });
  const { world } = engine;
  const host = world.get('host', built.host);
  const features = featuresOf(host.cpu_info['features_hvm'] ?? '', spec);
  world.update('host', built.host, {
    cpu_info: { ...host.cpu_info, cpu_count: String(logicalCpus(spec.cpu)), features_pv: features, features_hvm: features, features_pv_host: features, features_hvm_host: features },
    timezone: answers.timezone,
    chipset_info: { iommu: spec.cpu.iommu ? 'true' : 'false' },
  });
  // The management interface is the NIC the installer was told to use, configured as it was told.
  built.pifs.forEach((pif, i) => {
    const management = i === answers.managementNic;
    world.update('PIF', pif, {
      management,
      disallow_unplug: management,
      ip_configuration_mode: management ? (ip === undefined ? 'DHCP' : 'Static') : 'None',
      IP: management ? address : '',
      netmask: management ? (ip?.netmask ?? '255.255.255.0') : '',
      gateway: management ? (ip?.gateway ?? '192.168.10.1') : '',
      DNS: management ? (ip === undefined ? '192.168.10.1' : answers.dns.join(',')) : '',
    });
  });
  if (answers.localSr === 'ext') {
    world.update('SR', built.localSR, {
      type: 'ext',
      sm_config: { ...world.get('SR', built.localSR).sm_config, allocation: 'thin' },
      physical_utilisation: 0,
    });
  }
  const pool = createPool(engine, { name: '', master: built.host, defaultSR: built.localSR, hosts: [built.host] });
  return { host: built.host, pool };
}
