// The navigation pane's search box: every word typed must occur (ignoring
// case) in one of an object's searchable texts — name, description, tags; for
// a VM also its power state, operating system and IP addresses; for a server
// its address. The tree keeps the matching objects and their ancestors.
import { vmKind } from './object-rules';
import { groupNode, objectNode, type TreeNode } from './tree-node';
import { commonFields, type TreeSource } from './tree-source';

/** The words of a search (lower case); none for blank text. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((w) => w !== '');
}

/** What a search word is matched against for one object. */
export function searchableTexts(src: TreeSource, node: TreeNode): string[] {
  if (node.kind !== 'object') return [];
  const common = commonFields(src, node.cls, node.ref);
  if (common === undefined) return [];
  const texts = [common.name_label, common.name_description, ...common.tags];
  if (node.cls === 'host') texts.push(src.host.get(node.ref)?.address ?? '');
  if (node.cls === 'VM') {
    const vm = src.VM.get(node.ref);
    if (vm !== undefined && vmKind(vm) === 'vm') {
      texts.push(vm.power_state);
      const base = vm.other_config['base_template_name'];
      if (base !== undefined) texts.push(base);
      const metrics = src.VM_guest_metrics.get(vm.guest_metrics);
      if (metrics !== undefined) {
        const os = metrics.os_version['name'];
        if (os !== undefined) texts.push(os);
        texts.push(...Object.values(metrics.networks));
      }
    }
  }
  return texts.map((t) => t.toLowerCase());
}

export function matchesSearch(texts: readonly string[], words: readonly string[]): boolean {
  return words.every((w) => texts.some((t) => t.includes(w)));
}

/**
 * The tree cut down to the objects that match and their ancestors (the root
 * always stays). Undefined when nothing under `node` matches.
 */
export function filterTree(node: TreeNode, matches: (node: TreeNode) => boolean, isRoot = true): TreeNode | undefined {
  const children: TreeNode[] = [];
  for (const child of node.children) {
    const kept = filterTree(child, matches, false);
    if (kept !== undefined) children.push(kept);
  }
  if (!isRoot && children.length === 0 && !(node.kind === 'object' && matches(node))) return undefined;
  return node.kind === 'object'
    ? objectNode(node.id, node.cls, node.ref, node.label, children, node.defaultExpanded)
    : groupNode(node.kind, node.id, node.label, node.icon, children, node.defaultExpanded);
}

/** The tree filtered by a search text (the tree itself when the text is blank). */
export function searchTree(src: TreeSource, tree: TreeNode, text: string): TreeNode {
  const words = searchWords(text);
  if (words.length === 0) return tree;
  return filterTree(tree, (node) => matchesSearch(searchableTexts(src, node), words)) ?? tree;
}
