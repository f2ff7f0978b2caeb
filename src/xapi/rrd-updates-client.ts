// Reading a pool's RRD updates (GET /rrd_updates, xapi's rrdd_http_handler):
// build the request, parse the answer (XML or JSON, old and new xapi
// spellings) into plain data a chart can use.
//
// Usage (the console, pool in the lab worker):
//   const data = await labConnection.fetchRrdUpdates({ start: now - 600, host: true, hostUuid });
// or with any HttpGet (worker port, or fetchHttpGet against a real pool):
//   const data = await fetchRrdUpdates(transport.httpGet, sessionRef, { start: -600, vmUuids: [uuid], maxPoints: 300 });
//   const cpu0 = seriesOf(data, { kind: 'vm', uuid, name: 'cpu0' }); // [t, value][] oldest first
// `start` is Unix seconds (negative: relative to the pool's last update).
// The answer's rows are OLDEST FIRST (xapi sends newest first; reversed here
// for charts); a value the pool does not know is NaN. Each legend entry
// "AVERAGE:vm:<uuid>:cpu0" is also given split up in `columns`.
// Errors: RrdUpdatesError with the HTTP status (401 bad session; 500 whose
// `noData` is true when the pool has no archive to export yet, e.g. nothing
// has run); TransportError when the pool cannot be reached.
import type { HttpGet } from './http-get';
import type { AbortSignalLike } from './transport';

export type RrdCf = 'AVERAGE' | 'MIN' | 'MAX';

export interface RrdUpdatesRequest {
  /** Unix seconds of the oldest row wanted; negative: seconds before the pool's last update. */
  readonly start: number;
  /** Seconds per row wanted (0 or omitted: the finest archive that reaches back to start). */
  readonly interval?: number;
  /** One consolidation function (omitted: every one the archives keep). */
  readonly cf?: RrdCf;
  /** Include host RRDs (xapi's host=true). */
  readonly host?: boolean;
  /** Only these VMs (omitted: every running VM the answering host holds). */
  readonly vmUuids?: readonly string[];
  /** XenLab extension (a real xapi ignores it): answer as this host would. */
  readonly hostUuid?: string;
  /** XenLab extension: merge rows so that at most this many remain (charts). */
  readonly maxPoints?: number;
  /** XenLab extension: only these data sources (a real xapi sends them all). */
  readonly dataSources?: readonly string[];
  /** Ask for JSON (default true; false: xapi's default XML). */
  readonly json?: boolean;
}

export interface RrdColumn {
  readonly cf: string;
  /** 'host' | 'vm' (xapi also has 'sr'). */
  readonly kind: string;
  readonly uuid: string;
  /** Data-source name, e.g. "cpu0", "memory_internal_free", "vif_0_tx". */
  readonly name: string;
}

export interface RrdRow {
  /** Unix seconds at the end of the row. */
  readonly t: number;
  /** One value per legend entry; NaN when unknown. */
  readonly values: readonly number[];
}

export interface RrdUpdatesData {
  readonly start: number;
  readonly end: number;
  /** Seconds per row. */
  readonly step: number;
  /** xapi's legend entries, "CF:kind:uuid:name". */
  readonly legend: readonly string[];
  /** The legend entries split up (same order). */
  readonly columns: readonly RrdColumn[];
  /** Oldest first. */
  readonly rows: readonly RrdRow[];
}

export class RrdUpdatesError extends Error {
  readonly status: number;
  /** The pool has nothing to export (xapi's Rrd.No_RRA_Available). */
  readonly noData: boolean;

  constructor(status: number, body: string) {
    const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
    super(`rrd_updates: HTTP ${status}${text ? `: ${text}` : ''}`);
    this.name = 'RrdUpdatesError';
    this.status = status;
    this.noData = status === 500 && body.includes('No_RRA_Available');
  }
}

/** The path and query of a request ("/rrd_updates?session_id=…"). */
export function rrdUpdatesPath(session: string, request: RrdUpdatesRequest): string {
  const q: string[] = [`session_id=${encodeURIComponent(session)}`, `start=${Math.trunc(request.start)}`];
  if (request.interval !== undefined) q.push(`interval=${Math.trunc(request.interval)}`);
  if (request.cf !== undefined) q.push(`cf=${request.cf}`);
  if (request.host === true) q.push('host=true');
  for (const uuid of request.vmUuids ?? []) q.push(`vm_uuid=${encodeURIComponent(uuid)}`);
  if (request.hostUuid !== undefined) q.push(`host_uuid=${encodeURIComponent(request.hostUuid)}`);
  if (request.maxPoints !== undefined) q.push(`max_points=${Math.trunc(request.maxPoints)}`);
  for (const ds of request.dataSources ?? []) q.push(`ds=${encodeURIComponent(ds)}`);
  if (request.json !== false) q.push('json=true');
  return `/rrd_updates?${q.join('&')}`;
}

/** GET /rrd_updates through `get` and parse it. */
export async function fetchRrdUpdates(
  get: HttpGet,
  session: string,
  request: RrdUpdatesRequest,
  options: { readonly signal?: AbortSignalLike } = {},
): Promise<RrdUpdatesData> {
  // No Accept header: xapi then goes by the json parameter.
  const answer = await get(rrdUpdatesPath(session, request), options.signal === undefined ? {} : { signal: options.signal });
  if (answer.status !== 200) throw new RrdUpdatesError(answer.status, answer.body);
  return parseRrdUpdates(answer.body);
}

/** Split "AVERAGE:vm:<uuid>:cpu0" (the name may itself hold colons). */
export function parseLegendEntry(entry: string): RrdColumn {
  const [cf = '', kind = '', uuid = '', ...name] = entry.split(':');
  return { cf, kind, uuid, name: name.join(':') };
}

/** The [t, value] pairs (oldest first) of the first column matching `which`. */
export function seriesOf(data: RrdUpdatesData, which: Partial<RrdColumn>): [number, number][] {
  const j = data.columns.findIndex(
    (c) =>
      (which.cf === undefined || c.cf === which.cf) &&
      (which.kind === undefined || c.kind === which.kind) &&
      (which.uuid === undefined || c.uuid === which.uuid) &&
      (which.name === undefined || c.name === which.name),
  );
  if (j < 0) return [];
  return data.rows.map((r) => [r.t, r.values[j] ?? Number.NaN]);
}

/** Parse an rrd_updates document, XML or JSON (told apart by its first character). */
export function parseRrdUpdates(body: string): RrdUpdatesData {
  const text = body.trimStart();
  return text.startsWith('<') ? parseXml(text) : parseJson(text);
}

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === 'NaN' || t === 'nan') return Number.NaN;
    if (t === 'Infinity' || t === 'inf') return Infinity;
    if (t === '-Infinity' || t === '-inf') return -Infinity;
    return t === '' ? Number.NaN : Number(t);
  }
  return Number.NaN;
}

function assemble(meta: { start: number; end: number; step: number }, legend: string[], newestFirst: RrdRow[]): RrdUpdatesData {
  const rows = [...newestFirst].sort((a, b) => a.t - b.t);
  return { ...meta, legend, columns: legend.map(parseLegendEntry), rows };
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** Text of every <tag>…</tag> in `xml` (no nesting of the same tag in this format). */
function allOf(xml: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) out.push(m[1]!);
  return out;
}

const firstOf = (xml: string, tag: string) => allOf(xml, tag)[0] ?? '';

function parseXml(xml: string): RrdUpdatesData {
  if (!xml.includes('<xport>')) throw new Error('rrd_updates: not an xport document');
  const meta = firstOf(xml, 'meta');
  const legend = allOf(firstOf(meta, 'legend'), 'entry').map((e) => unescapeXml(e.trim()));
  const data = xml.slice(xml.indexOf('</meta>'));
  const rows = allOf(data, 'row').map((row) => ({ t: num(firstOf(row, 't')), values: allOf(row, 'v').map(num) }));
  return assemble({ start: num(firstOf(meta, 'start')), end: num(firstOf(meta, 'end')), step: num(firstOf(meta, 'step')) }, legend, rows);
}

interface JsonDoc {
  meta?: { start?: unknown; end?: unknown; step?: unknown; legend?: unknown };
  data?: unknown;
}

/**
 * JSON as xapi ≥ 23.31 sends it (every scalar a string), and as older xapi
 * did: JavaScript-like, keys unquoted and NaN bare.
 */
function parseJson(text: string): RrdUpdatesData {
  let doc: JsonDoc;
  try {
    doc = JSON.parse(text) as JsonDoc;
  } catch {
    const fixed = text
      .replace(/([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:/g, '$1"$2":')
      .replace(/([[,:]\s*)(-?Infinity|NaN|nan|-?inf)(?=\s*[,\]}])/g, '$1"$2"');
    doc = JSON.parse(fixed) as JsonDoc;
  }
  const meta = doc.meta ?? {};
  const legend = Array.isArray(meta.legend) ? meta.legend.map(String) : [];
  const data = Array.isArray(doc.data) ? (doc.data as { t?: unknown; values?: unknown }[]) : [];
  const rows = data.map((r) => ({ t: num(r.t), values: Array.isArray(r.values) ? r.values.map(num) : [] }));
  return assemble({ start: num(meta.start), end: num(meta.end), step: num(meta.step) }, legend, rows);
}
