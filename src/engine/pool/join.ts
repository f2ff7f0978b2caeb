// What pool.join changes once the checks pass: the joiner's physical NICs move
// onto the pool's networks (matched by device, as xapi matches PIFs), its own
// networks go, the pool's shared SRs get a PBD plugged on it, its standalone
// pool record is dropped, it takes the pool's root password, and the pool's
// CPU feature set is levelled down to what every member offers.
import type { Engine } from '../engine';
import { hostPassword, hostsOfPool, poolOfHost } from './membership';
import type { JoinTarget } from './join-checks';

/** Word-wise AND of two CPUID feature strings ("1fcbfbff-f7fa3203-…"). */
export function levelFeatures(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  const x = a.split('-');
  const y = b.split('-');
  return x.map((w, i) => ((parseInt(w, 16) & parseInt(y[i] ?? '0', 16)) >>> 0).toString(16).padStart(8, '0')).join('-');
}

function moveNetworks(engine: Engine, joiner: string, master: string): void {
  const { world } = engine;
  const poolNetworkByDevice = new Map<string, string>();
  for (const pif of world.get('host', master).PIFs) {
    const r = world.find('PIF', pif);
    if (r !== undefined && r.physical) poolNetworkByDevice.set(r.device, r.network);
  }
  for (const pif of world.get('host', joiner).PIFs) {
    const r = world.find('PIF', pif);
    const target = r === undefined ? undefined : poolNetworkByDevice.get(r.device);
    if (r === undefined || target === undefined || target === r.network) continue;
    const old = r.network;
    world.update('PIF', pif, { network: target });
    const oldNet = world.find('network', old);
    if (oldNet === undefined) continue;
    for (const vif of oldNet.VIFs) world.update('VIF', vif, { network: target });
    if (world.get('network', old).PIFs.length === 0) world.destroy('network', old);
  }
}

function plugSharedSrs(engine: Engine, joiner: string, master: string): void {
  const { world } = engine;
  for (const pbd of world.get('host', master).PBDs) {
    const r = world.find('PBD', pbd);
    const sr = r === undefined ? undefined : world.find('SR', r.SR);
    if (r === undefined || sr === undefined || !sr.shared) continue;
    const already = sr.PBDs.some((p) => world.find('PBD', p)?.host === joiner);
    if (!already) world.create('PBD', { host: joiner, SR: r.SR, device_config: r.device_config, currently_attached: true, other_config: {} });
  }
}

export function levelPoolCpuInfo(engine: Engine, pool: string): void {
  const { world } = engine;
  let cpus = 0;
  let sockets = 0;
  let features = '';
  for (const h of hostsOfPool(engine, pool)) {
    const info = world.get('host', h).cpu_info;
    cpus += Number(info['cpu_count'] ?? 0);
    sockets += Number(info['socket_count'] ?? 0);
    features = levelFeatures(features, info['features_hvm'] ?? '');
  }
  const info = world.get('pool', pool).cpu_info;
  world.update('pool', pool, {
    cpu_info: { ...info, cpu_count: String(cpus), socket_count: String(sockets), features_pv: features, features_hvm: features, features_pv_host: features, features_hvm_host: features },
  });
}

export function performJoin(engine: Engine, joiner: string, target: JoinTarget): void {
  const { world } = engine;
  const oldPool = poolOfHost(engine, joiner);
  moveNetworks(engine, joiner, target.master);
  plugSharedSrs(engine, joiner, target.master);
  const password = hostPassword(engine, target.master);
  engine.lab.update((s) => {
    const console = { ...s.console };
    delete console[oldPool];
    const passwords = { ...s.passwords };
    if (s.passwords[target.master] === undefined) delete passwords[joiner];
    else passwords[joiner] = password;
    return { ...s, console, passwords, membership: { ...s.membership, [joiner]: target.pool } };
  });
  world.destroy('pool', oldPool);
  levelPoolCpuInfo(engine, target.pool);
}
