// What the HA tab shows, from the object cache: the pool's HA settings and,
// per server, its heartbeats. A heartbeat fails when the server is down or
// when a simulated fault cuts its path (the "xenlab-fault-…" keys that
// Simulator.inject_fault writes into other_config); the statefile heartbeat
// also fails when the heartbeat SR itself has failed.
import type { RecordOf } from '../../../xapi/types';
import type { CacheReader } from '../../actions/action-types';
import { faultKey, hostDownWords, srFailed } from '../../format/fault-words';

export interface HostHeartbeat {
  readonly ref: string;
  readonly name: string;
  readonly network: boolean;
  readonly statefile: boolean;
  /** "Live", "Fenced (rebooting)", "Powered off", "Starting up", "Not responding". */
  readonly state: string;
}


export function heartbeatSr(pool: RecordOf<'pool'>, cache: CacheReader): RecordOf<'SR'> | undefined {
  for (const vdi of pool.ha_statefiles) {
    const sr = cache.get('VDI', vdi)?.SR;
    if (sr !== undefined) return cache.get('SR', sr);
  }
  return undefined;
}

export function hostHeartbeats(pool: RecordOf<'pool'>, cache: CacheReader): HostHeartbeat[] {
  const heartbeatFailed = srFailed(heartbeatSr(pool, cache)?.other_config);
  return [...cache.all('host')]
    .map(([ref, host]) => {
      const down = hostDownWords(host.other_config);
      const up = down === undefined;
      const live = cache.get('host_metrics', host.metrics)?.live === true;
      const network = up && host.other_config[faultKey('management-network')] === undefined;
      const statefile = up && !heartbeatFailed && host.other_config[faultKey('storage-network')] === undefined;
      const state = down ?? (live ? 'Live' : 'Not responding');
      return { ref, name: host.name_label, network, statefile, state };
    })
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

export const PRIORITY_LABELS: Readonly<Record<string, string>> = {
  restart: 'Restart',
  'best-effort': 'Restart if possible',
  '': 'Do not restart',
};
