// The Infrastructure view (XenCenter's default tree): XenLab → pool → servers
// → VMs where VM.Home() puts them; unhomed VMs, custom templates (and default
// ones when the View menu says so) and shared SRs under the pool; local SRs
// under their server when local storage is shown. Snapshots, networks and
// virtual disks appear only in the Objects view. A pool XenCenter would not
// show (unnamed, one host) leaves its server standing alone under the root.
import { isLocalSr, srShown, srStorageHost, visiblePool, vmHome, vmKind, vmShown, type TreeViewOptions } from './object-rules';
import { groupNode, objectNode, type TreeNode } from './tree-node';
import { sortNodes } from './tree-sort';
import type { TreeSource } from './tree-source';

export const INFRASTRUCTURE_ROOT_ID = 'root:infrastructure';

export function buildInfrastructure(src: TreeSource, options: TreeViewOptions): TreeNode {
  const poolRef = visiblePool(src);
  const hostRefs = [...src.host.entries()].map(([ref]) => ref);
  // Without a visible pool the (single) server holds what the pool would.
  const topHost = poolRef === undefined ? hostRefs[0] : undefined;
  const underHost = new Map<string, TreeNode[]>(hostRefs.map((ref) => [ref, []]));
  const underPool: TreeNode[] = [];
  const place = (host: string | undefined, node: TreeNode) => {
    const list = (host === undefined ? undefined : underHost.get(host)) ?? (topHost === undefined ? undefined : underHost.get(topHost)) ?? underPool;
    list.push(node);
  };

  for (const [ref, vm] of src.VM.entries()) {
    if (!vmShown(vm, options)) continue;
    const kind = vmKind(vm);
    if (kind === 'snapshot') continue;
    place(kind === 'vm' ? vmHome(src, vm) : undefined, objectNode(ref, 'VM', ref, vm.name_label));
  }
  for (const [ref, sr] of src.SR.entries()) {
    if (!srShown(sr, options.showHidden)) continue;
    if (isLocalSr(sr) && !options.showLocalStorage) continue;
    place(srStorageHost(src, sr), objectNode(ref, 'SR', ref, sr.name_label));
  }

  // A server that is master of another (unnamed, one-host) pool stands alone
  // under the root, as XenCenter shows a standalone server beside a pool.
  const standalone = new Set<string>();
  for (const [ref, pool] of src.pool.entries()) if (ref !== poolRef && src.host.get(pool.master) !== undefined) standalone.add(pool.master);
  const hostNode = (ref: string) => objectNode(ref, 'host', ref, src.host.get(ref)?.name_label ?? '', sortNodes(src, underHost.get(ref) ?? []), true);
  const hostNodes = hostRefs.filter((ref) => !standalone.has(ref)).map(hostNode);
  const aloneNodes = [...standalone].map(hostNode);
  let top: TreeNode[];
  if (poolRef === undefined) {
    top = sortNodes(src, [...hostNodes, ...aloneNodes, ...underPool]);
  } else {
    const pool = src.pool.get(poolRef);
    const label = pool === undefined || pool.name_label === '' ? (src.host.get(pool?.master ?? '')?.name_label ?? '') : pool.name_label;
    top = [objectNode(poolRef, 'pool', poolRef, label, sortNodes(src, [...hostNodes, ...underPool]), true), ...sortNodes(src, aloneNodes)];
  }
  return groupNode('root', INFRASTRUCTURE_ROOT_ID, 'XenLab', 'root', top, true);
}
