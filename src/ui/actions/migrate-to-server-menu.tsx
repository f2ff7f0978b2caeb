// Migrate to Server ▸: each host checked for the selected VMs with
// host.migrate_receive, then VM.assert_can_migrate; the VM's own host is
// "Current server" without asking.
import type { CacheReader } from './action-types';
import { HostSubmenu, type HostChoice } from './host-submenu';
import type { MenuKit } from './menu-kit';
import { currentServerCheck, migrateToHost, migrateToServer } from './migrate-to-server';
import { migrateKeys } from './query-keys';
import { useUi } from '../state/ui-store';

/** The management network of a host: where xapi migrates by default. */
function managementNetwork(cache: CacheReader, host: string): string | undefined {
  for (const pif of cache.all('PIF').values()) if (pif.host === host && pif.management) return pif.network;
  return undefined;
}

/** After choosing a host: the first VM's Migration tab, where the live migration shows. */
function showMigration(vm: string): void {
  useUi.getState().selectObjects([vm]);
  useUi.getState().chooseTab('migration');
}

const migrateToChoice: HostChoice = {
  action: migrateToServer,
  icon: 'server',
  emptyReason: 'Select a running VM to migrate.',
  queryKey: migrateKeys.check,
  check: async (lab, vm, host) => {
    const dest = await lab.client.call<Record<string, string>>('host.migrate_receive', host, managementNetwork(lab.cache, host) ?? 'OpaqueRef:NULL', {});
    await lab.client.call('VM.assert_can_migrate', vm, dest, true, {}, {}, {});
  },
  known: currentServerCheck,
  choose: (context, vms, host, checkOf) => migrateToHost(context, vms, host, checkOf, showMigration),
  after: {
    label: 'Migrate VM wizard…',
    reason: (selection) => (selection.length === 1 ? undefined : 'The wizard migrates one VM at a time: select a single VM.'),
    open: (selection) => {
      const [vm] = selection;
      if (vm !== undefined) useUi.getState().openDialog({ kind: 'migrate-vm', ref: vm });
    },
  },
};

export function MigrateToServerMenu({ kit, selection }: { kit: MenuKit; selection: readonly string[] }) {
  return <HostSubmenu kit={kit} selection={selection} choice={migrateToChoice} />;
}
