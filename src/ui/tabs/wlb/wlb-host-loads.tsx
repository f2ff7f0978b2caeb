// The WLB tab's "Server load": each server's averages over the last ten
// minutes (what WLB decides on) and the worst threshold level it reaches, so
// a learner sees which server is busy and, after applying, that load evened.
import { formatBytes } from '../../format/bytes';
import { levelValue, WLB_LEVELS, type HostLoadRow, type WlbLevel, type WlbMetric, type WlbSettings } from './wlb-model';

const MB = 1024 * 1024;

const LEVEL_STYLE: Readonly<Record<WlbLevel, string>> = {
  Critical: 'font-semibold text-red-700',
  High: 'font-semibold text-orange-700',
  Medium: 'text-amber-700',
  Low: 'text-slate-700',
};

/** The worst level of a server over CPU, free memory and network (in wire units, as the thresholds). */
export function worstLevel(settings: WlbSettings, row: HostLoadRow): WlbLevel | undefined {
  const values: [WlbMetric, number | undefined][] = [
    ['cpu', row.cpu === undefined ? undefined : row.cpu * 100],
    ['memory', row.memoryFree === undefined ? undefined : row.memoryFree / MB],
    ['netRead', row.netRead === undefined ? undefined : row.netRead / MB],
    ['netWrite', row.netWrite === undefined ? undefined : row.netWrite / MB],
  ];
  for (const level of WLB_LEVELS) {
    for (const [metric, v] of values) {
      if (v === undefined) continue;
      const t = levelValue(metric, settings.critical[metric], level);
      if (metric === 'memory' ? v <= t : v >= t) return level;
    }
  }
  return undefined;
}

const rate = (v: number | undefined) => (v === undefined ? '—' : `${(v / MB).toFixed(1)} MB/s`);

export function WlbHostLoads({ rows, settings }: { rows: readonly HostLoadRow[]; settings: WlbSettings }) {
  return (
    <table className="w-full border-collapse text-[13px]" aria-label="Server load">
      <thead>
        <tr className="text-left text-slate-600">
          <th className="py-1 pr-3 font-normal">Server</th>
          <th className="py-1 pr-3 font-normal">CPU</th>
          <th className="py-1 pr-3 font-normal">Free memory</th>
          <th className="py-1 pr-3 font-normal">Network read</th>
          <th className="py-1 pr-3 font-normal">Network write</th>
          <th className="py-1 font-normal">Threshold reached</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const level = worstLevel(settings, r);
          return (
            <tr key={r.ref} className="border-t border-slate-200">
              <td className="py-1 pr-3">{r.name}</td>
              <td className="py-1 pr-3">{r.cpu === undefined ? '—' : `${(r.cpu * 100).toFixed(1)} %`}</td>
              <td className="py-1 pr-3">{r.memoryFree === undefined ? '—' : formatBytes(r.memoryFree)}</td>
              <td className="py-1 pr-3">{rate(r.netRead)}</td>
              <td className="py-1 pr-3">{rate(r.netWrite)}</td>
              <td className={`py-1 ${level === undefined ? 'text-slate-500' : LEVEL_STYLE[level]}`}>{level ?? 'None'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
