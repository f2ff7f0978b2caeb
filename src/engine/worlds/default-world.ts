// The lab a learner starts in: a three-host XenServer 8 pool, "Lab Pool",
// with shared NFS storage, an ISO library, the default templates, and nine
// guests in every power state: Linux and Windows, HVM and one legacy PV
// guest, some on shared storage (they can live-migrate) and some on a host's
// local storage (they cannot, without moving their disk).
//
// Addresses: 192.168.10.0/24; gateway and DNS .1, storage server .5,
// hosts .11–.13, guests .101 and up.
import type { Engine } from '../engine';
import { refreshHostMemory } from '../host/memory';
import { buildHost, type BuiltHost } from './build-host';
import { createHostInternalNetwork, createIsoLibrary, createNfsSr, createPool, createPoolNetworks, createToolsSr } from './build-pool';
import { buildTemplates } from './build-templates';
import { buildVm, type GuestPowerState } from './build-vm';
import { TEMPLATES, templateByLabel } from './catalog/templates';
import { addGpu, addSriovNic } from './build-devices';
import { INSTALLER_ISOS } from '../storage/storage-network';

const GiB = 1024 ** 3;
const TiB = 1024 ** 4;
const DAY = 86400;

const STORAGE_SERVER = '192.168.10.5';

/** ISO files and their sizes in bytes (the distributions' published images), as on the storage server's /export/isos. */
export const LAB_ISOS = INSTALLER_ISOS;

interface Guest {
  readonly name: string;
  readonly description: string;
  readonly template: string;
  readonly power: GuestPowerState;
  /** Index of the host it runs on (Running/Paused) or is homed on. */
  readonly host?: number;
  /** 'shared' or the local SR of host `host`. */
  readonly storage: 'shared' | 'local';
  readonly memory: number;
  readonly dynamicMin?: number;
  readonly vcpus: number;
  readonly disk: number;
  readonly ip: number;
  readonly pv?: boolean;
  readonly tools?: boolean;
  readonly tags?: readonly string[];
  /** Days ago it was installed and (if running) last started. */
  readonly installed: number;
  readonly started?: number;
}

const GUESTS: readonly Guest[] = [
  { name: 'web-01', description: 'nginx front end', template: 'debian-12', power: 'Running', host: 0, storage: 'shared', memory: 2 * GiB, vcpus: 2, disk: 20 * GiB, ip: 101, tags: ['web'], installed: 120, started: 9 },
  { name: 'db-01', description: 'PostgreSQL 16 primary', template: 'rocky-9', power: 'Running', host: 1, storage: 'local', memory: 16 * GiB, vcpus: 4, disk: 120 * GiB, ip: 102, tags: ['database'], installed: 200, started: 14 },
  { name: 'build-01', description: 'CI build agent', template: 'ubuntu-24.04', power: 'Running', host: 2, storage: 'shared', memory: 8 * GiB, vcpus: 8, disk: 80 * GiB, ip: 103, tags: ['ci'], installed: 60, started: 3 },
  { name: 'win-app-01', description: 'IIS line-of-business application', template: 'windows-server-2022-64bit', power: 'Running', host: 0, storage: 'shared', memory: 8 * GiB, vcpus: 4, disk: 64 * GiB, ip: 104, tags: ['windows'], installed: 150, started: 12 },
  { name: 'dc-01', description: 'Active Directory domain controller', template: 'windows-server-2019-64bit', power: 'Running', host: 1, storage: 'shared', memory: 4 * GiB, vcpus: 2, disk: 48 * GiB, ip: 105, tags: ['windows'], installed: 400, started: 14 },
  { name: 'mon-01', description: 'Prometheus and Grafana', template: 'alma-9', power: 'Running', host: 2, storage: 'local', memory: 4 * GiB, dynamicMin: 2 * GiB, vcpus: 2, disk: 40 * GiB, ip: 106, installed: 90, started: 16 },
  { name: 'ci-01', description: 'Paused while its runner is being debugged', template: 'centos-9', power: 'Paused', host: 0, storage: 'shared', memory: 4 * GiB, vcpus: 2, disk: 30 * GiB, ip: 107, tags: ['ci'], installed: 30, started: 1 },
  { name: 'test-01', description: 'Scratch VM for trying upgrades', template: 'ubuntu-22.04', power: 'Suspended', storage: 'shared', memory: 4 * GiB, vcpus: 2, disk: 20 * GiB, ip: 108, installed: 45 },
  { name: 'game-01', description: 'Game server, started at weekends', template: 'windows-10-64bit', power: 'Halted', storage: 'shared', memory: 8 * GiB, vcpus: 4, disk: 128 * GiB, ip: 109, installed: 75 },
  { name: 'legacy-01', description: 'Old intranet wiki, a PV guest imported from XenServer 6.5', template: 'debian-11', power: 'Halted', host: 2, storage: 'local', memory: 1 * GiB, vcpus: 1, disk: 10 * GiB, ip: 110, pv: true, installed: 900 },
];

/** The host with passthrough hardware: IOMMU on, a GPU, and a two-port SR-IOV NIC. */
const DEVICE_HOST = 2;

function buildHosts(engine: Engine, networks: readonly string[]): BuiltHost[] {
  return [0, 1, 2].map((i) =>
    buildHost(engine, {
      name: `xenserver-0${String(i + 1)}`,
      address: `192.168.10.${String(11 + i)}`,
      netmask: '255.255.255.0',
      gateway: '192.168.10.1',
      dns: '192.168.10.1',
      cpu: 'xeon-silver-4314',
      sockets: 2,
      memory: 128 * GiB,
      nic: 'intel-i350',
      networks,
      server: 'dell-r650',
      localDisk: 1920e9,
      bootedAt: -(17 + 2 * i) * DAY,
      // VT-d is left off in the other servers' firmware: only one can pass devices through.
      iommu: i === DEVICE_HOST,
    }),
  );
}

export function buildDefaultWorld(engine: Engine): void {
  const networks = createPoolNetworks(engine, 6);
  createHostInternalNetwork(engine);
  const hosts = buildHosts(engine, networks.slice(0, 4));
  const hostRefs = hosts.map((h) => h.host);
  const deviceHost = hosts[DEVICE_HOST]?.host ?? '';
  addGpu(engine, deviceHost, 'nvidia-t4', '0000:41:00.0');
  addSriovNic(engine, deviceHost, 'mellanox-cx4lx', 0x5e, networks.slice(4, 6));
  const nfs = createNfsSr(engine, hostRefs, 'NFS virtual disk storage', STORAGE_SERVER, '/export/vms', 4 * TiB);
  createIsoLibrary(engine, hostRefs, STORAGE_SERVER, LAB_ISOS);
  createToolsSr(engine, hostRefs);
  const [master] = hostRefs;
  if (master === undefined) throw new Error('default world: no hosts');
  createPool(engine, { name: 'Lab Pool', description: 'Three-host XenServer 8 lab', master, defaultSR: nfs, hosts: hostRefs });
  buildTemplates(engine, TEMPLATES);

  for (const g of GUESTS) {
    const home = g.host === undefined ? undefined : hosts[g.host];
    const running = g.power === 'Running' || g.power === 'Paused';
    const sr = g.storage === 'local' ? home?.localSR : nfs;
    if (sr === undefined) throw new Error(`default world: ${g.name} needs a host for its local disk`);
    buildVm(engine, {
      name: g.name,
      description: g.description,
      template: templateByLabel(g.template),
      power: g.power,
      ...(running && home !== undefined ? { host: home.host } : {}),
      // A VM on local storage can only run on that host: XenCenter sets its home server.
      ...(g.storage === 'local' && home !== undefined ? { affinity: home.host } : {}),
      sr,
      networks: [networks[0] ?? ''],
      memory: g.memory,
      ...(g.dynamicMin === undefined ? {} : { dynamicMin: g.dynamicMin }),
      vcpus: g.vcpus,
      diskSize: g.disk,
      ip: `192.168.10.${String(g.ip)}`,
      pv: g.pv ?? false,
      tools: g.tools ?? true,
      tags: g.tags ?? [],
      installedAt: -g.installed * DAY,
      ...(g.started === undefined ? {} : { startedAt: -g.started * DAY }),
    });
  }
  for (const h of hostRefs) refreshHostMemory(engine, h);
}
