// The XenAPI JSON-RPC server over real HTTP (global fetch) on 127.0.0.1:0,
// serving the default world: envelopes of both versions, every way a request
// can be wrong, size limits, concurrency and event.from's long poll.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { WORLDS } from '../engine/worlds/world-by-name';
import { createXapiServer } from './http-server';

const PASSWORD = 'xenlab';
const MAX_BODY = 64 * 1024;

let engine: Engine;
let server: Server;
let base: string;

interface Reply {
  status: number;
  contentType: string | null;
  text: string;
  json: Record<string, unknown>;
}

async function post(body: string, path = '/jsonrpc'): Promise<Reply> {
  const res = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON (404, 413 ...): callers look at status and text
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, json };
}

let nextId = 1;
/** A v2.0 call; resolves with the whole reply. */
function call2(method: string, params: unknown[]): Promise<Reply> {
  return post(JSON.stringify({ jsonrpc: '2.0', method, params, id: nextId++ }));
}
/** A v1.0 call (no `jsonrpc` member). */
function call1(method: string, params: unknown[], id: unknown = 'xyz'): Promise<Reply> {
  return post(JSON.stringify({ method, params, id }));
}
/** A v2.0 call that must succeed; its result. */
async function ok<T = unknown>(method: string, ...params: unknown[]): Promise<T> {
  const reply = await call2(method, params);
  expect(reply.json['error'], `${method} failed: ${reply.text}`).toBeUndefined();
  return reply.json['result'] as T;
}
/** The [code, ...params] of a v2.0 call that must fail with a XenAPI error. */
async function xenError(method: string, ...params: unknown[]): Promise<string[]> {
  const reply = await call2(method, params);
  expect(reply.status).toBe(200);
  const error = reply.json['error'] as { code: number; message: string; data: string[] } | undefined;
  expect(error, `${method} succeeded: ${reply.text}`).toBeDefined();
  return [error!.message, ...error!.data];
}

async function login(): Promise<string> {
  return ok<string>('session.login_with_password', 'root', PASSWORD, '2.21', 'http-server.test');
}

beforeAll(async () => {
  engine = Engine.create({ seed: 7, password: PASSWORD, build: WORLDS.default });
  server = createXapiServer(engine, { maxBodyBytes: MAX_BODY, worldName: 'default', onError: () => undefined });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
});

describe('session.login_with_password', () => {
  it('returns a session ref in a v2.0 envelope with Content-Type application/json', async () => {
    const reply = await call2('session.login_with_password', ['root', PASSWORD, '2.21', 'test']);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('application/json');
    expect(reply.json['jsonrpc']).toBe('2.0');
    expect(reply.json['result']).toMatch(/^OpaqueRef:/);
    expect(reply.json['id']).toBe(nextId - 1);
    expect('error' in reply.json).toBe(false);
  });

  it('accepts the two-argument form older clients send', async () => {
    expect(await ok('session.login_with_password', 'root', PASSWORD)).toMatch(/^OpaqueRef:/);
  });

  it('rejects a wrong password with SESSION_AUTHENTICATION_FAILED', async () => {
    const [code, user] = await xenError('session.login_with_password', 'root', 'not-the-password', '2.21', 'test');
    expect(code).toBe('SESSION_AUTHENTICATION_FAILED');
    expect(user).toBe('root');
  });
});

describe('envelopes', () => {
  it('v2.0 error: {code, message: XenAPI code, data: params}, no result member', async () => {
    const reply = await call2('session.login_with_password', ['root', 'wrong']);
    expect(reply.contentType).toBe('application/json');
    expect(reply.json['jsonrpc']).toBe('2.0');
    const error = reply.json['error'] as { code: unknown; message: unknown; data: unknown };
    expect(typeof error.code).toBe('number');
    expect(error.code).not.toBe(0);
    expect(error.message).toBe('SESSION_AUTHENTICATION_FAILED');
    expect(Array.isArray(error.data)).toBe(true);
    expect('result' in reply.json).toBe(false);
  });

  it('v1.0 success: {result, error: null, id}', async () => {
    const reply = await call1('session.login_with_password', ['root', PASSWORD], 'xyz');
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('application/json');
    expect(reply.json['result']).toMatch(/^OpaqueRef:/);
    expect(reply.json['error']).toBeNull();
    expect(reply.json['id']).toBe('xyz');
    expect('jsonrpc' in reply.json).toBe(false);
  });

  it('v1.0 failure: {result: null, error: [CODE, ...params], id}', async () => {
    const reply = await call1('VM.get_all', ['OpaqueRef:no-such-session'], 17);
    expect(reply.json['result']).toBeNull();
    expect(reply.json['error']).toEqual(['SESSION_INVALID', 'OpaqueRef:no-such-session']);
    expect(reply.json['id']).toBe(17);
  });

  it('void methods answer with a result member', async () => {
    const session = await login();
    const vm = await guestVm(session);
    const reply = await call2('VM.set_name_description', [session, vm, 'described']);
    expect(reply.json['error']).toBeUndefined();
    expect('result' in reply.json).toBe(true);
  });
});

/** Some ordinary VM (not a template, snapshot or control domain). */
async function guestVm(session: string): Promise<string> {
  const records = await ok<Record<string, { is_a_template: boolean; is_a_snapshot: boolean; is_control_domain: boolean }>>('VM.get_all_records', session);
  const found = Object.entries(records).find(([, r]) => !r.is_a_template && !r.is_a_snapshot && !r.is_control_domain);
  if (found === undefined) throw new Error('the default world has no guest VM');
  return found[0];
}

describe('bad input gets a well-formed error and changes nothing', () => {
  let session: string;
  let vm: string;
  beforeAll(async () => {
    session = await login();
    vm = await guestVm(session);
  });

  /** Runs `bad` and checks the world's event log did not move. */
  async function unchanged(bad: () => Promise<void>): Promise<void> {
    const before = engine.world.events.generation;
    await bad();
    expect(engine.world.events.generation).toBe(before);
  }

  it('invalid JSON: HTTP 200 with a JSON-RPC parse error', async () => {
    await unchanged(async () => {
      const reply = await post('{"jsonrpc":"2.0","method":"VM.get_all",');
      expect(reply.status).toBe(200);
      expect(reply.contentType).toBe('application/json');
      expect(reply.json['error']).toBeDefined();
      expect(reply.json['result'] ?? null).toBeNull();
      expect(reply.json['id'] ?? null).toBeNull();
    });
  });

  it('an empty body, a JSON non-object, a missing or non-string method: an error, not a crash', async () => {
    await unchanged(async () => {
      for (const body of ['', '42', '"VM.get_all"', 'null', '[]', '{"jsonrpc":"2.0","params":[],"id":1}', '{"jsonrpc":"2.0","method":7,"params":[],"id":1}']) {
        const reply = await post(body);
        expect(reply.status, body).toBe(200);
        expect(reply.contentType, body).toBe('application/json');
        expect(reply.json['error'], body).toBeDefined();
      }
    });
  });

  it('unknown method: MESSAGE_METHOD_UNKNOWN', async () => {
    await unchanged(async () => {
      expect(await xenError('VM.frobnicate', session)).toEqual(['MESSAGE_METHOD_UNKNOWN', 'VM.frobnicate']);
      expect((await xenError('Async.VM.get_all', session))[0]).toBe('MESSAGE_METHOD_UNKNOWN');
    });
  });

  it('wrong arity: MESSAGE_PARAMETER_COUNT_MISMATCH [method, expected, received]', async () => {
    await unchanged(async () => {
      expect(await xenError('VM.get_power_state', session)).toEqual(['MESSAGE_PARAMETER_COUNT_MISMATCH', 'VM.get_power_state', '2', '1']);
      expect(await xenError('VM.start', session, vm, false, false, 'extra')).toEqual(['MESSAGE_PARAMETER_COUNT_MISMATCH', 'VM.start', '4', '5']);
    });
  });

  it('params missing or not an array: an error, not a crash', async () => {
    await unchanged(async () => {
      for (const body of ['{"jsonrpc":"2.0","method":"VM.get_all","id":1}', '{"jsonrpc":"2.0","method":"VM.get_all","params":{"session":"x"},"id":1}']) {
        const reply = await post(body);
        expect(reply.status).toBe(200);
        expect(reply.json['error'], body).toBeDefined();
      }
    });
  });

  it('wrong types: FIELD_TYPE_ERROR', async () => {
    await unchanged(async () => {
      expect((await xenError('VM.start', session, vm, 'yes', false))[0]).toBe('FIELD_TYPE_ERROR');
      expect((await xenError('VM.get_power_state', session, 42))[0]).toBe('FIELD_TYPE_ERROR');
    });
  });

  it('unknown or stale session: SESSION_INVALID', async () => {
    await unchanged(async () => {
      expect(await xenError('VM.get_all', 'OpaqueRef:00000000-0000-0000-0000-000000000000')).toEqual([
        'SESSION_INVALID',
        'OpaqueRef:00000000-0000-0000-0000-000000000000',
      ]);
    });
    const stale = await login();
    await ok('session.logout', stale);
    expect(await xenError('VM.get_all', stale)).toEqual(['SESSION_INVALID', stale]);
  });

  it('unknown object: HANDLE_INVALID [class, ref]', async () => {
    await unchanged(async () => {
      expect(await xenError('VM.get_record', session, 'OpaqueRef:nope')).toEqual(['HANDLE_INVALID', 'VM', 'OpaqueRef:nope']);
      expect(await xenError('VM.start', session, 'OpaqueRef:nope', false, false)).toEqual(['HANDLE_INVALID', 'VM', 'OpaqueRef:nope']);
    });
  });

  it('a body over the limit: 413, and the server still answers afterwards', async () => {
    await unchanged(async () => {
      const big = JSON.stringify({ jsonrpc: '2.0', method: 'VM.get_all', params: [session, 'x'.repeat(MAX_BODY * 2)], id: 1 });
      const reply = await post(big);
      expect(reply.status).toBe(413);
    });
    expect(await ok('VM.get_all', session)).toContain(vm);
  });

  it('other paths: 404; GET /jsonrpc: 405; GET /: a page saying what this is', async () => {
    expect((await post('{}', '/nope')).status).toBe(404);
    expect((await fetch(`${base}/jsonrpc`)).status).toBe(405);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('/jsonrpc');
  });

  it('answers a CORS preflight as xapi does', async () => {
    const res = await fetch(`${base}/jsonrpc`, { method: 'OPTIONS' });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('concurrency and events', () => {
  it('handles many requests at once', async () => {
    const session = await login();
    const replies = await Promise.all(Array.from({ length: 30 }, () => ok<string[]>('VM.get_all', session)));
    expect(new Set(replies.map((r) => r.length)).size).toBe(1);
  });

  it('event.from long-polls, other calls are answered meanwhile, and it returns when something changes', async () => {
    const session = await login();
    const [pool] = await ok<string[]>('pool.get_all', session);
    const token = await ok<string>('event.inject', session, 'pool', pool);
    // Drain what happened up to now (the inject itself).
    const first = await ok<{ token: string }>('event.from', session, ['vm'], token, 0);

    let settled = false;
    const polling = ok<{ events: { class: string; operation: string; ref: string; snapshot: { name_label: string } }[]; token: string; valid_ref_counts: Record<string, number> }>(
      'event.from',
      session,
      ['vm'],
      first.token,
      30,
    ).finally(() => (settled = true));

    // While it waits, the server answers other calls.
    const vms = await ok<string[]>('VM.get_all', session);
    expect(vms.length).toBeGreaterThan(0);
    expect(settled).toBe(false);

    const vm = vms[0]!;
    await ok('VM.set_name_label', session, vm, 'renamed while polling');
    const result = await polling;
    expect(result.events.some((e) => e.class === 'vm' && e.ref === vm && e.operation === 'mod' && e.snapshot.name_label === 'renamed while polling')).toBe(
      true,
    );
    expect(result.valid_ref_counts['vm']).toBe(vms.length);
    expect(result.token).not.toBe(first.token);
  });

  it('event.from with nothing to report returns empty after its timeout', async () => {
    const session = await login();
    const [pool] = await ok<string[]>('pool.get_all', session);
    const token = await ok<string>('event.inject', session, 'pool', pool);
    const first = await ok<{ token: string }>('event.from', session, ['vm_metrics'], token, 0);
    const result = await ok<{ events: unknown[]; token: string }>('event.from', session, ['vm_metrics'], first.token, 0.2);
    expect(result.events).toEqual([]);
  });
});

describe('failures outside the engine', () => {
  async function withServer(fake: Partial<Engine>, run: (url: string) => Promise<void>): Promise<void> {
    const s = createXapiServer(fake as Engine, { onError: () => undefined });
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    try {
      await run(`http://127.0.0.1:${(s.address() as AddressInfo).port}/jsonrpc`);
    } finally {
      const closed = new Promise<void>((resolve) => s.close(() => resolve()));
      s.closeAllConnections();
      await closed;
    }
  }

  it('any other exception becomes INTERNAL_ERROR, in the envelope of the request', async () => {
    const fake = { call: () => Promise.reject(new TypeError('boom')), setRealTimer: () => undefined } as unknown as Partial<Engine>;
    await withServer(fake, async (url) => {
      const v2 = (await (await fetch(url, { method: 'POST', body: '{"jsonrpc":"2.0","method":"VM.get_all","params":[],"id":3}' })).json()) as Record<string, unknown>;
      expect(v2['error']).toMatchObject({ message: 'INTERNAL_ERROR' });
      expect(v2['id']).toBe(3);
      const v1 = (await (await fetch(url, { method: 'POST', body: '{"method":"VM.get_all","params":[],"id":4}' })).json()) as Record<string, unknown>;
      expect((v1['error'] as string[])[0]).toBe('INTERNAL_ERROR');
    });
  });

  it('a result that cannot be written as JSON becomes INTERNAL_ERROR', async () => {
    const fake = { call: () => Promise.resolve({ big: 10n }), setRealTimer: () => undefined } as unknown as Partial<Engine>;
    await withServer(fake, async (url) => {
      const reply = (await (await fetch(url, { method: 'POST', body: '{"jsonrpc":"2.0","method":"VM.get_all","params":[],"id":5}' })).json()) as Record<
        string,
        unknown
      >;
      expect(reply['error']).toMatchObject({ message: 'INTERNAL_ERROR' });
    });
  });
});
