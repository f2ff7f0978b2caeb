// The server never dies of a request: seeded random requests over both
// transports -- real method names with wrong arity, wrong types, unknown and
// wrong-class refs, odd strings, deep nesting; malformed JSON and XML; a huge
// body -- each must get a well-formed answer carrying a catalogued XenAPI
// error (never INTERNAL_ERROR, which would mean a handler fell over), and the
// world's invariants must hold afterwards. The seed is printed; set
// XENLAB_FUZZ_SEED to replay a run.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { worldProblems } from '../engine/worlds/world-invariants';
import { WORLDS } from '../engine/worlds/world-by-name';
import { isErrorCode } from '../xapi/error-codes';
import { decodeXmlRpcValue, encodeXmlRpcValue } from '../xapi/xmlrpc-value';
import { createXapiServer } from './http-server';

const PASSWORD = 'xenlab';
const MAX_BODY = 256 * 1024;
const ROUNDS = 250;
const SEED = Number(process.env['XENLAB_FUZZ_SEED'] ?? String(Date.now() % 1_000_000));

/** mulberry32: small, seedable, good enough to pick test inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let engine: Engine;
let server: Server;
let base: string;
let session: string;
let methods: string[];
let refs: string[];

beforeAll(async () => {
  engine = Engine.create({ seed: 3, password: PASSWORD, build: WORLDS.default });
  server = createXapiServer(engine, { maxBodyBytes: MAX_BODY, onError: (e) => console.error(e) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = (await engine.call('session.login_with_password', ['root', PASSWORD, '2.21', 'fuzz'])) as string;
  const all = (await engine.call('system.listMethods', [])) as string[];
  // Left out: calls whose correct behaviour is to wait (event.from's long poll,
  // a plain call of a task-backed method, which waits for virtual time that
  // nothing advances here -- their Async.* forms are fuzzed instead), the
  // simulator's own controls and ending the fuzzer's session.
  const waits = new Set(all.filter((m) => m.startsWith('Async.')).map((m) => m.slice('Async.'.length)));
  methods = all.filter((m) => !waits.has(m) && m !== 'event.from' && !m.startsWith('Simulator.') && !m.startsWith('session.logout'));
  refs = [...engine.world.entries('VM'), ...engine.world.entries('host'), ...engine.world.entries('SR')].map(([r]) => r);
  console.log(`fuzz seed ${SEED} (XENLAB_FUZZ_SEED=${SEED} replays it)`);
});

afterAll(async () => {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
});

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  switch (Math.floor(rand() * (depth > 2 ? 8 : 10))) {
    case 0:
      return pick(refs);
    case 1:
      return pick(['OpaqueRef:NULL', 'OpaqueRef:nope', '', 'x'.repeat(5000), '<value>&amp;', '\u0000\u0001', '💥', '-1', '1e999', 'true']);
    case 2:
      return pick([0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, 42]);
    case 3:
      return rand() < 0.5;
    case 4:
      return null;
    case 5:
      return session;
    case 6:
      return pick(['Running', 'Halted', 'live', 'false', 'AVERAGE', 'vm', '*']);
    case 7:
      return String(Math.floor(rand() * 1e6));
    case 8:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, (_, i) => [`k${i}`, randomValue(rand, depth + 1)]));
  }
}

function randomCall(rand: () => number): { method: string; params: unknown[] } {
  const method = rand() < 0.05 ? `VM.no_such_${Math.floor(rand() * 100)}` : methods[Math.floor(rand() * methods.length)]!;
  const params: unknown[] = rand() < 0.85 ? [session] : [];
  const n = Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) params.push(randomValue(rand));
  return { method, params };
}

function xmlCall(method: string, params: readonly unknown[]): string {
  return `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params>${params.map((p) => `<param>${encodeXmlRpcValue(p)}</param>`).join('')}</params></methodCall>`;
}

/** The XenAPI error code of an answer (undefined for success); fails on anything that is not a well-formed answer. */
async function codeOfJson(body: string): Promise<string | undefined> {
  const res = await fetch(`${base}/jsonrpc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  expect(res.status, body.slice(0, 200)).toBe(200);
  // v2.0: error {code, message: CODE, data}; v1.0 (a garbled "jsonrpc" key makes one): error null or [CODE, ...].
  const reply = JSON.parse(await res.text()) as { result?: unknown; error?: { message?: string } | string[] | null };
  const error = reply.error;
  if (error === undefined || error === null) return undefined;
  return Array.isArray(error) ? error[0] : error.message;
}

async function codeOfXml(body: string): Promise<string | undefined> {
  const res = await fetch(`${base}/`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body });
  expect(res.status, body.slice(0, 200)).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/xml');
  const text = await res.text();
  const inner = /<param>([\s\S]*)<\/param>|<fault>([\s\S]*)<\/fault>/.exec(text);
  expect(inner, text.slice(0, 300)).not.toBeNull();
  if (inner![2] !== undefined) return 'XMLRPC_FAULT';
  const value = decodeXmlRpcValue(inner![1]!) as { Status: string; ErrorDescription?: string[] };
  return value.Status === 'Success' ? undefined : value.ErrorDescription?.[0];
}

function expectXenApiCode(code: string | undefined, what: string): void {
  if (code === undefined || code === 'XMLRPC_FAULT') return;
  expect(isErrorCode(code), `${what}: ${code} is not a catalogued XenAPI error`).toBe(true);
  expect(code, `${what}: a handler fell over`).not.toBe('INTERNAL_ERROR');
}

describe(`fuzzing the XenAPI server (seed ${SEED})`, () => {
  it('random calls over JSON-RPC and XML-RPC get XenAPI errors, never a crash or INTERNAL_ERROR', async () => {
    const rand = prng(SEED);
    for (let i = 0; i < ROUNDS; i++) {
      const { method, params } = randomCall(rand);
      const what = `round ${i}: ${method}(${JSON.stringify(params).slice(0, 200)})`;
      const viaXml = rand() < 0.5;
      const code = viaXml ? await codeOfXml(xmlCall(method, params)) : await codeOfJson(JSON.stringify({ jsonrpc: '2.0', method, params, id: i }));
      expectXenApiCode(code, what);
    }
    expect(await worldProblems(engine, session)).toEqual([]);
  }, 120_000);

  it('malformed bodies get a parse error answer in the transport of the request', async () => {
    const rand = prng(SEED + 1);
    const json = JSON.stringify({ jsonrpc: '2.0', method: 'VM.get_all', params: [session], id: 1 });
    const xml = xmlCall('VM.get_all', [session]);
    for (let i = 0; i < 40; i++) {
      const cut = Math.floor(rand() * json.length);
      const garbled = json.slice(0, cut) + String.fromCharCode(Math.floor(rand() * 128)) + json.slice(cut + 1);
      await codeOfJson(garbled); // 200 and JSON: either an answer or a parse error
      const xcut = Math.floor(rand() * xml.length);
      const code = await codeOfXml(xml.slice(0, xcut) + (rand() < 0.5 ? '<' : '') + xml.slice(xcut + 1));
      expectXenApiCode(code, `garbled XML at ${xcut}`);
    }
    // Unknown XML-RPC types, entities out of range, nesting deeper than any stack.
    for (const body of [
      '<methodCall><methodName>VM.get_all</methodName><params><param><value><frob>1</frob></value></param></params></methodCall>',
      '<methodCall><methodName>VM.get_all</methodName><params><param><value>&#99999999999;</value></param></params></methodCall>',
      `<methodCall><methodName>VM.get_all</methodName><params><param>${'<value><array><data>'.repeat(10000)}</param></params></methodCall>`,
      '<methodCall><methodName></methodName></methodCall>',
      '',
      'not xml at all',
    ]) {
      expect(await codeOfXml(body)).toBe('XMLRPC_FAULT');
    }
    expect(await codeOfJson(json)).toBeUndefined(); // still answering
  });

  it('a body over the limit gets 413 on either transport, and the server still answers', async () => {
    const big = 'x'.repeat(MAX_BODY + 1);
    expect((await fetch(`${base}/jsonrpc`, { method: 'POST', body: big })).status).toBe(413);
    expect((await fetch(`${base}/`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: big })).status).toBe(413);
    expect(await codeOfXml(xmlCall('VM.get_all', [session]))).toBeUndefined();
  });
});
