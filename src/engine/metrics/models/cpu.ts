// Sharing a host's physical CPUs among the vCPUs of its domains, as Xen's
// credit scheduler (sched_policy "credit") does in the long run:
//  - credit is earned in proportion to weight (VCPUs_params:weight, default
//    256, 1..65535) times the domain's number of vCPUs that want to run:
//    Xen's credit1 accounting sums weight × active vCPUs (xen
//    common/sched/credit.c, csched_acct; "credit1: make weight per-vcpu",
//    G. Dunlap 2010, a change XenServer had carried since 2008), so each
//    busy vCPU carries its domain's weight. A vCPU that wants less than its
//    fair share keeps what it wants and the rest is shared among the
//    others: weighted max-min fairness ("water-filling"). "A domain with a
//    weight of 512 will get twice as much CPU as a domain with a weight of
//    256 on a contended host" (Xen wiki, Credit Scheduler);
//  - a cap (VCPUs_params:cap, % of one physical CPU for the whole domain,
//    0 = none; Xen wiki: "50 is half a CPU, 400 is 4 CPUs") limits a
//    domain even when CPUs are idle;
//  - a vCPU runs on one physical CPU at a time (at most 1.0);
//  - hard affinity (VCPUs_params:mask, "1,2,3" for every vCPU or
//    "0,1; 2,3" per vCPU, xapi_xenops.ml) confines vCPUs to some pCPUs: the
//    pinned vCPUs of a set of pCPUs share that set, together with the part
//    of the unpinned load that does not fit on the other pCPUs.
// What a vCPU wanted and did not get is time spent runnable but not running:
// steal (lost time), which xcp-rrdd reports as runnable_vcpus.
// Defaults and formats from xapi (ocaml/xapi/xapi_xenops.ml: weight 256,
// cap 0, mask). A fluid approximation of the long-run shares, not a
// simulation of 30 ms time slices.

export const DEFAULT_WEIGHT = 256;

export interface DomainCpu {
  /** CPU each vCPU wants (host CPU, 0..1). */
  readonly demand: ArrayLike<number>;
  readonly weight: number;
  /** % of one pCPU for the whole domain; 0 = uncapped. */
  readonly cap: number;
  /** Per-vCPU hard affinity (pCPU numbers), or undefined for all pCPUs. */
  readonly masks?: readonly (readonly number[] | undefined)[] | undefined;
  /** Where to write what each vCPU got (allocated when absent). */
  readonly delivered?: Float64Array;
}

export interface CpuShare {
  /** CPU each vCPU got, per domain, in the order given. */
  readonly delivered: readonly Float64Array[];
  /** Busy fraction of each pCPU (before any display jitter), averaging to the total / pCPUs. */
  readonly pcpu: Float64Array;
  /** Σ delivered. */
  readonly total: number;
}

interface Entity {
  demand: number;
  weight: number;
  got: number;
}

/**
 * Weighted max-min fair share of `capacity` among entities: in order of
 * demand per weight, each takes its demand if it is under its fair share of
 * what is left, else all remaining entities split the rest by weight.
 * Returns what was used. `got` is written on each entity.
 */
export function waterFill(entities: Entity[], capacity: number): number {
  let remaining = Math.max(0, capacity);
  let weight = 0;
  for (const e of entities) {
    e.got = 0;
    if (e.demand > 0 && e.weight > 0) weight += e.weight;
  }
  const active = entities.filter((e) => e.demand > 0 && e.weight > 0);
  active.sort((a, b) => a.demand / a.weight - b.demand / b.weight);
  let used = 0;
  for (let i = 0; i < active.length; i++) {
    const e = active[i] as Entity;
    const fair = (remaining * e.weight) / weight;
    if (e.demand <= fair) {
      e.got = e.demand;
      remaining -= e.demand;
      weight -= e.weight;
      used += e.demand;
      continue;
    }
    for (let j = i; j < active.length; j++) {
      const r = active[j] as Entity;
      r.got = (remaining * r.weight) / weight;
      used += r.got;
    }
    break;
  }
  return used;
}

/** Parse VCPUs_params as xapi does: bad or missing values fall back to the defaults. */
export function parseVcpuParams(params: Readonly<Record<string, string>>, vcpus: number, pcpus: number): { weight: number; cap: number; masks: (number[] | undefined)[] | undefined } {
  const w = Number.parseInt(params['weight'] ?? '', 10);
  const c = Number.parseInt(params['cap'] ?? '', 10);
  const weight = Number.isFinite(w) && w >= 1 ? Math.min(65535, w) : DEFAULT_WEIGHT;
  const cap = Number.isFinite(c) && c > 0 ? c : 0;
  const text = params['mask'];
  let masks: (number[] | undefined)[] | undefined;
  if (text !== undefined && text.trim() !== '') {
    const lists = text.split(';').map((part) =>
      part
        .split(',')
        .map((x) => Number.parseInt(x.trim(), 10))
        .filter((n) => Number.isInteger(n) && n >= 0 && n < pcpus),
    );
    // "Unlisted vCPUs receive the first mask" (xapi_xenops.ml).
    const first = lists[0];
    if (first !== undefined && first.length > 0) {
      masks = Array.from({ length: vcpus }, (_, i) => {
        const m = lists[i] !== undefined && (lists[i] as number[]).length > 0 ? (lists[i] as number[]) : first;
        return m.length >= pcpus ? undefined : [...new Set(m)].sort((a, b) => a - b);
      });
      if (masks.every((m) => m === undefined)) masks = undefined;
    }
  }
  return { weight, cap, masks };
}

/** Union-find over pCPU numbers: pCPUs in one mask end up in one group. */
function groupsOf(pcpus: number, masks: readonly (readonly number[])[]): Int32Array {
  const parent = new Int32Array(pcpus).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const p = parent[x] as number;
      parent[x] = parent[p] as number;
      x = p;
    }
    return x;
  };
  for (const m of masks) {
    const [head] = m;
    if (head === undefined) continue;
    for (const x of m) parent[find(x)] = find(head);
  }
  for (let i = 0; i < pcpus; i++) parent[i] = find(i);
  return parent;
}

/**
 * Share `pcpus` physical CPUs among `domains` (dom0 included, as one of them).
 */
export function shareCpus(pcpus: number, domains: readonly DomainCpu[], pcpuOut?: Float64Array): CpuShare {
  const delivered = domains.map((d) => (d.delivered !== undefined && d.delivered.length >= d.demand.length ? d.delivered : new Float64Array(d.demand.length)));
  const pcpu = pcpuOut !== undefined && pcpuOut.length >= pcpus ? pcpuOut : new Float64Array(Math.max(0, pcpus));
  for (const out of delivered) out.fill(0);
  pcpu.fill(0);
  if (pcpus <= 0) return { delivered, pcpu, total: 0 };

  // Fast path (most hosts, most of the time): nobody pinned and enough CPU
  // for everyone's (capped) demand: everyone gets what they ask.
  let pinnedAny = false;
  let wanted = 0;
  for (let di = 0; di < domains.length; di++) {
    const d = domains[di] as DomainCpu;
    if (d.masks !== undefined && d.masks.some((m) => m !== undefined && m.length < pcpus)) pinnedAny = true;
    let want = 0;
    for (let v = 0; v < d.demand.length; v++) want += Math.min(1, Math.max(0, d.demand[v] ?? 0));
    const capScale = d.cap > 0 && want > d.cap / 100 ? d.cap / 100 / want : 1;
    const out = delivered[di] as Float64Array;
    for (let v = 0; v < d.demand.length; v++) out[v] = Math.min(1, Math.max(0, d.demand[v] ?? 0)) * capScale;
    wanted += want * capScale;
  }
  if (!pinnedAny && wanted <= pcpus) {
    pcpu.fill(wanted / pcpus, 0, pcpus);
    return { delivered, pcpu, total: wanted };
  }

  // Entities: one per vCPU, its demand capped (as computed above), carrying its domain's weight.
  const unpinned: Entity[] = [];
  const pinned: { e: Entity; mask: readonly number[] }[] = [];
  const slots: { e: Entity; domain: number; vcpu: number }[] = [];
  domains.forEach((d, di) => {
    const capped = delivered[di] as Float64Array;
    for (let v = 0; v < d.demand.length; v++) {
      // Each busy vCPU carries the domain's weight (credit1 sums weight × active vCPUs).
      const e: Entity = { demand: capped[v] ?? 0, weight: d.weight, got: 0 };
      const mask = d.masks?.[v];
      if (mask !== undefined && mask.length > 0 && mask.length < pcpus) pinned.push({ e, mask });
      else unpinned.push(e);
      slots.push({ e, domain: di, vcpu: v });
    }
  });

  let unpinnedDemand = 0;
  let unpinnedWeight = 0;
  for (const e of unpinned) {
    if (e.demand <= 0) continue;
    unpinnedDemand += e.demand;
    unpinnedWeight += e.weight;
  }

  // Pinned groups: each shares its pCPUs with the unpinned load that cannot
  // fit on the free pCPUs (Xen's balancer moves unpinned vCPUs to idle pCPUs first).
  const inGroup = new Uint8Array(pcpus);
  let pinnedUsed = 0;
  let groupCpus = 0;
  if (pinned.length > 0) {
    const group = groupsOf(pcpus, pinned.map((p) => p.mask));
    const members = new Map<number, Entity[]>();
    for (const p of pinned) {
      const g = group[p.mask[0] as number] as number;
      let list = members.get(g);
      if (list === undefined) members.set(g, (list = []));
      list.push(p.e);
    }
    const size = new Map<number, number>();
    for (let i = 0; i < pcpus; i++) {
      const g = group[i] as number;
      if (members.has(g)) {
        size.set(g, (size.get(g) ?? 0) + 1);
        inGroup[i] = 1;
        groupCpus++;
      }
    }
    const overflow = Math.max(0, unpinnedDemand - (pcpus - groupCpus));
    const load = new Map<number, number>();
    for (const [g, list] of members) {
      const n = size.get(g) ?? 1;
      const others: Entity = { demand: (overflow * n) / groupCpus, weight: (unpinnedWeight * n) / pcpus, got: 0 };
      const mine = waterFill([...list, others], n) - others.got;
      pinnedUsed += mine;
      load.set(g, mine / n);
    }
    for (let i = 0; i < pcpus; i++) if (inGroup[i] === 1) pcpu[i] = load.get(group[i] as number) ?? 0;
  }

  // Unpinned vCPUs share what pinned ones leave; on the pCPUs they fill the
  // free ones first, then the spare time of the pinned groups.
  const unpinnedUsed = waterFill(unpinned, pcpus - pinnedUsed);
  const freeCpus = pcpus - groupCpus;
  const onFree = Math.min(unpinnedUsed, freeCpus);
  const spill = unpinnedUsed - onFree;
  const groupSpare = groupCpus - pinnedUsed;
  for (let i = 0; i < pcpus; i++) {
    if (inGroup[i] === 0) pcpu[i] = onFree / freeCpus;
    else if (groupSpare > 0) pcpu[i] = (pcpu[i] ?? 0) + (spill * (1 - (pcpu[i] ?? 0))) / groupSpare;
  }

  let total = 0;
  for (const s of slots) {
    (delivered[s.domain] as Float64Array)[s.vcpu] = s.e.got;
    total += s.e.got;
  }
  return { delivered, pcpu, total };
}

/**
 * dom0's 1-minute load average (xcp-rrdd's host "loadavg" reads dom0's
 * /proc/loadavg): processes running or waiting for dom0's CPUs (its CPU
 * demand, counted in CPUs, delivered or not) plus processes in
 * uninterruptible I/O wait — tapdisk/QEMU with requests in flight, by
 * Little's law (in flight = rate × latency), each at most 1.
 */
export function dom0LoadAverage(dom0Demand: number, ioInFlight: number): number {
  return Math.max(0, dom0Demand + ioInFlight);
}
