// The tree of one view and its visible rows, for the tree component. The tree
// comes from the object cache through a memoized builder (the same object
// while nothing it shows changed); rows follow the expanded state — the UI
// store's, or while searching, everything expanded except what the user
// collapsed during this search (XenCenter expands all on a search).
import { useCallback, useMemo, useState } from 'react';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useConnections } from '../connections/connections';
import { useUi } from '../state/ui-store';
import { expandedBy, flattenTree, type TreeRow } from './flatten-tree';
import { searchWords } from './search-filter';
import { createTreeMemo, type TreeView } from './tree-model';
import type { TreeNode } from './tree-node';
import { sourceFromCache } from './tree-source';

export interface TreeModel {
  readonly tree: TreeNode;
  readonly rows: readonly TreeRow[];
  readonly searching: boolean;
  isExpanded(node: TreeNode): boolean;
  setExpanded(id: string, expanded: boolean): void;
}

const NO_IDS: ReadonlySet<string> = new Set();

export function useTreeModel(view: TreeView): TreeModel {
  const options = useUi((s) => s.viewOptions);
  const search = useUi((s) => s.search);
  const expanded = useUi((s) => s.expanded);
  const storeSetExpanded = useUi((s) => s.setExpanded);
  const searching = searchWords(search).length > 0;

  const [memo] = useState(createTreeMemo);
  const connections = useConnections((s) => s.connections);
  const machines = useConnections((s) => s.machines);
  const select = useCallback((cache: ObjectCache) => memo({ ...sourceFromCache(cache), connections, machines }, view, options, search), [memo, view, options, search, connections, machines]);
  const tree = useCacheSelector(select);

  const [collapsed, setCollapsed] = useState<{ search: string; ids: ReadonlySet<string> }>({ search: '', ids: NO_IDS });
  const collapsedNow = collapsed.search === search ? collapsed.ids : NO_IDS;

  const isExpanded = useMemo(() => (searching ? (node: TreeNode) => !collapsedNow.has(node.id) : expandedBy(expanded)), [searching, collapsedNow, expanded]);
  const rows = useMemo(() => flattenTree(tree, isExpanded), [tree, isExpanded]);

  const setExpanded = useCallback(
    (id: string, value: boolean) => {
      if (!searching) {
        storeSetExpanded(id, value);
        return;
      }
      setCollapsed((prev) => {
        const ids = new Set(prev.search === search ? prev.ids : NO_IDS);
        if (value) ids.delete(id);
        else ids.add(id);
        return { search, ids };
      });
    },
    [searching, search, storeSetExpanded],
  );

  return { tree, rows, searching, isExpanded, setExpanded };
}
