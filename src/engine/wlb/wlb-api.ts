// Workload Balancing through XenAPI, answered by a built-in balancer: a real
// pool forwards these calls to a WLB appliance at wlb_url; here any address of
// the form <address>:<port> reaches the simulated one. Calls and answer shapes
// are xapi's and XenCenter's:
//   pool.initialize_wlb(url, wlb_user, wlb_password, xs_user, xs_password)
//   pool.deconfigure_wlb, pool.send_wlb_configuration(map), pool.retrieve_wlb_configuration
//   pool.retrieve_wlb_recommendations → { VM: ["WLB", host uuid, optId, recId, reason, detail] }
//   VM.retrieve_wlb_recommendations(vm) → { host: ["WLB", stars] | [error code, …] }
//   host.retrieve_wlb_evacuate_recommendations(host) → { VM: ["WLB", host uuid, …] | [error] }
// (the sixth element, a plain-words reason, is XenLab's; XenCenter reads the first five).
// With AutoBalanceEnabled the balancer applies its recommendations itself,
// every five virtual minutes, by live migration.
import { xenError, type XenApiError } from '../../xapi/errors';
import type { RecordOf } from '../../xapi/types';
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { internalCall } from '../api/internal-call';
import { define, ref, type MethodTable } from '../api/registry';
import { bootError } from '../vm/placement';
import { optimizePool, rateHosts, REASON_CODE, type Recommendation } from './recommend';
import { configToMap, DEFAULT_CONFIG, parseConfig, type WlbConfig } from './wlb-config';
import { poolLoads } from './wlb-loads';

const CONFIG_KEY = 'xenlab-wlb-configuration';
const OPT_ID_KEY = 'xenlab-wlb-optimization-id';
const AUTO_BALANCE_SECONDS = 300;
const URL_PATTERN = /^[A-Za-z0-9.-]+:\d{1,5}$/;

function pool(engine: Engine): [string, RecordOf<'pool'>] {
  const [entry] = engine.world.entries('pool');
  if (entry === undefined) throw xenError('INTERNAL_ERROR', 'no pool');
  return entry;
}

/** The WLB configuration of the pool (refuses when WLB is not set up or is off). */
export function wlbConfig(engine: Engine, requireEnabled = true): WlbConfig {
  const [, record] = pool(engine);
  if (record.wlb_url === '') throw xenError('WLB_NOT_INITIALIZED');
  if (requireEnabled && !record.wlb_enabled) throw xenError('WLB_DISABLED');
  const stored = record.other_config[CONFIG_KEY];
  if (stored === undefined) return DEFAULT_CONFIG;
  const parsed = parseConfig(JSON.parse(stored) as Record<string, string>);
  return 'config' in parsed ? parsed.config : DEFAULT_CONFIG;
}

function setOtherConfig(engine: Engine, patch: Record<string, string | undefined>): void {
  const [poolRef, record] = pool(engine);
  const next: Record<string, string> = { ...record.other_config };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  engine.world.update('pool', poolRef, { other_config: next });
}

export function currentRecommendations(engine: Engine): Recommendation[] {
  const config = wlbConfig(engine);
  const loads = poolLoads(engine);
  return loads.hasData ? optimizePool(config, loads.hosts, loads.vms) : [];
}

function scheduleAutoBalance(engine: Engine): void {
  engine.scheduler.remove((job) => job.kind === 'wlb.auto-balance');
  engine.scheduler.after(AUTO_BALANCE_SECONDS, 'wlb.auto-balance', {});
}

export function hostRating(engine: Engine, vm: string, config: WlbConfig): Record<string, string[]> {
  const record = engine.world.get('VM', vm);
  const loads = poolLoads(engine);
  const own = loads.vms.find((v) => v.id === vm) ?? {
    id: vm,
    name: record.name_label,
    host: '',
    cpuCores: record.VCPUs_at_startup * 0.25, // a VM not yet running: assume a quarter of each vCPU busy
    memory: record.memory_dynamic_max + record.memory_overhead,
    netRead: 0,
    netWrite: 0,
    diskRead: 0,
    diskWrite: 0,
    movable: true,
  };
  const ratings = rateHosts(config, loads.hosts, own);
  const answer: Record<string, string[]> = {};
  for (const host of engine.world.refs('host')) {
    const error: XenApiError | undefined = host === record.resident_on ? undefined : bootError(engine, vm, host);
    if (error !== undefined) answer[host] = [error.code, ...error.params.map(String)];
    else answer[host] = ['WLB', (ratings.get(host) ?? 0).toFixed(1)];
  }
  return answer;
}

export function defineWlbApi(table: MethodTable): void {
  define(table, {
    name: 'pool.initialize_wlb',
    params: [
      { name: 'wlb_url', type: 'string' },
      { name: 'wlb_username', type: 'string' },
      { name: 'wlb_password', type: 'string' },
      { name: 'xenserver_username', type: 'string' },
      { name: 'xenserver_password', type: 'string' },
    ],
    async: true,
    run: ({ engine }, [url, wlbUser, , xsUser, xsPassword]) => {
      if (!URL_PATTERN.test(url as string)) throw xenError('WLB_URL_INVALID', url as string);
      if (xsUser !== 'root' || xsPassword !== engine.config.password) throw xenError('WLB_XENSERVER_AUTHENTICATION_FAILED');
      const [poolRef] = pool(engine);
      engine.world.update('pool', poolRef, { wlb_url: url as string, wlb_username: wlbUser as string, wlb_enabled: true });
      setOtherConfig(engine, { [CONFIG_KEY]: JSON.stringify(configToMap(DEFAULT_CONFIG)) });
    },
  });

  define(table, {
    name: 'pool.deconfigure_wlb',
    params: [],
    async: true,
    run: ({ engine }) => {
      wlbConfig(engine, false);
      const [poolRef] = pool(engine);
      engine.world.update('pool', poolRef, { wlb_url: '', wlb_username: '', wlb_enabled: false });
      setOtherConfig(engine, { [CONFIG_KEY]: undefined, [OPT_ID_KEY]: undefined });
      engine.scheduler.remove((job) => job.kind === 'wlb.auto-balance');
    },
  });

  define(table, {
    name: 'pool.send_wlb_configuration',
    params: [{ name: 'config', type: 'string_map' }],
    async: true,
    run: ({ engine }, [config]) => {
      const current = wlbConfig(engine, false);
      const parsed = parseConfig(config as Record<string, string>, current);
      if ('bad' in parsed) throw xenError('INVALID_VALUE', parsed.bad, (config as Record<string, string>)[parsed.bad] ?? '');
      setOtherConfig(engine, { [CONFIG_KEY]: JSON.stringify(configToMap(parsed.config)) });
      if (parsed.config.autoBalance) scheduleAutoBalance(engine);
      else engine.scheduler.remove((job) => job.kind === 'wlb.auto-balance');
    },
  });

  define(table, {
    name: 'pool.retrieve_wlb_configuration',
    params: [],
    run: ({ engine }) => configToMap(wlbConfig(engine, false)),
  });

  define(table, {
    name: 'pool.retrieve_wlb_recommendations',
    params: [],
    run: ({ engine }) => {
      const recs = currentRecommendations(engine);
      const optId = Number(pool(engine)[1].other_config[OPT_ID_KEY] ?? '0') + 1;
      if (recs.length > 0) setOtherConfig(engine, { [OPT_ID_KEY]: String(optId) });
      const answer: Record<string, string[]> = {};
      recs.forEach((r, i) => {
        answer[r.vm] = ['WLB', engine.world.get('host', r.to).uuid, String(optId), String(i + 1), REASON_CODE[r.metric], r.detail];
      });
      return answer;
    },
  });

  define(table, {
    name: 'VM.retrieve_wlb_recommendations',
    params: [{ name: 'vm', type: ref('VM') }],
    run: ({ engine }, [vm]) => hostRating(engine, vm as string, wlbConfig(engine)),
  });

  define(table, {
    name: 'host.retrieve_wlb_evacuate_recommendations',
    params: [{ name: 'self', type: ref('host') }],
    run: ({ engine }, [host]) => {
      const config = wlbConfig(engine);
      const answer: Record<string, string[]> = {};
      for (const vm of engine.world.get('host', host as string).resident_VMs) {
        if (engine.world.get('VM', vm).is_control_domain) continue;
        const ratings = Object.entries(hostRating(engine, vm, config)).filter(([h, r]) => h !== host && r[0] === 'WLB');
        ratings.sort((a, b) => Number(b[1][1]) - Number(a[1][1]));
        const best = ratings[0];
        answer[vm] = best === undefined ? ['NO_HOSTS_AVAILABLE'] : ['WLB', engine.world.get('host', best[0]).uuid, best[1][1] ?? '0'];
      }
      return answer;
    },
  });
}

const autoBalance: JobHandler = (engine) => {
  let config: WlbConfig;
  try {
    config = wlbConfig(engine);
  } catch {
    return; // WLB switched off or removed: stop balancing
  }
  if (!config.autoBalance) return;
  for (const r of currentRecommendations(engine)) {
    internalCall(engine, 'VM.pool_migrate', [r.vm, r.to, { live: 'true' }], `WLB: ${r.detail}`);
  }
  scheduleAutoBalance(engine);
};

export const WLB_JOBS: readonly (readonly [string, JobHandler])[] = [['wlb.auto-balance', autoBalance]];
