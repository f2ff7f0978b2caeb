// From an rrd_updates document (xapi's `/rrd_updates` export: a legend of
// "CF:kind:uuid:name" columns and rows newest first) to the series one
// object's graphs draw: oldest first, one array per data source, unknown
// values (NaN) kept as gaps, at most a few hundred points per series.
//
// Memory is shown as XenCenter shows it (DataSet.AddPoint): the free-memory
// sources become "Used Memory" — host: memory_total_kib − memory_free_kib;
// VM: memory − memory_internal_free — in bytes like every memory series.

/** The parts of an rrd_updates document this reads (the transport's parser gives more). */
export interface RrdUpdatesDoc {
  readonly step: number;
  readonly legend: readonly string[];
  /** As xapi sends them: newest first. */
  readonly rows: readonly { readonly t: number; readonly values: ArrayLike<number> }[];
}

export type RrdObjectKind = 'host' | 'vm';

export interface ObjectSeries {
  /** Seconds per row. */
  readonly step: number;
  /** Row times (Unix seconds), oldest first. */
  readonly times: readonly number[];
  /** Values by data-source name, aligned with `times` (NaN: unknown). */
  readonly values: ReadonlyMap<string, readonly number[]>;
}

const KIB = 1024;

/** The columns of one object for one consolidation function, by data-source name. */
export function columnsOf(legend: readonly string[], kind: RrdObjectKind, uuid: string, cf = 'AVERAGE'): Map<string, number> {
  const prefix = `${cf}:${kind}:${uuid}:`;
  const columns = new Map<string, number>();
  legend.forEach((entry, i) => {
    if (entry.startsWith(prefix)) columns.set(entry.slice(prefix.length), i);
  });
  return columns;
}

/** One object's series from a document, oldest first, memory in bytes and as XenCenter shows it. */
export function seriesOf(doc: RrdUpdatesDoc, kind: RrdObjectKind, uuid: string): ObjectSeries {
  const columns = columnsOf(doc.legend, kind, uuid);
  const rows = [...doc.rows].sort((a, b) => a.t - b.t);
  const times = rows.map((r) => r.t);
  const values = new Map<string, number[]>();
  for (const [name, column] of columns) values.set(name, rows.map((r) => toNumber(r.values[column])));
  deriveUsedMemory(values, kind);
  return { step: doc.step, times, values };
}

function toNumber(v: number | undefined): number {
  return typeof v === 'number' ? v : Number.NaN;
}

function deriveUsedMemory(values: Map<string, number[]>, kind: RrdObjectKind): void {
  if (kind === 'host') {
    const total = values.get('memory_total_kib');
    const free = values.get('memory_free_kib');
    if (total !== undefined) values.set('memory_total_kib', total.map((v) => v * KIB));
    if (total !== undefined && free !== undefined) values.set('memory_free_kib', free.map((f, i) => (total[i]! - f) * KIB));
    else if (free !== undefined) values.set('memory_free_kib', free.map(() => Number.NaN));
    return;
  }
  const memory = values.get('memory');
  const free = values.get('memory_internal_free');
  if (free === undefined) return;
  values.set('memory_internal_free', memory === undefined ? free.map(() => Number.NaN) : free.map((f, i) => memory[i]! - f * KIB));
}

/**
 * At most `max` points: rows are merged in equal runs (the mean of the known
 * values; a run with none stays unknown), stamped with the run's last time,
 * as the archive itself consolidates. The pool usually sends few enough
 * rows already (XenLab's max_points); this keeps a real pool's answer, or a
 * wide host document, within what a chart draws smoothly.
 */
export function downsample(series: ObjectSeries, max: number): ObjectSeries {
  const n = series.times.length;
  if (n <= max || max < 1) return series;
  const run = Math.ceil(n / max);
  const times: number[] = [];
  for (let end = n; end > 0; end -= run) times.push(series.times[end - 1]!);
  times.reverse();
  const values = new Map<string, number[]>();
  for (const [name, vs] of series.values) {
    const out: number[] = [];
    for (let end = n; end > 0; end -= run) {
      let sum = 0;
      let known = 0;
      for (let i = Math.max(0, end - run); i < end; i++) {
        const v = vs[i]!;
        if (Number.isNaN(v)) continue;
        sum += v;
        known++;
      }
      out.push(known === 0 ? Number.NaN : sum / known);
    }
    values.set(name, out.reverse());
  }
  return { step: series.step * run, times, values };
}

export interface SeriesStats {
  /** The newest known value. */
  readonly current: number;
  readonly min: number;
  readonly max: number;
  readonly average: number;
  /** How many values were known. */
  readonly count: number;
}

/** Current, minimum, maximum and average of the known values (undefined: none known). */
export function statsOf(values: readonly number[]): SeriesStats | undefined {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  let current = Number.NaN;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    count++;
    current = v;
  }
  return count === 0 ? undefined : { current, min, max, average: sum / count, count };
}
