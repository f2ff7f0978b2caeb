// XenCenter's view buttons at the foot of the navigation pane: the current
// view is pressed. (XenCenter groups Tags and Folders under "Organization
// Views"; here they are buttons of their own.)
import { IconGlyph, type IconKind } from '../format/object-icon';
import { useUi, type NavView } from '../state/ui-store';

const VIEWS: readonly { readonly view: NavView; readonly label: string; readonly icon: IconKind }[] = [
  { view: 'infrastructure', label: 'Infrastructure', icon: 'root' },
  { view: 'objects', label: 'Objects', icon: 'objects' },
  { view: 'tags', label: 'Tags', icon: 'tag' },
  { view: 'folders', label: 'Folders', icon: 'folder' },
  { view: 'notifications', label: 'Notifications', icon: 'alerts' },
];

export function ViewSwitcher() {
  const current = useUi((s) => s.place.view);
  const switchView = useUi((s) => s.switchView);
  const showNotifications = useUi((s) => s.showNotifications);
  const notifications = useUi((s) => s.place.notifications);
  return (
    <div role="group" aria-label="Views" className="shrink-0 border-t border-slate-300 bg-slate-50 py-0.5">
      {VIEWS.map(({ view, label, icon }) => {
        const pressed = view === current;
        return (
          <button
            key={view}
            type="button"
            aria-pressed={pressed}
            onClick={() => (view === 'notifications' ? showNotifications(notifications) : switchView(view))}
            className={`flex h-6 w-full items-center gap-2 px-2.5 text-left text-xs focus-visible:outline-1 focus-visible:outline-solid focus-visible:-outline-offset-1 focus-visible:outline-blue-700 ${
              pressed ? 'bg-blue-100 font-semibold text-slate-950' : 'text-slate-700 hover:bg-slate-200'
            }`}
          >
            <IconGlyph kind={icon} />
            {label}
          </button>
        );
      })}
    </div>
  );
}
