// Start on Server ▸: each host checked with VM.assert_can_boot_here.
import type { MenuKit } from './menu-kit';
import { HostSubmenu, type HostChoice } from './host-submenu';
import { bootCheckKeys } from './query-keys';
import { startOnHost, startOnServer } from './start-on-server';

const startOnChoice: HostChoice = {
  action: startOnServer,
  icon: 'start',
  emptyReason: 'Select a VM to start.',
  queryKey: bootCheckKeys.check,
  check: (lab, vm, host) => lab.client.call('VM.assert_can_boot_here', vm, host),
  choose: startOnHost,
};

export function StartOnServerMenu({ kit, selection }: { kit: MenuKit; selection: readonly string[] }) {
  return <HostSubmenu kit={kit} selection={selection} choice={startOnChoice} />;
}
