// pool.eject: the host leaves the pool and comes back, after a reboot, as a
// fresh standalone server. xapi wipes its database and local storage: every
// VM whose disks were on the host's local SRs is lost, the host's records go
// from the pool, and the machine first-boots like a new install (same address
// and root password, new host and pool records, an empty local SR).
import type { Engine } from '../engine';
import { destroyVm } from '../vm/destroy';
import { destroyVdi } from '../storage/vdi-space';
import { NULL_REF } from '../../xapi/refs';
import { refreshHostMemory } from '../host/memory';
import { GiB, type MachineSpec } from '../lab/machine-spec';
import type { Machine } from '../lab/lab-store';
import type { InstallAnswers } from '../../xapi/simulator/install-answers';
import { rebootAfterEjectPhases, startPhases } from '../lab/install-job';
import { INSTALLER_PARTITIONS } from '../worlds/catalog/hardware';
import { hostPassword, hostsOfPool, poolOfHost } from './membership';
import { levelPoolCpuInfo } from './join';

/** VMs lost with the host: those with a disk on one of its local SRs. */
export function vmsLostOnEject(engine: Engine, host: string): string[] {
  const { world } = engine;
  const localSrs = new Set(
    world.get('host', host).PBDs.map((p) => world.find('PBD', p)?.SR ?? '').filter((sr) => world.find('SR', sr)?.shared === false),
  );
  const out: string[] = [];
  for (const [ref, vm] of world.entries('VM')) {
    if (vm.is_control_domain || vm.is_a_template || vm.is_a_snapshot) continue;
    const onLocal = vm.VBDs.some((vbd) => localSrs.has(world.find('VDI', world.find('VBD', vbd)?.VDI ?? '')?.SR ?? ''));
    if (onLocal) out.push(ref);
  }
  return out;
}

/** A machine for a host the world's builder made (it has no lab machine yet). */
function machineFromHost(engine: Engine, host: string): MachineSpec {
  const { world } = engine;
  const h = world.get('host', host);
  const info = h.cpu_info;
  const sockets = Number(info['socket_count'] ?? 1);
  const threads = Number(info['threads_per_core'] ?? 1);
  const cpus = Number(info['cpu_count'] ?? 1);
  const localSr = h.PBDs.map((p) => world.find('SR', world.find('PBD', p)?.SR ?? '')).find((sr) => sr?.type === 'lvm' || sr?.type === 'ext');
  const flags = info['flags'] ?? '';
  return {
    manufacturer: h.bios_strings['system-manufacturer'] ?? '',
    product: h.bios_strings['system-product-name'] ?? '',
    firmware: 'UEFI',
    cpu: {
      vendor: info['vendor'] === 'AuthenticAMD' ? 'AuthenticAMD' : 'GenuineIntel',
      modelname: info['modelname'] ?? '',
      arch: 'x86_64',
      mhz: Number(info['speed'] ?? 0),
      sockets,
      coresPerSocket: Math.max(1, cpus / sockets / threads),
      threadsPerCore: threads,
      hardwareAssist: / (vmx|svm) /.test(` ${flags} `),
      iommu: h.chipset_info['iommu'] === 'true',
      family: Number(info['family'] ?? 6),
      model: Number(info['model'] ?? 0),
      stepping: Number(info['stepping'] ?? 0),
    },
    memory: Math.round((world.find('host_metrics', h.metrics)?.memory_total ?? 0) / GiB) * GiB,
    disks: [{ size: (localSr?.physical_size ?? 0) + INSTALLER_PARTITIONS, kind: 'SSD', model: 'RAID volume' }],
    nics: h.PIFs.filter((p) => world.find('PIF', p)?.physical === true).map(() => ({ speed: 1000, pxe: true, model: 'Ethernet controller' })),
  };
}

function removeHost(engine: Engine, host: string): void {
  const { world } = engine;
  for (const vm of vmsLostOnEject(engine, host)) {
    const r = world.get('VM', vm);
    for (const vbd of r.VBDs) {
      const vdi = world.find('VBD', vbd)?.VDI;
      if (vdi !== undefined && vdi !== NULL_REF && world.find('SR', world.find('VDI', vdi)?.SR ?? '')?.shared === false) {
        world.destroy('VBD', vbd);
        destroyVdi(engine, vdi);
      }
    }
    destroyVm(engine, vm);
  }
  for (const [ref, vm] of world.entries('VM')) if (vm.affinity === host) world.update('VM', ref, { affinity: NULL_REF });
  const h = world.get('host', host);
  for (const pbd of h.PBDs) {
    const sr = world.find('PBD', pbd)?.SR ?? '';
    world.destroy('PBD', pbd);
    const srRecord = world.find('SR', sr);
    if (srRecord !== undefined && !srRecord.shared && srRecord.PBDs.length === 0) {
      for (const vdi of srRecord.VDIs) destroyVdi(engine, vdi);
      world.destroy('SR', sr);
    }
  }
  for (const pif of h.PIFs) {
    const metrics = world.find('PIF', pif)?.metrics;
    world.destroy('PIF', pif);
    if (metrics !== undefined && world.has('PIF_metrics', metrics)) world.destroy('PIF_metrics', metrics);
  }
  for (const cpu of h.host_CPUs) world.destroy('host_cpu', cpu);
  if (world.has('VM', h.control_domain)) destroyVm(engine, h.control_domain);
  if (world.has('host_metrics', h.metrics)) world.destroy('host_metrics', h.metrics);
  world.destroy('host', host);
}

function ejectAnswers(engine: Engine, host: string, nics: number): InstallAnswers {
  const h = engine.world.get('host', host);
  const mgmt = h.PIFs.map((p) => engine.world.find('PIF', p)).find((p) => p?.management === true);
  const device = Number((mgmt?.device ?? 'eth0').replace('eth', ''));
  return {
    bootSource: 'cd', keymap: '[qwerty] us', eulaAccepted: true, targetDisk: 0,
    localSr: 'lvm', source: { kind: 'local', url: '' }, supplementalPacks: false, verifyMedia: false,
    rootPassword: hostPassword(engine, host),
    managementNic: Math.min(Math.max(0, device), Math.max(0, nics - 1)),
    staticIp: { address: h.address, netmask: mgmt?.netmask ?? '255.255.255.0', gateway: mgmt?.gateway ?? '' },
    hostname: h.hostname, dns: (mgmt?.DNS ?? '').split(',').filter((d) => d !== ''),
    timezone: 'UTC', ntp: 'default', ntpServers: [],
  };
}

/** Remove the host from its pool now and start its first boot as a standalone server. */
export function performEject(engine: Engine, host: string): void {
  const pool = poolOfHost(engine, host);
  const existing = engine.lab.machineOfHost(host);
  const address = engine.world.get('host', host).address;
  const spec = existing?.spec ?? machineFromHost(engine, host);
  const answers = ejectAnswers(engine, host, spec.nics.length);
  const n = engine.lab.state.nextMachine;
  const machine: Machine = existing ?? { id: `machine-${String(n)}`, name: engine.world.get('host', host).name_label, spec, power: 'on', state: 'installed', disk: 'xenserver' };
  const others = hostsOfPool(engine, pool).filter((h) => h !== host);
  removeHost(engine, host);
  engine.lab.update((s) => {
    const membership = { ...s.membership };
    delete membership[host];
    const passwords = { ...s.passwords };
    delete passwords[host];
    return { ...s, membership, passwords, nextMachine: existing === undefined ? s.nextMachine + 1 : s.nextMachine };
  });
  const { host: _old, ...bare } = machine;
  startPhases(engine, { ...bare, address }, '', answers, rebootAfterEjectPhases());
  levelPoolCpuInfo(engine, pool);
  for (const h of others) refreshHostMemory(engine, h);
}
