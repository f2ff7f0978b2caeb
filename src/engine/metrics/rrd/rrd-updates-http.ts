// GET /rrd_updates as xapi answers it, independent of the transport: the
// Node server and the browser worker ('http-get' messages) both call
// answerRrdUpdates, so both send the same bytes.
//   - Session: `session_id` from the cookie or the query (xapi_http.ml
//     lookup_param_of_req); missing or unknown → 401 Unauthorised with
//     WWW-Authenticate: Basic realm="Get RRD updates." (Xapi_http.with_context,
//     http_svr.ml response_unauthorised).
//   - `start` missing → 400 with no body (rrdd_proxy.ml); not an integer →
//     500 (Int64.of_string fails in rrdd_http_handler.ml).
//   - `cf` AVERAGE|MIN|MAX (exact case; anything else: all of them);
//     `interval` in seconds (not a number: 0); `host=true`; `vm_uuid`
//     (repeatable); JSON when the Accept header prefers application/json to
//     text/xml, or, when it states no preference, when a `json` parameter is
//     present (any value): rrdd_http_handler.ml client_prefers_json, with
//     http.ml's Accept parsing (which, like xapi's, does not trim blanks
//     after commas). fetch's default "Accept: */*" therefore gets JSON.
//   - Nothing to export (no RRD, or an RRD without the asked consolidation
//     function) → 500 naming Rrd.No_RRA_Available.
import type { Engine } from '../../engine';
import { NoRraAvailable, rrdUpdates, rrdUpdatesJson, rrdUpdatesXml, type RrdUpdatesQuery } from '../rrd-updates';
import type { ConsolidationFunction } from './rrd-layout';

export const RRD_UPDATES_PATH = '/rrd_updates';
const REALM = 'Get RRD updates.';

export interface HttpAnswer {
  readonly status: number;
  /** The status line's text, as xapi words it. */
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HttpRequestFacts {
  /** The Accept header, if any. */
  readonly accept?: string | undefined;
  /** The Cookie header, if any. */
  readonly cookie?: string | undefined;
}

const NO_CACHE = 'no-cache, no-store';

/** http_svr.ml response_error_html. */
function errorPage(status: number, reason: string, body: string, extra: Record<string, string> = {}): HttpAnswer {
  return { status, statusText: reason, headers: { 'Content-Type': 'text/html', Connection: 'close', 'Cache-Control': NO_CACHE, ...extra }, body };
}

const unauthorised = () =>
  errorPage(401, 'Unauthorised', '<html><body><h1>HTTP 401 unauthorised</h1>Please check your credentials and retry.</body></html>', {
    'WWW-Authenticate': `Basic realm="${REALM}"`,
  });

const internalError = (what: string) =>
  errorPage(
    500,
    'Internal Error',
    '<html><body><h1>HTTP 500 internal server error</h1>An unexpected error occurred; please wait a while and try again. If the problem persists, please contact your support representative.' +
      `<h1> Additional information </h1>${escapeHtml(what)}</body></html>`,
  );

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The query string (without '?') as ordered pairs; '+' is a space. */
export function parseQuery(search: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of search.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([decode(key), decode(value)]);
  }
  return pairs;
}

function decode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

function cookieValue(cookie: string | undefined, name: string): string | undefined {
  if (cookie === undefined) return undefined;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === name) return decode(part.slice(eq + 1).trim());
  }
  return undefined;
}

const INT64 = /^[-+]?\d+$/;

interface AcceptItem {
  readonly type: string | undefined; // undefined: '*'
  readonly subtype: string | undefined;
  readonly q: number;
}

/** http.ml Accept.of_string; undefined when it cannot be parsed. */
function parseAccept(header: string): AcceptItem[] | undefined {
  const items: AcceptItem[] = [];
  for (const single of header.split(',')) {
    if (single === '') continue;
    const [tySubty = '', ...params] = single.split(';');
    const parts = tySubty.split('/');
    if (parts.length !== 2) return undefined;
    const type = parts[0] === '*' ? undefined : parts[0];
    const subtype = type === undefined || parts[1] === '*' ? undefined : parts[1];
    let q = 1000;
    for (const p of params) {
      const eq = p.indexOf('=');
      if (eq < 0) return undefined;
      if (p.slice(0, eq) === 'q') {
        const f = Number(p.slice(eq + 1));
        if (!Number.isFinite(f)) return undefined;
        q = Math.trunc(1000 * f);
      }
    }
    items.push({ type, subtype, q });
  }
  return items;
}

const specificity = (a: AcceptItem) => (a.type === undefined ? 2 : a.subtype === undefined ? 1 : 0);

function matches(mime: string, a: AcceptItem): boolean {
  if (a.type === undefined) return true;
  if (a.subtype === undefined) return mime.split('/')[0] === a.type;
  return `${a.type}/${a.subtype}` === mime;
}

/** http.ml Accept.preferred ~from:[json; xml]. */
function preferred(from: readonly string[], accepted: readonly AcceptItem[]): string[] {
  let rest = [...accepted].sort((x, y) => y.q - x.q || specificity(x) - specificity(y));
  while (rest.length > 0) {
    const q = rest[0]!.q;
    const best = rest.filter((a) => a.q === q);
    rest = rest.filter((a) => a.q !== q);
    const negotiated = from.filter((m) => best.some((a) => matches(m, a)));
    if (negotiated.length > 0) return negotiated;
  }
  return [];
}

export function clientPrefersJson(accept: string | undefined, jsonParam: boolean): boolean {
  if (accept === undefined) return jsonParam;
  const parsed = parseAccept(accept);
  if (parsed === undefined) return jsonParam;
  const [first] = preferred(['application/json', 'text/xml'], parsed);
  return first === undefined ? jsonParam : first === 'application/json';
}

/** Answer GET /rrd_updates?<search> for the engine's pool. */
export function answerRrdUpdates(engine: Engine, search: string, facts: HttpRequestFacts = {}): HttpAnswer {
  const query = parseQuery(search);
  const first = (key: string) => query.find(([k]) => k === key)?.[1];
  const session = cookieValue(facts.cookie, 'session_id') ?? first('session_id');
  if (session === undefined || !engine.world.has('session', session)) return unauthorised();

  const startText = first('start');
  if (startText === undefined) return { status: 400, statusText: 'Bad Request', headers: { Connection: 'close', 'Cache-Control': NO_CACHE }, body: '' };
  if (!INT64.test(startText)) return internalError('Failure("Int64.of_string")');
  const cfText = first('cf');
  const cf = cfText === 'AVERAGE' || cfText === 'MIN' || cfText === 'MAX' ? (cfText as ConsolidationFunction) : undefined;
  if (cfText === 'LAST') return internalError('Rrd.No_RRA_Available'); // xapi knows LAST; its RRDs keep none
  const intervalText = first('interval');
  const vmUuids = query.filter(([k]) => k === 'vm_uuid').map(([, v]) => v);
  const dataSources = query.filter(([k]) => k === 'ds').map(([, v]) => v);
  const maxPoints = Number(first('max_points'));
  const q: RrdUpdatesQuery = {
    start: Number(startText),
    interval: intervalText !== undefined && INT64.test(intervalText) ? Number(intervalText) : 0,
    cf,
    host: first('host') === 'true',
    vmUuids: vmUuids.length > 0 ? vmUuids : undefined,
    hostUuid: first('host_uuid'),
    maxPoints: Number.isInteger(maxPoints) && maxPoints > 0 ? maxPoints : undefined,
    dataSources: dataSources.length > 0 ? dataSources : undefined,
  };
  const json = clientPrefersJson(facts.accept, first('json') !== undefined);
  let body: string;
  try {
    const updates = rrdUpdates(engine, q);
    body = json ? rrdUpdatesJson(updates) : rrdUpdatesXml(updates);
  } catch (e) {
    if (e instanceof NoRraAvailable) return internalError('Rrd.No_RRA_Available');
    throw e;
  }
  return {
    status: 200,
    statusText: 'OK',
    headers: {
      'Content-Type': json ? 'application/json' : 'text/xml',
      'Cache-Control': NO_CACHE,
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'X-Requested-With',
    },
    body,
  };
}
