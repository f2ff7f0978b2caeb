// XAPI's rrd_updates document (ocaml/libs/xapi-rrd/lib/rrd_updates.ml
// `create_multi`, `xml_of`, `json_of_t`; rrdd_http_handler.ml
// `get_host_stats`): the rows of one archive of several RRDs since `start`.
//   - The archive: for each RRD, its archives with the asked consolidation
//     function (all of them without `cf`), the first whose rows are at least
//     `interval` long and that still reaches back to `start`; failing that,
//     the longest. Every RRD then uses the first RRD's choice.
//   - Columns: per RRD (hosts first, then VMs), per consolidation function
//     the archive keeps, per data source: legend "CF:host:<uuid>:<name>" or
//     "CF:vm:<uuid>:<name>".
//   - Rows: newest first, from the archive's last complete row back to
//     `start` (inclusive), at most the archive's row count. meta.start is the
//     first row boundary after `start`, meta.end the newest row's time.
//   - XML as Xmlm writes it (declaration, then no whitespace); JSON with
//     every number as a string, as xapi ≥ 23.31 sends it; values formatted
//     as xapi's Rrd_utils.f_to_s.
// RRDs asked with a consolidation function some of them lack (MIN of a VM
// RRD without min/max) fail the whole request, as in xapi.
//
// One server answers for the whole pool here: by default it answers as if
// every host were the one asked (every host's RRD with host=true, every
// running VM's). XenLab extensions (ignored by a real xapi, so a client may
// always send them):
//   host_uuid=<uuid>  answer as that host would: its RRD and its resident VMs'
//   max_points=<n>    merge adjacent rows so that at most n remain (AVERAGE:
//                     mean of the known values; MIN: min; MAX: max; a merged
//                     row is stamped with its newest row's time, meta.step
//                     becomes the merged step). Archive choice already bounds
//                     a series to 366 rows; this is for narrower charts.
//   ds=<name>         (repeatable) only these data sources' columns: a pool
//                     overview that wants each VM's cpu_usage reads a few
//                     kilobytes instead of every source of 1,000 VMs.
import type { Engine } from '../engine';
import { rrdStoreOf } from './metrics-tick';
import { formatStored } from './rrd/float-format';
import { ARCHIVES, CONSOLIDATION_FUNCTIONS, PDP_STEP, type ConsolidationFunction } from './rrd/rrd-layout';
import type { Cf } from './rrd/rrd-archives';
import type { Rrd, RrdStore } from './rrd/rrd-store';

export interface RrdUpdatesQuery {
  /** Unix seconds; negative: relative to the last update. */
  readonly start: number;
  /** Seconds per row wanted (0: the finest that reaches back to start). */
  readonly interval: number;
  readonly cf?: ConsolidationFunction | undefined;
  /** Include host RRDs. */
  readonly host: boolean;
  /** Only these VMs (undefined: every running VM). */
  readonly vmUuids?: readonly string[] | undefined;
  /** XenLab: answer as this host would (its RRD, its resident VMs). */
  readonly hostUuid?: string | undefined;
  /** XenLab: merge rows to at most this many. */
  readonly maxPoints?: number | undefined;
  /** XenLab: only these data sources (undefined: all). */
  readonly dataSources?: readonly string[] | undefined;
}

export interface RrdUpdates {
  readonly start: number;
  readonly step: number;
  readonly end: number;
  readonly legend: readonly string[];
  /** Newest first. */
  readonly rows: readonly { readonly t: number; readonly values: Float64Array }[];
}

/** xapi's Rrd.No_RRA_Available: nothing to export (no RRD, or one without the asked archive). */
export class NoRraAvailable extends Error {
  constructor() {
    super('Rrd.No_RRA_Available');
    this.name = 'NoRraAvailable';
  }
}

interface Choice {
  readonly a: number;
  readonly cf: Cf;
}

/** The RRDs a query covers, hosts first, in creation order. */
function selectRrds(engine: Engine, store: RrdStore, q: RrdUpdatesQuery): Rrd[] {
  let hostRef: string | undefined;
  if (q.hostUuid !== undefined) hostRef = engine.world.refByUuid('host', q.hostUuid) ?? '';
  const hosts: Rrd[] = [];
  const vms: Rrd[] = [];
  const wanted = q.vmUuids === undefined ? undefined : new Set(q.vmUuids);
  for (const rrd of store.all()) {
    if (rrd.kind === 'host') {
      if (q.host && (hostRef === undefined || rrd.ref === hostRef)) hosts.push(rrd);
      continue;
    }
    if (rrd.archived || (wanted !== undefined && !wanted.has(rrd.uuid))) continue;
    if (hostRef !== undefined && engine.world.find('VM', rrd.ref)?.resident_on !== hostRef) continue;
    vms.push(rrd);
  }
  return [...hosts, ...vms];
}

/** Rrd.find_best_rras for one RRD. */
function bestArchives(store: RrdStore, rrd: Rrd, pdpInterval: number, cf: Cf | undefined, start: number, lastPdpTime: number): Choice[] {
  const candidates: Choice[] = [];
  ARCHIVES.forEach((_, a) => {
    for (const c of store.cfsOf(rrd, a)) if (cf === undefined || c === cf) candidates.push({ a, cf: c });
  });
  if (candidates.length === 0) throw new NoRraAvailable();
  const reaches = (t: number, a: number) => {
    const spec = ARCHIVES[a]!;
    return spec.pdps >= pdpInterval && t > lastPdpTime - PDP_STEP * spec.rows * spec.pdps;
  };
  const first = candidates.find((c) => reaches(start, c.a));
  if (first !== undefined) return candidates.filter((c) => c.a === first.a);
  const longest = ARCHIVES[candidates[candidates.length - 1]!.a]!;
  const newStart = 1 + lastPdpTime - PDP_STEP * longest.rows * longest.pdps;
  return candidates.filter((c) => reaches(newStart, c.a));
}

export function rrdUpdates(engine: Engine, q: RrdUpdatesQuery): RrdUpdates {
  const store = rrdStoreOf(engine);
  const rrds = selectRrds(engine, store, q);
  const lastUpdate = store.lastUpdate;
  if (rrds.length === 0 || lastUpdate === undefined) throw new NoRraAvailable();
  const cf = q.cf === undefined ? undefined : (CONSOLIDATION_FUNCTIONS.indexOf(q.cf) as Cf);
  const start = q.start < 0 ? q.start + lastUpdate : q.start;
  const pdpInterval = Math.trunc(q.interval / PDP_STEP);
  const choices = rrds.map((rrd) => bestArchives(store, rrd, pdpInterval, cf, start, lastUpdate));
  const firstChoice = choices.find((c) => c.length > 0)?.[0];
  if (firstChoice === undefined) throw new NoRraAvailable();
  const a = firstChoice.a;
  const legend: string[] = [];
  const columns: { rrd: Rrd; column: number; cf: Cf }[] = [];
  const only = q.dataSources === undefined ? undefined : new Set(q.dataSources);
  rrds.forEach((rrd, i) => {
    const prefix = `${rrd.kind}:${rrd.uuid}:`;
    for (const choice of choices[i]!) {
      if (choice.a !== a) continue;
      const cfName = CONSOLIDATION_FUNCTIONS[choice.cf]!;
      rrd.names.forEach((name, column) => {
        if (only !== undefined && !only.has(name)) return;
        legend.push(`${cfName}:${prefix}${name}`);
        columns.push({ rrd, column, cf: choice.cf });
      });
    }
  });
  const { step, rows: rowCount } = ARCHIVES[a]!;
  const end = Math.floor(lastUpdate / step) * step;
  const first = Math.floor(start / step) * step + step;
  const rows: { t: number; values: Float64Array }[] = [];
  for (let i = 0; i < rowCount; i++) {
    const t = end - i * step;
    if (t < start) break;
    const values = new Float64Array(columns.length);
    columns.forEach((c, j) => {
      values[j] = store.value(c.rrd, c.column, a, c.cf, t);
    });
    rows.push({ t, values });
  }
  const updates: RrdUpdates = { start: first, step, end, legend, rows };
  return q.maxPoints !== undefined && q.maxPoints > 0 && rows.length > q.maxPoints ? mergeRows(updates, columns, q.maxPoints) : updates;
}

/** XenLab's max_points: buckets of a whole multiple of the step, aligned to Unix time, as few as needed. */
function mergeRows(u: RrdUpdates, columns: readonly { cf: Cf }[], maxPoints: number): RrdUpdates {
  for (let factor = Math.ceil(u.rows.length / maxPoints); ; factor++) {
    const merged = mergeBy(u, columns, u.step * factor);
    if (merged.rows.length <= maxPoints) return merged;
  }
}

function mergeBy(u: RrdUpdates, columns: readonly { cf: Cf }[], step: number): RrdUpdates {
  const out: { t: number; values: Float64Array }[] = [];
  let bucket = Number.NaN;
  let group: { t: number; values: Float64Array }[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const values = new Float64Array(columns.length);
    columns.forEach((c, j) => {
      let acc = c.cf === 1 ? Infinity : c.cf === 2 ? -Infinity : 0;
      let n = 0;
      for (const row of group) {
        const v = row.values[j]!;
        if (v !== v) continue;
        n++;
        if (c.cf === 0) acc += v;
        else if (c.cf === 1) acc = Math.min(acc, v);
        else acc = Math.max(acc, v);
      }
      values[j] = n === 0 ? NaN : c.cf === 0 ? acc / n : acc;
    });
    out.push({ t: group[0]!.t, values });
    group = [];
  };
  for (const row of u.rows) {
    const b = Math.ceil(row.t / step);
    if (b !== bucket) {
      flush();
      bucket = b;
    }
    group.push(row);
  }
  flush();
  return { ...u, step, rows: out };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const el = (tag: string, content: string) => (content === '' ? `<${tag}/>` : `<${tag}>${content}</${tag}>`);

/** The XML document xapi sends (Rrd_updates.xml_of through Xmlm). */
export function rrdUpdatesXml(u: RrdUpdates): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<xport><meta>'];
  parts.push(`<start>${u.start}</start><step>${u.step}</step><end>${u.end}</end><rows>${u.rows.length}</rows><columns>${u.legend.length}</columns>`);
  parts.push(el('legend', u.legend.map((e) => `<entry>${escapeXml(e)}</entry>`).join('')));
  parts.push('</meta>');
  const rows: string[] = [];
  for (const row of u.rows) {
    let r = `<row><t>${row.t}</t>`;
    for (let j = 0; j < row.values.length; j++) r += `<v>${formatStored(row.values[j]!)}</v>`;
    rows.push(`${r}</row>`);
  }
  parts.push(el('data', rows.join('')), '</xport>');
  return parts.join('');
}

/** The JSON document xapi sends (Rrd_updates.json_of_t: every scalar a string). */
export function rrdUpdatesJson(u: RrdUpdates): string {
  const s = (x: number) => `"${x}"`;
  const legend = u.legend.map((e) => JSON.stringify(e)).join(',');
  const meta = `{"start":${s(u.start)},"step":${s(u.step)},"end":${s(u.end)},"rows":${s(u.rows.length)},"columns":${s(u.legend.length)},"legend":[${legend}]}`;
  const rows: string[] = [];
  for (const row of u.rows) {
    const values: string[] = [];
    for (let j = 0; j < row.values.length; j++) values.push(`"${formatStored(row.values[j]!)}"`);
    rows.push(`{"t":${s(row.t)},"values":[${values.join(',')}]}`);
  }
  return `{"meta":${meta},"data":[${rows.join(',')}]}`;
}
