// The navigation pane in the Notifications view: XenCenter lists its
// notification pages (Alerts, Events) in place of the tree; choosing one shows
// it on the right.
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { IconGlyph, type IconKind } from '../format/object-icon';
import { useUi, type NotificationsView } from '../state/ui-store';

const PAGES: readonly { readonly page: NotificationsView; readonly label: string; readonly icon: IconKind }[] = [
  { page: 'alerts', label: 'Alerts', icon: 'alerts' },
  { page: 'events', label: 'Events', icon: 'events' },
];

const alertCount = (cache: ObjectCache) => cache.all('message').size;

export function NotificationsList() {
  const current = useUi((s) => s.place.notifications);
  const showNotifications = useUi((s) => s.showNotifications);
  const alerts = useCacheSelector(alertCount);
  return (
    <div role="group" aria-label="Notifications" className="min-h-0 flex-1 overflow-auto py-1 text-[13px]">
      {PAGES.map(({ page, label, icon }) => {
        const pressed = page === current;
        const count = page === 'alerts' && alerts > 0 ? alerts : undefined;
        return (
          <button
            key={page}
            type="button"
            aria-pressed={pressed}
            aria-description={count === undefined ? undefined : `${String(count)} ${count === 1 ? 'alert' : 'alerts'}`}
            onClick={() => showNotifications(page)}
            className={`flex h-6 w-full items-center gap-1.5 px-2 text-left focus-visible:outline-1 focus-visible:outline-solid focus-visible:-outline-offset-1 focus-visible:outline-blue-700 ${
              pressed ? 'bg-blue-100 text-slate-950' : 'hover:bg-slate-100'
            }`}
          >
            <IconGlyph kind={icon} />
            <span>{label}</span>
            {count !== undefined && (
              <span aria-hidden="true" className="ml-auto rounded-full bg-slate-200 px-1.5 text-[11px] leading-4 text-slate-700">
                {count}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
