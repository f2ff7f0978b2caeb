// What the "… on/to Server ▸" submenus share (Start on Server, Migrate to
// Server — XenCenter's VMOperationHostCommand): each host's check result per
// selected VM, the host item's state from them, the host list, and running
// the chosen host for the VMs that passed while reporting the rest.
import { describeError } from '../../xapi/error-descriptions';
import { isXenApiError } from '../../xapi/errors';
import { OK, no, type CacheReader, type CanRun } from './action-types';
import { combineReasons, type Skipped } from './object-action';
import { reportSkipped } from './report';
import type { Target } from './targets';

export type BootCheck = { readonly status: 'pending' } | { readonly status: 'ok' } | { readonly status: 'failed'; readonly reason: string };

export type HostItemState = { readonly status: 'pending' } | CanRun;

/** The plain-language reason a VM cannot go to a host, from the check's XenAPI error. */
export function bootFailureReason(error: unknown): string {
  if (isXenApiError(error)) {
    // The descriptions end with notes for the Events view ("(numbers are in bytes)") that a menu does not need.
    const text = describeError(error.code);
    return text === undefined ? `The server cannot run this VM (${error.code}).` : text.replace(/\s*\([^)]*\)\.?$/, '.');
  }
  return 'The check could not be made.';
}

/** A host's item: enabled when any selected VM passed there; waiting while checks run. */
export function hostItemState(vms: readonly Target[], checkOf: (vm: string) => BootCheck, emptyReason: string): HostItemState {
  const skipped: Skipped[] = [];
  let pending = false;
  for (const vm of vms) {
    const c = checkOf(vm.ref);
    if (c.status === 'ok') return OK;
    if (c.status === 'pending') pending = true;
    else skipped.push({ target: vm, reason: c.reason });
  }
  if (pending) return { status: 'pending' };
  return no(skipped.length === 0 ? emptyReason : combineReasons(skipped));
}

/** The hosts to list, by name (XenCenter sorts them so). */
export function hostsForMenu(cache: CacheReader): { ref: string; name: string }[] {
  return [...cache.all('host').entries()].map(([ref, h]) => ({ ref, name: h.name_label })).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** The VMs whose check on the host passed; the others are reported under `title` ("Start on xs-02"). */
export function passedOnHost(vms: readonly Target[], checkOf: (vm: string) => BootCheck, title: string): Target[] {
  const skipped: Skipped[] = [];
  const passed: Target[] = [];
  for (const vm of vms) {
    const c = checkOf(vm.ref);
    if (c.status === 'ok') passed.push(vm);
    else skipped.push({ target: vm, reason: c.status === 'failed' ? c.reason : 'The check has not finished yet.' });
  }
  if (skipped.length > 0) reportSkipped(title, skipped, passed.length);
  return passed;
}
