// XenCenter's frame: menu bar and toolbar on top, the navigation pane on the
// left, the selected object's header and tab pages on the right, a status bar
// with the simulation clock at the bottom.
import { useConnectionsPoll } from '../connections/use-connections-poll';
import { MenuBar } from './menu-bar';
import { StatusBar } from './status-bar';
import { Toolbar } from './toolbar';
import { NavigationPane } from '../tree/navigation-pane';
import { ObjectView } from '../tabs/object-view';
import { DialogHost } from '../dialogs/dialog-host';
import { Toasts } from '../notifications/toasts';
import { NotificationsView } from '../notifications/notifications-view';
import { useUi } from '../state/ui-store';
import { useHashSync } from '../state/use-hash-sync';
import { useWarmPoolSearch } from '../tabs/search/warm-search';

export function ConsoleLayout() {
  const view = useUi((s) => s.place.view);
  useConnectionsPoll(); // which pools the console has added, and their members
  useHashSync(); // the URL hash follows the place, and the place the hash
  useWarmPoolSearch(); // the large world's Search grid is built in idle time, not when the tab opens
  return (
    <div className="flex h-screen flex-col bg-slate-100 text-sm text-slate-900">
      <header className="shrink-0 border-b border-slate-300 bg-white">
        {/* The page's title for assistive technology; sighted users see the frame itself. */}
        <h1 className="sr-only">XenLab console</h1>
        <MenuBar />
        <Toolbar />
      </header>
      <div className="flex min-h-0 flex-1">
        <NavigationPane />
        <main className="flex min-w-0 flex-1 flex-col" aria-label="Object view">
          {view === 'notifications' ? <NotificationsView /> : <ObjectView />}
        </main>
      </div>
      <StatusBar />
      <DialogHost />
      <Toasts />
    </div>
  );
}
