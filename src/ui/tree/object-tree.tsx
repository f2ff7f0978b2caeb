// The navigation tree of one view: a virtualized WAI-ARIA tree (only the rows
// in sight are in the DOM, so a 1,000-VM pool scrolls smoothly) with a roving
// tabindex, XenCenter's keyboard (arrows, Home/End, Enter, type-ahead,
// Shift+arrows) and mouse (Ctrl/Shift+click) selection. Selecting writes the
// UI store; a selection made elsewhere (Back/Forward, a deep link, another
// view) is revealed: its ancestors expanded and its row scrolled into view.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ObjectContextMenuArea } from '../actions/object-context-menu';
import { useMakeActionContext } from '../actions/use-actions';
import { useLab } from '../lab/lab-context';
import { dragMigrateHandlers } from './drag-migrate';
import { useUi } from '../state/ui-store';
import type { TreeRow } from './flatten-tree';
import type { TreeView } from './tree-model';
import { navigationKey, selectionAfterClick, typeAheadIndex, type ClickModifiers } from './tree-navigation';
import { chosenGroupOf, sameGroup } from './chosen-group';
import { pathTo } from './tree-node';
import { ROW_HEIGHT, TreeRowView, type RowHandlers } from './tree-row';
import { useTreeModel } from './use-tree-model';

const TREE_NAMES: Readonly<Record<TreeView, string>> = { infrastructure: 'Infrastructure', objects: 'Objects', tags: 'Tags', folders: 'Folders' };
const TYPE_AHEAD_MS = 700;
const EMPTY_NOTES: Readonly<Record<TreeView, string | undefined>> = {
  infrastructure: undefined,
  objects: undefined,
  tags: 'No objects have tags. Add tags in an object’s Properties.',
  folders: 'No objects are in folders. Choose a folder in an object’s Properties.',
};

export function ObjectTree({ view }: { view: TreeView }) {
  const model = useTreeModel(view);
  const { rows, tree } = model;
  const selection = useUi((s) => s.place.selection);
  const selectObjects = useUi((s) => s.selectObjects);
  const selKey = selection.join('|');

  // The focused row and the non-object row (root, group) chosen last, each
  // remembered with the selection it was set under: when the selection changes
  // elsewhere they give way to the newly selected object.
  const [focus, setFocus] = useState<{ id: string; selKey: string } | undefined>(undefined);
  const [chosenGroup, setChosenGroup] = useState<{ id: string; selKey: string } | undefined>(undefined);
  const anchor = useRef<string | undefined>(undefined);
  const typed = useRef({ text: '', at: -Infinity });
  const pendingFocus = useRef<string | undefined>(undefined);
  const pendingScroll = useRef<string | undefined>(undefined);
  const revealed = useRef<string | undefined>(undefined);
  const elements = useRef(new Map<string, HTMLElement>());
  const scroller = useRef<HTMLDivElement>(null);

  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const selectedSet = useMemo(() => new Set(selection), [selection]);
  const groupId = selection.length > 0 ? undefined : chosenGroup?.selKey === selKey && indexOf.has(chosenGroup.id) ? chosenGroup.id : tree.id;
  const isSelected = (row: TreeRow) => (row.ref === undefined ? row.id === groupId : selectedSet.has(row.ref));

  const lastSelected = selection[selection.length - 1];
  const focusId =
    focus !== undefined && focus.selKey === selKey && indexOf.has(focus.id)
      ? focus.id
      : (rows.find((r) => (lastSelected === undefined ? r.id === groupId : r.ref === lastSelected))?.id ?? rows[0]?.id);
  const focusIndex = focusId === undefined ? 0 : (indexOf.get(focusId) ?? 0);

  const rangeExtractor = useCallback(
    (range: Range) => {
      // Keep the focused row mounted so focus survives scrolling it away.
      const indexes = defaultRangeExtractor(range);
      if (focusIndex < rows.length && !indexes.includes(focusIndex)) {
        indexes.push(focusIndex);
        indexes.sort((a, b) => a - b); // DOM order = row order, for assistive technology
      }
      return indexes;
    },
    [focusIndex, rows.length],
  );
  // useFlushSync off: rows scrolled into sight render in React's next task, not
  // synchronously inside the scroll event with the browser's own work (bench:ui
  // counted 14 ms of row rendering in one ~60 ms task); the overscan rows cover
  // a wheel step meanwhile.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose; rows re-render from its own state updates
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, rangeExtractor, useFlushSync: false });

  // The group row shown as selected (a type, tag, folder or a view's root)
  // tells the tabs what to search; kept current as the group's members change.
  useEffect(() => {
    const node = groupId === undefined ? undefined : pathTo(tree, (n) => n.id === groupId)?.at(-1);
    const next = node === undefined ? undefined : chosenGroupOf(node);
    const { group, chooseGroup } = useUi.getState();
    if (!sameGroup(group, next)) chooseGroup(next);
  }, [tree, groupId]);

  // Reveal a selection made elsewhere, once per selection and view.
  useEffect(() => {
    const key = `${view}|${selKey}`;
    if (revealed.current === key) return;
    if (lastSelected === undefined) {
      revealed.current = key;
      return;
    }
    const path = pathTo(tree, (n) => n.kind === 'object' && n.ref === lastSelected);
    if (path === undefined) return; // not in this view (yet): try again when the tree changes
    revealed.current = key;
    for (const ancestor of path.slice(0, -1)) if (!model.isExpanded(ancestor)) model.setExpanded(ancestor.id, true);
    pendingScroll.current = path[path.length - 1]?.id;
  }, [view, selKey, lastSelected, tree, model]);

  // After rendering: scroll to a row being revealed, focus a row moved to by keyboard.
  useEffect(() => {
    const scrollId = pendingScroll.current;
    const scrollIndex = scrollId === undefined ? undefined : indexOf.get(scrollId);
    if (scrollIndex !== undefined) {
      pendingScroll.current = undefined;
      virtualizer.scrollToIndex(scrollIndex, { align: 'auto' });
    }
    const focusTarget = pendingFocus.current;
    if (focusTarget !== undefined) {
      const el = elements.current.get(focusTarget);
      if (el !== undefined) {
        pendingFocus.current = undefined;
        el.focus({ preventScroll: true });
      }
    }
  });

  const moveFocus = useCallback(
    (index: number) => {
      const row = rows[index];
      if (row === undefined) return;
      setFocus({ id: row.id, selKey });
      pendingFocus.current = row.id;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [rows, selKey, virtualizer],
  );

  const choose = useCallback(
    (index: number, mods: ClickModifiers) => {
      const row = rows[index];
      if (row === undefined) return;
      const anchorIndex = anchor.current === undefined ? undefined : indexOf.get(anchor.current);
      const next = selectionAfterClick(rows, selection, index, anchorIndex, mods);
      if (!mods.range) anchor.current = row.id;
      const nextKey = next.join('|');
      // Chosen here: the row is in sight already, nothing to reveal (scrolling
      // to it anyway would force a layout in the middle of the click).
      revealed.current = `${view}|${nextKey}`;
      setFocus({ id: row.id, selKey: nextKey });
      setChosenGroup(row.ref === undefined ? { id: row.id, selKey: nextKey } : undefined);
      selectObjects(next);
    },
    [rows, indexOf, selection, selectObjects, view],
  );

  // Rows get one stable set of handlers (so a selection change re-renders only
  // the rows whose selected state changed); they call the latest callbacks.
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const latest = useRef({ indexOf, choose, model, selKey, selectedSet, makeContext });
  useEffect(() => {
    latest.current = { indexOf, choose, model, selKey, selectedSet, makeContext };
  });
  const handlers = useMemo<RowHandlers>(
    () => ({
      onClick: (row, event) => {
        const index = latest.current.indexOf.get(row.id);
        if (index !== undefined) latest.current.choose(index, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
      },
      onToggle: (row) => {
        latest.current.model.setExpanded(row.id, !row.expanded);
        setFocus({ id: row.id, selKey: latest.current.selKey });
      },
      onContextMenu: (row) => {
        // XenCenter: right-clicking an unselected row selects it first.
        const { indexOf: indexes, selectedSet: selected, choose: select } = latest.current;
        const index = indexes.get(row.id);
        // A lab machine's row (no object) is chosen too, so its pane shows what the menu acts on.
        const unselected = row.ref !== undefined ? !selected.has(row.ref) : row.node.kind === 'machine';
        if (unselected && index !== undefined) select(index, { toggle: false, range: false });
      },
      register: (id, element) => {
        if (element === null) elements.current.delete(id);
        else elements.current.set(id, element);
      },
      drag: dragMigrateHandlers(lab.cache, () => latest.current.makeContext()),
    }),
    [lab.cache],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey) return;
    const outcome = navigationKey(rows, focusIndex, event.key);
    if (outcome !== undefined) {
      event.preventDefault();
      const row = rows[outcome.index];
      if (row === undefined) return;
      if (outcome.type === 'move') {
        if (event.shiftKey && anchor.current === undefined) anchor.current = rows[focusIndex]?.id;
        moveFocus(outcome.index);
        if (event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown' || event.key === 'Home' || event.key === 'End')) {
          choose(outcome.index, { toggle: false, range: true });
        }
      } else {
        model.setExpanded(row.id, outcome.type === 'expand');
      }
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(focusIndex, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && /\S/.test(event.key)) {
      const now = event.timeStamp;
      typed.current = { text: now - typed.current.at > TYPE_AHEAD_MS ? event.key : typed.current.text + event.key, at: now };
      const index = typeAheadIndex(rows, focusIndex, typed.current.text);
      if (index !== undefined) {
        event.preventDefault();
        moveFocus(index);
      }
    }
  };

  const emptyNote = tree.children.length > 0 ? undefined : model.searching ? 'No objects match the search.' : EMPTY_NOTES[view];
  return (
    <div ref={scroller} className="relative min-h-0 flex-1 overflow-auto text-[13px] [contain:strict]">
      <ObjectContextMenuArea>
        <div role="tree" aria-label={TREE_NAMES[view]} aria-multiselectable="true" className="relative w-full" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            const selected = isSelected(row);
            return (
              <TreeRowView
                key={row.id}
                row={row}
                top={item.start}
                selected={selected}
                tabbable={item.index === focusIndex}
                handlers={handlers}
              />
            );
          })}
        </div>
      </ObjectContextMenuArea>
      {emptyNote !== undefined && <p className="px-3 py-2 text-xs text-slate-500">{emptyNote}</p>}
    </div>
  );
}
