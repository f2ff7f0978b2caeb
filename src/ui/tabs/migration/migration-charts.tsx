// The live migration view's charts (uPlot, loaded on demand): pages sent
// per pre-copy round (bars) with the pages dirtied meanwhile (a line), on a
// log scale because the first round sends the whole memory; and the ping
// trace with its gap during the downtime. Each canvas is an image whose name
// carries its figures.
import { useMemo } from 'react';
import uPlot from 'uplot';
import { UPlotChart } from '../../charts/uplot-chart';
import { pingRows, roundRows, type MigrationView } from './migration-record';

const HEIGHT = 224;
const axisStyle = { font: '11px system-ui, sans-serif', stroke: '#475569', grid: { stroke: '#e2e8f0', width: 1 }, ticks: { stroke: '#94a3b8', width: 1, size: 4 } };
const SENT = '#2563eb';
const DIRTIED = '#f59e0b';
const RTT = '#16a34a';

export default function MigrationCharts({ migration }: { migration: MigrationView }) {
  const rounds = useMemo(() => roundRows(migration), [migration]);
  const ping = useMemo(() => pingRows(migration), [migration]);
  const names = rounds.map((r) => r.name);
  const roundNames = names.join('|');
  const roundOptions = useMemo(() => roundsOptions(roundNames.split('|')), [roundNames]);
  const roundData = useMemo<uPlot.AlignedData>(
    () => [rounds.map((_, i) => i), rounds.map((r) => Math.max(1, r.sent)), rounds.map((r) => (r.dirtied > 0 ? r.dirtied : null))],
    [rounds],
  );
  const pingData = useMemo<uPlot.AlignedData>(() => [ping.map((p) => p.t), ping.map((p) => p.rtt)], [ping]);
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <figure className="m-0 rounded-sm border border-slate-300 bg-white p-2">
        <figcaption className="mb-1 text-[13px] font-semibold">Pages sent and dirtied per round</figcaption>
        <div role="img" aria-label={`Pages sent per round: ${rounds.map((r) => `${r.name} ${String(r.sent)} sent, ${String(r.dirtied)} dirtied`).join('; ')}`}>
          <UPlotChart options={roundOptions} data={roundData} height={HEIGHT} />
        </div>
        <Key items={[['Pages sent', SENT], ['Pages dirtied meanwhile', DIRTIED]]} />
      </figure>
      <figure className="m-0 rounded-sm border border-slate-300 bg-white p-2">
        <figcaption className="mb-1 text-[13px] font-semibold">Ping to the VM (round-trip time)</figcaption>
        <div role="img" aria-label={`Ping trace: ${String(ping.filter((p) => p.rtt === null).length)} pings lost while the VM was paused`}>
          <UPlotChart options={PING_OPTIONS} data={pingData} height={HEIGHT} />
        </div>
        <Key items={[['Round-trip time (ms after the trace began on the x axis)', RTT]]} />
      </figure>
    </div>
  );
}

function roundsOptions(names: readonly string[]): Omit<uPlot.Options, 'width' | 'height'> {
  return {
    legend: { show: false },
    cursor: { drag: { x: false, y: false, setScale: false } },
    scales: { x: { time: false, range: () => [-0.5, Math.max(0.5, names.length - 0.5)] }, y: { distr: 3, range: (_u, _min, max) => [1, Math.max(10, max * 2)] } },
    axes: [
      { ...axisStyle, size: 30, splits: () => names.map((_, i) => i), values: (_u, splits) => splits.map((i) => shortRound(names[i] ?? '')) },
      { ...axisStyle, size: 56, splits: (_u, _i, min, max) => decades(min, max), filter: (_u, splits) => splits, values: (_u, splits) => splits.map((v) => compact(v)) },
    ],
    series: [
      {},
      { label: 'Pages sent', stroke: SENT, fill: SENT, ...barPaths(), points: { show: false } },
      { label: 'Pages dirtied meanwhile', stroke: DIRTIED, width: 2, points: { show: true, size: 6, fill: DIRTIED } },
    ],
  };
}

/** uPlot's bar path builder (typed optional: a build may leave it out). */
function barPaths(): { paths?: uPlot.Series.PathBuilder } {
  const bars = uPlot.paths.bars?.({ size: [0.6, 48] });
  return bars === undefined ? {} : { paths: bars };
}

const PING_OPTIONS: Omit<uPlot.Options, 'width' | 'height'> = {
  legend: { show: false },
  cursor: { drag: { x: false, y: false, setScale: false } },
  scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.2)] } },
  axes: [
    { ...axisStyle, size: 30, values: (_u, splits) => splits.map((v) => `${compact(v)} ms`) },
    { ...axisStyle, size: 56, values: (_u, splits) => splits.map((v) => `${String(Math.round(v * 10) / 10)} ms`) },
  ],
  series: [{}, { label: 'Round-trip time', stroke: RTT, width: 1.5, spanGaps: false, points: { show: false } }],
};

function Key({ items }: { items: readonly (readonly [string, string])[] }) {
  return (
    <ul className="m-0 mt-1 flex list-none flex-wrap gap-3 p-0 text-xs text-slate-700">
      {items.map(([label, color]) => (
        <li key={label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2 w-3" style={{ backgroundColor: color }} />
          {label}
        </li>
      ))}
    </ul>
  );
}

/** 1, 10, 100 … within [min, max]: one labelled line per decade of the log scale. */
function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let v = 1; v <= max; v *= 10) if (v >= min) out.push(v);
  return out;
}

/** "Round 3" → "3", "Stop-and-copy" → "Stop": the axis has little room. */
function shortRound(name: string): string {
  return name.startsWith('Round ') ? name.slice('Round '.length) : 'Stop';
}

/** 262144 → "262k", 1200000 → "1.2M". */
function compact(v: number): string {
  if (v >= 1e6) return `${String(Math.round(v / 1e5) / 10)}M`;
  if (v >= 1e3) return `${String(Math.round(v / 100) / 10)}k`;
  return String(Math.round(v));
}
