// 'http-get' over the worker transport answers what the Node server answers.
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { handSampler, withMetrics } from '../engine/metrics/rrd/rrd-test-kit';
import { answerRrdUpdates } from '../engine/metrics/rrd/rrd-updates-http';
import { WORLDS } from '../engine/worlds/world-by-name';
import { parseRrdUpdates } from '../xapi/rrd-updates-client';
import { answerHttpGet } from './http-get';

async function engineWithRrds(): Promise<{ engine: Engine; session: string }> {
  const engine = Engine.create({ seed: 4, build: WORLDS.default });
  withMetrics(engine, handSampler);
  engine.advance(120);
  const session = (await engine.call('session.login_with_password', ['root', 'xenlab', '2.21', 'http-get.test'])) as string;
  return { engine, session };
}

describe('http-get', () => {
  it('answers /rrd_updates with the status, content type and body the HTTP server sends', async () => {
    const { engine, session } = await engineWithRrds();
    const search = `session_id=${encodeURIComponent(session)}&start=${engine.unixTime() - 60}&host=true&json=true`;
    const reply = answerHttpGet(engine, { kind: 'http-get', id: 7, path: `/rrd_updates?${search}` });
    const http = answerRrdUpdates(engine, search);
    expect(reply).toEqual({ kind: 'http-get', id: 7, status: 200, contentType: 'application/json', body: http.body });
    const json = JSON.parse(reply.body) as { meta: { rows: string } };
    expect(json.meta.rows).toBe('13');
  });

  it("answers what the console's parser reads, the same from XML and JSON", async () => {
    const { engine, session } = await engineWithRrds();
    const path = `/rrd_updates?session_id=${encodeURIComponent(session)}&start=${engine.unixTime() - 60}&host=true`;
    const xml = parseRrdUpdates(answerHttpGet(engine, { kind: 'http-get', id: 1, path }).body);
    const json = parseRrdUpdates(answerHttpGet(engine, { kind: 'http-get', id: 2, path: `${path}&json=true` }).body);
    expect(json).toEqual(xml);
    expect(xml.rows).toHaveLength(13);
    expect(xml.rows[0]!.t).toBeLessThan(xml.rows[12]!.t);
    expect(xml.columns.some((c) => c.kind === 'host' && c.name === 'cpu0')).toBe(true);
  });

  it('negotiates the format with an Accept header like a browser would', async () => {
    const { engine, session } = await engineWithRrds();
    const path = `/rrd_updates?session_id=${encodeURIComponent(session)}&start=0`;
    expect(answerHttpGet(engine, { kind: 'http-get', id: 1, path, accept: 'text/xml' }).contentType).toBe('text/xml');
    expect(answerHttpGet(engine, { kind: 'http-get', id: 1, path, accept: '*/*' }).contentType).toBe('application/json');
  });

  it('answers 401, 404 and 503 as a server would', async () => {
    const { engine } = await engineWithRrds();
    expect(answerHttpGet(engine, { kind: 'http-get', id: 2, path: '/rrd_updates?start=0' }).status).toBe(401);
    expect(answerHttpGet(engine, { kind: 'http-get', id: 3, path: '/host_rrd' })).toMatchObject({ id: 3, status: 404 });
    expect(answerHttpGet(undefined, { kind: 'http-get', id: 4, path: '/rrd_updates?start=0' })).toMatchObject({ id: 4, status: 503 });
  });
});
