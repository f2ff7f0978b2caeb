// Keyboard and mouse behaviour of the tree as pure functions over its rows:
// where an arrow key moves focus (WAI-ARIA tree pattern), type-ahead by name,
// and what a click with Ctrl or Shift does to the selection (XenCenter's
// multi-select tree).
import type { TreeRow } from './flatten-tree';

export type KeyOutcome =
  | { readonly type: 'move'; readonly index: number }
  | { readonly type: 'expand'; readonly index: number }
  | { readonly type: 'collapse'; readonly index: number };

/** What an arrow, Home or End key does on row `index`; undefined when nothing. */
export function navigationKey(rows: readonly TreeRow[], index: number, key: string): KeyOutcome | undefined {
  const row = rows[index];
  if (row === undefined) return rows.length > 0 ? { type: 'move', index: 0 } : undefined;
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { type: 'move', index: index + 1 } : undefined;
    case 'ArrowUp':
      return index > 0 ? { type: 'move', index: index - 1 } : undefined;
    case 'Home':
      return { type: 'move', index: 0 };
    case 'End':
      return { type: 'move', index: rows.length - 1 };
    case 'ArrowRight':
      if (!row.hasChildren) return undefined;
      return row.expanded ? { type: 'move', index: index + 1 } : { type: 'expand', index };
    case 'ArrowLeft': {
      if (row.expanded) return { type: 'collapse', index };
      const parent = parentIndex(rows, index);
      return parent === undefined ? undefined : { type: 'move', index: parent };
    }
    default:
      return undefined;
  }
}

export function parentIndex(rows: readonly TreeRow[], index: number): number | undefined {
  const parentId = rows[index]?.parentId;
  if (parentId === undefined) return undefined;
  for (let i = index - 1; i >= 0; i--) if (rows[i]?.id === parentId) return i;
  return undefined;
}

/**
 * The next row whose name starts with the typed text, searching after row
 * `from` (or from it, when the text grows past one letter) and wrapping.
 */
export function typeAheadIndex(rows: readonly TreeRow[], from: number, typed: string): number | undefined {
  const text = typed.toLowerCase();
  if (text === '' || rows.length === 0) return undefined;
  // A repeated single letter cycles through the rows starting with it.
  const single = [...text].every((c) => c === text[0]);
  const start = single ? from + 1 : from;
  const prefix = single ? text.slice(0, 1) : text;
  for (let k = 0; k < rows.length; k++) {
    const i = (((start + k) % rows.length) + rows.length) % rows.length;
    if (rows[i]?.label.toLowerCase().startsWith(prefix)) return i;
  }
  return undefined;
}

/** The objects of the rows between two indexes (both included), in row order, each once. */
export function rangeRefs(rows: readonly TreeRow[], a: number, b: number): string[] {
  const refs = new Set<string>();
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
    const ref = rows[i]?.ref;
    if (ref !== undefined) refs.add(ref);
  }
  return [...refs];
}

export interface ClickModifiers {
  /** Ctrl (or Cmd on a Mac): add or remove one row. */
  readonly toggle: boolean;
  /** Shift: select the rows from the anchor to this one. */
  readonly range: boolean;
}

/**
 * The selection after choosing row `index`. A row that is not an object (the
 * root, a group) is always chosen alone: the selection becomes empty.
 */
export function selectionAfterClick(rows: readonly TreeRow[], selection: readonly string[], index: number, anchor: number | undefined, mods: ClickModifiers): string[] {
  const row = rows[index];
  if (row?.ref === undefined) return [];
  if (mods.range && anchor !== undefined && rows[anchor] !== undefined) {
    const range = rangeRefs(rows, anchor, index);
    // The clicked row is the one the tabs show: keep it last.
    return [...range.filter((r) => r !== row.ref), row.ref];
  }
  if (mods.toggle) {
    return selection.includes(row.ref) ? selection.filter((r) => r !== row.ref) : [...selection, row.ref];
  }
  return [row.ref];
}
