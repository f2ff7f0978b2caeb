// One graph's drawing plan: a line per data source (XenCenter's name, its
// colour, its value kind), the columns the plot draws (times, then one
// column per line, null where unknown so a gap shows), one y-axis per value kind, and each line's current, minimum,
// maximum and average for the legend and the text alternative.
import { axisScale, type AxisScale } from './axis-scale';
import { friendlyName, valueKindOf, type NameContext, type ValueKind } from './data-source-words';
import type { DesignedGraph } from './graph-layout';
import { statsOf, type ObjectSeries, type SeriesStats } from './rrd-series';

/**
 * XenCenter's palette (Palette.DefaultColors), in its order; its yellow
 * (255,255,0) is darkened so a line stays visible on white.
 */
export const PALETTE = ['#0066ff', '#339900', '#ff9900', '#660099', '#990033', '#995e00', '#c9a400', '#00c48a', '#009982', '#a68a8c'];

export interface GraphLine {
  /** A stable key per line of the graph (s0, s1, …). */
  readonly key: string;
  readonly source: string;
  readonly label: string;
  readonly kind: ValueKind;
  readonly color: string;
  readonly stats: SeriesStats | undefined;
}

export interface GraphModel {
  readonly lines: readonly GraphLine[];
  /** Row times (Unix seconds), oldest first. */
  readonly times: readonly number[];
  /** One column per line, aligned with `times`; null where unknown. */
  readonly columns: readonly (readonly (number | null)[])[];
  /** Value kinds in order of first use (the first gets the left axis, the second the right), with their scales. */
  readonly axes: readonly { readonly kind: ValueKind; readonly scale: AxisScale }[];
  /** Whether any line has a known value. */
  readonly hasData: boolean;
}

export function graphModel(graph: DesignedGraph, series: ObjectSeries | undefined, names: NameContext = {}): GraphModel {
  const lines: GraphLine[] = graph.sources.map((source, i) => ({
    key: `s${String(i)}`,
    source,
    label: friendlyName(source, names),
    kind: valueKindOf(source),
    color: PALETTE[i % PALETTE.length]!,
    stats: statsOf(series?.values.get(source) ?? []),
  }));
  const times = series?.times ?? [];
  const columns = lines.map((line) => {
    const values = series?.values.get(line.source);
    return times.map((_, r) => {
      const v = values?.[r];
      return v === undefined || Number.isNaN(v) ? null : v;
    });
  });
  const axes = [...new Set(lines.map((l) => l.kind))].map((kind) => {
    const max = Math.max(0, ...lines.filter((l) => l.kind === kind).map((l) => l.stats?.max ?? 0));
    return { kind, scale: axisScale(kind, max) };
  });
  return { lines, times, columns, axes, hasData: lines.some((l) => l.stats !== undefined) };
}
