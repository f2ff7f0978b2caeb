// GET /export and PUT /import over real HTTP on 127.0.0.1: a snapshot's XVA
// downloaded and uploaded back comes in as a template.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { WORLDS } from '../engine/worlds/world-by-name';
import { createXapiServer } from './http-server';

const PASSWORD = 'xenlab';
let engine: Engine;
let server: Server;
let base: string;
let session: string;

beforeAll(async () => {
  engine = Engine.create({ seed: 7, password: PASSWORD, build: WORLDS.default });
  server = createXapiServer(engine, { onError: () => undefined });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  session = (await engine.call('session.login_with_password', ['root', PASSWORD, '2.21', 'xva-endpoint.test'])) as string;
});

afterAll(async () => {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
});

describe('XVA over HTTP', () => {
  it('exports a snapshot with GET /export and imports it with PUT /import as a template', async () => {
    const [vm] = (await engine.call('VM.get_by_name_label', [session, 'web-01'])) as string[];
    const task = (await engine.call('Async.VM.snapshot', [session, vm, 'over-http'])) as string;
    engine.advance(10); // the snapshot takes a few virtual seconds
    await engine.tasks.wait(task);
    const [snap = ''] = (await engine.call('VM.get_snapshots', [session, vm])) as string[];
    expect(await fetch(`${base}/export?ref=${encodeURIComponent(snap)}`).then((r) => r.status)).toBe(401);
    const got = await fetch(`${base}/export?session_id=${encodeURIComponent(session)}&ref=${encodeURIComponent(snap)}`);
    expect(got.status, await got.clone().text()).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    const xva = new Uint8Array(await got.arrayBuffer());
    expect(new TextDecoder().decode(xva.subarray(0, 7))).toBe('ova.xml');
    const put = await fetch(`${base}/import?session_id=${encodeURIComponent(session)}`, { method: 'PUT', body: xva });
    expect(put.status, await put.clone().text()).toBe(200);
    const importTask = put.headers.get('task-id') ?? '';
    expect(await engine.call('task.get_status', [session, importTask])).toBe('success');
    const named = (await engine.call('VM.get_by_name_label', [session, 'over-http'])) as string[];
    expect(named.length).toBe(2);
    const imported = named.find((r) => r !== snap) ?? '';
    expect(await engine.call('VM.get_is_a_template', [session, imported])).toBe(true);
    expect(await engine.call('VM.get_is_a_snapshot', [session, imported])).toBe(false);
  });
});
