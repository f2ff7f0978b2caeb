// The Node host's HTTP face: XenAPI JSON-RPC (v1.0 and v2.0) at POST /jsonrpc,
// XML-RPC at POST / (xmlrpc-handler.ts),
// RRD updates at GET /rrd_updates (rrd-endpoint.ts), XVAs at GET /export and
// PUT /import (xva-endpoint.ts),
// as xapi serves it (ocaml/xapi/api_server.ml `jsoncallback`), so real clients
// -- Xen Orchestra's `xen-api`, the XenAPI SDKs, curl -- can drive the
// simulated pool. Requests are handled concurrently (event.from long-polls),
// and no request, however malformed, can take the process down or change the
// world unless the call itself succeeds.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Engine, RealTimer } from '../engine/engine';
import { nodeRealTimer } from './real-time-clock';
import { rpcResponseFor } from './rpc-handler';
import { XMLRPC_CONTENT_TYPE, xmlRpcResponseFor } from './xmlrpc-handler';
import { handleRrdUpdates, RRD_UPDATES_PATH } from './rrd-endpoint';
import { handleXva, isXvaPath } from './xva-endpoint';

export interface XapiServerOptions {
  /** Largest request body accepted, in bytes (default 1 MiB); larger gets 413. */
  readonly maxBodyBytes?: number;
  /** Shown on the GET / page (e.g. the world's name). */
  readonly worldName?: string;
  /** Where unexpected server-side failures are reported (default console.error). */
  readonly onError?: (error: unknown) => void;
  /**
   * How event.from waits out its timeout. Set on the engine by createXapiServer:
   * real seconds by default, since over HTTP a client's event.from(…, 60)
   * means a minute of its time, paused clock or not.
   */
  readonly realTimer?: RealTimer;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Past this much ignored body the connection is cut instead of drained. */
const DRAIN_LIMIT_FACTOR = 16;

export const JSONRPC_PATH = '/jsonrpc';
/**
 * XML-RPC: xapi's handler for POST / (which, its handlers being matched by
 * prefix, also gets /RPC2 and the /xmlrpc that Xen Orchestra's client uses).
 */
const XMLRPC_PATHS = new Set(['/', '/RPC2', '/xmlrpc']);

const CORS_HEADERS = {
  // As xapi answers: a browser console on another origin may call the API.
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type, X-Requested-With',
};

export function createXapiServer(engine: Engine, options: XapiServerOptions = {}): Server {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const onError = options.onError ?? ((e: unknown) => console.error('xenlab: request failed:', e));
  engine.setRealTimer(options.realTimer ?? nodeRealTimer);

  const server = createServer((req, res) => {
    handle(engine, req, res, maxBody, options.worldName).catch((e: unknown) => {
      onError(e);
      sendPlain(res, 500, 'Internal server error\n');
    });
  });
  // A malformed HTTP request gets a 400 rather than an unhandled error.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

async function handle(engine: Engine, req: IncomingMessage, res: ServerResponse, maxBody: number, worldName: string | undefined): Promise<void> {
  res.on('error', () => undefined); // a client that hung up is not our failure
  req.on('error', () => undefined);
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const method = req.method ?? 'GET';

  if (method === 'OPTIONS') {
    res.writeHead(204, { ...CORS_HEADERS, 'Access-Control-Allow-Methods': 'POST, GET, PUT, OPTIONS', 'Content-Length': '0' });
    res.end();
    return;
  }
  if (path === JSONRPC_PATH) {
    await serveRpc(req, res, maxBody, 'application/json', (text) => rpcResponseFor(engine, text));
    return;
  }
  if (XMLRPC_PATHS.has(path) && method === 'POST') {
    await serveRpc(req, res, maxBody, XMLRPC_CONTENT_TYPE, (text) => xmlRpcResponseFor(engine, text));
    return;
  }
  if (path === RRD_UPDATES_PATH) {
    handleRrdUpdates(engine, req, res);
    return;
  }
  if (isXvaPath(path)) {
    await handleXva(engine, req, res);
    return;
  }
  req.resume();
  if (path === '/' && (method === 'GET' || method === 'HEAD')) {
    sendHtml(res, method === 'HEAD', landingPage(engine, req, worldName));
    return;
  }
  sendPlain(res, 404, `Not found: ${path}. XenAPI JSON-RPC is at POST ${JSONRPC_PATH}.\n`);
}

/** Read a POSTed RPC body and answer it with `respond`'s text. */
async function serveRpc(
  req: IncomingMessage,
  res: ServerResponse,
  maxBody: number,
  contentType: string,
  respond: (body: string) => Promise<string>,
): Promise<void> {
  if (req.method !== 'POST') {
    req.resume();
    sendPlain(res, 405, 'XenAPI: POST a JSON-RPC request here.\n', { Allow: 'POST, OPTIONS' });
    return;
  }
  const body = await readBody(req, maxBody);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') {
    if (body.cut) {
      // Answer, then close: the rest of the body is never read.
      res.on('finish', () => req.socket.destroySoon());
      sendPlain(res, 413, `Request body over ${maxBody} bytes\n`, { Connection: 'close' });
    } else {
      sendPlain(res, 413, `Request body over ${maxBody} bytes\n`);
    }
    return;
  }
  const text = await respond(body.text);
  if (res.destroyed) return; // the client gave up waiting (e.g. an event.from it abandoned)
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': contentType, 'Content-Length': String(payload.length) });
  res.end(payload);
}

type Body = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'too-large'; readonly cut: boolean } | { readonly kind: 'aborted' };

/**
 * The request body. A body over `limit` bytes is drained without being kept
 * (so the client reads the 413 rather than a reset connection); one that goes
 * on far past the limit is cut off.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    let done = false;
    const finish = (body: Body) => {
      if (done) return;
      done = true;
      resolve(body);
    };
    if (Number.isFinite(declared) && declared > limit * DRAIN_LIMIT_FACTOR) {
      req.pause();
      finish({ kind: 'too-large', cut: true });
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > limit * DRAIN_LIMIT_FACTOR) {
        req.pause();
        finish({ kind: 'too-large', cut: true });
      }
    });
    req.on('end', () => finish(over ? { kind: 'too-large', cut: false } : { kind: 'text', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('close', () => finish({ kind: 'aborted' }));
    req.on('error', () => finish({ kind: 'aborted' }));
  });
}

function sendPlain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(status, { ...CORS_HEADERS, ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(payload.length) });
  res.end(payload);
}

function sendHtml(res: ServerResponse, headOnly: boolean, html: string): void {
  const payload = Buffer.from(html, 'utf8');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(payload.length) });
  res.end(headOnly ? undefined : payload);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function landingPage(engine: Engine, req: IncomingMessage, worldName: string | undefined): string {
  const host = escapeHtml(req.headers.host ?? '127.0.0.1');
  const world = worldName === undefined ? '' : ` (world <code>${escapeHtml(worldName)}</code>)`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>XenLab XenAPI server</title>
<link rel="icon" href="data:,"></head>
<body>
<h1>XenLab XenAPI server</h1>
<p>A simulated Xen pool${world} that speaks XenAPI JSON-RPC (v1.0 and v2.0) at
<code>POST http://${host}${JSONRPC_PATH}</code> and XML-RPC at <code>POST http://${host}/</code>. Virtual time: ${engine.now.toFixed(1)} s at ${engine.config.speed}&times; speed.</p>
<p>Log in with <code>session.login_with_password("root", password)</code>; every other call takes the session ref first.</p>
<pre>curl -s http://${host}${JSONRPC_PATH} -H 'Content-Type: application/json' \\
  -d '{"jsonrpc":"2.0","method":"session.login_with_password","params":["root","&lt;password&gt;"],"id":1}'</pre>
<p>Simulator-only controls are in the <code>Simulator.*</code> namespace (<code>Simulator.set_speed</code>, <code>Simulator.advance</code>, <code>Simulator.get_time</code>).</p>
</body></html>
`;
}
