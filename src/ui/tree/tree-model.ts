// One view's tree from the pool's objects, memoized: the cache changes many
// times a second (metrics, tasks), but the tree only when an object it reads
// changes — and its rows only when the tree's shape or labels change. Records
// are immutable snapshots, so "changed" is a reference check per record.
import { buildFolders } from './build-folders';
import { buildInfrastructure } from './build-infrastructure';
import { buildObjects } from './build-objects';
import { buildTags } from './build-tags';
import type { TreeViewOptions } from './object-rules';
import { searchTree, searchWords } from './search-filter';
import { sameTree, type TreeNode } from './tree-node';
import type { TreeSource } from './tree-source';

export type TreeView = 'infrastructure' | 'objects' | 'tags' | 'folders';

export function buildView(src: TreeSource, view: TreeView, options: TreeViewOptions): TreeNode {
  switch (view) {
    case 'infrastructure':
      return buildInfrastructure(src, options);
    case 'objects':
      return buildObjects(src, options);
    case 'tags':
      return buildTags(src, options);
    case 'folders':
      return buildFolders(src, options);
  }
}

/** The view's tree, cut down by the search text. */
export function buildSearchedView(src: TreeSource, view: TreeView, options: TreeViewOptions, search: string): TreeNode {
  return searchTree(src, buildView(src, view, options), search);
}

/** What the tree depends on, as a flat list compared element by element. */
function inputsOf(src: TreeSource, searching: boolean): unknown[] {
  const inputs: unknown[] = [];
  const add = (table: { entries(): Iterable<[string, unknown]> }) => {
    for (const [, record] of table.entries()) inputs.push(record);
    inputs.push(null); // table boundary
  };
  add(src.pool);
  add(src.host);
  // Only `live` of host metrics matters; the records change with every memory sample.
  for (const [ref, m] of src.host_metrics.entries()) inputs.push(ref, m.live);
  inputs.push(null);
  add(src.VM);
  add(src.VBD);
  add(src.VDI);
  add(src.SR);
  add(src.PBD);
  add(src.network);
  if (searching) add(src.VM_guest_metrics);
  return inputs;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameOptions(a: TreeViewOptions, b: TreeViewOptions): boolean {
  return a.showDefaultTemplates === b.showDefaultTemplates && a.showCustomTemplates === b.showCustomTemplates && a.showLocalStorage === b.showLocalStorage && a.showHidden === b.showHidden;
}

/** A memoized builder: returns the very same tree while nothing it shows has changed. */
export function createTreeMemo(): (src: TreeSource, view: TreeView, options: TreeViewOptions, search: string) => TreeNode {
  let last: { inputs: unknown[]; view: TreeView; options: TreeViewOptions; search: string; tree: TreeNode } | undefined;
  return (src, view, options, search) => {
    const inputs = inputsOf(src, searchWords(search).length > 0);
    if (last !== undefined && last.view === view && last.search === search && sameOptions(last.options, options) && sameInputs(last.inputs, inputs)) {
      return last.tree;
    }
    const built = buildSearchedView(src, view, options, search);
    const tree = last !== undefined && sameTree(last.tree, built) ? last.tree : built;
    last = { inputs, view, options, search, tree };
    return tree;
  };
}
