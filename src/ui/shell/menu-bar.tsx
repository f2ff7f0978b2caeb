// XenCenter's menu bar: File, View, Pool, Server, VM, Help — and XenLab's
// Faults menu (simulated failures, Simulator.* calls). Commands come
// from the action registry (same enabling and reasons as the toolbar and the
// context menu), shortcuts are shown beside them. The console-wide keyboard
// shortcuts are installed here, with the menus that list them.
import * as Menubar from '@radix-ui/react-menubar';
import { useState, type ReactNode } from 'react';
import type { Action } from '../actions/action-types';
import { ActionMenuRows, type MenuRow } from '../actions/action-menu-items';
import { MENU_ITEM, MENU_PANEL, MENU_SEPARATOR, menubarKit } from '../actions/menu-kit';
import { FAULT_MENU } from '../actions/fault-actions';
import { configureHa, disableHa } from '../actions/ha-actions';
import { newPool } from '../actions/new-pool-action';
import { disconnectServer, reconnectServer } from '../actions/connection-actions';
import { newSr } from '../actions/storage-actions';
import { hostProperties, poolProperties, properties } from '../actions/object-actions';
import { vmSnapshotSchedules } from '../actions/vmss-actions';
import { HOST_MENU, SR_MENU, VM_MENU, type MenuEntry } from '../actions/registry';
import { useActionStates, useRunAction } from '../actions/use-actions';
import { AboutDialog } from '../dialogs/about-dialog';
import { FastForwardMenu } from './fast-forward-menu';
import { useGlobalShortcuts } from '../keyboard/use-global-shortcuts';
import { useLab } from '../lab/lab-context';
import { useUi, type NavView, type ViewOptions } from '../state/ui-store';

const TRIGGER =
  'rounded-sm px-2 py-0.5 text-[13px] outline-none select-none hover:bg-slate-200 data-[highlighted]:bg-slate-200 data-[state=open]:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600';
const CHECK_ITEM = `${MENU_ITEM} pl-7 relative`;

function Menu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Menubar.Menu>
      <Menubar.Trigger className={TRIGGER}>{label}</Menubar.Trigger>
      <Menubar.Portal>
        <Menubar.Content className={MENU_PANEL} align="start" sideOffset={2} aria-label={label}>
          {children}
        </Menubar.Content>
      </Menubar.Portal>
    </Menubar.Menu>
  );
}

/** Rows of actions for the tree's selection (mounted only while their menu is open). */
function ActionRows({ entries }: { entries: readonly MenuEntry[] }) {
  const selection = useUi((s) => s.place.selection);
  const states = useActionStates(actionsOf(entries), selection);
  const run = useRunAction();
  let i = 0;
  const rows: MenuRow[] = entries.map((e) => {
    if (e === 'separator') return 'separator';
    const state = states[i++] ?? { ok: false, reason: '' };
    return { action: e, state };
  });
  return <ActionMenuRows kit={menubarKit} rows={rows} selection={selection} onRun={(action) => run(action, selection)} />;
}

const actionLists = new WeakMap<readonly MenuEntry[], readonly Action[]>();
/** The same array for the same menu, so the states selector stays stable. */
function actionsOf(entries: readonly MenuEntry[]): readonly Action[] {
  let list = actionLists.get(entries);
  if (list === undefined) {
    list = entries.filter((e): e is Action => e !== 'separator');
    actionLists.set(entries, list);
  }
  return list;
}

const POOL_MENU: readonly MenuEntry[] = [newPool, 'separator', configureHa, disableHa, 'separator', vmSnapshotSchedules, 'separator', poolProperties];
const SERVER_MENU: readonly MenuEntry[] = [disconnectServer, reconnectServer, 'separator', ...HOST_MENU, 'separator', hostProperties];
const STORAGE_MENU: readonly MenuEntry[] = [newSr, 'separator', ...SR_MENU, 'separator', properties];

const VIEW_OPTIONS: readonly { key: keyof ViewOptions; label: string }[] = [
  { key: 'showDefaultTemplates', label: 'Default Templates' },
  { key: 'showCustomTemplates', label: 'Custom Templates' },
  { key: 'showLocalStorage', label: 'Local Storage' },
  { key: 'showHidden', label: 'Hidden Objects' },
];

const VIEWS: readonly { view: NavView; label: string }[] = [
  { view: 'infrastructure', label: 'Infrastructure' },
  { view: 'objects', label: 'Objects' },
  { view: 'tags', label: 'Tags' },
  { view: 'folders', label: 'Folders' },
  { view: 'notifications', label: 'Notifications' },
];

function Indicator({ children }: { children: ReactNode }) {
  return <Menubar.ItemIndicator className="absolute left-2 inline-flex w-4 justify-center">{children}</Menubar.ItemIndicator>;
}

function ViewMenuItems() {
  const options = useUi((s) => s.viewOptions);
  const view = useUi((s) => s.place.view);
  const toggle = useUi((s) => s.toggleViewOption);
  const switchView = useUi((s) => s.switchView);
  return (
    <>
      {VIEW_OPTIONS.map((o) => (
        <Menubar.CheckboxItem key={o.key} className={CHECK_ITEM} checked={options[o.key]} onCheckedChange={() => toggle(o.key)} onSelect={(e) => e.preventDefault()}>
          <Indicator>✓</Indicator>
          {o.label}
        </Menubar.CheckboxItem>
      ))}
      <Menubar.Separator className={MENU_SEPARATOR} />
      <Menubar.RadioGroup value={view} onValueChange={(v) => switchView(v as NavView)}>
        {VIEWS.map((v) => (
          <Menubar.RadioItem key={v.view} value={v.view} className={CHECK_ITEM}>
            <Indicator>●</Indicator>
            {v.label}
          </Menubar.RadioItem>
        ))}
      </Menubar.RadioGroup>
    </>
  );
}

export function MenuBar() {
  useGlobalShortcuts();
  const lab = useLab();
  const openDialog = useUi((s) => s.openDialog);
  const [aboutOpen, setAboutOpen] = useState(false);
  return (
    <>
      <Menubar.Root className="flex h-7 items-center gap-0.5 px-1" aria-label="Menu bar">
        <Menu label="File">
          <Menubar.Item className={MENU_ITEM} onSelect={() => openDialog({ kind: 'add-server' })}>
            <span className="w-4" />
            Add Server…
          </Menubar.Item>
          <Menubar.Item className={MENU_ITEM} onSelect={() => openDialog({ kind: 'lab-machines' })}>
            <span className="w-4" />
            Lab Machines…
          </Menubar.Item>
          <Menubar.Separator className={MENU_SEPARATOR} />
          <Menubar.Item className={MENU_ITEM} onSelect={() => openDialog({ kind: 'reset-lab' })}>
            <span className="w-4" />
            Reset Lab…
          </Menubar.Item>
          <Menubar.Item className={MENU_ITEM} onSelect={() => lab.send('save-now')}>
            <span className="w-4" />
            Save Now
          </Menubar.Item>
          <FastForwardMenu />
        </Menu>
        <Menu label="View">
          <ViewMenuItems />
        </Menu>
        <Menu label="Pool">
          <ActionRows entries={POOL_MENU} />
        </Menu>
        <Menu label="Server">
          <ActionRows entries={SERVER_MENU} />
        </Menu>
        <Menu label="VM">
          <ActionRows entries={VM_MENU} />
        </Menu>
        <Menu label="Storage">
          <ActionRows entries={STORAGE_MENU} />
        </Menu>
        <Menu label="Faults">
          <ActionRows entries={FAULT_MENU} />
        </Menu>
        <Menu label="Help">
          <Menubar.Item className={MENU_ITEM} onSelect={() => setAboutOpen(true)}>
            <span className="w-4" />
            About XenLab
          </Menubar.Item>
        </Menu>
      </Menubar.Root>
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </>
  );
}
