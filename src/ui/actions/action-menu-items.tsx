// Actions as menu items (menu bar and context menu): icon, label, shortcut,
// and when disabled, the reason — beside the item while it is highlighted,
// and as aria-description for screen readers. Disabled items stay focusable (aria-disabled, not Radix's
// `disabled`) so keyboard users can reach them and hear why.
import type { ReactNode } from 'react';
import { ariaShortcut, formatShortcut } from '../keyboard/shortcuts';
import type { Action, CanRun } from './action-types';
import { ActionIcon } from './icons';
import { MENU_ITEM, MENU_SEPARATOR, MENU_SHORTCUT, type MenuKit } from './menu-kit';
import { migrateToServer } from './migrate-to-server';
import { MigrateToServerMenu } from './migrate-to-server-menu';
import { startOnServer } from './start-on-server';
import { StartOnServerMenu } from './start-on-server-menu';
import { assignVmSnapshotSchedule } from './vmss-actions';
import { AssignVmssMenu } from './vmss-assign-menu';

export function ActionMenuItem({ kit, action, state, onRun, trailing }: { kit: MenuKit; action: Action; state: CanRun; onRun: (action: Action) => void; trailing?: ReactNode }) {
  const disabled = !state.ok;
  return (
    <kit.Item
      className={`${MENU_ITEM} group relative`}
      aria-disabled={disabled || undefined}
      aria-description={disabled ? state.reason : undefined}
      aria-keyshortcuts={action.shortcut === undefined ? undefined : ariaShortcut(action.shortcut)}
      onSelect={(event) => {
        // A disabled item keeps the menu open, as a desktop menu does.
        if (disabled) event.preventDefault();
        else onRun(action);
      }}
    >
      <span className="w-4">{action.icon !== undefined && <ActionIcon name={action.icon} dimmed={disabled} />}</span>
      <span>{action.label}</span>
      {action.shortcut !== undefined && (
        <span aria-hidden="true" className={MENU_SHORTCUT}>
          {formatShortcut(action.shortcut)}
        </span>
      )}
      {trailing}
      {disabled && <DisabledReason reason={state.reason} />}
    </kit.Item>
  );
}

/**
 * The reason beside a highlighted disabled item (pointer or keyboard), like a
 * tooltip. Not a Radix Tooltip: that would be a layer of its own, and Escape
 * would close it before the menu. Screen readers read aria-description.
 */
function DisabledReason({ reason }: { reason: string }) {
  return (
    <span
      aria-hidden="true"
      className="pointer-events-none absolute top-0 left-full z-[60] ml-1 hidden w-max max-w-72 rounded-sm border border-slate-300 bg-amber-50 px-2 py-1 text-xs whitespace-normal text-slate-900 shadow-md group-data-[highlighted]:block"
    >
      {reason}
    </span>
  );
}

export type MenuRow = { readonly action: Action; readonly state: CanRun } | 'separator';

/** A list of action rows for `selection`; Start on Server and Migrate to Server become host submenus. */
export function ActionMenuRows({ kit, rows, selection, onRun }: { kit: MenuKit; rows: readonly MenuRow[]; selection: readonly string[]; onRun: (action: Action) => void }) {
  return (
    <>
      {rows.map((row, i) => {
        if (row === 'separator') return <kit.Separator key={`sep-${String(i)}`} className={MENU_SEPARATOR} />;
        if (row.action.id === startOnServer.id && row.state.ok) return <StartOnServerMenu key={row.action.id} kit={kit} selection={selection} />;
        if (row.action.id === migrateToServer.id && row.state.ok) return <MigrateToServerMenu key={row.action.id} kit={kit} selection={selection} />;
        if (row.action.id === assignVmSnapshotSchedule.id && row.state.ok) return <AssignVmssMenu key={row.action.id} kit={kit} selection={selection} />;
        const trailing = row.action.id === startOnServer.id || row.action.id === migrateToServer.id ? <span aria-hidden="true" className="ml-auto pl-4">▸</span> : undefined;
        return <ActionMenuItem key={row.action.id} kit={kit} action={row.action} state={row.state} onRun={onRun} trailing={trailing} />;
      })}
    </>
  );
}
