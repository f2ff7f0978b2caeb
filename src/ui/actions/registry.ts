// Every action, once, and how each surface lays them out: the VM menu, the
// context menu of a tree row, the keyboard.
import type { Action, CacheReader, CanRun, HistoryState } from './action-types';
import { goBack, goForward } from './nav-actions';
import { deleteVm, hostProperties, poolProperties, properties } from './object-actions';
import { enterMaintenanceMode, exitMaintenanceMode } from './maintenance-actions';
import { makeCoordinator, powerOnHost, rebootHost, removeFromPool, shutDownHost } from './host-pool-actions';
import { migrateToServer } from './migrate-to-server';
import { startOnServer } from './start-on-server';
import { assignVmSnapshotSchedule } from './vmss-actions';
import { deleteSnapshot, newVmFromSnapshot, revertToSnapshot, saveSnapshotAsTemplate, takeSnapshot } from './snapshot-actions';
import { rescanSr, setDefaultSr } from './storage-actions';
import { destroySr, detachSr, forgetSr, repairSr } from './sr-lifecycle-actions';
import { convertToTemplate, copyTemplate, copyVm, newVm, newVmFromTemplate } from './vm-create-actions';
import { forceRebootVm, forceShutDownVm, pauseVm, rebootVm, resumeVm, shutDownVm, startVm, suspendVm, unpauseVm } from './vm-power-actions';

export const ALL_ACTIONS: readonly Action[] = [
  goBack,
  goForward,
  newVm,
  newVmFromTemplate,
  startVm,
  startOnServer,
  migrateToServer,
  shutDownVm,
  forceShutDownVm,
  rebootVm,
  forceRebootVm,
  suspendVm,
  resumeVm,
  pauseVm,
  unpauseVm,
  copyVm,
  copyTemplate,
  takeSnapshot,
  revertToSnapshot,
  newVmFromSnapshot,
  saveSnapshotAsTemplate,
  deleteSnapshot,
  convertToTemplate,
  deleteVm,
  properties,
  poolProperties,
  hostProperties,
  enterMaintenanceMode,
  exitMaintenanceMode,
  rebootHost,
  shutDownHost,
  powerOnHost,
  makeCoordinator,
  removeFromPool,
  assignVmSnapshotSchedule,
  repairSr,
  setDefaultSr,
  rescanSr,
  detachSr,
  forgetSr,
  destroySr,
];

export type MenuEntry = Action | 'separator';

/** The menu bar's VM menu: every VM command, enabled or not (a disabled one shows why). */
export const VM_MENU: readonly MenuEntry[] = [
  newVm,
  'separator',
  startVm,
  startOnServer,
  migrateToServer,
  shutDownVm,
  forceShutDownVm,
  rebootVm,
  forceRebootVm,
  'separator',
  suspendVm,
  resumeVm,
  pauseVm,
  unpauseVm,
  'separator',
  copyVm,
  takeSnapshot,
  convertToTemplate,
  deleteVm,
  'separator',
  assignVmSnapshotSchedule,
  'separator',
  properties,
];

/** The context menu's entries: a template's own commands first, then the VM menu's. */
const CONTEXT_MENU: readonly MenuEntry[] = [newVmFromTemplate, copyTemplate, revertToSnapshot, newVmFromSnapshot, saveSnapshotAsTemplate, deleteSnapshot, 'separator', ...VM_MENU];
/** A server's commands in its context menu. */
export const HOST_MENU: readonly MenuEntry[] = [enterMaintenanceMode, exitMaintenanceMode, 'separator', rebootHost, shutDownHost, powerOnHost, 'separator', makeCoordinator, removeFromPool];
/** An SR's commands (XenCenter's Storage menu, less New SR…), in the Storage menu and the SR's context menu. */
export const SR_MENU: readonly MenuEntry[] = [repairSr, setDefaultSr, rescanSr, 'separator', detachSr, forgetSr, destroySr];

/**
 * In a context menu the secondary commands appear only when they can run
 * (XenCenter builds its context menus from what applies); the main ones stay,
 * disabled with their reason, so the user learns why.
 */
const CONTEXT_ONLY_WHEN_ENABLED: ReadonlySet<string> = new Set([startOnServer.id, migrateToServer.id, exitMaintenanceMode.id, powerOnHost.id, makeCoordinator.id, removeFromPool.id, forceShutDownVm.id, forceRebootVm.id, resumeVm.id, pauseVm.id, unpauseVm.id, copyVm.id, convertToTemplate.id]);

export interface MenuItemModel {
  readonly action: Action;
  readonly state: CanRun;
}

const NO_HISTORY: HistoryState = { canGoBack: false, canGoForward: false };

/** The context menu for a selection: the applicable entries, without doubled or dangling separators. */
export function contextMenuModel(selection: readonly string[], cache: CacheReader): (MenuItemModel | 'separator')[] {
  const out: (MenuItemModel | 'separator')[] = [];
  for (const entry of [...CONTEXT_MENU, 'separator' as const, ...HOST_MENU, 'separator' as const, ...SR_MENU]) {
    if (entry === 'separator') {
      if (out.length > 0 && out[out.length - 1] !== 'separator') out.push('separator');
      continue;
    }
    if (!(entry.inContextMenu ?? entry.appliesTo)(selection, cache)) continue;
    const state = entry.canRun(selection, cache, NO_HISTORY);
    if (!state.ok && CONTEXT_ONLY_WHEN_ENABLED.has(entry.id)) continue;
    out.push({ action: entry, state });
  }
  while (out[out.length - 1] === 'separator') out.pop();
  return out;
}

/** Actions with a shortcut, in the order a key press tries them (Ctrl+Y: Suspend, else Resume). */
export const SHORTCUT_ACTIONS: readonly Action[] = ALL_ACTIONS.filter((a) => a.shortcut !== undefined);
