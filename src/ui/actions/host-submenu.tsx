// A "… Server ▸" submenu (Start on Server, Migrate to Server): the pool's
// hosts, each checked for the selected VMs — one query per VM × host, made
// when the submenu opens (its content mounts then) and again each time it
// reopens. A host that cannot take them is disabled with the reason in plain
// words, as XenCenter writes "xenserver-02 (reason)". Above the hosts,
// "Optimal Server" when Workload Balancing is on (the hosts then listed
// best-rated first with their stars), else "Home Server" (placement-choice.ts).
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
import { homeServerPick, HOME_SERVER, optimalServerPick, OPTIMAL_SERVER, parseRatings, planFirstItem, ratingWords, sortByRating, starGlyphs, type FirstItemPlan } from './placement-choice';
import { wlbPlacementKeys } from './query-keys';
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

/** Workload Balancing is connected and running on the selection's pool (XenCenter's Helpers.WlbEnabled). */
function wlbOn(cache: ObjectCache): boolean {
  for (const pool of cache.all('pool').values()) if (pool.wlb_enabled && pool.wlb_url !== '') return true;
  return false;
}

/** Each selected VM's WLB ratings per host (VM.retrieve_wlb_recommendations), while WLB is on. */
function useRatings(lab: LabConnection, vms: readonly Host[], on: boolean): Map<string, ReadonlyMap<string, number> | undefined> {
  const results = useQueries({
    queries: (on ? vms : []).map((vm) => ({
      queryKey: wlbPlacementKeys.ratings(vm.ref),
      queryFn: async () => parseRatings(await lab.client.call<Record<string, string[]>>('VM.retrieve_wlb_recommendations', vm.ref)),
      staleTime: 0,
      retry: false,
    })),
  });
  const ratings = new Map<string, ReadonlyMap<string, number> | undefined>();
  if (on) vms.forEach((vm, i) => ratings.set(vm.ref, results[i]?.isError === true ? new Map() : results[i]?.data));
  return ratings;
}

function HostItems({ kit, selection, choice }: { kit: MenuKit; selection: readonly string[]; choice: HostChoice }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const hosts = useCacheSelector(hostsForMenu, sameList);
  const wlb = useCacheSelector(wlbOn);
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
  const ratings = useRatings(lab, vms, wlb);
  const checks = new Map<string, BootCheck>();
  pairs.forEach((p, i) => {
    const r = results[i];
    const known = choice.known?.(lab.cache, p.vm, p.host);
    const check: BootCheck = known ?? (r === undefined || r.isPending ? { status: 'pending' } : r.isError ? { status: 'failed', reason: bootFailureReason(r.error) } : { status: 'ok' });
    checks.set(`${p.vm} ${p.host}`, check);
  });
  const checkOf = (vm: string, host: string): BootCheck => checks.get(`${vm} ${host}`) ?? { status: 'pending' };
  const stateOf = (host: string) => hostItemState(vms, (vm) => checkOf(vm, host), choice.emptyReason);
  const enabledOn = (host: string) => {
    const state = stateOf(host);
    return 'ok' in state && state.ok;
  };
  // The star rating shown by each server: the first selected VM's (XenCenter rates for the selection's first VM too).
  const firstRatings = vms[0] === undefined ? undefined : ratings.get(vms[0].ref);
  const menuOrder = hosts.map((h) => h.ref);
  const listed = wlb ? sortByRating(hosts, (h) => firstRatings?.get(h), enabledOn) : hosts;
  const plan = planFirstItem(vms, (vm) => (wlb ? optimalServerPick(ratings.get(vm.ref), vm, menuOrder, checkOf) : homeServerPick(lab.cache, vm, checkOf)));

  return (
    <>
      <FirstItem
        kit={kit}
        label={wlb ? OPTIMAL_SERVER : HOME_SERVER}
        icon={wlb ? 'server-optimal' : 'server-home'}
        plan={plan}
        onChoose={(moves) => {
          for (const [host, group] of moves) {
            const name = hosts.find((h) => h.ref === host)?.name ?? host;
            choice.choose(makeContext(selection), group, { ref: host, name }, (vm) => checkOf(vm, host));
          }
        }}
      />
      {listed.map((host) => {
        const state = stateOf(host.ref);
        const enabled = 'ok' in state && state.ok;
        const stars = wlb && enabled ? firstRatings?.get(host.ref) : undefined;
        const note = 'status' in state ? 'Checking…' : state.ok ? (stars === undefined ? undefined : ratingWords(stars)) : state.reason;
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
              choice.choose(makeContext(selection), vms, host, (vm) => checkOf(vm, host.ref));
            }}
          >
            <span className="mt-0.5 w-4">
              <ActionIcon name="server" dimmed={!enabled} />
            </span>
            <span className="flex min-w-0 flex-col">
              <span>{host.name}</span>
              {stars !== undefined ? (
                <span aria-hidden="true" className="text-xs tracking-wider text-amber-600 [[data-highlighted]_&]:text-inherit">
                  {starGlyphs(stars)}
                </span>
              ) : (
                note !== undefined && <span aria-hidden="true" className="max-w-72 text-xs whitespace-normal text-slate-500 [[data-highlighted]_&]:text-inherit">{note}</span>
              )}
            </span>
          </kit.Item>
        );
      })}
    </>
  );
}

/** "Optimal Server" (WLB on) or "Home Server" (WLB off), above the servers. */
function FirstItem({ kit, label, icon, plan, onChoose }: { kit: MenuKit; label: string; icon: IconName; plan: FirstItemPlan; onChoose: (moves: ReadonlyMap<string, Target[]>) => void }) {
  const enabled = plan.status === 'ok';
  const note = plan.status === 'pending' ? 'Checking…' : plan.status === 'none' ? plan.reason : undefined;
  return (
    <kit.Item
      className={`${MENU_ITEM} items-start`}
      aria-disabled={enabled ? undefined : true}
      aria-description={note}
      onSelect={(event) => {
        if (plan.status !== 'ok') event.preventDefault();
        else onChoose(plan.moves);
      }}
    >
      <span className="mt-0.5 w-4">
        <ActionIcon name={icon} dimmed={!enabled} />
      </span>
      <span className="flex min-w-0 flex-col">
        <span>{label}</span>
        {note !== undefined && <span aria-hidden="true" className="max-w-72 text-xs whitespace-normal text-slate-500 [[data-highlighted]_&]:text-inherit">{note}</span>}
      </span>
    </kit.Item>
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
