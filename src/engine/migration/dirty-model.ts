// How a guest dirties its memory while it is being migrated: a writable
// working set (Clark et al., NSDI 2005, §4): a hot set of pages rewritten so
// often that any copy round finds them dirty again, plus a colder stream of
// writes to other pages. Pages dirtied in an interval of t seconds:
//
//   D(t) = hot · min(1, t / hotRewriteSeconds) + cold · t   (at most every page)
//
// hotRewriteSeconds = 0 means "always all dirty" (the paper's measured
// writable working set: what is dirty whatever the interval).
//
// Where a VM's profile comes from, first match wins:
//  1. VM.other_config 'xenlab-dirty' = "hot_pages=…,hot_seconds=…,cold_pages_per_s=…"
//     (a simulator knob, used by bench:migration for the paper's cases);
//  2. its workload (workload-of-vm.ts) at the current virtual time: the
//     workload's page-writing rate W and hot set H, read with the simulator's
//     own locality rule that 90 % of writes land in the hot set and 10 % on
//     fresh pages (hotRewriteSeconds = H / 0.9 W, cold = 0.1 W).
import type { VMRecord } from '../../xapi/types';
import type { Engine } from '../engine';
import { hashKey } from '../metrics/models/noise';
import { guestOsMemory, resolveWorkload } from '../metrics/models/workload-of-vm';
import { emptyDemand } from '../metrics/models/workloads';

export const DIRTY_PROFILE_KEY = 'xenlab-dirty';

export interface DirtyProfile {
  /** Pages in the hot writable working set. */
  readonly hotPages: number;
  /** Seconds the guest takes to rewrite the whole hot set (0: always all dirty). */
  readonly hotRewriteSeconds: number;
  /** Pages per second written outside the hot set. */
  readonly coldPagesPerSec: number;
}

/** Pages dirtied in `seconds`, out of a guest of `totalPages`. */
export function pagesDirtied(profile: DirtyProfile, seconds: number, totalPages: number): number {
  const t = Math.max(0, seconds);
  const hotShare = profile.hotRewriteSeconds <= 0 ? 1 : Math.min(1, t / profile.hotRewriteSeconds);
  return Math.min(totalPages, Math.round(profile.hotPages * hotShare + profile.coldPagesPerSec * t));
}

/** Share of page writes that land in the hot set (the simulator's locality rule). */
const HOT_SHARE = 0.9;

export function profileFromRates(writesPerSec: number, hotPages: number): DirtyProfile {
  const w = Math.max(0, writesPerSec);
  return {
    hotPages: Math.max(0, Math.round(hotPages)),
    hotRewriteSeconds: w > 0 ? hotPages / (HOT_SHARE * w) : Number.POSITIVE_INFINITY,
    coldPagesPerSec: (1 - HOT_SHARE) * w,
  };
}

/** Parse the 'xenlab-dirty' knob; undefined when absent or malformed. */
export function parseDirtyProfile(text: string | undefined): DirtyProfile | undefined {
  if (text === undefined) return undefined;
  const fields = new Map<string, number>();
  for (const part of text.split(',')) {
    const [k, v] = part.split('=');
    const n = Number(v);
    if (k === undefined || v === undefined || !Number.isFinite(n) || n < 0) return undefined;
    fields.set(k.trim(), n);
  }
  const hot = fields.get('hot_pages');
  const cold = fields.get('cold_pages_per_s');
  if (hot === undefined || cold === undefined) return undefined;
  return { hotPages: hot, hotRewriteSeconds: fields.get('hot_seconds') ?? 0, coldPagesPerSec: cold };
}

export function formatDirtyProfile(p: DirtyProfile): string {
  return `hot_pages=${String(p.hotPages)},hot_seconds=${String(p.hotRewriteSeconds)},cold_pages_per_s=${String(p.coldPagesPerSec)}`;
}

/** The VM's dirtying behaviour now (see the header for where it comes from). */
export function dirtyProfileOf(engine: Engine, vm: VMRecord): DirtyProfile {
  const knob = parseDirtyProfile(vm.other_config[DIRTY_PROFILE_KEY]);
  if (knob !== undefined) return knob;
  const { def, params } = resolveWorkload(vm);
  const demand = emptyDemand();
  def.evaluate(
    params,
    {
      key: hashKey(engine.config.seed, vm.uuid),
      t: engine.now,
      dt: 5,
      epoch: engine.config.epoch,
      vcpus: Math.max(1, vm.VCPUs_at_startup),
      memory: vm.memory_dynamic_max,
      osMemory: guestOsMemory(vm),
    },
    demand,
  );
  return profileFromRates(demand.dirtyPagesPerSec, demand.hotPages);
}
