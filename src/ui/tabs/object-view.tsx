// The right-hand side of the console: the focused object's header and its
// tab pages (Radix Tabs: `tab`s and a `tabpanel`), or a chosen group's Search. The focused object is the
// last of the selection (none = the XenLab root); the tab shown is the one
// in the place (deep link or chosen), else the last chosen for that kind of
// object, else the first.
import * as Tabs from '@radix-ui/react-tabs';
import { useCallback, useDeferredValue, useLayoutEffect } from 'react';
import { useLab } from '../lab/lab-context';
import { useCacheSelector } from '../cache/use-cache';
import type { ObjectCache } from '../cache/object-cache';
import { useUi } from '../state/ui-store';
import { ObjectHeader } from './object-header';
import { focusedObject, sameFocus } from './object-kind';
import { isTabId, resolveTab, TAB_LABELS, tabsFor } from './tab-pages';
import { useTabMemory } from './tab-memory';
import { MachinePanel } from '../lab-hardware/machine-panel';
import { MACHINE_ID_PREFIX } from '../tree/build-infrastructure';
import { GroupView } from './group-view';
import { TabPage } from './tab-page';
import { TAB_LIST, TAB_PANEL, TAB_TRIGGER } from './tab-styles';

const selectLoaded = (c: ObjectCache) => c.isLoaded;

export function ObjectView() {
  const focusedRef = useUi((s) => s.place.selection[s.place.selection.length - 1]);
  // A group row chosen in the tree (nothing selected): its Search page instead.
  const group = useUi((s) => (s.place.selection.length === 0 ? s.group : undefined));
  const requested = useUi((s) => s.place.tab);
  const selectFocus = useCallback((c: ObjectCache) => focusedObject(c, focusedRef), [focusedRef]);
  const focus = useCacheSelector(selectFocus, sameFocus);
  const loaded = useCacheSelector(selectLoaded);
  const remembered = useTabMemory((s) => s.lastTab[focus.kind]);
  const rememberTab = useTabMemory((s) => s.rememberTab);
  const tabs = tabsFor(focus.kind, focus.live, focus.gpus);
  const tab = resolveTab(tabs, requested, remembered);
  // The page itself renders from deferred values: React builds a big page (the
  // pool's Search grid over 1,000 VMs) in slices between frames instead of one
  // long task, while the tab strip and header answer the click at once. Until
  // it is ready the panel keeps the previous page, marked busy.
  const shownTab = useDeferredValue(tab);
  const shownFocus = useDeferredValue(focus);
  const stale = shownTab !== tab || shownFocus !== focus;
  // While the next page is being built, pool events wait (at most a few
  // frames): a change mid-build would make React build it in one long task.
  const { cache } = useLab();
  useLayoutEffect(() => (stale ? cache.hold() : undefined), [stale, cache]);

  const choose = (value: string) => {
    if (!isTabId(value)) return;
    rememberTab(focus.kind, value);
    useUi.getState().chooseTab(value);
  };

  if (!loaded) {
    return (
      <p role="status" className="p-4 text-slate-600">
        Loading the pool…
      </p>
    );
  }

  if (group?.id.startsWith(MACHINE_ID_PREFIX) === true) return <MachinePanel machineId={group.id.slice(MACHINE_ID_PREFIX.length)} />;
  if (group !== undefined) return <GroupView group={group} />;

  return (
    <div className="flex min-h-0 flex-1 flex-col bg-white">
      <ObjectHeader focus={focus} />
      {tab === undefined ? (
        <p className="p-4 text-slate-600">The selected object is no longer in the pool. Select another object in the tree.</p>
      ) : (
        <Tabs.Root value={tab} onValueChange={choose} className="flex min-h-0 flex-1 flex-col">
          <Tabs.List aria-label="Tab pages" className={TAB_LIST}>
            {tabs.map((t) => (
              <Tabs.Trigger
                key={t}
                value={t}
                className={TAB_TRIGGER}
              >
                {TAB_LABELS[t]}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {/* One panel whose value follows the tab (not one per tab): the page
              shown keeps its place in the tree while the next one is built, so
              switching tabs never re-mounts the old page synchronously. */}
          <Tabs.Content
            value={tab}
            aria-busy={stale ? true : undefined}
            className={`${TAB_PANEL} ${stale ? 'opacity-60' : ''}`}
          >
            {shownTab !== undefined ? <TabPage tab={shownTab} focus={shownFocus} /> : null}
          </Tabs.Content>
        </Tabs.Root>
      )}
    </div>
  );
}
