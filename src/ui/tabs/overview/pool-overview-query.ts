// The pool overview's CPU figures: one GET /rrd_updates for the whole pool
// (every host's RRD with host=true, every running VM's) over the last
// minute of the 5-s archive, merged into one row (max_points=1) and
// narrowed to cpu_avg and cpu_usage (ds=; a real xapi ignores both and sends
// everything, which still parses), so the answer for a 1,000-VM pool is a
// few tens of kilobytes; read every few seconds.
import { useQuery } from '@tanstack/react-query';
import { RrdUpdatesError } from '../../../xapi/rrd-updates-client';
import type { LabConnection } from '../../lab/lab-connection';
import { useLab } from '../../lab/lab-context';
import { cpuReadings, NO_READINGS, type CpuReadings } from './pool-overview-model';

/** Wall-clock refresh: the 5-s archive gains a row every 5 s at 1×; faster refreshes would mostly re-read the same minute. */
export const OVERVIEW_REFRESH_MS = 5000;
/** How far back the CPU figures average, seconds before the pool's newest row. */
export const OVERVIEW_WINDOW_S = 60;

export const overviewKeys = { cpu: ['pool-overview', 'cpu'] as const };

export async function loadCpuReadings(lab: LabConnection, signal?: AbortSignal): Promise<CpuReadings> {
  try {
    const data = await lab.fetchRrdUpdates(
      { start: -OVERVIEW_WINDOW_S, interval: 5, cf: 'AVERAGE', host: true, maxPoints: 1, dataSources: ['cpu_avg', 'cpu_usage'] },
      signal === undefined ? {} : { signal },
    );
    return cpuReadings(data);
  } catch (e) {
    // Nothing archived yet: no CPU figures, not an error.
    if (e instanceof RrdUpdatesError && e.noData) return NO_READINGS;
    throw e;
  }
}

export function usePoolCpu() {
  const lab = useLab();
  return useQuery({
    queryKey: overviewKeys.cpu,
    queryFn: ({ signal }) => loadCpuReadings(lab, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
    staleTime: 0,
  });
}
