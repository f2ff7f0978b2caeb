// GET /rrd_updates over real HTTP on 127.0.0.1: status lines, headers and
// bodies as xapi sends them, and both formats read back by a client.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { planFastForward } from '../engine/metrics/metrics-tick';
import { handSampler, withMetrics } from '../engine/metrics/rrd/rrd-test-kit';
import { WORLDS } from '../engine/worlds/world-by-name';
import { createXapiServer } from './http-server';
import { RRD_UPDATES_PATH } from './rrd-endpoint';
import { fetchHttpGet } from '../xapi/http-get';
import { fetchRrdUpdates } from '../xapi/rrd-updates-client';

const PASSWORD = 'xenlab';
let engine: Engine;
let server: Server;
let base: string;
let session: string;

async function listen(s: Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

async function close(s: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => s.close(() => resolve()));
  s.closeAllConnections();
  await closed;
}

beforeAll(async () => {
  engine = Engine.create({ seed: 7, password: PASSWORD, build: WORLDS.default });
  withMetrics(engine, handSampler);
  planFastForward(engine, engine.now + 7200);
  engine.advance(7200);
  server = createXapiServer(engine, { onError: () => undefined });
  base = await listen(server);
  session = (await engine.call('session.login_with_password', ['root', PASSWORD, '2.21', 'rrd-endpoint.test'])) as string;
});

afterAll(async () => {
  await close(server);
});

const url = (query: string) => `${base}${RRD_UPDATES_PATH}?${query}`;
const withSession = (query: string) => url(`session_id=${encodeURIComponent(session)}&${query}`);

describe('GET /rrd_updates', () => {
  it('answers XML to a client that asks for it, with xapi’s headers', async () => {
    const start = Math.floor(engine.unixTime()) - 60;
    const res = await fetch(withSession(`start=${start}&cf=AVERAGE&interval=5&host=true`), { headers: { Accept: 'text/xml' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('X-Requested-With');
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xport><meta><start>')).toBe(true);
    expect(Number(/<rows>(\d+)<\/rows>/.exec(xml)![1])).toBe(13);
    expect(Number(/<columns>(\d+)<\/columns>/.exec(xml)![1])).toBe((xml.match(/<entry>/g) ?? []).length);
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(xml));
  });

  it('answers JSON with json=true, or to fetch’s default Accept: */*', async () => {
    const start = Math.floor(engine.unixTime()) - 300;
    for (const res of [
      await fetch(withSession(`start=${start}&interval=60&host=true&json=true`), { headers: { Accept: 'text/html' } }),
      await fetch(withSession(`start=${start}&interval=60&host=true`)),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      const json = (await res.json()) as { meta: { step: string; rows: string; legend: string[] }; data: { t: string; values: string[] }[] };
      expect(json.meta.step).toBe('60');
      expect(json.data).toHaveLength(Number(json.meta.rows));
      expect(json.data[0]!.values).toHaveLength(json.meta.legend.length);
      expect(json.meta.legend.some((e) => e.startsWith('MAX:host:'))).toBe(true);
    }
  });

  it('filters by vm_uuid, repeated', async () => {
    const uuids = [...engine.world.entries('VM')].filter(([, v]) => v.power_state === 'Running' && !v.is_control_domain).map(([, v]) => v.uuid);
    const start = Math.floor(engine.unixTime()) - 30;
    const res = await fetch(withSession(`start=${start}&json=true&vm_uuid=${uuids[0]}&vm_uuid=${uuids[1]}`));
    const json = (await res.json()) as { meta: { legend: string[] } };
    expect(new Set(json.meta.legend.map((e) => e.split(':')[2]))).toEqual(new Set([uuids[0], uuids[1]]));
  });

  it('refuses a missing or unknown session with 401 Unauthorised and a Basic realm', async () => {
    for (const u of [url('start=0'), url('session_id=OpaqueRef:nope&start=0')]) {
      const res = await fetch(u);
      expect(res.status).toBe(401);
      expect(res.statusText).toBe('Unauthorised');
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="Get RRD updates."');
      expect(res.headers.get('content-type')).toBe('text/html');
      expect(await res.text()).toContain('Please check your credentials and retry.');
    }
  });

  it('takes the session from a cookie too', async () => {
    const res = await fetch(url(`start=${Math.floor(engine.unixTime()) - 10}&host=true`), { headers: { Cookie: `session_id=${session}` } });
    expect(res.status).toBe(200);
  });

  it('answers 400 without start, 500 for what xapi cannot export, 404 to other methods', async () => {
    const missing = await fetch(withSession('host=true'));
    expect([missing.status, await missing.text()]).toEqual([400, '']);
    const bad = await fetch(withSession('start=yesterday'));
    expect(bad.status).toBe(500);
    expect(bad.statusText).toBe('Internal Error');
    const none = await fetch(withSession('start=0&vm_uuid=nobody'));
    expect(none.status).toBe(500);
    expect(await none.text()).toContain('Rrd.No_RRA_Available');
    const post = await fetch(withSession('start=0'), { method: 'POST', body: 'x' });
    expect(post.status).toBe(404);
  });

  it("reads back with the console's client, XML and JSON alike", async () => {
    const get = fetchHttpGet(base, (u, init) => fetch(u, init as RequestInit));
    const start = Math.floor(engine.unixTime()) - 300;
    const json = await fetchRrdUpdates(get, session, { start, host: true, cf: 'AVERAGE' });
    const xml = await fetchRrdUpdates(get, session, { start, host: true, cf: 'AVERAGE', json: false });
    expect(xml).toEqual(json);
    expect(json.step).toBe(5);
    expect(json.rows.length).toBe(61);
    expect(json.columns.filter((c) => c.kind === 'host' && c.name === 'cpu0').length).toBeGreaterThan(0);
    const unauthorised = await get(`${RRD_UPDATES_PATH}?start=0`);
    expect(unauthorised.status).toBe(401);
  });

  it('never changes the world', async () => {
    const generation = engine.world.events.generation;
    await fetch(withSession(`start=0&host=true`));
    expect(engine.world.events.generation).toBe(generation);
  });
});
