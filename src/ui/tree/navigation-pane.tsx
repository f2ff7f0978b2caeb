// XenCenter's navigation pane (XenAdmin/Controls/MainWindowControls/
// NavigationPane.cs): the search box, the tree of the current view, and the
// view buttons at the foot. In the Notifications view the pane lists the
// notification pages instead of a tree.
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useUi } from '../state/ui-store';
import { NotificationsList } from './notifications-list';
import { ObjectTree } from './object-tree';
import { SearchBox } from './search-box';
import { ViewSwitcher } from './view-switcher';

const selectLoaded = (c: ObjectCache) => c.isLoaded;

export function NavigationPane() {
  const view = useUi((s) => s.place.view);
  // Until the first get_all_records has arrived the tree would be a lone root.
  const loaded = useCacheSelector(selectLoaded);
  return (
    <nav aria-label="Navigation pane" className="flex w-64 shrink-0 flex-col border-r border-slate-300 bg-white xl:w-72">
      {view === 'notifications' ? (
        <NotificationsList />
      ) : (
        <>
          <SearchBox />
          {/* A tree per view: focus and scroll start afresh when the view changes. */}
          {loaded ? (
            <ObjectTree key={view} view={view} />
          ) : (
            <p role="status" className="min-h-0 flex-1 px-3 py-2 text-xs text-slate-500">
              Loading the pool…
            </p>
          )}
        </>
      )}
      <ViewSwitcher />
    </nav>
  );
}
