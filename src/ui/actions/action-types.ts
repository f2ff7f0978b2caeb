// One shape for every command (after excalidraw's action registry): the
// toolbar, the menu bar, the context menu and the keyboard all read the same
// definitions. `canRun` is a pure function of the selection and the object
// cache, so it is unit-tested over plain records; `run` gets everything it
// needs in its context (XenAPI caller, query client, UI commands).
import type { QueryClient } from '@tanstack/react-query';
import type { ClassName } from '../../xapi/datamodel/classes';
import type { RecordOf } from '../../xapi/types';
import type { Dialog } from '../state/ui-store';
import type { Shortcut } from '../keyboard/shortcuts';
import type { IconName } from './icons';

export type CanRun = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export const OK: CanRun = { ok: true };
export function no(reason: string): CanRun {
  return { ok: false, reason };
}

/** What actions read of the object cache (ObjectCache satisfies it; tests pass plain maps). */
export interface CacheReader {
  get<C extends ClassName>(cls: C, ref: string): RecordOf<C> | undefined;
  all<C extends ClassName>(cls: C): ReadonlyMap<string, RecordOf<C>>;
  classOf(ref: string): ClassName | undefined;
}

/** The console's history, for Back and Forward. */
export interface HistoryState {
  readonly canGoBack: boolean;
  readonly canGoForward: boolean;
}

/** The XenAPI calls actions make (XenApiClient satisfies it). */
export interface XenApiCaller {
  call<T = unknown>(method: string, ...args: readonly unknown[]): Promise<T>;
  startAsync(method: string, ...args: readonly unknown[]): Promise<string>;
  waitForTask<T = unknown>(task: string): Promise<T>;
}

/** The UI commands actions use (a subset of useUi's actions). */
export interface UiCommands {
  openDialog(dialog: Dialog): void;
  goBack(): void;
  goForward(): void;
}

export interface ActionContext {
  readonly api: XenApiCaller;
  readonly queryClient: QueryClient;
  readonly cache: CacheReader;
  /** The selected refs the action runs on (the tree's selection, or the context menu's). */
  readonly selection: readonly string[];
  readonly ui: UiCommands;
}

export interface Action {
  readonly id: string;
  /** Menu text, XenCenter's words ("Shut Down", "Delete…"). */
  readonly label: string;
  /** Shorter text on the toolbar, when it differs. */
  readonly toolbarLabel?: string;
  readonly icon?: IconName;
  readonly shortcut?: Shortcut;
  /** What the toolbar tooltip says when the action can run. */
  readonly description?: string;
  /** Whether the action belongs to menus for this selection (by the kinds of objects selected). */
  appliesTo(selection: readonly string[], cache: CacheReader): boolean;
  /** For a console-wide command (New VM…): whether a context menu on this selection lists it (default: appliesTo). */
  inContextMenu?(selection: readonly string[], cache: CacheReader): boolean;
  canRun(selection: readonly string[], cache: CacheReader, history: HistoryState): CanRun;
  run(context: ActionContext): void;
}
