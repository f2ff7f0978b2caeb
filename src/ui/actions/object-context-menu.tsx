// The context menu of a tree row: right-click, the Menu key or Shift+F10 on
// the focused row. It acts on `refs` (the tree passes the selection when the
// row is in it, else the row itself, which it then selects, as XenCenter's
// tree does) and lists the actions for that kind of object, from the same
// registry as the menu bar.
import * as ContextMenu from '@radix-ui/react-context-menu';
import { useCallback, type KeyboardEvent, type ReactNode } from 'react';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
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

export function ObjectContextMenu({ refs, children }: { refs: readonly string[]; children: ReactNode }) {
  const onOpenChange = useCallback(
    (open: boolean) => {
      if (!open || refs.length === 0) return;
      const { place, selectObjects } = useUi.getState();
      if (!refs.every((r) => place.selection.includes(r))) selectObjects(refs);
    },
    [refs],
  );
  if (refs.length === 0) return <>{children}</>;
  return (
    <ContextMenu.Root onOpenChange={onOpenChange} modal>
      {/* display: contents — the wrapper adds no box, so the tree's layout and roles are untouched. */}
      <ContextMenu.Trigger asChild>
        <div className="contents" onKeyDown={openFromKeyboard}>
          {children}
        </div>
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content className={MENU_PANEL} aria-label="Actions" collisionPadding={8}>
          <MenuContent refs={refs} />
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}
