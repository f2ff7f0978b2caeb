// The Snapshots tab's commands: its button bar (XenCenter's Take Snapshot,
// Revert To…, an Actions drop-down with New VM from Snapshot…, Save as
// Template… and Export as Template…, Delete) and the context menu of its views. Every entry is an
// action from the registry, run on the tab's own selection (the VM for Take
// Snapshot); a disabled one says why.
import * as ContextMenu from '@radix-ui/react-context-menu';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';
import type { Action, CanRun } from '../../actions/action-types';
import { ActionMenuItem } from '../../actions/action-menu-items';
import { ActionIcon } from '../../actions/icons';
import { MENU_PANEL, MENU_SEPARATOR, contextMenuKit, type MenuKit } from '../../actions/menu-kit';
import { properties } from '../../actions/object-actions';
import { ReasonTooltip, TooltipScope } from '../../actions/reason-tooltip';
import { deleteSnapshot, exportSnapshotAsTemplate, newVmFromSnapshot, revertToSnapshot, saveSnapshotAsTemplate, takeSnapshot } from '../../actions/snapshot-actions';
import { useActionStates, useRunAction } from '../../actions/use-actions';

const SAVE_ACTIONS: readonly Action[] = [newVmFromSnapshot, saveSnapshotAsTemplate, exportSnapshotAsTemplate];
const SNAPSHOT_ACTIONS: readonly Action[] = [revertToSnapshot, newVmFromSnapshot, saveSnapshotAsTemplate, exportSnapshotAsTemplate, deleteSnapshot, properties];

const dropdownKit: MenuKit = { ...contextMenuKit, Item: DropdownMenu.Item as MenuKit['Item'], Separator: DropdownMenu.Separator as MenuKit['Separator'] };

const BAR_BUTTON =
  'flex h-7 items-center gap-1.5 rounded-sm border border-slate-300 bg-gradient-to-b from-white to-slate-100 px-2 text-[13px] text-slate-900 hover:to-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600 aria-disabled:text-slate-400 aria-disabled:hover:to-slate-100';

function BarButton({ action, state, onRun, label }: { action: Action; state: CanRun | undefined; onRun: (a: Action) => void; label?: string }) {
  const disabled = state?.ok !== true;
  const reason = state !== undefined && !state.ok ? state.reason : undefined;
  return (
    <ReasonTooltip text={reason ?? action.description}>
      <button type="button" className={BAR_BUTTON} aria-disabled={disabled || undefined} aria-description={reason} onClick={() => !disabled && onRun(action)}>
        {action.icon !== undefined && <ActionIcon name={action.icon} dimmed={disabled} />}
        {label ?? action.toolbarLabel ?? action.label}
      </button>
    </ReasonTooltip>
  );
}

/** Take Snapshot, Revert To…, Actions ▾, Delete — above the views, as XenCenter's tab tool strip. */
export function SnapshotButtons({ vmRef, selected }: { vmRef: string; selected: readonly string[] }) {
  const run = useRunAction();
  const vmSelection = [vmRef];
  const [take] = useActionStates([takeSnapshot], vmSelection);
  const [revert, newVm, save, exportAs, del] = useActionStates([revertToSnapshot, ...SAVE_ACTIONS, deleteSnapshot], selected);
  const saveStates = [newVm, save, exportAs];
  const anySave = saveStates.some((s) => s?.ok === true);
  return (
    <TooltipScope>
      <div role="toolbar" aria-label="Snapshot commands" className="flex flex-wrap items-center gap-1">
        <BarButton action={takeSnapshot} state={take} label="Take Snapshot…" onRun={(a) => run(a, vmSelection)} />
        <BarButton action={revertToSnapshot} state={revert} onRun={(a) => run(a, selected)} />
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className={BAR_BUTTON} aria-disabled={!anySave || undefined} disabled={!anySave}>
            Actions <span aria-hidden>▾</span>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className={MENU_PANEL} align="start" sideOffset={2}>
              {SAVE_ACTIONS.map((a, i) => (
                <ActionMenuItem key={a.id} kit={dropdownKit} action={a} state={saveStates[i] ?? { ok: false, reason: '' }} onRun={(x) => run(x, selected)} />
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
        <BarButton action={deleteSnapshot} state={del} onRun={(a) => run(a, selected)} />
      </div>
    </TooltipScope>
  );
}

/** The Properties button of the details box. */
export function SnapshotPropertiesButton({ snapRef }: { snapRef: string }) {
  const run = useRunAction();
  const [state] = useActionStates([properties], [snapRef]);
  return (
    <TooltipScope>
      <BarButton action={properties} state={state} onRun={(a) => run(a, [snapRef])} />
    </TooltipScope>
  );
}

function MenuRows({ vmRef, selected }: { vmRef: string; selected: readonly string[] }) {
  const run = useRunAction();
  const [take] = useActionStates([takeSnapshot], [vmRef]);
  const states = useActionStates(SNAPSHOT_ACTIONS, selected);
  if (selected.length === 0) {
    return <ActionMenuItem kit={contextMenuKit} action={takeSnapshot} state={take ?? { ok: false, reason: '' }} onRun={(a) => run(a, [vmRef])} />;
  }
  // With several snapshots selected XenCenter offers only Delete.
  const shown = SNAPSHOT_ACTIONS.map((a, i) => ({ action: a, state: states[i] })).filter((x) => selected.length === 1 || x.action === deleteSnapshot);
  return (
    <>
      {shown.map(({ action, state }) => (
        <div key={action.id} className="contents">
          {(action === deleteSnapshot || action === newVmFromSnapshot) && selected.length === 1 && <ContextMenu.Separator className={MENU_SEPARATOR} />}
          <ActionMenuItem kit={contextMenuKit} action={action} state={state ?? { ok: false, reason: '' }} onRun={(a) => run(a, selected)} />
        </div>
      ))}
    </>
  );
}

/** The context menu over a view: on a snapshot, its commands (selecting it first); elsewhere, Take Snapshot. */
export function SnapshotContextMenu({ vmRef, selected, onOpenAt, children }: { vmRef: string; selected: readonly string[]; onOpenAt: (ref: string | undefined) => void; children: ReactNode }) {
  return (
    <ContextMenu.Root modal={false}>
      <ContextMenu.Trigger asChild>
        <div
          className="contents"
          onContextMenu={(e) => onOpenAt((e.target as Element).closest<HTMLElement>('[data-snapshot-ref]')?.dataset['snapshotRef'])}
          onKeyDown={(e) => {
            // Shift+F10 opens it on the focused item, as the tree's context menu does.
            if (!(e.key === 'F10' && e.shiftKey)) return;
            e.preventDefault();
            const el = e.target as HTMLElement;
            const rect = el.getBoundingClientRect();
            el.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: rect.left + 24, clientY: rect.bottom }));
          }}
        >
          {children}
        </div>
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content className={MENU_PANEL} aria-label="Snapshot actions" collisionPadding={8}>
          <MenuRows vmRef={vmRef} selected={selected} />
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}
