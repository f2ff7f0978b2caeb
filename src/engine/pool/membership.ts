// Which pool a host belongs to. In xapi each pool has its own database, so a
// host record only ever sits in one pool's tables and has no `pool` field. The
// simulator keeps every pool in one world (the console's one connection sees
// them all; XenCenter keeps one connection per pool), so membership is kept in
// the lab store: hosts not listed there belong to the world's first pool (the
// one its builder made), or to the pool they are master of.
import type { Engine } from '../engine';

function firstPool(engine: Engine): string {
  const [first] = engine.world.refs('pool');
  return first ?? '';
}

export function poolOfHost(engine: Engine, host: string): string {
  const listed = engine.lab.state.membership[host];
  if (listed !== undefined && engine.world.has('pool', listed)) return listed;
  for (const [ref, pool] of engine.world.entries('pool')) if (pool.master === host) return ref;
  return firstPool(engine);
}

export function hostsOfPool(engine: Engine, pool: string): string[] {
  return engine.world.refs('host').filter((h) => poolOfHost(engine, h) === pool);
}

/** The pool a VM belongs to: its host's, its home server's, or its local disks' host's. */
export function poolOfVm(engine: Engine, vm: string): string {
  const record = engine.world.get('VM', vm);
  for (const h of [record.resident_on, record.affinity]) if (engine.world.has('host', h)) return poolOfHost(engine, h);
  for (const vbd of record.VBDs) {
    const sr = engine.world.find('VDI', engine.world.find('VBD', vbd)?.VDI ?? '')?.SR;
    const srRecord = sr === undefined ? undefined : engine.world.find('SR', sr);
    const pbd = srRecord?.PBDs[0];
    const host = pbd === undefined ? undefined : engine.world.find('PBD', pbd)?.host;
    if (host !== undefined) return poolOfHost(engine, host);
  }
  return firstPool(engine);
}

/** The root password of a host (its pool's, once joined). */
export function hostPassword(engine: Engine, host: string): string {
  return engine.lab.state.passwords[host] ?? engine.config.password;
}

/** The host whose management address (or hostname) is `address`. */
export function hostByAddress(engine: Engine, address: string): string | undefined {
  const wanted = address.trim().toLowerCase();
  for (const [ref, host] of engine.world.entries('host')) {
    if (host.address === wanted || host.hostname.toLowerCase() === wanted || host.name_label.toLowerCase() === wanted) return ref;
  }
  return undefined;
}

export function isLive(engine: Engine, host: string): boolean {
  const metrics = engine.world.find('host', host)?.metrics;
  return metrics !== undefined && engine.world.find('host_metrics', metrics)?.live === true;
}
