// What the tabs show for a group row of the tree: XenCenter answers a click
// on a type group, a tag, a folder or a view's root with a Search of the
// objects under it. The Infrastructure root ("XenLab") keeps its Home page.
import type { ChosenGroup } from '../state/ui-store';
import { INFRASTRUCTURE_ROOT_ID } from './build-infrastructure';
import { walkTree, type TreeNode } from './tree-node';

/** The group a row stands for, with every object under it once; undefined for objects and the XenLab root. */
export function chosenGroupOf(node: TreeNode): ChosenGroup | undefined {
  if (node.kind === 'object' || node.id === INFRASTRUCTURE_ROOT_ID) return undefined;
  const refs = new Set<string>();
  for (const n of walkTree(node)) if (n.kind === 'object') refs.add(n.ref);
  return { id: node.id, label: node.label, refs: [...refs] };
}

export function sameGroup(a: ChosenGroup | undefined, b: ChosenGroup | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.id === b.id && a.label === b.label && a.refs.length === b.refs.length && a.refs.every((r, i) => r === b.refs[i]);
}
