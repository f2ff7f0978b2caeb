// The pool as the HA planner sees it (xapi_ha_vm_failover.ml's configuration):
// live, enabled hosts with their free memory, and the protected VMs running on
// them with the memory each would need to restart. "What if" changes (a VM
// arriving or leaving, a different priority, another failure count) are applied
// to that picture before planning, which is how overcommit protection works.
import type { VMRecord } from '../../xapi/types';
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { hostMemoryFree } from '../host/memory';
import { biggestFitDecreasing, maxFailuresTolerated, planAlwaysPossible, type PlanHost, type PlanVm } from './binpack';

export const RESTART = 'restart';
export const BEST_EFFORT = 'best-effort';

/** A VM HA restarts after a failure (xapi: ha_restart_priority = "restart"). */
export function isProtected(vm: Pick<VMRecord, 'ha_restart_priority' | 'is_a_template' | 'is_a_snapshot' | 'is_control_domain'>): boolean {
  return vm.ha_restart_priority === RESTART && !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain;
}

/** Memory a protected VM needs to restart elsewhere: its static maximum plus overhead (xapi plans at static_max). */
export function restartSize(vm: Pick<VMRecord, 'memory_static_max' | 'memory_overhead'>): number {
  return vm.memory_static_max + vm.memory_overhead;
}

export function hostIsLive(engine: Engine, host: string): boolean {
  const h = engine.world.find('host', host);
  return h !== undefined && engine.world.find('host_metrics', h.metrics)?.live === true;
}

export interface PlanChange {
  /** VMs to treat as protected or not (pool.ha_compute_hypothetical_max_host_failures_to_tolerate). */
  readonly priorities?: ReadonlyMap<string, string>;
  /** A VM about to run on a host (start, resume, migration target). */
  readonly arriving?: { readonly vm: string; readonly host: string };
  /** Hosts to plan without (host.disable, maintenance). */
  readonly hostsToDisable?: readonly string[];
}

export interface PlanInputs {
  readonly hosts: PlanHost[];
  readonly vms: PlanVm[];
  /** Protected VMs of hosts to disable that find no room on the others (xapi: "vms_not_restarted"): no plan at all. */
  readonly unplaced: number;
}

export function planInputs(engine: Engine, change: PlanChange = {}): PlanInputs {
  const disabled = new Set(change.hostsToDisable ?? []);
  const free = new Map<string, number>();
  for (const [ref, host] of engine.world.entries('host')) {
    if (!host.enabled || disabled.has(ref) || !hostIsLive(engine, ref)) continue;
    free.set(ref, hostMemoryFree(engine, ref));
  }
  const vms: PlanVm[] = [];
  // Protected VMs on a host about to be disabled are offline in xapi's plan: placed first on the others.
  const offline: PlanVm[] = [];
  const consider = (ref: string, vm: VMRecord, host: string) => {
    const priority = change.priorities?.get(ref) ?? vm.ha_restart_priority;
    if (!isProtected({ ...vm, ha_restart_priority: priority })) return;
    if (free.has(host)) vms.push({ id: ref, size: restartSize(vm), host });
    else if (disabled.has(host)) offline.push({ id: ref, size: restartSize(vm), host: '' });
  };
  for (const [ref, vm] of engine.world.entries('VM')) {
    if (vm.resident_on === NULL_REF || (vm.power_state !== 'Running' && vm.power_state !== 'Paused')) continue;
    consider(ref, vm, vm.resident_on);
  }
  const arriving = change.arriving;
  if (arriving !== undefined && free.has(arriving.host)) {
    const vm = engine.world.get('VM', arriving.vm);
    if (vm.resident_on !== arriving.host) {
      free.set(arriving.host, (free.get(arriving.host) ?? 0) - restartSize(vm));
      const leaving = vms.findIndex((v) => v.id === arriving.vm);
      if (leaving >= 0) vms.splice(leaving, 1);
      if (vm.resident_on !== NULL_REF && free.has(vm.resident_on)) free.set(vm.resident_on, (free.get(vm.resident_on) ?? 0) + restartSize(vm));
      consider(arriving.vm, vm, arriving.host);
    }
  }
  let unplaced = 0;
  if (offline.length > 0) {
    const placed = biggestFitDecreasing([...free].map(([id, f]) => ({ id, free: f })), offline);
    if (placed === undefined) unplaced = offline.length;
    for (const vm of placed === undefined ? [] : offline) {
      const host = placed?.get(vm.id) ?? '';
      free.set(host, (free.get(host) ?? 0) - vm.size);
      vms.push({ ...vm, host });
    }
  }
  return { hosts: [...free].map(([id, f]) => ({ id, free: f })), vms, unplaced };
}

/** pool.ha_compute_max_host_failures_to_tolerate, with an optional change applied. */
export function computeMaxFailures(engine: Engine, change: PlanChange = {}): number {
  const { hosts, vms, unplaced } = planInputs(engine, change);
  return unplaced > 0 ? 0 : maxFailuresTolerated(hosts, vms);
}

export function planExists(engine: Engine, failures: number, change: PlanChange = {}): boolean {
  const { hosts, vms, unplaced } = planInputs(engine, change);
  return unplaced === 0 && planAlwaysPossible(hosts, vms, failures);
}

/**
 * host.disable with HA on (xapi's assert_host_disable_preserves_ha_plan):
 * refused when a plan exists now for the failures the pool plans for, and
 * would not with the host out of it (its protected VMs placed elsewhere first).
 */
export function assertHostDisablePreservesPlan(engine: Engine, host: string): void {
  const [pool] = engine.world.entries('pool');
  if (pool === undefined || !pool[1].ha_enabled || pool[1].ha_allow_overcommit) return;
  const n = Math.min(pool[1].ha_host_failures_to_tolerate, pool[1].ha_plan_exists_for);
  if (!planExists(engine, n)) return; // no plan now: the change cannot make it worse
  if (!planExists(engine, n, { hostsToDisable: [host] })) throw xenError('HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN');
}

/**
 * Overcommit protection: refuse a change that would leave no plan for the
 * configured number of failures (unless the pool allows overcommitting).
 */
export function assertPlanHolds(engine: Engine, change: PlanChange): void {
  const [pool] = engine.world.entries('pool');
  if (pool === undefined || !pool[1].ha_enabled || pool[1].ha_allow_overcommit) return;
  const ntol = pool[1].ha_host_failures_to_tolerate;
  if (ntol <= 0) return;
  if (!planExists(engine, ntol, change)) throw xenError('HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN');
}
