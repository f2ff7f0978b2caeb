// The pool's HTTP handlers for XVAs, independent of the transport (the Node
// server and the browser worker both call these, so both send the same bytes):
//   GET /export?session_id=…&ref=OpaqueRef:… (or uuid=…) [&task_id=…]
//     → 200 application/octet-stream, Content-Disposition: attachment;
//       filename="export.xva", the XVA (xva-export.ts) — export.ml `handler`;
//   PUT /import?session_id=…[&sr_id=…][&force=true][&restore=true][&task_id=…], body the XVA
//     → 200; the new VMs are the task's result (import.ml `handler`).
// Credentials as xapi_http.ml takes them: session_id in the query or a
// cookie; missing or unknown → 401. The work is done under a task — the
// caller's task_id (XenCenter creates one with task.create and watches it) or
// a new one — which ends with the result or the XenAPI error; a failed
// export also answers 500 with the error's code and parameters (a failed
// import answers 200 unless its SR was refused: importFailureStatus). Both are
// instant in virtual time here (the transfer itself is not modelled).
import { XenApiError, xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { parseQuery } from '../metrics/rrd/rrd-updates-http';
import { assertVmOperation } from '../vm/checks';
import { utf8Encode } from '../../xapi/xva/utf8';
import { exportXva } from './xva-export';
import { importXva } from './xva-import';

export const EXPORT_PATH = '/export';
export const IMPORT_PATH = '/import';

export interface BinaryHttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface XvaRequestFacts {
  readonly cookie?: string | undefined;
}

function cookieValue(cookie: string | undefined, name: string): string | undefined {
  for (const part of (cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function answer(status: number, statusText: string, body: string, headers: Record<string, string> = {}): BinaryHttpAnswer {
  return { status, statusText, headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', ...headers }, body: utf8Encode(body) };
}

const unauthorised = (realm: string) =>
  answer(401, 'Unauthorised', 'HTTP 401 unauthorised: please check your credentials and retry.\n', { 'WWW-Authenticate': `Basic realm="${realm}"` });

interface Request {
  readonly query: ReadonlyMap<string, string>;
  readonly task: string;
}

/** Session check and the task the work runs under; undefined when not authorised. */
function open(engine: Engine, search: string, facts: XvaRequestFacts, name: string): Request | undefined {
  const query = new Map(parseQuery(search));
  const session = cookieValue(facts.cookie, 'session_id') ?? query.get('session_id');
  if (session === undefined || !engine.world.has('session', session)) return undefined;
  const given = cookieValue(facts.cookie, 'task_id') ?? query.get('task_id');
  const task = given !== undefined && engine.world.has('task', given) && engine.tasks.isPending(given) ? given : engine.tasks.create(name, '', false);
  return { query, task };
}

const asXenApiError = (e: unknown): XenApiError => (e instanceof XenApiError ? e : xenError('INTERNAL_ERROR', e instanceof Error ? e.message : String(e)));

/** The task fails with the error; the answer (500 unless told) names it too. */
function failed(engine: Engine, task: string, error: XenApiError, status: readonly [number, string] = [500, 'Internal Error']): BinaryHttpAnswer {
  engine.tasks.fail(task, error);
  return answer(status[0], status[1], `${[error.code, ...error.params].join('\n')}\n`, { 'task-id': task });
}

function vmOf(engine: Engine, query: ReadonlyMap<string, string>): string {
  const ref = query.get('ref');
  if (ref !== undefined) {
    if (!engine.world.has('VM', ref)) throw xenError('HANDLE_INVALID', 'VM', ref);
    return ref;
  }
  const uuid = query.get('uuid') ?? '';
  const found = [...engine.world.entries('VM')].find(([, r]) => r.uuid === uuid);
  if (found === undefined) throw xenError('UUID_INVALID', 'VM', uuid);
  return found[0];
}

/** GET /export. Never throws. */
export function answerExport(engine: Engine, search: string, facts: XvaRequestFacts = {}): BinaryHttpAnswer {
  const request = open(engine, search, facts, 'VM.export');
  if (request === undefined) return unauthorised('VM.export');
  try {
    const vm = vmOf(engine, request.query);
    assertVmOperation(engine, vm, 'export');
    const body = exportXva(engine, vm);
    engine.tasks.succeed(request.task);
    return {
      status: 200,
      statusText: 'OK',
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="export.xva"', 'task-id': request.task, Connection: 'close' },
      body,
    };
  } catch (e) {
    return failed(engine, request.task, asXenApiError(e));
  }
}

const flag = (query: ReadonlyMap<string, string>, key: string) => query.get(key) === 'true';

/** PUT /import with the XVA as `body`. Never throws. */
export function answerImport(engine: Engine, search: string, body: Uint8Array, facts: XvaRequestFacts = {}): BinaryHttpAnswer {
  const request = open(engine, search, facts, 'VM.import');
  if (request === undefined) return unauthorised('VM.import');
  try {
    let sr = request.query.get('sr_id') ?? NULL_REF;
    const srUuid = request.query.get('sr_uuid');
    if (sr === NULL_REF && srUuid !== undefined) sr = [...engine.world.entries('SR')].find(([, r]) => r.uuid === srUuid)?.[0] ?? 'invalid';
    const vms = importXva(engine, body, { sr, force: flag(request.query, 'force'), restore: flag(request.query, 'restore') });
    engine.tasks.succeed(request.task, vms);
    return answer(200, 'OK', '', { 'task-id': request.task });
  } catch (e) {
    const error = asXenApiError(e);
    return failed(engine, request.task, error, importFailureStatus(error.code));
  }
}

/**
 * import.ml answers 200 with the task-id header before it reads the stream, so
 * a bad XVA (or a full SR) is reported by the task alone -- which is where
 * Xen Orchestra's putResource looks. Only the checks made before that answer
 * differ: an ISO SR gets 400; an SR that cannot be found, 500.
 */
function importFailureStatus(code: string): readonly [number, string] {
  if (code === 'SR_OPERATION_NOT_SUPPORTED') return [400, 'Bad Request'];
  if (code === 'HANDLE_INVALID' || code === 'DEFAULT_SR_NOT_FOUND') return [500, 'Internal Error'];
  return [200, 'OK'];
}

const notFound = (path: string): BinaryHttpAnswer => answer(404, 'Not Found', `Not found: ${path}\n`);

/**
 * The endpoint a path names: xapi finds its HTTP handlers by prefix, so
 * "/export/" (what Xen Orchestra requests) is "/export".
 */
export function xvaEndpointOf(path: string): string {
  return path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : path;
}

/**
 * One request to the pool's XVA handlers, whatever carried it (the Node
 * server's HTTP, the worker's 'http-binary' messages): `target` is the path
 * with its query. Anything else is 404. Never throws.
 */
export function answerXvaRequest(engine: Engine, method: string, target: string, body: Uint8Array, facts: XvaRequestFacts = {}): BinaryHttpAnswer {
  const at = target.indexOf('?');
  const path = xvaEndpointOf(at < 0 ? target : target.slice(0, at));
  const search = at < 0 ? '' : target.slice(at + 1);
  if (path === EXPORT_PATH && (method === 'GET' || method === 'HEAD')) return answerExport(engine, search, facts);
  if (path === IMPORT_PATH && method === 'PUT') return answerImport(engine, search, body, facts);
  return notFound(path);
}
