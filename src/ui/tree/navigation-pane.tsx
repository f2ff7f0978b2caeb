// XenCenter's navigation pane (XenAdmin/Controls/MainWindowControls/
// NavigationPane.cs): the search box, the tree of the current view, and the
// view buttons at the foot. In the Notifications view the pane lists the
// notification pages instead of a tree.
import { useUi } from '../state/ui-store';
import { NotificationsList } from './notifications-list';
import { ObjectTree } from './object-tree';
import { SearchBox } from './search-box';
import { ViewSwitcher } from './view-switcher';

export function NavigationPane() {
  const view = useUi((s) => s.place.view);
  return (
    <nav aria-label="Navigation pane" className="flex w-64 shrink-0 flex-col border-r border-slate-300 bg-white xl:w-72">
      {view === 'notifications' ? (
        <NotificationsList />
      ) : (
        <>
          <SearchBox />
          {/* A tree per view: focus and scroll start afresh when the view changes. */}
          <ObjectTree key={view} view={view} />
        </>
      )}
      <ViewSwitcher />
    </nav>
  );
}
