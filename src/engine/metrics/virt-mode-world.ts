// A world for comparing virtualization modes through XenAPI (tests only):
// identical empty servers, one per guest, so each server's CPU figures are
// its control domain plus that one guest; and four halted guests that differ
// only in how they are virtualized — a PV guest booted by pygrub, a Linux
// HVM guest (its PV drivers come up with it, so after boot it is PVHVM,
// to be switched to PVH through VM.set_domain_type by the test), a Windows
// guest with XenServer VM Tools (PVHVM) and the same Windows without tools
// (HVM with QEMU-emulated devices). With `noHardwareAssist`, one more server
// whose CPU lacks VT-x and EPT (a pre-2006 Xeon's flags), which Xen gives no
// hvm-* capability.
import type { Engine } from '../engine';
import { refreshHostMemory } from '../host/memory';
import { buildHost } from '../worlds/build-host';
import { createHostInternalNetwork, createNfsSr, createPool, createPoolNetworks } from '../worlds/build-pool';
import { buildTemplates } from '../worlds/build-templates';
import { buildVm } from '../worlds/build-vm';
import { CPU_MODELS, NIC_MODELS, SERVER_MODELS, type CpuModel } from '../worlds/catalog/hardware';
import { TEMPLATES, templateByLabel } from '../worlds/catalog/templates';

const GiB = 1024 ** 3;
const DAY = 86400;

export const MODE_GUESTS = [
  { name: 'guest-pv', template: 'debian-11', pv: true, tools: true },
  { name: 'guest-pvh', template: 'debian-12', pv: false, tools: true },
  { name: 'guest-pvhvm', template: 'windows-server-2022-64bit', pv: false, tools: true },
  { name: 'guest-emulated', template: 'windows-server-2022-64bit', pv: false, tools: false },
] as const;

/** A Xeon without VT-x or EPT: the Silver 4314's figures with the virtualization flags taken out. */
const NO_VTX_CPU: CpuModel = {
  ...CPU_MODELS['xeon-silver-4314'],
  id: 'no-vtx',
  modelname: 'Intel(R) Xeon(TM) CPU 3.00GHz',
  flags: CPU_MODELS['xeon-silver-4314'].flags
    .split(' ')
    .filter((f) => !['vmx', 'ept', 'vpid', 'ept_ad', 'tpr_shadow', 'vnmi', 'flexpriority'].includes(f))
    .join(' '),
};

export function buildModesWorld(engine: Engine, noHardwareAssist = false): void {
  const networks = createPoolNetworks(engine, 2);
  createHostInternalNetwork(engine);
  const spec = (i: number) => ({
    name: `server-${String(i + 1)}`,
    address: `192.168.20.${String(11 + i)}`,
    netmask: '255.255.255.0',
    gateway: '192.168.20.1',
    dns: '192.168.20.1',
    cpu: 'xeon-silver-4314' as const,
    sockets: 1,
    memory: 64 * GiB,
    nic: 'intel-i350' as const,
    networks,
    server: 'dell-r650' as const,
    localDisk: 960e9,
    bootedAt: -DAY,
  });
  const hosts = MODE_GUESTS.map((_, i) => buildHost(engine, spec(i)).host);
  if (noHardwareAssist) {
    const i = hosts.length;
    const hardware = { cpu: NO_VTX_CPU, nic: NIC_MODELS['intel-i350'], oui: '00:1b:21', server: SERVER_MODELS['dell-r650'] };
    hosts.push(buildHost(engine, { ...spec(i), name: 'old-server', hardware }).host);
  }
  const nfs = createNfsSr(engine, hosts, 'NFS virtual disk storage', '192.168.20.5', '/export/vms', 4 * 1024 * GiB);
  createPool(engine, { name: 'Modes', description: 'One server per virtualization mode', master: hosts[0] ?? '', defaultSR: nfs, hosts });
  buildTemplates(engine, TEMPLATES);
  for (const g of MODE_GUESTS) {
    buildVm(engine, {
      name: g.name,
      template: templateByLabel(g.template),
      power: 'Halted',
      sr: nfs,
      networks: [networks[0] ?? ''],
      memory: 4 * GiB,
      vcpus: 2,
      diskSize: 40 * GiB,
      pv: g.pv,
      tools: g.tools,
      installedAt: -30 * DAY,
    });
  }
  for (const h of hosts) refreshHostMemory(engine, h);
}
