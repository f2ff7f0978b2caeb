// UI state that is not the pool's: where the user is (view, selection, tab),
// what is expanded, which dialog is open, the View menu's switches, and the
// Back/Forward history. Pool objects never live here (they are in the object
// cache). Actions are named for what the user did, not for the field they set.
import { create } from 'zustand';
import type { ConfirmOpId } from '../actions/confirm-ops';
import type { DeviceDialog } from '../dialogs/device-dialog-host';

export type NavView = 'infrastructure' | 'objects' | 'tags' | 'folders' | 'notifications';
export type NotificationsView = 'alerts' | 'events';

/** A place in the console: what Back/Forward move between and the URL hash holds. */
export interface Place {
  readonly view: NavView;
  /** Selected object refs; the last one is the one the tabs show. Empty = the XenLab root. */
  readonly selection: readonly string[];
  /** The tab shown for the focused object (by tab id), when the user picked one. */
  readonly tab: string | undefined;
  readonly notifications: NotificationsView;
}

export type Dialog =
  | { readonly kind: 'properties'; readonly ref: string }
  | { readonly kind: 'confirm-delete'; readonly refs: readonly string[] }
  | { readonly kind: 'reset-lab' }
  /** The New VM wizard, optionally starting from a template and a home server. */
  | { readonly kind: 'new-vm'; readonly template?: string; readonly host?: string }
  | { readonly kind: 'copy-vm'; readonly ref: string }
  | { readonly kind: 'convert-to-template'; readonly ref: string }
  | { readonly kind: 'lab-machines' }
  | { readonly kind: 'installer'; readonly machine: string }
  | { readonly kind: 'add-server'; readonly address?: string }
  | { readonly kind: 'configure-ha'; readonly pool: string }
  | { readonly kind: 'disable-ha'; readonly pool: string }
  | { readonly kind: 'maintenance'; readonly ref: string }
  | { readonly kind: 'new-sr' }
  | { readonly kind: 'host-confirm'; readonly ref: string; readonly op: 'eject' | 'reboot' | 'shutdown' }
  | { readonly kind: 'new-network' }
  | { readonly kind: 'vmss-list' }
  /** From the schedule list (back to it on close), or for VMs chosen in the VM menu. */
  | { readonly kind: 'new-vmss'; readonly vms?: readonly string[]; readonly fromList?: boolean }
  | { readonly kind: 'vmss-properties'; readonly ref: string }
  | { readonly kind: 'new-pool' }
  | { readonly kind: 'wlb-connect' | 'wlb-settings'; readonly pool: string }
  /** Snapshot dialogs (src/ui/snapshots); `revertTo`: Take Snapshot first, then revert to that snapshot. */
  | { readonly kind: 'snapshot'; readonly op: 'take' | 'revert' | 'delete' | 'save-template' | 'export-template'; readonly refs: readonly string[]; readonly revertTo?: string }
  | { readonly kind: 'migrate-vm'; readonly ref: string }
  | { readonly kind: 'confirm-op'; readonly op: ConfirmOpId; readonly ref: string }
  | { readonly kind: 'device'; readonly dialog: DeviceDialog };

/**
 * A group chosen in the tree (a type, a tag, a folder, a view's root):
 * the tabs show a Search of its members, as XenCenter does. Not part of
 * the place: the tree keeps `refs` current while the group stays chosen.
 */
export interface ChosenGroup {
  readonly id: string;
  readonly label: string;
  readonly refs: readonly string[];
}

export interface ViewOptions {
  readonly showDefaultTemplates: boolean;
  readonly showCustomTemplates: boolean;
  readonly showLocalStorage: boolean;
  readonly showHidden: boolean;
}

interface UiState {
  readonly place: Place;
  readonly back: readonly Place[];
  readonly forward: readonly Place[];
  readonly expanded: Readonly<Record<string, boolean>>;
  readonly search: string;
  readonly dialog: Dialog | undefined;
  readonly viewOptions: ViewOptions;
  /** Shown while the selection is empty. */
  readonly group: ChosenGroup | undefined;
}

interface UiActions {
  /** Go somewhere new (pushes the old place on the Back stack). */
  navigate(place: Partial<Place>): void;
  /** Select objects in the tree; `mode` follows Ctrl (toggle) and Shift (range, given as the full list). */
  selectObjects(refs: readonly string[]): void;
  toggleSelected(ref: string): void;
  chooseTab(tab: string): void;
  switchView(view: NavView): void;
  showNotifications(which: NotificationsView): void;
  goBack(): void;
  goForward(): void;
  /** Replace the place without history (the URL hash changed under us). */
  arriveAt(place: Place): void;
  setExpanded(nodeId: string, expanded: boolean): void;
  typeSearch(text: string): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  toggleViewOption(option: keyof ViewOptions): void;
  /** The tree chose a group row (undefined: an object row, or the XenLab root). */
  chooseGroup(group: ChosenGroup | undefined): void;
}

const HISTORY_LIMIT = 100;

export const INITIAL_PLACE: Place = { view: 'infrastructure', selection: [], tab: undefined, notifications: 'alerts' };

function samePlace(a: Place, b: Place): boolean {
  return a.view === b.view && a.tab === b.tab && a.notifications === b.notifications && a.selection.join() === b.selection.join();
}

export const useUi = create<UiState & UiActions>()((set, get) => {
  const go = (next: Place) => {
    const { place, back } = get();
    if (samePlace(place, next)) return;
    set({ place: next, back: [...back, place].slice(-HISTORY_LIMIT), forward: [] });
  };
  return {
    place: INITIAL_PLACE,
    back: [],
    forward: [],
    expanded: {},
    search: '',
    dialog: undefined,
    group: undefined,
    // As XenCenter: templates, local SRs and hidden objects only when switched on in the View menu.
    viewOptions: { showDefaultTemplates: false, showCustomTemplates: false, showLocalStorage: false, showHidden: false },

    navigate: (partial) => go({ ...get().place, ...partial }),
    selectObjects: (refs) => {
      const { place } = get();
      // A new focused object shows its kind's remembered tab, not the last object's.
      const focusChanged = refs[refs.length - 1] !== place.selection[place.selection.length - 1];
      go({ ...place, selection: [...refs], tab: focusChanged ? undefined : place.tab });
    },
    toggleSelected: (ref) => {
      const { selection } = get().place;
      const next = selection.includes(ref) ? selection.filter((r) => r !== ref) : [...selection, ref];
      set((s) => ({ place: { ...s.place, selection: next } }));
    },
    chooseTab: (tab) => set((s) => ({ place: { ...s.place, tab } })),
    switchView: (view) => go({ ...get().place, view }),
    showNotifications: (which) => go({ ...get().place, view: 'notifications', notifications: which }),
    goBack: () => {
      const { back, place, forward } = get();
      const prev = back[back.length - 1];
      if (prev === undefined) return;
      set({ place: prev, back: back.slice(0, -1), forward: [place, ...forward] });
    },
    goForward: () => {
      const { back, place, forward } = get();
      const next = forward[0];
      if (next === undefined) return;
      set({ place: next, back: [...back, place], forward: forward.slice(1) });
    },
    arriveAt: (place) => set({ place }),
    setExpanded: (nodeId, expanded) => set((s) => ({ expanded: { ...s.expanded, [nodeId]: expanded } })),
    typeSearch: (text) => set({ search: text }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: undefined }),
    toggleViewOption: (option) => set((s) => ({ viewOptions: { ...s.viewOptions, [option]: !s.viewOptions[option] } })),
    chooseGroup: (group) => set({ group }),
  };
});
