// GET /rrd_updates on the Node server: xapi's HTTP handler for RRD updates
// (the answer itself is the engine's, shared with the browser worker: see
// src/engine/metrics/rrd/rrd-updates-http.ts). Only GET is served, as xapi
// registers only "get_rrd_updates"; anything else is 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';
import { answerRrdUpdates, RRD_UPDATES_PATH } from '../engine/metrics/rrd/rrd-updates-http';

export { RRD_UPDATES_PATH };

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Answer a request whose path is RRD_UPDATES_PATH. Never throws. */
export function handleRrdUpdates(engine: Engine, req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  if (res.headersSent || res.destroyed) return;
  const url = req.url ?? '';
  const at = url.indexOf('?');
  const search = at < 0 ? '' : url.slice(at + 1);
  let answer;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    answer = { status: 404, statusText: 'Not Found', headers: { Connection: 'close', 'Cache-Control': 'no-cache, no-store' }, body: '' };
  } else {
    try {
      answer = answerRrdUpdates(engine, search, { accept: headerText(req.headers.accept), cookie: headerText(req.headers.cookie) });
    } catch (e) {
      const what = e instanceof Error ? e.message : String(e);
      answer = { status: 500, statusText: 'Internal Error', headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }, body: `${what}\n` };
    }
  }
  const payload = Buffer.from(answer.body, 'utf8');
  res.writeHead(answer.status, answer.statusText, { ...answer.headers, 'Content-Length': String(payload.length) });
  res.end(req.method === 'HEAD' ? undefined : payload);
}
