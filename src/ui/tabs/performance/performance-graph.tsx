// One graph of the Performance tab, as XenCenter lays it out (DataPlot with
// its DataKey beside it): the plot on the left, the legend on the right with
// a check box per line to show or hide it and its current value. recharts
// draws it with animation off; the chart is an image named after the graph,
// and a table (for screen readers) gives each line's current, minimum,
// maximum and average over the range shown.
import { useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatValue, type NameContext } from './data-source-words';
import type { DesignedGraph } from './graph-layout';
import { graphModel, type GraphLine } from './graph-model';
import type { ObjectSeries } from './rrd-series';
import { pointTime, tickLabel, timeTicks } from './time-axis';
import type { Zoom } from './zoom';

export interface PerformanceGraphProps {
  readonly graph: DesignedGraph;
  readonly series: ObjectSeries | undefined;
  readonly from: number;
  readonly to: number;
  readonly zoom: Zoom;
  readonly names: NameContext;
  readonly selected: boolean;
  readonly onSelect: () => void;
  /** Still loading the first answer. */
  readonly loading: boolean;
}

const HEIGHT = 170;

export function PerformanceGraph({ graph, series, from, to, zoom, names, selected, onSelect, loading }: PerformanceGraphProps) {
  const id = useId();
  const model = useMemo(() => graphModel(graph, series, names), [graph, series, names]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const ticks = useMemo(() => timeTicks(from, to, zoom.id), [from, to, zoom.id]);
  const title = graph.name === '' ? 'Performance Graph' : graph.name;
  const range = `last ${zoom.label.toLowerCase()}`;
  const toggle = (source: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(source)) next.add(source);
      return next;
    });
  const kindOf = (key: string) => model.lines.find((l) => l.key === key)?.kind ?? 'number';

  return (
    <section
      aria-labelledby={`${id}-title`}
      onMouseDown={onSelect}
      onFocus={onSelect}
      className={`rounded-sm border p-2 ${selected ? 'border-blue-500 bg-blue-50/60' : 'border-slate-300 bg-white'}`}
    >
      <h3 id={`${id}-title`} className="m-0 mb-1 text-[13px] font-semibold text-slate-800">
        {title}
        {selected && <span className="sr-only"> (selected)</span>}
      </h3>
      <div className="flex gap-3">
        <div className="relative min-w-0 flex-1">
          <LineChart
            responsive
            style={{ width: '100%', height: HEIGHT }}
            data={model.rows as Record<string, number | null>[]}
            margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
            role="img"
            title={`${title}, ${range}`}
            desc={summary(model.lines)}
          >
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis
              dataKey="t"
              type="number"
              domain={[from, to]}
              ticks={ticks}
              allowDataOverflow
              tickFormatter={(t: number) => tickLabel(t, zoom.id)}
              tick={{ fontSize: 11, fill: '#475569' }}
              stroke="#94a3b8"
            />
            {model.axes.map(({ kind, scale }, i) => (
              <YAxis
                key={kind}
                yAxisId={kind}
                orientation={i === 1 ? 'right' : 'left'}
                hide={i > 1}
                domain={scale.domain}
                {...(scale.ticks === undefined ? {} : { ticks: scale.ticks, interval: 0 })}
                width={64}
                tickFormatter={(v: number) => formatValue(kind, v)}
                tick={{ fontSize: 11, fill: '#475569' }}
                stroke="#94a3b8"
              />
            ))}
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(t) => pointTime(Number(t))}
              formatter={(value, _name, item) => formatValue(kindOf(String(item.dataKey)), Number(value))}
              contentStyle={{ fontSize: 12, padding: '4px 8px' }}
            />
            {model.lines.map((line) => (
              <Line
                key={line.key}
                yAxisId={line.kind}
                dataKey={line.key}
                name={line.label}
                type="linear"
                stroke={line.color}
                strokeWidth={1.5}
                dot={false}
                hide={hidden.has(line.source)}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
          {!model.hasData && (
            <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-[13px] text-slate-500">{loading ? 'Loading Data...' : 'no data'}</p>
          )}
        </div>
        <Legend lines={model.lines} hidden={hidden} onToggle={toggle} graphTitle={title} />
      </div>
      <StatsTable lines={model.lines} caption={`${title}, ${range}: current, minimum, maximum and average`} />
    </section>
  );
}

function Legend({ lines, hidden, onToggle, graphTitle }: { lines: readonly GraphLine[]; hidden: ReadonlySet<string>; onToggle: (source: string) => void; graphTitle: string }) {
  return (
    <ul aria-label={`${graphTitle} legend`} className="m-0 w-56 shrink-0 list-none overflow-y-auto p-0 text-xs" style={{ maxHeight: HEIGHT }}>
      {lines.map((line) => (
        <li key={line.key} className="flex items-center gap-1.5 py-0.5">
          <label className="flex min-w-0 flex-1 cursor-pointer items-center gap-1.5">
            <input type="checkbox" checked={!hidden.has(line.source)} onChange={() => onToggle(line.source)} className="accent-blue-700" />
            <span aria-hidden="true" className="inline-block h-0.5 w-3 shrink-0" style={{ backgroundColor: line.color }} />
            <span className="truncate text-slate-800">{line.label}</span>
          </label>
          <span className="shrink-0 text-slate-600 tabular-nums">{line.stats === undefined ? 'no data' : formatValue(line.kind, line.stats.current)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The text alternative: the figures behind each line. */
function StatsTable({ lines, caption }: { lines: readonly GraphLine[]; caption: string }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Data source</th>
          <th scope="col">Current</th>
          <th scope="col">Minimum</th>
          <th scope="col">Maximum</th>
          <th scope="col">Average</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key}>
            <th scope="row">{line.label}</th>
            {line.stats === undefined ? (
              <td colSpan={4}>no data</td>
            ) : (
              [line.stats.current, line.stats.min, line.stats.max, line.stats.average].map((v, i) => <td key={i}>{formatValue(line.kind, v)}</td>)
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One sentence for the chart's description. */
function summary(lines: readonly GraphLine[]): string {
  return lines
    .map((l) => (l.stats === undefined ? `${l.label}: no data` : `${l.label} now ${formatValue(l.kind, l.stats.current)}, average ${formatValue(l.kind, l.stats.average)}`))
    .join('; ');
}
