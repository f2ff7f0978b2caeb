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
import type { Table, TreeSource } from './tree-source';

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

type RecordIn<C extends keyof TreeSource> = TreeSource[C] extends Table<infer R> ? R : never;

/**
 * The fields of each class the tree reads (to build, sort or search). Other
 * fields change all the time — an SR's utilisation, a VM's current
 * operations — and must not rebuild the tree; the rows show those themselves.
 */
const TREE_FIELDS = {
  pool: ['name_label', 'name_description', 'master', 'tags'],
  host: ['name_label', 'name_description', 'metrics', 'address', 'tags'],
  VM: ['name_label', 'name_description', 'power_state', 'is_a_template', 'is_default_template', 'is_a_snapshot', 'is_control_domain', 'resident_on', 'affinity', 'VBDs', 'tags', 'guest_metrics'],
  VBD: ['VDI'],
  VDI: ['name_label', 'name_description', 'SR', 'managed', 'missing', 'tags'],
  SR: ['name_label', 'name_description', 'type', 'shared', 'PBDs', 'introduced_by', 'tags'],
  PBD: ['host'],
  network: ['name_label', 'name_description', 'tags'],
} as const satisfies { readonly [C in keyof TreeSource]?: readonly (keyof RecordIn<C>)[] };

/** The other_config keys the tree reads. */
const OTHER_CONFIG_KEYS = ['HideFromXenCenter', 'folder', 'is_guest_installer_network', 'base_template_name'] as const;

function pushValue(inputs: unknown[], value: unknown): void {
  if (Array.isArray(value)) {
    inputs.push(value.length);
    for (const v of value as unknown[]) inputs.push(v);
  } else {
    inputs.push(value);
  }
}

/** What the tree depends on, as a flat list of plain values compared element by element. */
function inputsOf(src: TreeSource, searching: boolean): unknown[] {
  const inputs: unknown[] = [];
  for (const cls of Object.keys(TREE_FIELDS) as (keyof typeof TREE_FIELDS)[]) {
    const fields: readonly string[] = TREE_FIELDS[cls];
    const table = src[cls] as Table<Readonly<Record<string, unknown>>>;
    inputs.push(cls, table.size);
    for (const [ref, record] of table.entries()) {
      inputs.push(ref);
      for (const f of fields) pushValue(inputs, record[f]);
      const other = record['other_config'] as Readonly<Record<string, string>> | undefined;
      if (other !== undefined) for (const k of OTHER_CONFIG_KEYS) inputs.push(other[k]);
    }
  }
  // Only `live` of host metrics matters; the records change with every memory sample.
  for (const [ref, m] of src.host_metrics.entries()) inputs.push(ref, m.live);
  // The connections list keeps its identity while unchanged (connections store).
  inputs.push(src.connections, src.machines);
  if (searching) {
    for (const [ref, m] of src.VM_guest_metrics.entries()) {
      inputs.push(ref, m.os_version['name']);
      pushValue(inputs, Object.values(m.networks));
    }
  }
  return inputs;
}

/**
 * The records the tree reads, by identity (host metrics by their `live`
 * alone: those records change with every memory sample). While these are
 * the very same objects, the inputs are the same too — a quicker check than
 * gathering every field, made on every batch the cache applies.
 */
function recordsOf(src: TreeSource, searching: boolean): unknown[] {
  const records: unknown[] = [];
  for (const cls of Object.keys(TREE_FIELDS) as (keyof typeof TREE_FIELDS)[]) {
    const table = src[cls] as Table<unknown>;
    records.push(table.size);
    for (const [, record] of table.entries()) records.push(record);
  }
  for (const [ref, m] of src.host_metrics.entries()) records.push(ref, m.live);
  records.push(src.connections, src.machines);
  if (searching) for (const [, m] of src.VM_guest_metrics.entries()) records.push(m);
  return records;
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
  let last: { records: unknown[]; inputs: unknown[]; view: TreeView; options: TreeViewOptions; search: string; tree: TreeNode } | undefined;
  return (src, view, options, search) => {
    const searching = searchWords(search).length > 0;
    const records = recordsOf(src, searching);
    const sameQuery = last !== undefined && last.view === view && last.search === search && sameOptions(last.options, options);
    if (last !== undefined && sameQuery && sameInputs(last.records, records)) return last.tree;
    const inputs = inputsOf(src, searching);
    if (last !== undefined && sameQuery && sameInputs(last.inputs, inputs)) {
      last = { ...last, records };
      return last.tree;
    }
    const built = buildSearchedView(src, view, options, search);
    const tree = last !== undefined && sameTree(last.tree, built) ? last.tree : built;
    last = { records, inputs, view, options, search, tree };
    return tree;
  };
}
