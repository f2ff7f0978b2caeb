// The rows the tree shows: the nodes whose ancestors are all expanded, depth
// first, each with what a WAI-ARIA treeitem needs (level, position among its
// siblings, expanded state).
import type { TreeNode } from './tree-node';

export interface TreeRow {
  readonly id: string;
  readonly node: TreeNode;
  /** The object's ref (object rows only). */
  readonly ref: string | undefined;
  readonly label: string;
  /** 1 for the root. */
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  readonly parentId: string | undefined;
}

export function flattenTree(root: TreeNode, isExpanded: (node: TreeNode) => boolean): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (node: TreeNode, level: number, posInSet: number, setSize: number, parentId: string | undefined) => {
    const hasChildren = node.children.length > 0;
    const expanded = hasChildren && isExpanded(node);
    rows.push({
      id: node.id,
      node,
      ref: node.kind === 'object' ? node.ref : undefined,
      label: node.label,
      level,
      setSize,
      posInSet,
      hasChildren,
      expanded,
      parentId,
    });
    if (!expanded) return;
    node.children.forEach((child, i) => visit(child, level + 1, i + 1, node.children.length, node.id));
  };
  visit(root, 1, 1, 1, undefined);
  return rows;
}

/** Whether a node is expanded: the user's choice if they made one, else the node's default. */
export function expandedBy(expanded: Readonly<Record<string, boolean>>): (node: TreeNode) => boolean {
  return (node) => expanded[node.id] ?? node.defaultExpanded;
}
