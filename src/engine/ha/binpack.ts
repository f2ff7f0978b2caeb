// HA failover planning as xapi's binpack.ml describes it (doc/content/toolstack/
// features/HA): protected VMs are items, surviving hosts are bins, and a plan
// places the failed hosts' VMs "biggest-fit-decreasing" — the biggest VM first,
// onto the host with the most free memory left. Pure: no world, no engine.
//
// plan_always_possible(r): every choice of r failed hosts leaves a plan.
// Exhaustive over the C(n, r) choices for small pools; for larger ones xapi's
// cheaper, pessimistic approximation: the r hosts with the most free memory
// fail, each losing as many VMs as the most loaded host holds, every one as
// big as the biggest protected VM.

export interface PlanHost {
  readonly id: string;
  /** Bytes free now (the protected VMs already running there are counted as used). */
  readonly free: number;
}

export interface PlanVm {
  readonly id: string;
  /** Bytes the VM needs to start elsewhere. */
  readonly size: number;
  /** The host it runs on now. */
  readonly host: string;
}

/** Above this many failure choices the cheap approximation is used (as xapi switches algorithm by n and r). */
export const EXHAUSTIVE_LIMIT = 5000;

/** A placement of `vms` on `hosts` (VM id → host id), or undefined when one does not fit. */
export function biggestFitDecreasing(hosts: readonly PlanHost[], vms: readonly PlanVm[]): Map<string, string> | undefined {
  const room = hosts.map((h) => ({ id: h.id, free: h.free }));
  const plan = new Map<string, string>();
  const ordered = [...vms].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
  for (const vm of ordered) {
    let best: { id: string; free: number } | undefined;
    for (const r of room) if (best === undefined || r.free > best.free || (r.free === best.free && r.id < best.id)) best = r;
    if (best === undefined || best.free < vm.size) return undefined;
    best.free -= vm.size;
    plan.set(vm.id, best.id);
  }
  return plan;
}

/** A restart plan for the VMs of `failed` hosts onto the others, or undefined. */
export function specificPlan(hosts: readonly PlanHost[], vms: readonly PlanVm[], failed: ReadonlySet<string>): Map<string, string> | undefined {
  return biggestFitDecreasing(
    hosts.filter((h) => !failed.has(h.id)),
    vms.filter((v) => failed.has(v.host)),
  );
}

function binomial(n: number, r: number): number {
  let c = 1;
  for (let i = 1; i <= r; i++) c = (c * (n - r + i)) / i;
  return Math.round(c);
}

function* combinations<T>(items: readonly T[], r: number, from = 0, chosen: T[] = []): Generator<T[]> {
  if (chosen.length === r) {
    yield chosen;
    return;
  }
  for (let i = from; i <= items.length - (r - chosen.length); i++) {
    chosen.push(items[i] as T);
    yield* combinations(items, r, i + 1, chosen);
    chosen.pop();
  }
}

function approximatePlanExists(hosts: readonly PlanHost[], vms: readonly PlanVm[], r: number): boolean {
  const perHost = new Map<string, number>();
  for (const vm of vms) perHost.set(vm.host, (perHost.get(vm.host) ?? 0) + 1);
  const most = Math.max(0, ...perHost.values());
  const biggest = Math.max(0, ...vms.map((v) => v.size));
  const survivors = [...hosts].sort((a, b) => a.free - b.free).slice(0, hosts.length - r);
  const failed: PlanVm[] = [];
  for (let i = 0; i < most * r; i++) failed.push({ id: `worst-${String(i)}`, size: biggest, host: '' });
  return biggestFitDecreasing(survivors, failed) !== undefined;
}

/** Whether any r simultaneous host failures leave a plan for every protected VM. */
export function planAlwaysPossible(hosts: readonly PlanHost[], vms: readonly PlanVm[], r: number): boolean {
  if (r <= 0) return true;
  if (r >= hosts.length) return vms.length === 0;
  if (binomial(hosts.length, r) > EXHAUSTIVE_LIMIT) return approximatePlanExists(hosts, vms, r);
  const ids = hosts.map((h) => h.id);
  for (const failed of combinations(ids, r)) {
    if (specificPlan(hosts, vms, new Set(failed)) === undefined) return false;
  }
  return true;
}

/** The largest r (0 ≤ r < n) for which a plan always exists: pool.ha_compute_max_host_failures_to_tolerate. */
export function maxFailuresTolerated(hosts: readonly PlanHost[], vms: readonly PlanVm[]): number {
  let r = 0;
  while (r + 1 < hosts.length && planAlwaysPossible(hosts, vms, r + 1)) r++;
  return r;
}
