// The first item of the "… Server ▸" submenus, as XenCenter draws it
// (VMOperationToolStripMenuItem): with Workload Balancing on, "Optimal Server"
// — each VM to the server WLB rates best among those that passed the check
// (VM.retrieve_wlb_recommendations answers { host: ["WLB", stars] } or
// { host: [error code, …] } per host); with WLB off, "Home Server" — each VM
// to its home server (VM.affinity). With WLB on the servers are also listed
// best-rated first, each with its star rating.
import type { CacheReader } from './action-types';
import type { BootCheck } from './host-choice';
import { combineReasons, type Skipped } from './object-action';
import type { Target } from './targets';

export const OPTIMAL_SERVER = 'Optimal Server';
export const HOME_SERVER = 'Home Server';

/** WLB's rating (0–5 stars) of each host it would place the VM on; hosts it refuses are left out. */
export function parseRatings(answer: Readonly<Record<string, readonly string[]>>): Map<string, number> {
  const ratings = new Map<string, number>();
  for (const [host, entry] of Object.entries(answer)) {
    const stars = Number(entry[1]);
    if (entry[0] === 'WLB' && Number.isFinite(stars)) ratings.set(host, stars);
  }
  return ratings;
}

/** The best-rated host the VM may go to (ties: the first in menu order). */
export function bestRated(ratings: ReadonlyMap<string, number>, allowed: (host: string) => boolean, menuOrder: readonly string[]): string | undefined {
  let best: { host: string; stars: number } | undefined;
  for (const host of menuOrder) {
    const stars = ratings.get(host);
    if (stars === undefined || !allowed(host)) continue;
    if (best === undefined || stars > best.stars) best = { host, stars };
  }
  return best?.host;
}

/** Five stars drawn as text, rounded to whole stars ("★★★★☆"). */
export function starGlyphs(stars: number): string {
  const full = Math.max(0, Math.min(5, Math.round(stars)));
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}

export function ratingWords(stars: number): string {
  return `WLB rating ${stars.toFixed(1)} of 5 stars`;
}

/** Hosts in XenCenter's WLB order: those that can take the VMs by rating (best first), then the rest as listed. */
export function sortByRating<H extends { ref: string }>(hosts: readonly H[], ratingOf: (host: string) => number | undefined, enabled: (host: string) => boolean): H[] {
  const rank = (h: H) => (enabled(h.ref) ? (ratingOf(h.ref) ?? 0) : -1);
  return hosts.map((h, i) => ({ h, i })).sort((a, b) => rank(b.h) - rank(a.h) || a.i - b.i).map((x) => x.h);
}

export type FirstItemPlan =
  | { readonly status: 'pending' }
  | { readonly status: 'ok'; readonly moves: ReadonlyMap<string, Target[]> }
  | { readonly status: 'none'; readonly reason: string };

/**
 * Where "Optimal Server" / "Home Server" sends each VM: `pick` names the host
 * (or why there is none, or undefined while unknown); VMs with no host are
 * reported in the reason when none has one.
 */
export function planFirstItem(vms: readonly Target[], pick: (vm: Target) => { host: string } | { reason: string } | undefined): FirstItemPlan {
  const moves = new Map<string, Target[]>();
  const skipped: Skipped[] = [];
  let pending = false;
  for (const vm of vms) {
    const choice = pick(vm);
    if (choice === undefined) pending = true;
    else if ('host' in choice) moves.set(choice.host, [...(moves.get(choice.host) ?? []), vm]);
    else skipped.push({ target: vm, reason: choice.reason });
  }
  if (pending) return { status: 'pending' };
  if (moves.size > 0) return { status: 'ok', moves };
  return { status: 'none', reason: skipped.length === 0 ? 'Select a VM.' : combineReasons(skipped) };
}

/** "Home Server": the VM's affinity, if it passed the check there. */
export function homeServerPick(cache: CacheReader, vm: Target, checkOf: (vm: string, host: string) => BootCheck): { host: string } | { reason: string } | undefined {
  const home = cache.get('VM', vm.ref)?.affinity;
  if (home === undefined || cache.get('host', home) === undefined) return { reason: 'This VM has no home server.' };
  const check = checkOf(vm.ref, home);
  if (check.status === 'pending') return undefined;
  return check.status === 'ok' ? { host: home } : { reason: check.reason };
}

/** "Optimal Server": WLB's best-rated host among those that passed the check; undefined while anything is unknown. */
export function optimalServerPick(
  ratings: ReadonlyMap<string, number> | undefined,
  vm: Target,
  menuOrder: readonly string[],
  checkOf: (vm: string, host: string) => BootCheck,
): { host: string } | { reason: string } | undefined {
  if (ratings === undefined) return undefined;
  if (menuOrder.some((h) => ratings.has(h) && checkOf(vm.ref, h).status === 'pending')) return undefined;
  const host = bestRated(ratings, (h) => checkOf(vm.ref, h).status === 'ok', menuOrder);
  return host === undefined ? { reason: 'Workload Balancing recommends no server for this VM.' } : { host };
}
