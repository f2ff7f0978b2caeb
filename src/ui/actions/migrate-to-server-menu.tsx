// Migrate to Server ▸: the pool's hosts, each checked for the selected VMs
// when the submenu opens (host.migrate_receive, then VM.assert_can_migrate).
// A host that cannot take them is disabled with the reason in plain words.
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { useUi } from '../state/ui-store';
import { ActionIcon } from './icons';
import { MENU_ITEM, MENU_PANEL, type MenuKit } from './menu-kit';
import { currentServerCheck, migrateToHost, migrateToServer } from './migrate-to-server';
import { migrateKeys } from './query-keys';
import { bootFailureReason, hostItemState, hostsForMenu, type BootCheck } from './start-on-server';
import type { Target } from './targets';
import { useMakeActionContext } from './use-actions';

type Host = { ref: string; name: string };

function sameHosts(a: readonly Host[], b: readonly Host[]): boolean {
  return a.length === b.length && a.every((h, i) => h.ref === b[i]?.ref && h.name === b[i]?.name);
}

function sameTargets(a: readonly Target[], b: readonly Target[]): boolean {
  return a.length === b.length && a.every((t, i) => t.ref === b[i]?.ref && t.name === b[i]?.name);
}

/** The management network of a host: where xapi migrates by default. */
function managementNetwork(cache: ObjectCache, host: string): string | undefined {
  for (const pif of cache.all('PIF').values()) if (pif.host === host && pif.management) return pif.network;
  return undefined;
}

function HostItems({ kit, selection }: { kit: MenuKit; selection: readonly string[] }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const hosts = useCacheSelector(hostsForMenu, sameHosts);
  const selectVms = useCallback((cache: ObjectCache) => migrateToServer.partition(selection, cache).runnable, [selection]);
  const vms = useCacheSelector(selectVms, sameTargets);
  const pairs = useMemo(() => hosts.flatMap((h) => vms.map((vm) => ({ host: h.ref, vm: vm.ref }))), [hosts, vms]);
  const results = useQueries({
    queries: pairs.map((p) => ({
      queryKey: migrateKeys.check(p.vm, p.host),
      queryFn: async () => {
        const dest = await lab.client.call<Record<string, string>>('host.migrate_receive', p.host, managementNetwork(lab.cache, p.host) ?? 'OpaqueRef:NULL', {});
        await lab.client.call('VM.assert_can_migrate', p.vm, dest, true, {}, {}, {});
        return true;
      },
      staleTime: 0,
      retry: false,
    })),
  });
  const checks = new Map<string, BootCheck>();
  pairs.forEach((p, i) => {
    const r = results[i];
    const current = currentServerCheck(lab.cache, p.vm, p.host);
    const check: BootCheck = current ?? (r === undefined || r.isPending ? { status: 'pending' } : r.isError ? { status: 'failed', reason: bootFailureReason(r.error) } : { status: 'ok' });
    checks.set(`${p.vm} ${p.host}`, check);
  });
  const show = (vm: string) => {
    useUi.getState().selectObjects([vm]);
    useUi.getState().chooseTab('migration');
  };

  return (
    <>
      {hosts.map((host) => {
        const checkOf = (vm: string): BootCheck => checks.get(`${vm} ${host.ref}`) ?? { status: 'pending' };
        const state = hostItemState(vms, checkOf);
        const enabled = 'ok' in state && state.ok;
        const note = 'status' in state ? 'Checking…' : state.ok ? undefined : state.reason;
        return (
          <kit.Item
            key={host.ref}
            className={`${MENU_ITEM} items-start`}
            aria-disabled={enabled ? undefined : true}
            aria-description={note}
            onSelect={(event) => {
              if (!enabled) {
                event.preventDefault();
                return;
              }
              migrateToHost(makeContext(selection), vms, host, checkOf, show);
            }}
          >
            <span className="mt-0.5 w-4">
              <ActionIcon name="server" dimmed={!enabled} />
            </span>
            <span className="flex min-w-0 flex-col">
              <span>{host.name}</span>
              {note !== undefined && <span aria-hidden="true" className="max-w-72 text-xs whitespace-normal text-slate-500 [[data-highlighted]_&]:text-inherit">{note}</span>}
            </span>
          </kit.Item>
        );
      })}
    </>
  );
}

export function MigrateToServerMenu({ kit, selection }: { kit: MenuKit; selection: readonly string[] }) {
  return (
    <kit.Sub>
      <kit.SubTrigger className={MENU_ITEM}>
        <span className="w-4">
          <ActionIcon name="server" />
        </span>
        <span>{migrateToServer.label}</span>
        <span aria-hidden="true" className="ml-auto pl-4">
          ▸
        </span>
      </kit.SubTrigger>
      <kit.Portal>
        <kit.SubContent className={MENU_PANEL} sideOffset={2} alignOffset={-4} aria-label="Migrate to Server">
          <HostItems kit={kit} selection={selection} />
        </kit.SubContent>
      </kit.Portal>
    </kit.Sub>
  );
}
