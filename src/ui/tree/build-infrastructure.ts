// The Infrastructure view (XenCenter's default tree): XenLab → pools → servers
// → VMs where VM.Home() puts them; unhomed VMs, custom templates (and default
// ones when the View menu says so) and shared SRs under their pool; local SRs
// under their server when local storage is shown. Snapshots, networks and
// virtual disks appear only in the Objects view. Which pools and servers are
// shown, and where, is tree-pools' answer (the console's connections); a
// server standing alone holds what a pool would when no pool is shown.
import { isLocalSr, srShown, srStorageHost, vmHome, vmKind, vmShown, type TreeViewOptions } from './object-rules';
import { groupNode, objectNode, type TreeNode } from './tree-node';
import { treePools } from './tree-pools';
import { sortNodes } from './tree-sort';
import type { TreeSource } from './tree-source';

export const INFRASTRUCTURE_ROOT_ID = 'root:infrastructure';
/** The tree id of a lab machine's row: this prefix and the machine's id. */
export const MACHINE_ID_PREFIX = 'machine:';

/** The pool a shared SR belongs to: the pool of a server it is plugged on. */
function srPool(src: TreeSource, pbds: readonly string[], poolOf: ReadonlyMap<string, string>): string | undefined {
  for (const pbd of pbds) {
    const host = src.PBD.get(pbd)?.host;
    const pool = host === undefined ? undefined : poolOf.get(host);
    if (pool !== undefined) return pool;
  }
  return undefined;
}

/** The pool of a VM no server holds: that of the storage its disks are on. */
function vmPool(src: TreeSource, vbds: readonly string[], poolOf: ReadonlyMap<string, string>): string | undefined {
  for (const vbd of vbds) {
    const sr = src.SR.get(src.VDI.get(src.VBD.get(vbd)?.VDI ?? '')?.SR ?? '');
    const pool = sr === undefined ? undefined : srPool(src, sr.PBDs, poolOf);
    if (pool !== undefined) return pool;
  }
  return undefined;
}

export function buildInfrastructure(src: TreeSource, options: TreeViewOptions): TreeNode {
  const { pools, alone, disconnected, hidden } = treePools(src);
  const poolOf = new Map<string, string>();
  for (const p of pools) for (const h of p.hosts) poolOf.set(h, p.ref);
  // Objects of no server go to the first pool; without a pool, to the first server standing alone.
  const mainPool = pools[0]?.ref;
  const topHost = mainPool === undefined ? alone.find((h) => !disconnected.has(h)) : undefined;
  const underHost = new Map<string, TreeNode[]>([...src.host.entries()].filter(([ref]) => !hidden.has(ref) && !disconnected.has(ref)).map(([ref]) => [ref, []]));
  const underPool = new Map<string, TreeNode[]>(pools.map((p) => [p.ref, []]));
  const place = (host: string | undefined, node: TreeNode, pool?: string) => {
    if (host !== undefined && (hidden.has(host) || disconnected.has(host))) return;
    const list = (host === undefined ? undefined : underHost.get(host)) ?? underPool.get(pool ?? mainPool ?? '') ?? (topHost === undefined ? undefined : underHost.get(topHost));
    list?.push(node);
  };

  for (const [ref, vm] of src.VM.entries()) {
    if (!vmShown(vm, options)) continue;
    const kind = vmKind(vm);
    if (kind === 'snapshot') continue;
    const home = kind === 'vm' ? vmHome(src, vm) : undefined;
    place(home, objectNode(ref, 'VM', ref, vm.name_label), home === undefined && kind === 'vm' ? vmPool(src, vm.VBDs, poolOf) : undefined);
  }
  for (const [ref, sr] of src.SR.entries()) {
    if (!srShown(sr, options.showHidden)) continue;
    if (isLocalSr(sr) && !options.showLocalStorage) continue;
    const host = srStorageHost(src, sr);
    const pool = host === undefined ? srPool(src, sr.PBDs, poolOf) : undefined;
    // Shared storage plugged only on servers the console does not show is not shown either.
    if (host === undefined && pool === undefined && sr.PBDs.length > 0 && sr.PBDs.every((p) => hidden.has(src.PBD.get(p)?.host ?? ''))) continue;
    place(host, objectNode(ref, 'SR', ref, sr.name_label), pool);
  }

  const hostNode = (ref: string) => objectNode(ref, 'host', ref, src.host.get(ref)?.name_label ?? '', sortNodes(src, underHost.get(ref) ?? []), true);
  const poolNodes = pools.map(({ ref, hosts }) => {
    const pool = src.pool.get(ref);
    const label = pool === undefined || pool.name_label === '' ? (src.host.get(pool?.master ?? '')?.name_label ?? '') : pool.name_label;
    return objectNode(ref, 'pool', ref, label, sortNodes(src, [...hosts.map(hostNode), ...(underPool.get(ref) ?? [])]), true);
  });
  // Machines without XenServer yet stand after the servers, as XenCenter lists disconnected ones: select one to install it or power it.
  const machines = (src.machines ?? []).map((m) => groupNode('machine', `${MACHINE_ID_PREFIX}${m.id}`, m.name, 'host-off', []));
  const top = [...poolNodes, ...sortNodes(src, alone.map(hostNode)), ...machines];
  return groupNode('root', INFRASTRUCTURE_ROOT_ID, 'XenLab', 'root', top, true);
}
