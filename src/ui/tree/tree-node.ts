// The navigation tree's nodes. A builder turns the pool's objects into one
// tree per view (nodes with children); flattening it by the expanded state
// gives the rows the tree component shows.
import type { IconKind } from '../format/object-icon';

/** The classes of objects the tree shows. */
export type TreeObjectClass = 'pool' | 'host' | 'VM' | 'SR' | 'network' | 'VDI';

export type TreeNode = ObjectNode | GroupNode;

/** A pool object (pool, host, VM, SR, …). */
export interface ObjectNode {
  readonly kind: 'object';
  /** Unique within the view's tree (an object can sit under several tags). */
  readonly id: string;
  readonly cls: TreeObjectClass;
  readonly ref: string;
  readonly label: string;
  readonly children: readonly TreeNode[];
  readonly defaultExpanded: boolean;
}

/** A node that is not an object: the XenLab root, a type group, a tag, a folder, a lab machine without XenServer. */
export interface GroupNode {
  readonly kind: 'root' | 'group' | 'tag' | 'folder' | 'machine';
  readonly id: string;
  readonly label: string;
  readonly icon: IconKind;
  readonly children: readonly TreeNode[];
  readonly defaultExpanded: boolean;
}

export function objectNode(id: string, cls: TreeObjectClass, ref: string, label: string, children: readonly TreeNode[] = [], defaultExpanded = false): ObjectNode {
  return { kind: 'object', id, cls, ref, label, children, defaultExpanded };
}

export function groupNode(kind: GroupNode['kind'], id: string, label: string, icon: IconKind, children: readonly TreeNode[], defaultExpanded = false): GroupNode {
  return { kind, id, label, icon, children, defaultExpanded };
}

/** Every node of a tree, depth first (the root first). */
export function* walkTree(node: TreeNode): Generator<TreeNode> {
  yield node;
  for (const child of node.children) yield* walkTree(child);
}

/** The path from the root to the first node for which `match` holds (both ends included), or undefined. */
export function pathTo(root: TreeNode, match: (node: TreeNode) => boolean): TreeNode[] | undefined {
  if (match(root)) return [root];
  for (const child of root.children) {
    const path = pathTo(child, match);
    if (path !== undefined) return [root, ...path];
  }
  return undefined;
}

/** Whether two trees have the same shape and labels (so the rows need not change). */
export function sameTree(a: TreeNode, b: TreeNode): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.id !== b.id || a.label !== b.label || a.defaultExpanded !== b.defaultExpanded) return false;
  if (a.kind === 'object') {
    if (b.kind !== 'object' || a.ref !== b.ref || a.cls !== b.cls) return false;
  } else if (b.kind === 'object' || a.icon !== b.icon) {
    return false;
  }
  if (a.children.length !== b.children.length) return false;
  for (let i = 0; i < a.children.length; i++) {
    const x = a.children[i];
    const y = b.children[i];
    if (x === undefined || y === undefined || !sameTree(x, y)) return false;
  }
  return true;
}
