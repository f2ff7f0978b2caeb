// XenCenter's order of siblings (XenModel/XenSearch/GroupAlg.cs Compare):
// folders, then pools, hosts (the coordinator first), VMs, then the other
// classes by type (networks, SRs, VDIs, and last snapshots and templates, custom
// before default), each in natural order of names (xenserver-2 < xenserver-10).
import { vmKind } from './object-rules';
import type { TreeNode } from './tree-node';
import type { TreeSource } from './tree-source';
import { naturalCompare } from '../format/natural-compare';


function isCoordinator(src: TreeSource, hostRef: string): boolean {
  for (const [, pool] of src.pool.entries()) if (pool.master === hostRef) return true;
  return false;
}

/** Where a node sorts among its siblings before its name decides. */
export function nodeRank(src: TreeSource, node: TreeNode): number {
  if (node.kind !== 'object') return 10;
  switch (node.cls) {
    case 'pool':
      return 20;
    case 'host':
      return isCoordinator(src, node.ref) ? 30 : 31;
    case 'network':
      return 50;
    case 'SR':
      return 60;
    case 'VDI':
      return 70;
    case 'VM': {
      const vm = src.VM.get(node.ref);
      switch (vm === undefined ? 'vm' : vmKind(vm)) {
        case 'control-domain':
          return 39;
        case 'vm':
          return 40;
        case 'snapshot':
          return 83;
        case 'custom-template':
          return 84;
        case 'default-template':
          return 85;
      }
    }
  }
}

/** Siblings in XenCenter's order (a new array). */
export function sortNodes(src: TreeSource, nodes: readonly TreeNode[]): TreeNode[] {
  const keyed = nodes.map((node) => ({ node, rank: nodeRank(src, node) }));
  keyed.sort((a, b) => a.rank - b.rank || naturalCompare(a.node.label, b.node.label) || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
  return keyed.map((k) => k.node);
}
