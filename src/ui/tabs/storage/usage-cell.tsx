// "45% (1.8 TB used)" with a small bar; the words carry the meaning, the bar
// is decoration for a quick glance down the column.
import { formatBytes } from '../../format/bytes';

export function UsageCell({ used, size }: { used: number; size: number }) {
  const pct = size > 0 ? Math.min(100, Math.round((used / size) * 100)) : 0;
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden="true" className="inline-block h-2.5 w-16 shrink-0 overflow-hidden rounded-sm border border-slate-400 bg-white">
        <span className={`block h-full ${pct >= 90 ? 'bg-red-500' : pct >= 75 ? 'bg-amber-500' : 'bg-sky-500'}`} style={{ width: `${String(pct)}%` }} />
      </span>
      <span className="tabular-nums">{`${String(pct)}% (${formatBytes(used)} used)`}</span>
    </span>
  );
}
