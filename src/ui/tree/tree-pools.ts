// Which pools the Infrastructure view shows and which servers sit in each,
// from the console's connections. A connection not added yet shows nothing
// (XenCenter knows only servers it was told to add); a disconnected one
// shows its coordinator alone, greyed, with nothing under it; a connected
// pool that XenCenter would not show as a pool (unnamed, one server) leaves
// its server standing alone under the root. Without connections (fixtures,
// before the lab first answers) they are inferred from the records: each
// pool's coordinator is in it, and the other servers are in the first pool
// that is named or has several servers.
import type { Connection } from '../connections/connections';
import { visiblePool } from './object-rules';
import type { TreeSource } from './tree-source';

export interface TreePools {
  /** Pools shown as pool nodes, in the connections' order, with their servers. */
  readonly pools: readonly { readonly ref: string; readonly hosts: readonly string[] }[];
  /** Servers standing alone under the root (standalone, or disconnected). */
  readonly alone: readonly string[];
  /** Servers of disconnected connections: shown without children. */
  readonly disconnected: ReadonlySet<string>;
  /** Servers the console does not show at all (never added). */
  readonly hidden: ReadonlySet<string>;
}

function inferred(src: TreeSource): Connection[] {
  const shown = visiblePool(src);
  const connections = new Map<string, { master: string; hosts: string[] }>();
  const masters = new Set<string>();
  for (const [ref, pool] of src.pool.entries()) {
    if (src.host.get(pool.master) === undefined) continue;
    connections.set(ref, { master: pool.master, hosts: [pool.master] });
    masters.add(pool.master);
  }
  const home = shown ?? [...connections.keys()][0];
  for (const [ref] of src.host.entries()) {
    if (masters.has(ref)) continue;
    const target = home === undefined ? undefined : connections.get(home);
    if (target !== undefined) target.hosts.push(ref);
    else connections.set(`host:${ref}`, { master: ref, hosts: [ref] });
  }
  return [...connections.entries()].map(([pool, c]) => ({ pool, master: c.master, hosts: c.hosts, state: 'connected' }));
}

export function treePools(src: TreeSource): TreePools {
  const connections = src.connections ?? inferred(src);
  const pools: { ref: string; hosts: string[] }[] = [];
  const alone: string[] = [];
  const disconnected = new Set<string>();
  const hidden = new Set<string>();
  const placed = new Set<string>();
  for (const c of connections) {
    const hosts = c.hosts.filter((h) => src.host.get(h) !== undefined);
    for (const h of hosts) placed.add(h);
    if (c.state === 'not_added') {
      for (const h of hosts) hidden.add(h);
      continue;
    }
    if (c.state === 'disconnected') {
      for (const h of hosts) if (h !== c.master) hidden.add(h);
      if (src.host.get(c.master) !== undefined) {
        alone.push(c.master);
        disconnected.add(c.master);
      }
      continue;
    }
    const pool = src.pool.get(c.pool);
    if (pool !== undefined && (pool.name_label !== '' || hosts.length > 1)) pools.push({ ref: c.pool, hosts });
    else alone.push(...hosts);
  }
  // A server the connections do not list yet (just installed, the lab not asked again) is not added yet.
  for (const [ref] of src.host.entries()) if (!placed.has(ref)) hidden.add(ref);
  return { pools, alone, disconnected, hidden };
}
