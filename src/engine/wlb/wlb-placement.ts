// Where VM.start / VM.resume put a VM when no host is named and Workload
// Balancing is on: as xapi does (choose_host_for_vm), it asks WLB to rate the
// hosts and takes the best-rated one that can boot the VM, unless the VM's
// other_config has wlb_choose_host_disable=true; with WLB off, unconfigured,
// or rating no host, the usual placement (affinity, then free memory).
import type { Engine } from '../engine';
import { poolOfHost, poolOfVm } from '../pool/membership';
import { chooseHost } from '../vm/placement';
import { hostRating, wlbConfig } from './wlb-api';
import type { WlbConfig } from './wlb-config';

export const WLB_CHOOSE_HOST_DISABLE_KEY = 'wlb_choose_host_disable';

function enabledConfig(engine: Engine): WlbConfig | undefined {
  try {
    return wlbConfig(engine);
  } catch {
    return undefined; // not initialized, or paused
  }
}

export function chooseStartHost(engine: Engine, vm: string): string {
  const config = enabledConfig(engine);
  if (config === undefined || engine.world.get('VM', vm).other_config[WLB_CHOOSE_HOST_DISABLE_KEY] === 'true') return chooseHost(engine, vm);
  const fallback = chooseHost(engine, vm); // also throws NO_HOSTS_AVAILABLE when nothing can take it
  const pool = poolOfVm(engine, vm);
  let best: { host: string; stars: number } | undefined;
  for (const [host, answer] of Object.entries(hostRating(engine, vm, config))) {
    if (answer[0] !== 'WLB' || poolOfHost(engine, host) !== pool) continue;
    const stars = Number(answer[1]);
    // Ties go to the usual placement's choice, then to the ref order (deterministic).
    if (best === undefined || stars > best.stars || (stars === best.stars && host === fallback)) best = { host, stars };
  }
  return best?.host ?? fallback;
}
