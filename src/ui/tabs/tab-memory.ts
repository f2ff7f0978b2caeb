// What the tab pages remember between objects, as XenCenter does: the last
// tab chosen for each kind of object, and which General sections are folded.
import { create } from 'zustand';
import type { ObjectKind } from './object-kind';
import type { TabId } from './tab-pages';

interface TabMemory {
  readonly lastTab: Readonly<Partial<Record<ObjectKind, TabId>>>;
  readonly collapsed: Readonly<Record<string, boolean>>;
  rememberTab(kind: ObjectKind, tab: TabId): void;
  toggleSection(key: string): void;
}

export const useTabMemory = create<TabMemory>()((set) => ({
  lastTab: {},
  collapsed: {},
  rememberTab: (kind, tab) => set((s) => (s.lastTab[kind] === tab ? s : { lastTab: { ...s.lastTab, [kind]: tab } })),
  toggleSection: (key) => set((s) => ({ collapsed: { ...s.collapsed, [key]: s.collapsed[key] !== true } })),
}));
