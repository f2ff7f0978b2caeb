// The context menu of tree rows: right-click, the Menu key or Shift+F10 on
// the focused row. It acts on the selection when the row is in it, else on the
// row itself (which it then selects, as XenCenter's tree does), and lists the
// actions for that kind of object, from the same registry as the menu bar.
// A lab machine's row (no XenAPI object yet) gets the machine's commands.
import * as ContextMenu from '@radix-ui/react-context-menu';
import { useCallback, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { MachineMenuContent } from '../lab-hardware/machine-context-menu';
import { useUi } from '../state/ui-store';
import { ActionMenuRows, type MenuRow } from './action-menu-items';
import { MENU_PANEL, contextMenuKit } from './menu-kit';
import { contextMenuModel } from './registry';
import { useRunAction } from './use-actions';

function sameRows(a: readonly MenuRow[], b: readonly MenuRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      if (x === 'separator' || y === 'separator' || y === undefined) return x === y;
      if (x.action !== y.action || x.state.ok !== y.state.ok) return false;
      return x.state.ok || y.state.ok || x.state.reason === y.state.reason;
    })
  );
}

function MenuContent({ refs }: { refs: readonly string[] }) {
  const select = useCallback((cache: ObjectCache) => contextMenuModel(refs, cache), [refs]);
  const rows = useCacheSelector(select, sameRows);
  const run = useRunAction();
  if (rows.length === 0) return <p className="px-3 py-1 text-slate-500">No actions for this object.</p>;
  return <ActionMenuRows kit={contextMenuKit} rows={rows} selection={refs} onRun={(action) => run(action, refs)} />;
}

/** Open the context menu from the keyboard, below the focused row. */
function openFromKeyboard(event: KeyboardEvent<HTMLElement>): void {
  const isMenuKey = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey && !event.ctrlKey && !event.altKey);
  if (!isMenuKey) return;
  event.preventDefault();
  const target = event.target as HTMLElement;
  const rect = target.getBoundingClientRect();
  target.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: rect.left + 24, clientY: rect.bottom }));
}

/** The objects a context menu opened on `target` acts on: its row's object, or the selection holding it. */
function refsAt(target: EventTarget | null): readonly string[] | undefined {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-object-ref]') : null;
  const ref = row?.dataset['objectRef'];
  if (ref === undefined || ref === '') return undefined;
  const { selection } = useUi.getState().place;
  return selection.includes(ref) ? selection : [ref];
}

/** The lab machine (bare or installing) whose tree row the menu opened on. */
function machineAt(target: EventTarget | null): string | undefined {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-machine-id]') : null;
  return row?.dataset['machineId'];
}

/**
 * One context menu for a whole list of objects (the tree): rows mark
 * themselves with data-object-ref, and the menu acts on the row it opened on.
 * A single menu rather than one per row keeps scrolling a long tree cheap.
 * Not modal, so the rest of the console stays available to assistive tech.
 */
export function ObjectContextMenuArea({ children }: { children: ReactNode }) {
  const [refs, setRefs] = useState<readonly string[]>([]);
  const [machine, setMachine] = useState<string | undefined>(undefined);
  const onContextMenu = useCallback((event: MouseEvent<HTMLElement>) => {
    const found = refsAt(event.target);
    const machineId = machineAt(event.target);
    setMachine(machineId);
    if (machineId !== undefined) {
      setRefs([]);
      return;
    }
    if (found === undefined) {
      event.preventDefault(); // not on an object: no menu (and Radix does not open)
      return;
    }
    const { place, selectObjects } = useUi.getState();
    // XenCenter: right-clicking an unselected row selects it first.
    if (!found.every((r) => place.selection.includes(r))) selectObjects(found);
    setRefs(found);
  }, []);
  return (
    <ContextMenu.Root modal={false}>
      {/* display: contents — the wrapper adds no box, so the tree's layout and roles are untouched. */}
      <ContextMenu.Trigger asChild>
        <div className="contents" onContextMenu={onContextMenu} onKeyDown={openFromKeyboard}>
          {children}
        </div>
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content className={MENU_PANEL} aria-label="Actions" collisionPadding={8}>
          {refs.length > 0 && <MenuContent refs={refs} />}
          {machine !== undefined && <MachineMenuContent machineId={machine} />}
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}
