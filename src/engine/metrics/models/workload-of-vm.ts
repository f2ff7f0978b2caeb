// Which workload a VM runs. The truth is VM.other_config: 'xenlab-workload'
// (a name from the catalogue) and 'xenlab-workload-params' (JSON text of the
// parameters that differ from the defaults). Simulator.set_workload writes
// these keys, and so may the console's Properties dialog (VM.add_to_other_config).
//
// A VM without them runs a default chosen from what it is: its name
// (web-*, db-*, build-*/ci-*, game-*, dc-*/ad-*, …), its tags, and its
// template (reference_label: a desktop Windows is mostly idle), so a world
// has a realistic mix without anyone setting it. Reading is lenient: an
// unknown name falls back to the default, a bad parameter is ignored.
import type { VMRecord } from '../../../xapi/types';
import { osFamily } from '../../vm/durations';
import { effectiveParams, readParams, workloadByName, type Params, type WorkloadDef } from './workloads';

const MiB = 1024 * 1024;

export const WORKLOAD_KEY = 'xenlab-workload';
export const WORKLOAD_PARAMS_KEY = 'xenlab-workload-params';

export interface ResolvedWorkload {
  readonly def: WorkloadDef;
  /** Every parameter, defaults filled in. */
  readonly params: Params;
  /** Whether other_config names it (false: the default for this guest). */
  readonly explicit: boolean;
}

type Guest = Pick<VMRecord, 'name_label' | 'reference_label' | 'tags' | 'other_config'>;

interface DefaultRule {
  readonly test: RegExp;
  readonly workload: string;
  /** Parameters that suit this kind of guest (over the workload's defaults). */
  readonly params?: Params;
}

// First match wins; tested against the name label, then the tags.
const NAME_RULES: readonly DefaultRule[] = [
  { test: /^(web|www|nginx|apache|httpd|iis|front|proxy|lb)\b/i, workload: 'web-server' },
  { test: /^(app|api|svc|service)\b/i, workload: 'web-server', params: { load: 0.4, requests: 120, response_kib: 8 } },
  { test: /^win(-app)?\b/i, workload: 'web-server', params: { load: 0.3, requests: 60, response_kib: 16, daily: 0.8 } },
  { test: /^(db|sql|pg|postgres|mysql|maria|oracle|mongo)\b/i, workload: 'database' },
  { test: /^(cache|redis|memcache)\b/i, workload: 'web-server', params: { load: 0.15, requests: 2000, response_kib: 2, memory: 0.7, miss_ratio: 0, log_bytes: 0 } },
  { test: /^(mon|metrics|prometheus|grafana|log|elk)\b/i, workload: 'database', params: { load: 0.15, tps: 60, io_kib: 16, daily: 0.2, memory: 0.5, maintenance_mib_per_s: 0 } },
  { test: /^(build|ci|jenkins|runner|gitlab-runner)\b/i, workload: 'build' },
  { test: /^(game|mc|minecraft|quake)\b/i, workload: 'game-server' },
  { test: /^(dc|ad|ldap|dns|dhcp|ntp)\b/i, workload: 'idle', params: { load: 0.04, daily: 0.5 } },
  { test: /^(vdi|desktop|wks|pc)\b/i, workload: 'idle', params: { load: 0.12, daily: 0.9, noise: 0.8, memory: 0.45 } },
  { test: /^(stress|burn)\b/i, workload: 'stress' },
  { test: /^(test|scratch|dev|legacy|tmp)\b/i, workload: 'idle' },
];

const TAG_RULES: readonly DefaultRule[] = [
  { test: /^web$/i, workload: 'web-server' },
  { test: /^(database|db)$/i, workload: 'database' },
  { test: /^(ci|build)$/i, workload: 'build' },
  { test: /^game$/i, workload: 'game-server' },
];

/** The workload and parameters a guest runs when other_config says nothing. */
export function defaultWorkload(vm: Guest): { name: string; params: Params } {
  const name = vm.name_label.trim();
  for (const rule of NAME_RULES) if (rule.test.test(name)) return { name: rule.workload, params: rule.params ?? {} };
  for (const tag of vm.tags) for (const rule of TAG_RULES) if (rule.test.test(tag)) return { name: rule.workload, params: rule.params ?? {} };
  // Desktop Windows templates: an office worker's PC.
  if (/^windows-(10|11)/.test(vm.reference_label)) return { name: 'idle', params: { load: 0.12, daily: 0.9, noise: 0.8, memory: 0.45 } };
  return { name: 'idle', params: {} };
}

/** The workload a VM runs: other_config when it names a known workload, else the default. */
export function resolveWorkload(vm: Guest): ResolvedWorkload {
  const named = vm.other_config[WORKLOAD_KEY];
  const def = named === undefined ? undefined : workloadByName(named.trim());
  if (def !== undefined) {
    return { def, params: effectiveParams(def, readParams(def, vm.other_config[WORKLOAD_PARAMS_KEY])), explicit: true };
  }
  const fallback = defaultWorkload(vm);
  const fallbackDef = workloadByName(fallback.name);
  if (fallbackDef === undefined) throw new Error(`default workload ${fallback.name} is not in the catalogue`);
  return { def: fallbackDef, params: effectiveParams(fallbackDef, fallback.params), explicit: false };
}

/**
 * Bytes a guest's OS holds at rest, before its applications: a Windows
 * Server idles at about 1.4 GiB committed, a minimal Linux server at a few
 * hundred MiB (the simulator's round figures).
 */
export function guestOsMemory(vm: Pick<VMRecord, 'reference_label' | 'platform' | 'name_label'>): number {
  const family = osFamily(vm);
  return family === 'windows' ? 1400 * MiB : family === 'linux' ? 350 * MiB : 256 * MiB;
}
