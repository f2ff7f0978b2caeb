// "HTTP GET over postMessage": the console asks the worker for what a real
// pool serves over HTTP GET (today /rrd_updates, for the Performance tab),
// and gets the same status, content type and body the Node server sends,
// so one parser serves a simulated pool and a real one.
//   → { kind: 'http-get', id, path: '/rrd_updates?session_id=…&start=…', accept? }
//   ← { kind: 'http-get', id, status, contentType, body }
// The session travels in the query (session_id), as xapi accepts it.
// The messages are HttpGetRequest / HttpGetReply in src/xapi/lab-protocol.ts.
import type { HttpGetReply, HttpGetRequest } from '../xapi/lab-protocol';
import type { Engine } from '../engine/engine';
import { answerRrdUpdates, RRD_UPDATES_PATH, type HttpAnswer } from '../engine/metrics/rrd/rrd-updates-http';

function reply(id: number, answer: HttpAnswer): HttpGetReply {
  return { kind: 'http-get', id, status: answer.status, contentType: answer.headers['Content-Type'] ?? '', body: answer.body };
}

/** Answer one 'http-get' message; `engine` is undefined while the lab loads (503). */
export function answerHttpGet(engine: Engine | undefined, message: HttpGetRequest): HttpGetReply {
  const at = message.path.indexOf('?');
  const path = at < 0 ? message.path : message.path.slice(0, at);
  const search = at < 0 ? '' : message.path.slice(at + 1);
  if (engine === undefined) return { kind: 'http-get', id: message.id, status: 503, contentType: 'text/plain; charset=utf-8', body: 'The lab is loading.\n' };
  if (path !== RRD_UPDATES_PATH) return { kind: 'http-get', id: message.id, status: 404, contentType: 'text/plain; charset=utf-8', body: `Not found: ${path}\n` };
  try {
    return reply(message.id, answerRrdUpdates(engine, search, { accept: message.accept }));
  } catch (e) {
    return { kind: 'http-get', id: message.id, status: 500, contentType: 'text/plain; charset=utf-8', body: `${e instanceof Error ? e.message : String(e)}\n` };
  }
}
