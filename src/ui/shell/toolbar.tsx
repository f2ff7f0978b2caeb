// XenCenter's main toolbar: Back and Forward, then the VM power commands for
// the selection (see toolbar-model.ts for which show when). Each button has
// an icon and a visible label; a disabled one says why in its tooltip and
// aria-description. One tab stop, arrow keys between buttons (the ARIA
// toolbar pattern).
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import type { Action, CanRun } from '../actions/action-types';
import { ActionIcon } from '../actions/icons';
import { ReasonTooltip, TooltipScope } from '../actions/reason-tooltip';
import { sameToolbar, toolbarModel, type ToolbarButtonModel } from '../actions/toolbar-model';
import { useHistoryState, useRunAction } from '../actions/use-actions';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { formatShortcut } from '../keyboard/shortcuts';
import { useUi } from '../state/ui-store';

function tooltipText(action: Action, state: CanRun): string | undefined {
  if (!state.ok) return state.reason;
  const shortcut = action.shortcut === undefined ? '' : ` (${formatShortcut(action.shortcut)})`;
  return action.description === undefined ? undefined : `${action.description}${shortcut}`;
}

function ToolbarButton({ model, onRun }: { model: ToolbarButtonModel; onRun: (a: Action) => void }) {
  const { action, state } = model;
  const disabled = !state.ok;
  return (
    <ReasonTooltip text={tooltipText(action, state)}>
      <button
        type="button"
        data-toolbar-button=""
        tabIndex={-1}
        aria-disabled={disabled || undefined}
        aria-description={disabled ? state.reason : undefined}
        className="flex h-7 items-center gap-1.5 rounded-sm border border-transparent px-2 text-[13px] text-slate-900 outline-none hover:border-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 aria-disabled:text-slate-400 aria-disabled:hover:border-transparent aria-disabled:hover:bg-transparent"
        onClick={() => {
          if (!disabled) onRun(action);
        }}
      >
        {action.icon !== undefined && <ActionIcon name={action.icon} dimmed={disabled} />}
        <span>{action.toolbarLabel ?? action.label}</span>
      </button>
    </ReasonTooltip>
  );
}

function toolbarButtons(toolbar: HTMLElement | null): HTMLButtonElement[] {
  return [...(toolbar?.querySelectorAll<HTMLButtonElement>('[data-toolbar-button]') ?? [])];
}

/** Exactly one tab stop: the focused button, else the first. */
function syncTabStops(toolbar: HTMLElement | null, active: Element | null): void {
  const all = toolbarButtons(toolbar);
  const current = all.find((b) => b === active) ?? all[0];
  for (const b of all) b.tabIndex = b === current ? 0 : -1;
}

function moveFocus(e: KeyboardEvent<HTMLDivElement>): void {
  const all = toolbarButtons(e.currentTarget);
  const i = all.findIndex((b) => b === document.activeElement);
  if (i < 0) return;
  const next = e.key === 'ArrowRight' ? all[(i + 1) % all.length] : e.key === 'ArrowLeft' ? all[(i - 1 + all.length) % all.length] : e.key === 'Home' ? all[0] : e.key === 'End' ? all[all.length - 1] : undefined;
  if (next === undefined) return;
  e.preventDefault();
  next.focus();
}

export function Toolbar() {
  const selection = useUi((s) => s.place.selection);
  const history = useHistoryState();
  const select = useCallback((cache: ObjectCache) => toolbarModel(selection, cache, history), [selection, history]);
  const model = useCacheSelector(select, sameToolbar);
  const run = useRunAction();
  const ref = useRef<HTMLDivElement>(null);
  // The buttons shown change with the selection: keep one tab stop after every render.
  useLayoutEffect(() => syncTabStops(ref.current, document.activeElement));
  return (
    <TooltipScope>
      <div
        ref={ref}
        role="toolbar"
        aria-label="Toolbar"
        className="flex h-9 items-center gap-0.5 border-t border-slate-200 bg-slate-50 px-1"
        onKeyDown={moveFocus}
        onFocus={(e: FocusEvent<HTMLDivElement>) => syncTabStops(e.currentTarget, e.target)}
      >
        {model.history.map((b) => (
          <ToolbarButton key={b.action.id} model={b} onRun={run} />
        ))}
        <div role="separator" aria-orientation="vertical" className="mx-1 h-5 w-px bg-slate-300" />
        {model.create.map((b) => (
          <ToolbarButton key={b.action.id} model={b} onRun={run} />
        ))}
        <div role="separator" aria-orientation="vertical" className="mx-1 h-5 w-px bg-slate-300" />
        {model.power.map((b) => (
          <ToolbarButton key={b.action.id} model={b} onRun={run} />
        ))}
      </div>
    </TooltipScope>
  );
}
