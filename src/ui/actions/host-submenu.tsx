// A "… Server ▸" submenu (Start on Server, Migrate to Server): the pool's
// hosts, each checked for the selected VMs — one query per VM × host, made
// when the submenu opens (its content mounts then) and again each time it
// reopens. A host that cannot take them is disabled with the reason in plain
// words, as XenCenter writes "xenserver-02 (reason)".
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import type { LabConnection } from '../lab/lab-connection';
import { useLab } from '../lab/lab-context';
import type { ActionContext, CacheReader } from './action-types';
import { bootFailureReason, hostItemState, hostsForMenu, type BootCheck } from './host-choice';
import { ActionIcon, type IconName } from './icons';
import { MENU_ITEM, MENU_PANEL, MENU_SEPARATOR, type MenuKit } from './menu-kit';
import type { ObjectAction } from './object-action';
import type { Target } from './targets';
import { useMakeActionContext } from './use-actions';

type Host = { readonly ref: string; readonly name: string };

/** What differs between the host submenus. */
export interface HostChoice {
  readonly action: ObjectAction;
  readonly icon: IconName;
  /** The reason shown when no selected VM qualifies. */
  readonly emptyReason: string;
  queryKey(vm: string, host: string): readonly unknown[];
  /** Resolves when `vm` can go to `host`; rejects with the XenAPI error otherwise. */
  check(lab: LabConnection, vm: string, host: string): Promise<unknown>;
  /** A result known without asking the pool (Migrate: the VM's own server). */
  known?(cache: CacheReader, vm: string, host: string): BootCheck | undefined;
  choose(context: ActionContext, vms: readonly Target[], host: Host, checkOf: (vm: string) => BootCheck): void;
  /** An item after the hosts, below a separator (Migrate: "Migrate VM wizard…"). */
  readonly after?: { readonly label: string; reason(selection: readonly string[]): string | undefined; open(selection: readonly string[]): void };
}

function sameList(a: readonly Host[], b: readonly Host[]): boolean {
  return a.length === b.length && a.every((h, i) => h.ref === b[i]?.ref && h.name === b[i]?.name);
}

function HostItems({ kit, selection, choice }: { kit: MenuKit; selection: readonly string[]; choice: HostChoice }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const hosts = useCacheSelector(hostsForMenu, sameList);
  const { action } = choice;
  const selectVms = useCallback((cache: ObjectCache) => action.partition(selection, cache).runnable, [action, selection]);
  const vms = useCacheSelector(selectVms, sameList);
  const pairs = useMemo(() => hosts.flatMap((h) => vms.map((vm) => ({ host: h.ref, vm: vm.ref }))), [hosts, vms]);
  const results = useQueries({
    queries: pairs.map((p) => ({
      queryKey: choice.queryKey(p.vm, p.host),
      queryFn: async () => {
        await choice.check(lab, p.vm, p.host);
        return true;
      },
      staleTime: 0,
      retry: false,
    })),
  });
  const checks = new Map<string, BootCheck>();
  pairs.forEach((p, i) => {
    const r = results[i];
    const known = choice.known?.(lab.cache, p.vm, p.host);
    const check: BootCheck = known ?? (r === undefined || r.isPending ? { status: 'pending' } : r.isError ? { status: 'failed', reason: bootFailureReason(r.error) } : { status: 'ok' });
    checks.set(`${p.vm} ${p.host}`, check);
  });

  return (
    <>
      {hosts.map((host) => {
        const checkOf = (vm: string): BootCheck => checks.get(`${vm} ${host.ref}`) ?? { status: 'pending' };
        const state = hostItemState(vms, checkOf, choice.emptyReason);
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
              choice.choose(makeContext(selection), vms, host, checkOf);
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

function AfterItem({ kit, selection, after }: { kit: MenuKit; selection: readonly string[]; after: NonNullable<HostChoice['after']> }) {
  const reason = after.reason(selection);
  return (
    <>
      <kit.Separator className={MENU_SEPARATOR} />
      <kit.Item
        className={MENU_ITEM}
        aria-disabled={reason === undefined ? undefined : true}
        aria-description={reason}
        title={reason}
        onSelect={(event) => {
          if (reason !== undefined) event.preventDefault();
          else after.open(selection);
        }}
      >
        <span className="w-4" />
        <span>{after.label}</span>
      </kit.Item>
    </>
  );
}

export function HostSubmenu({ kit, selection, choice }: { kit: MenuKit; selection: readonly string[]; choice: HostChoice }) {
  return (
    <kit.Sub>
      <kit.SubTrigger className={MENU_ITEM}>
        <span className="w-4">
          <ActionIcon name={choice.icon} />
        </span>
        <span>{choice.action.label}</span>
        <span aria-hidden="true" className="ml-auto pl-4">
          ▸
        </span>
      </kit.SubTrigger>
      <kit.Portal>
        <kit.SubContent className={MENU_PANEL} sideOffset={2} alignOffset={-4} aria-label={choice.action.label}>
          <HostItems kit={kit} selection={selection} choice={choice} />
          {choice.after !== undefined && <AfterItem kit={kit} selection={selection} after={choice.after} />}
        </kit.SubContent>
      </kit.Portal>
    </kit.Sub>
  );
}
