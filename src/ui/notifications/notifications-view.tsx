// What the object area shows in the Notifications view: the page chosen in
// the navigation pane (Alerts or Events), under a header like an object's.
import { useUi } from '../state/ui-store';
import { AlertsView } from './alerts-view';
import { EventsView } from './events-view';

export function NotificationsView() {
  const which = useUi((s) => s.place.notifications);
  return which === 'events' ? <EventsView /> : <AlertsView />;
}
