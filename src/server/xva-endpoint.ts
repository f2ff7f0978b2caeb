// GET /export and PUT /import on the Node server: xapi's XVA handlers (the
// answers are the engine's, src/engine/export/export-http.ts). A PUT body
// over MAX_XVA_BYTES is refused with 413 (modelled XVAs are a few MiB).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';
import { answerXvaRequest, EXPORT_PATH, IMPORT_PATH, xvaEndpointOf, type BinaryHttpAnswer } from '../engine/export/export-http';

export { EXPORT_PATH, IMPORT_PATH };
export const MAX_XVA_BYTES = 256 * 1024 * 1024;

function send(req: IncomingMessage, res: ServerResponse, answer: BinaryHttpAnswer): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(answer.status, answer.statusText, { 'Access-Control-Allow-Origin': '*', ...answer.headers, 'Content-Length': String(answer.body.length) });
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.length));
}

export function isXvaPath(path: string): boolean {
  const endpoint = xvaEndpointOf(path);
  return endpoint === EXPORT_PATH || endpoint === IMPORT_PATH;
}

/** Answer a request for which isXvaPath holds. Never throws. */
export async function handleXva(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '';
  const method = req.method ?? 'GET';
  const cookie = req.headers.cookie;
  if (method !== 'PUT') {
    req.resume();
    send(req, res, answerXvaRequest(engine, method, url, new Uint8Array(), { cookie }));
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const ok = await new Promise<boolean>((resolve) => {
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_XVA_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(true));
    req.on('error', () => resolve(false));
  });
  if (!ok) return;
  if (size > MAX_XVA_BYTES) {
    send(req, res, { status: 413, statusText: 'Request Entity Too Large', headers: { Connection: 'close' }, body: new Uint8Array() });
    return;
  }
  send(req, res, answerXvaRequest(engine, method, url, new Uint8Array(Buffer.concat(chunks)), { cookie }));
}
