// What the object area shows in the Notifications view: Alerts (the pool's
// messages) or Events (the console's tasks), switched by tabs here as well as
// from the navigation pane; the choice is part of the place (Back/Forward).
import * as Tabs from '@radix-ui/react-tabs';
import { useUi, type NotificationsView as Which } from '../state/ui-store';
import { AlertsView } from './alerts-view';
import { EventsView } from './events-view';

const TAB =
  'border border-b-0 border-transparent px-3 py-1 text-xs text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 data-[state=active]:border-slate-300 data-[state=active]:bg-white data-[state=active]:font-medium data-[state=active]:text-slate-950';

export function NotificationsView() {
  const which = useUi((s) => s.place.notifications);
  const show = useUi((s) => s.showNotifications);
  return (
    <Tabs.Root value={which} onValueChange={(v) => show(v as Which)} className="flex min-h-0 flex-1 flex-col">
      <div className="flex shrink-0 items-end gap-3 border-b border-slate-300 bg-slate-50 px-3 pt-2">
        <h1 className="pb-1.5 text-base font-semibold">Notifications</h1>
        <Tabs.List aria-label="Notifications" className="-mb-px flex">
          <Tabs.Trigger value="alerts" className={TAB}>
            Alerts
          </Tabs.Trigger>
          <Tabs.Trigger value="events" className={TAB}>
            Events
          </Tabs.Trigger>
        </Tabs.List>
      </div>
      <Tabs.Content value="alerts" className="flex min-h-0 flex-1 flex-col focus-visible:outline-none">
        <AlertsView />
      </Tabs.Content>
      <Tabs.Content value="events" className="flex min-h-0 flex-1 flex-col focus-visible:outline-none">
        <EventsView />
      </Tabs.Content>
    </Tabs.Root>
  );
}
