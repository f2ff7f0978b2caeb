// What the WLB tab asks the pool, as TanStack queries: the configuration
// (pool.retrieve_wlb_configuration), the optimization recommendations
// (pool.retrieve_wlb_recommendations) and the servers' last ten minutes of
// load (GET /rrd_updates, host RRDs). Nothing in XenAPI's events says that a
// recommendation changed, so the two last are polled, faster when the
// simulated clock runs faster (WLB looks at minute averages).
import { useQuery } from '@tanstack/react-query';
import { RrdUpdatesError } from '../../../xapi/rrd-updates-client';
import { useLab } from '../../lab/lab-context';
import { useClockReading } from '../../shell/simulation-clock';

export const wlbKeys = {
  all: ['wlb'] as const,
  configuration: (pool: string) => [...wlbKeys.all, 'configuration', pool] as const,
  recommendations: (pool: string) => [...wlbKeys.all, 'recommendations', pool] as const,
  loads: () => [...wlbKeys.all, 'loads'] as const,
};

/** Seconds of history WLB averages over (and the tab's load table shows). */
export const WLB_WINDOW_SECONDS = 600;

/** Poll about once per virtual half-minute, between 2 and 10 s of wall time. */
function usePollMs(enabled: boolean): number {
  const lab = useLab();
  const clock = useClockReading(() => lab.client, enabled);
  const speed = clock.data === null ? 1 : (clock.data?.speed ?? 1);
  return speed <= 0 ? 5000 : Math.min(10_000, Math.max(2000, 30_000 / speed));
}

export function useWlbConfiguration(pool: string, enabled: boolean) {
  const lab = useLab();
  return useQuery({
    queryKey: wlbKeys.configuration(pool),
    queryFn: () => lab.client.call<Record<string, string>>('pool.retrieve_wlb_configuration'),
    enabled,
    staleTime: 0,
  });
}

export function useWlbRecommendations(pool: string, enabled: boolean) {
  const lab = useLab();
  const poll = usePollMs(enabled);
  return useQuery({
    queryKey: wlbKeys.recommendations(pool),
    queryFn: () => lab.client.call<Record<string, string[]>>('pool.retrieve_wlb_recommendations'),
    enabled,
    refetchInterval: poll,
    staleTime: 0,
    retry: false,
  });
}

export function useHostLoadData(enabled: boolean) {
  const lab = useLab();
  const poll = usePollMs(enabled);
  return useQuery({
    queryKey: wlbKeys.loads(),
    queryFn: async ({ signal }) => {
      try {
        return await lab.fetchRrdUpdates({ start: -WLB_WINDOW_SECONDS, interval: 60, cf: 'AVERAGE', host: true }, { signal });
      } catch (e) {
        if (e instanceof RrdUpdatesError && e.noData) return null; // nothing archived yet
        throw e;
      }
    },
    enabled,
    refetchInterval: poll,
    staleTime: 0,
  });
}
