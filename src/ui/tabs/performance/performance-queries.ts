// What the Performance tab asks the pool, as TanStack queries with key
// factories: the object's rows of one archive (GET /rrd_updates), refetched
// once per archive step of virtual time (so faster at 60× than at 1×, and
// every few seconds while paused, to catch a fast-forward), and the data
// sources it reports (VM.get_data_sources / host.get_data_sources) for the
// Graph Details dialog. Rows come from the pool's archives, never from the
// object cache: nothing in XenAPI's events ticks with the metrics.
import { useQuery } from '@tanstack/react-query';
import type { XenApiClient } from '../../../xapi/client';
import { RrdUpdatesError } from '../../../xapi/rrd-updates-client';
import { useLab } from '../../lab/lab-context';
import type { LabConnection } from '../../lab/lab-connection';
import { useClockReading } from '../../shell/simulation-clock';
import { fetchServerTime } from '../use-virtual-time';
import { downsample, seriesOf, type ObjectSeries, type RrdObjectKind } from './rrd-series';
import { refreshMs, type Zoom, type ZoomId } from './zoom';

/** Points per series a chart draws (the pool merges rows down to this; the client makes sure). */
export const MAX_POINTS = 300;

export const performanceKeys = {
  all: ['performance'] as const,
  /** One object's rows for one zoom: ['performance', 'rrd_updates', 'vm', uuid, '10m']. */
  updates: (kind: RrdObjectKind, uuid: string, zoom: ZoomId) => [...performanceKeys.all, 'rrd_updates', kind, uuid, zoom] as const,
  /** VM.get_data_sources / host.get_data_sources of one object. */
  dataSources: (kind: RrdObjectKind, ref: string) => [...performanceKeys.all, 'data_sources', kind, ref] as const,
};

export interface PerformanceData {
  /** The window the graphs show, Unix seconds: [to − zoom, to]. */
  readonly from: number;
  readonly to: number;
  /** Undefined: the pool has nothing archived for this object yet. */
  readonly series: ObjectSeries | undefined;
}

export async function loadPerformance(lab: LabConnection, kind: RrdObjectKind, uuid: string, zoom: Zoom, signal?: AbortSignal): Promise<PerformanceData> {
  const now = await fetchServerTime(lab.client, lab.cache);
  const from = now - zoom.seconds;
  try {
    const data = await lab.fetchRrdUpdates(
      {
        // One step short of the archive's whole span: xapi takes the first archive that
        // still reaches back to `start`, and the last row is up to a step older than now.
        start: from + zoom.step,
        interval: zoom.step,
        cf: 'AVERAGE',
        ...(kind === 'host' ? { host: true, hostUuid: uuid } : { vmUuids: [uuid] }),
        maxPoints: MAX_POINTS,
      },
      signal === undefined ? {} : { signal },
    );
    return { from, to: now, series: downsample(seriesOf(data, kind, uuid), MAX_POINTS) };
  } catch (e) {
    // Nothing archived yet (a pool that has just started, a VM that has just booted): no data, not an error.
    if (e instanceof RrdUpdatesError && e.noData) return { from, to: now, series: undefined };
    throw e;
  }
}

/** The rows one object's graphs draw for `zoom`, kept current as the pool's clock runs. */
export function usePerformanceData(kind: RrdObjectKind, uuid: string, zoom: Zoom, enabled: boolean) {
  const lab = useLab();
  // The status bar polls the same query: no extra calls. null: a real pool, whose clock runs at 1×.
  const clock = useClockReading(() => lab.client, enabled);
  const speed = clock.data === null ? 1 : (clock.data?.speed ?? 1);
  return useQuery({
    queryKey: performanceKeys.updates(kind, uuid, zoom.id),
    queryFn: ({ signal }) => loadPerformance(lab, kind, uuid, zoom, signal),
    enabled,
    refetchInterval: refreshMs(zoom, speed),
    staleTime: 0,
  });
}

/** xapi's data_source record (what the Graph Details dialog lists). */
export interface DataSourceRecord {
  readonly name_label: string;
  readonly name_description: string;
  readonly enabled: boolean;
  readonly standard: boolean;
  readonly units: string;
}

export function fetchDataSources(client: XenApiClient, kind: RrdObjectKind, ref: string): Promise<DataSourceRecord[]> {
  return client.call<DataSourceRecord[]>(`${kind === 'host' ? 'host' : 'VM'}.get_data_sources`, ref);
}

export function useDataSources(kind: RrdObjectKind, ref: string) {
  const { client } = useLab();
  return useQuery({ queryKey: performanceKeys.dataSources(kind, ref), queryFn: () => fetchDataSources(client, kind, ref), staleTime: 0 });
}
