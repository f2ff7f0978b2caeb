// One graph of the Performance tab, as XenCenter lays it out (DataPlot with
// its DataKey beside it): the plot on the left, the legend on the right with
// a check box per line to show or hide it and its value (the newest, or the
// one under the pointer). Hovering the plot also shows a tooltip by the
// pointer: the time, and the nearest line's name and value with its unit.
// uPlot draws it on a canvas; the canvas is an image
// named after the graph, described by its figures, and a table (for screen
// readers) gives each line's current, minimum, maximum and average over the
// range shown.
import { memo, useCallback, useId, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import { UPlotChart, type ScaleLimits } from '../../charts/uplot-chart';
import { axisScale } from './axis-scale';
import { formatValue, type NameContext, type ValueKind } from './data-source-words';
import type { DesignedGraph } from './graph-layout';
import { graphModel, type GraphLine, type GraphModel } from './graph-model';
import type { ObjectSeries } from './rrd-series';
import { pointTime, tickLabel, timeTicks } from './time-axis';
import type { Zoom, ZoomId } from './zoom';

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
const AXIS_FONT = '11px system-ui, sans-serif';
const AXIS_TEXT = '#475569';
const AXIS_LINE = '#94a3b8';
const GRID = '#e2e8f0';

export function PerformanceGraph({ graph, series, from, to, zoom, names, selected, onSelect, loading }: PerformanceGraphProps) {
  const id = useId();
  const model = useMemo(() => graphModel(graph, series, names), [graph, series, names]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [hover, setHover] = useState<Hover | null>(null);
  const cursor = hover?.index ?? null;
  const title = graph.name === '' ? 'Performance Graph' : graph.name;
  const range = `last ${zoom.label.toLowerCase()}`;

  // The plot is rebuilt only when its lines or axes change, not when rows arrive.
  const shape = model.lines.map((l) => `${l.kind}\t${l.color}\t${l.label}`).join('\n') + `\n${model.axes.map((a) => a.kind).join(',')}`;
  const options = useMemo(() => plotOptions(shape, zoom.id, setHover), [shape, zoom.id]);
  const data = useMemo<uPlot.AlignedData>(() => [model.times as number[], ...(model.columns as (number | null)[][])], [model]);
  const scales = useMemo(() => scaleLimits(model, from, to), [model, from, to]);
  const hiddenIndexes = useMemo(() => new Set(model.lines.flatMap((l, i) => (hidden.has(l.source) ? [i + 1] : []))), [model.lines, hidden]);
  const toggle = useCallback(
    (source: string) =>
      setHidden((h) => {
        const next = new Set(h);
        if (!next.delete(source)) next.add(source);
        return next;
      }),
    [],
  );
  // The pointer re-renders this graph on every move: what depends only on the
  // lines is computed once per answer, and the legend and the table are memo
  // components (the legend changes only when the row under the pointer does).
  const description = useMemo(() => summary(model.lines), [model.lines]);
  const points = useMemo(() => knownPoints(model.lines), [model.lines]);
  const at = cursor === null ? undefined : model.times[cursor];

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
        <div role="img" aria-label={`${title}, ${range}`} aria-description={description} data-points={points} className="relative min-w-0 flex-1">
          <UPlotChart options={options} data={data} height={HEIGHT} scales={scales} hidden={hiddenIndexes} />
          {hover !== null && at !== undefined && <HoverTip hover={hover} at={at} line={model.lines[hover.line]} value={model.columns[hover.line]?.[hover.index]} />}
          {!model.hasData && (
            <p className="pointer-events-none absolute inset-0 m-0 flex items-center justify-center text-[13px] text-slate-500">{loading ? 'Loading Data...' : 'no data'}</p>
          )}
        </div>
        <Legend lines={model.lines} columns={model.columns} cursor={cursor} at={at} hidden={hidden} onToggle={toggle} graphTitle={title} />
      </div>
      <StatsTable lines={model.lines} caption={`${title}, ${range}: current, minimum, maximum and average`} />
    </section>
  );
}

/** The window and each value kind's axis: [0, top tick], or [0, 110 % of the highest value] for kinds without set ticks. */
function scaleLimits(model: GraphModel, from: number, to: number): ScaleLimits {
  const limits: Record<string, { min: number; max: number }> = { x: { min: from, max: to } };
  for (const { kind, scale } of model.axes) {
    const top = scale.domain[1];
    const highest = Math.max(0, ...model.lines.filter((l) => l.kind === kind).map((l) => l.stats?.max ?? 0));
    limits[kind] = { min: 0, max: typeof top === 'number' ? top : Math.max(1, highest * 1.1) };
  }
  return limits;
}

/**
 * The plot's lines and axes from the graph's shape (a line per row:
 * kind, colour, label; then the axes' kinds). Ticks follow the scale's
 * limits: round times for the zoom, XenCenter-like steps for each kind.
 */
function plotOptions(shape: string, zoom: ZoomId, onHover: (hover: Hover | null) => void): Omit<uPlot.Options, 'width' | 'height'> {
  const rows = shape.split('\n');
  const kinds = (rows.pop() ?? '').split(',').filter((k) => k !== '') as ValueKind[];
  const lines = rows.filter((r) => r !== '').map((r) => r.split('\t') as [ValueKind, string, string]);
  const axisStyle = { font: AXIS_FONT, stroke: AXIS_TEXT, grid: { stroke: GRID, width: 1 }, ticks: { stroke: AXIS_LINE, width: 1, size: 4 } };
  return {
    legend: { show: false },
    padding: [10, null, 0, null],
    cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 5 } },
    scales: { x: { time: false, auto: false }, ...Object.fromEntries(kinds.map((kind) => [kind, { auto: false }])) },
    axes: [
      { ...axisStyle, size: 30, splits: (_u, _i, min, max) => timeTicks(min, max, zoom), values: (_u, splits) => splits.map((t) => tickLabel(t, zoom)) },
      ...kinds.map(
        (kind, i): uPlot.Axis => ({
          ...axisStyle,
          scale: kind,
          side: i === 1 ? 1 : 3,
          show: i < 2,
          size: 64,
          grid: { ...axisStyle.grid, show: i === 0 },
          splits: (_u, _i, min, max) => axisScale(kind, max).ticks ?? evenSplits(min, max),
          values: (_u, splits) => splits.map((v) => formatValue(kind, v)),
        }),
      ),
    ],
    series: [{}, ...lines.map(([kind, color, label]): uPlot.Series => ({ label, scale: kind, stroke: color, width: 1.5, spanGaps: false, points: { show: false } }))],
    hooks: { setCursor: [(u) => onHover(hoverOf(u))] },
  };
}

/** Where the pointer is over the plot: the row under it, and the line drawn nearest to it. */
interface Hover {
  readonly index: number;
  /** 0-based line; −1 when no line has a value in that row. */
  readonly line: number;
  /** Pointer position in CSS pixels from the plot's box. */
  readonly x: number;
  readonly y: number;
  /** Whether the tip goes left of the pointer (near the right edge). */
  readonly flip: boolean;
}

function hoverOf(u: uPlot): Hover | null {
  const { idx, left, top } = u.cursor;
  if (idx === null || idx === undefined || left === undefined || top === undefined || left < 0 || top < 0) return null;
  let line = -1;
  let distance = Infinity;
  for (let s = 1; s < u.series.length; s++) {
    const series = u.series[s];
    const value = u.data[s]?.[idx];
    if (series?.show !== true || value === null || value === undefined) continue;
    const d = Math.abs(u.valToPos(value, series.scale ?? 'y') - top);
    if (d < distance) [distance, line] = [d, s - 1];
  }
  const over = u.over;
  return { index: idx, line, x: over.offsetLeft + left, y: over.offsetTop + top, flip: left > over.clientWidth * 0.6 };
}

function HoverTip({ hover, at, line, value }: { hover: Hover; at: number; line: GraphLine | undefined; value: number | null | undefined }) {
  const style = { top: Math.max(0, hover.y - 36), ...(hover.flip ? { right: `calc(100% - ${String(hover.x - 10)}px)` } : { left: hover.x + 10 }) };
  return (
    <div aria-hidden="true" className="pointer-events-none absolute z-10 rounded-sm border border-slate-400 bg-white/95 px-1.5 py-0.5 text-[11px] whitespace-nowrap shadow-sm" style={style}>
      <div className="text-slate-500">{pointTime(at)}</div>
      {line !== undefined && value !== null && value !== undefined && (
        <div className="flex items-center gap-1 text-slate-900">
          <span className="inline-block h-0.5 w-3" style={{ backgroundColor: line.color }} />
          {line.label}: <span className="tabular-nums">{formatValue(line.kind, value)}</span>
        </div>
      )}
    </div>
  );
}

/** Five even steps, for kinds without XenCenter-like ticks of their own. */
function evenSplits(min: number, max: number): number[] {
  return Array.from({ length: 6 }, (_, i) => min + ((max - min) * i) / 5);
}

interface LegendProps {
  readonly lines: readonly GraphLine[];
  readonly columns: readonly (readonly (number | null)[])[];
  /** The row under the pointer, if any: its values replace the newest ones. */
  readonly cursor: number | null;
  readonly at: number | undefined;
  readonly hidden: ReadonlySet<string>;
  readonly onToggle: (source: string) => void;
  readonly graphTitle: string;
}

const Legend = memo(function Legend({ lines, columns, cursor, at, hidden, onToggle, graphTitle }: LegendProps) {
  const valueOf = (line: GraphLine, i: number): string => {
    if (cursor === null) return line.stats === undefined ? 'no data' : formatValue(line.kind, line.stats.current);
    const v = columns[i]?.[cursor];
    return v === null || v === undefined ? 'no data' : formatValue(line.kind, v);
  };
  return (
    <div className="w-56 shrink-0 text-xs">
      <p className="m-0 h-4 truncate text-slate-500" aria-hidden="true">
        {at === undefined ? '' : pointTime(at)}
      </p>
      <ul aria-label={`${graphTitle} legend`} className="m-0 list-none overflow-y-auto p-0" style={{ maxHeight: HEIGHT - 16 }}>
        {lines.map((line, i) => (
        <li key={line.key} className="flex items-center gap-1.5 py-0.5">
          <label className="flex min-w-0 flex-1 cursor-pointer items-center gap-1.5">
            <input type="checkbox" checked={!hidden.has(line.source)} onChange={() => onToggle(line.source)} className="accent-blue-700" />
            <span aria-hidden="true" className="inline-block h-0.5 w-3 shrink-0" style={{ backgroundColor: line.color }} />
            <span className="truncate text-slate-800">{line.label}</span>
          </label>
          <span className="shrink-0 text-slate-600 tabular-nums">{valueOf(line, i)}</span>
        </li>
        ))}
      </ul>
    </div>
  );
});

/** The text alternative: the figures behind each line. */
const StatsTable = memo(function StatsTable({ lines, caption }: { lines: readonly GraphLine[]; caption: string }) {
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
});

/** How many rows hold a known value (the most of any line): what the canvas has drawn, for tests and tools. */
function knownPoints(lines: readonly GraphLine[]): number {
  return Math.max(0, ...lines.map((l) => l.stats?.count ?? 0));
}

/** One sentence for the chart's description. */
function summary(lines: readonly GraphLine[]): string {
  return lines
    .map((l) => (l.stats === undefined ? `${l.label}: no data` : `${l.label} now ${formatValue(l.kind, l.stats.current)}, average ${formatValue(l.kind, l.stats.average)}`))
    .join('; ');
}
