// The Performance tab's buttons, as XenCenter's PerformancePage has them:
// Move Up, Move Down, Actions ▾ (New Graph…, Edit Graph…, Delete Graph…,
// Restore Default Graphs) and Zoom ▾ (1 Year … 10 Minutes). A disabled item
// says why in its title, as XenCenter's tooltips do.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ZOOMS, type ZoomId } from './zoom';

const BUTTON =
  'rounded-sm border border-slate-400 bg-gradient-to-b from-white to-slate-100 px-2.5 py-0.5 text-[13px] hover:to-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:text-slate-400 disabled:hover:to-slate-100';
const PANEL = 'z-50 min-w-48 rounded-sm border border-slate-400 bg-white py-1 text-[13px] shadow-md';
const ITEM =
  'flex cursor-default items-center gap-2 px-2 py-0.5 outline-none select-none data-[disabled]:text-slate-400 data-[highlighted]:bg-blue-600 data-[highlighted]:text-white';

export interface ToolbarProps {
  readonly zoom: ZoomId;
  onZoom(zoom: ZoomId): void;
  readonly canMoveUp: boolean;
  readonly canMoveDown: boolean;
  onMove(by: -1 | 1): void;
  /** Why New/Edit Graph are unavailable (a halted VM), or undefined. */
  readonly editBlocked: string | undefined;
  readonly hasSelection: boolean;
  readonly canDelete: boolean;
  readonly showingDefaults: boolean;
  onNew(): void;
  onEdit(): void;
  onDelete(): void;
  onRestoreDefaults(): void;
}

export function PerformanceToolbar(p: ToolbarProps) {
  return (
    <div role="toolbar" aria-label="Graphs" className="flex items-center gap-1">
      <button type="button" className={BUTTON} disabled={!p.canMoveUp} onClick={() => p.onMove(-1)}>
        Move Up
      </button>
      <button type="button" className={BUTTON} disabled={!p.canMoveDown} onClick={() => p.onMove(1)}>
        Move Down
      </button>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className={BUTTON}>Actions ▾</DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="start" sideOffset={2} className={PANEL}>
            <DropdownMenu.Item className={ITEM} disabled={p.editBlocked !== undefined} title={p.editBlocked} onSelect={p.onNew}>
              New Graph...
            </DropdownMenu.Item>
            <DropdownMenu.Item className={ITEM} disabled={p.editBlocked !== undefined || !p.hasSelection} title={p.editBlocked} onSelect={p.onEdit}>
              Edit Graph...
            </DropdownMenu.Item>
            <DropdownMenu.Item className={ITEM} disabled={!p.canDelete} title={p.canDelete ? undefined : 'A Performance tab keeps at least one graph.'} onSelect={p.onDelete}>
              Delete Graph...
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
            <DropdownMenu.Item className={ITEM} disabled={p.showingDefaults} onSelect={p.onRestoreDefaults}>
              Restore Default Graphs
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className={`${BUTTON} ml-auto`}>Zoom ▾</DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={2} className={PANEL}>
            <DropdownMenu.RadioGroup value={p.zoom} onValueChange={(v) => p.onZoom(v as ZoomId)}>
              {ZOOMS.map((z) => (
                <DropdownMenu.RadioItem key={z.id} value={z.id} className={ITEM}>
                  <span className="w-3 text-center" aria-hidden="true">
                    <DropdownMenu.ItemIndicator>•</DropdownMenu.ItemIndicator>
                  </span>
                  {z.label}
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
