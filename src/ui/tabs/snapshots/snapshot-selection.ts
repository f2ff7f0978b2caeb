// Selecting snapshots in the tab's tree or list, as a desktop list selects:
// a click selects one, Ctrl+click adds or removes one, Shift+click selects
// the run from the last clicked (the anchor) in display order; arrow keys
// move a single selection. Refs that are gone are dropped.

export interface SnapshotSelection {
  readonly refs: readonly string[];
  /** Where a Shift+click run starts. */
  readonly anchor: string | undefined;
}

export const NO_SELECTION: SnapshotSelection = { refs: [], anchor: undefined };

export function clickSelect(sel: SnapshotSelection, ref: string, order: readonly string[], mods: { ctrl: boolean; shift: boolean }): SnapshotSelection {
  if (mods.shift && sel.anchor !== undefined && order.includes(sel.anchor)) {
    const a = order.indexOf(sel.anchor);
    const b = order.indexOf(ref);
    if (b >= 0) return { refs: order.slice(Math.min(a, b), Math.max(a, b) + 1), anchor: sel.anchor };
  }
  if (mods.ctrl) {
    const refs = sel.refs.includes(ref) ? sel.refs.filter((r) => r !== ref) : [...sel.refs, ref];
    return { refs, anchor: ref };
  }
  return { refs: [ref], anchor: ref };
}

/** Arrow Up/Down, Home/End: the one selected item moves; undefined when the key does nothing. */
export function keySelect(sel: SnapshotSelection, key: string, order: readonly string[]): SnapshotSelection | undefined {
  if (order.length === 0) return undefined;
  const current = sel.anchor !== undefined ? order.indexOf(sel.anchor) : -1;
  let next: number;
  if (key === 'ArrowDown') next = current < 0 ? 0 : Math.min(order.length - 1, current + 1);
  else if (key === 'ArrowUp') next = current < 0 ? 0 : Math.max(0, current - 1);
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = order.length - 1;
  else return undefined;
  const ref = order[next];
  return ref === undefined ? undefined : { refs: [ref], anchor: ref };
}

/** The selection without refs that are no longer shown. */
export function pruneSelection(sel: SnapshotSelection, shown: readonly string[]): SnapshotSelection {
  const refs = sel.refs.filter((r) => shown.includes(r));
  const anchor = sel.anchor !== undefined && shown.includes(sel.anchor) ? sel.anchor : undefined;
  return refs.length === sel.refs.length && anchor === sel.anchor ? sel : { refs, anchor };
}
