// A data-centre-sized pool for scale: 64 hosts (XenServer's pool limit) and
// 1,000 guests, about 70 % of them running, on four shared NFS SRs.
// Everything is drawn from engine.rng, so a seed gives the same world.
// Placement keeps a running tally of each host's free memory (no rescans), so
// building is linear in the number of VMs × hosts.
//
// Addresses: hosts 10.10.1.x/16 on eth0 (management); guests 10.20.x.y on
// eth1; storage server 10.10.0.5.
import type { Engine } from '../engine';
import { refreshHostMemory, vmMemoryOverhead } from '../host/memory';
import { buildHost, xenOverhead, type BuiltHost } from './build-host';
import { createHostInternalNetwork, createIsoLibrary, createNfsSr, createPool, createPoolNetworks, createToolsSr } from './build-pool';
import { buildTemplates } from './build-templates';
import { buildVm, memoryOf, type GuestPowerState } from './build-vm';
import type { CpuModelId, ServerModelId } from './catalog/hardware';
import { TEMPLATES, templateByLabel, type TemplateSpec } from './catalog/templates';
import { LAB_ISOS } from './default-world';

const GiB = 1024 ** 3;
const TiB = 1024 ** 4;
const DAY = 86400;

export const LARGE_WORLD_HOSTS = 64;
export const LARGE_WORLD_VMS = 1000;

const STORAGE_SERVER = '10.10.0.5';

interface Role {
  readonly prefix: string;
  readonly templates: readonly string[];
  readonly memory: readonly number[]; // GiB, one is picked
  readonly vcpus: readonly number[];
  readonly disk: readonly number[]; // GiB
  readonly weight: number;
}

// A typical enterprise estate: mostly Linux services, a quarter Windows.
const ROLES: readonly Role[] = [
  { prefix: 'web', templates: ['debian-12', 'ubuntu-24.04', 'ubuntu-22.04'], memory: [2, 4], vcpus: [2, 2, 4], disk: [20, 30], weight: 18 },
  { prefix: 'app', templates: ['rhel-9', 'rocky-9', 'alma-9', 'ubuntu-24.04'], memory: [4, 8, 8], vcpus: [2, 4], disk: [40, 60], weight: 20 },
  { prefix: 'db', templates: ['rhel-9', 'rocky-9', 'oel-8', 'sle-15-64bit'], memory: [16, 32, 64], vcpus: [4, 8], disk: [100, 200, 500], weight: 8 },
  { prefix: 'cache', templates: ['debian-12', 'alma-9'], memory: [8, 16], vcpus: [2, 4], disk: [20], weight: 5 },
  { prefix: 'build', templates: ['ubuntu-22.04', 'ubuntu-24.04', 'centos-9'], memory: [8, 16], vcpus: [8, 16], disk: [80, 120], weight: 7 },
  { prefix: 'mon', templates: ['debian-12', 'rhel-8'], memory: [4, 8], vcpus: [2, 4], disk: [50], weight: 4 },
  { prefix: 'dc', templates: ['windows-server-2019-64bit', 'windows-server-2022-64bit'], memory: [4, 8], vcpus: [2, 4], disk: [48, 64], weight: 4 },
  { prefix: 'win', templates: ['windows-server-2022-64bit', 'windows-server-2025', 'windows-server-2019-64bit'], memory: [8, 16], vcpus: [4, 8], disk: [64, 100], weight: 16 },
  { prefix: 'vdi', templates: ['windows-11', 'windows-10-64bit'], memory: [8], vcpus: [2, 4], disk: [64, 128], weight: 12 },
  { prefix: 'test', templates: ['debian-11', 'ubuntu-22.04', 'other-install-media'], memory: [1, 2, 4], vcpus: [1, 2], disk: [10, 20], weight: 6 },
];

const TOTAL_WEIGHT = ROLES.reduce((s, r) => s + r.weight, 0);

function pickRole(engine: Engine): Role {
  let x = engine.rng.next() * TOTAL_WEIGHT;
  for (const role of ROLES) {
    x -= role.weight;
    if (x < 0) return role;
  }
  return ROLES[ROLES.length - 1] as Role;
}

/** ~70 % running, 2 % paused, 5 % suspended, the rest halted. */
function pickPower(engine: Engine): GuestPowerState {
  const x = engine.rng.next();
  if (x < 0.7) return 'Running';
  if (x < 0.72) return 'Paused';
  if (x < 0.77) return 'Suspended';
  return 'Halted';
}

interface HostPlan {
  readonly cpu: CpuModelId;
  readonly server: ServerModelId;
  readonly memory: number;
}

// Three hardware generations bought over the years; one CPU vendor per pool
// (XenServer pools need CPUs of one vendor to live-migrate between them).
function planHost(engine: Engine, i: number): HostPlan {
  if (i < 24) return { cpu: 'epyc-7313', server: 'dell-r750', memory: 256 * GiB };
  if (i < 48) return { cpu: 'epyc-7543', server: 'hpe-dl385-gen10plus', memory: engine.rng.pick([384, 512]) * GiB };
  return { cpu: 'epyc-9354', server: 'supermicro-as2024', memory: 512 * GiB };
}

function buildHosts(engine: Engine, networks: readonly string[]): BuiltHost[] {
  const hosts: BuiltHost[] = [];
  for (let i = 0; i < LARGE_WORLD_HOSTS; i++) {
    const plan = planHost(engine, i);
    hosts.push(
      buildHost(engine, {
        name: `xs-${String(i + 1).padStart(2, '0')}`,
        address: `10.10.1.${String(11 + i)}`,
        netmask: '255.255.0.0',
        gateway: '10.10.0.1',
        dns: '10.10.0.2',
        cpu: plan.cpu,
        sockets: 2,
        memory: plan.memory,
        nic: 'intel-x710',
        networks,
        server: plan.server,
        localDisk: 960e9,
        bootedAt: -engine.rng.int(10, 60) * DAY,
      }),
    );
  }
  return hosts;
}

/** Free memory per host, kept as VMs are placed (what refreshHostMemory will compute). */
function initialFree(engine: Engine, hosts: readonly BuiltHost[]): number[] {
  return hosts.map(({ host }) => {
    const total = engine.world.get('host_metrics', engine.world.get('host', host).metrics).memory_total;
    const dom0 = engine.world.get('VM', engine.world.get('host', host).control_domain);
    return total - xenOverhead(total) - dom0.memory_dynamic_max - dom0.memory_overhead;
  });
}

/**
 * The host with the largest share of its guest memory still free that fits
 * `need` and has the vCPUs (ties: lowest index), so big and small hosts fill
 * in proportion, as a balanced pool looks.
 */
function placeOn(free: number[], capacity: readonly number[], pcpus: readonly number[], need: number, vcpus: number): number {
  let best = -1;
  let bestShare = -1;
  for (let i = 0; i < free.length; i++) {
    const f = free[i] ?? 0;
    const share = f / (capacity[i] ?? 1);
    if (f >= need && (pcpus[i] ?? 0) >= vcpus && share > bestShare) {
      best = i;
      bestShare = share;
    }
  }
  return best;
}

export function buildLargeWorld(engine: Engine): void {
  const networks = createPoolNetworks(engine, 4);
  createHostInternalNetwork(engine);
  const hosts = buildHosts(engine, networks);
  const hostRefs = hosts.map((h) => h.host);
  const srs = [1, 2, 3, 4].map((n) => createNfsSr(engine, hostRefs, `NFS VM store ${String(n)}`, STORAGE_SERVER, `/export/vmstore${String(n)}`, 16 * TiB));
  createIsoLibrary(engine, hostRefs, STORAGE_SERVER, LAB_ISOS);
  createToolsSr(engine, hostRefs);
  const [master] = hostRefs;
  const [defaultSR] = srs;
  if (master === undefined || defaultSR === undefined) throw new Error('large world: no hosts');
  createPool(engine, { name: 'Datacenter Pool', description: '64-host production pool', master, defaultSR, hosts: hostRefs });
  buildTemplates(engine, TEMPLATES);

  const free = initialFree(engine, hosts);
  const capacity = [...free];
  const pcpus = hosts.map(({ host }) => engine.world.get('host', host).host_CPUs.length);
  const count = new Map<string, number>();
  const vmNetwork = networks[1] ?? '';

  for (let i = 0; i < LARGE_WORLD_VMS; i++) {
    const role = pickRole(engine);
    const n = (count.get(role.prefix) ?? 0) + 1;
    count.set(role.prefix, n);
    const template: TemplateSpec = templateByLabel(engine.rng.pick(role.templates));
    const memory = Math.max(engine.rng.pick(role.memory) * GiB, template.memory_static_max);
    const vcpus = Math.max(engine.rng.pick(role.vcpus), template.VCPUs_max);
    let power = pickPower(engine);
    const ranges = memoryOf(template, memory);
    const need = ranges.memory_dynamic_max + vmMemoryOverhead(ranges.memory_static_max, vcpus, true);
    let hostIndex = -1;
    if (power === 'Running' || power === 'Paused') {
      hostIndex = placeOn(free, capacity, pcpus, need, vcpus);
      if (hostIndex < 0) power = 'Halted'; // the pool is full: it stays off
      else free[hostIndex] = (free[hostIndex] ?? 0) - need;
    }
    const host = hostIndex >= 0 ? hosts[hostIndex] : undefined;
    const installed = engine.rng.int(20, 900);
    buildVm(engine, {
      name: `${role.prefix}-${String(n).padStart(3, '0')}`,
      template,
      power,
      ...(host === undefined ? {} : { host: host.host }),
      sr: engine.rng.pick(srs),
      networks: [vmNetwork],
      memory,
      vcpus,
      diskSize: engine.rng.pick(role.disk) * GiB,
      ip: `10.20.${String(Math.floor(i / 250))}.${String((i % 250) + 1)}`,
      tools: template.family !== 'other',
      installedAt: -installed * DAY,
      startedAt: -engine.rng.int(0, Math.min(installed, 9)) * DAY,
    });
  }
  for (const h of hostRefs) refreshHostMemory(engine, h);
}
