// Contract test, HTTP side: Xen Orchestra's `xen-api` client uses the pool's
// HTTP handlers as XO does -- getResource('/export/', {query: {ref,
// use_compression}, task}) for an XVA, putResource(xva, '/import/', {query:
// {sr_id}, task}) to bring it back (the new VM refs are the task's result),
// getResource('/rrd_updates', …) for the Performance data -- and calls
// host.call_plugin, which answers XENAPI_MISSING_PLUGIN here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- xen-api ships no types; the tests project sees this declaration only through this reference
/// <reference path="./xen-api.d.ts" />
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type Xapi, type XapiObject } from 'xen-api';
import { Engine } from '../engine/engine';
import { planFastForward } from '../engine/metrics/metrics-tick';
import { handSampler, withMetrics } from '../engine/metrics/rrd/rrd-test-kit';
import { WORLDS } from '../engine/worlds/world-by-name';
import { createXapiServer } from './http-server';
import { createRealTimeClock, type RealTimeClock } from './real-time-clock';

const PASSWORD = 'xenlab';
const WAIT = { timeout: 15_000, interval: 50 };

let engine: Engine;
let server: Server;
let clock: RealTimeClock;
let xapi: Xapi;

function objectsOf(type: string): XapiObject[] {
  return Object.values(xapi.objects.all).filter((o) => o.$type === type);
}

beforeAll(async () => {
  engine = Engine.create({ seed: 5, password: PASSWORD, speed: 50, build: WORLDS.default });
  withMetrics(engine, handSampler);
  planFastForward(engine, engine.now + 3600);
  engine.advance(3600);
  clock = createRealTimeClock(engine);
  server = createXapiServer(engine, { onError: (e) => console.error(e) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  clock.start();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  xapi = createClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, auth: { user: 'root', password: PASSWORD } });
  await xapi.connect();
  await xapi.objectsFetched;
});

afterAll(async () => {
  await xapi?.disconnect();
  vi.restoreAllMocks();
  clock?.stop();
  if (server !== undefined) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
});

describe('xen-api getResource / putResource against the XenLab server', () => {
  it("exports a halted VM from '/export/' under a task, and imports the XVA at '/import/' with the new VM ref as the task's result", async () => {
    const vm = objectsOf('VM').find(
      (v) => v['power_state'] === 'Halted' && v['is_a_template'] === false && v['is_a_snapshot'] === false && v['is_control_domain'] === false,
    )!;
    const exportTask = await xapi.call('task.create', 'VM export', vm['name_label']);
    const response = (await xapi.getResource('/export/', { query: { ref: vm.$ref, use_compression: 'false' }, task: exportTask })) as {
      statusCode: number;
      headers: Record<string, string>;
      body: { arrayBuffer(): Promise<ArrayBuffer> };
      task: Promise<unknown>;
    };
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    const xva = new Uint8Array(await response.body.arrayBuffer());
    expect(new TextDecoder().decode(xva.subarray(0, 7))).toBe('ova.xml');
    await response.task; // the export task ends in success (result '')
    expect(await xapi.call('task.get_status', exportTask)).toBe('success');

    const vmsBefore = engine.world.count('VM');
    const sr = xapi.pool['default_SR'] as string;
    const imported = (await xapi.putResource(Buffer.from(xva), '/import/', { query: { sr_id: sr }, task: true })) as string[];
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatch(/^OpaqueRef:/);
    expect(engine.world.count('VM')).toBe(vmsBefore + 1);
    await vi.waitFor(() => expect(xapi.getObjectByRef(imported[0]!)['name_label']).toBe(vm['name_label']), WAIT);
  });

  it('a broken XVA fails the import task with a XenAPI error, and the server goes on', async () => {
    const garbage = Buffer.from('this is not a tar archive'.repeat(40));
    const error = (await xapi.putResource(garbage, '/import/', { task: true }).catch((e: unknown) => e)) as { code?: string; params?: unknown[] };
    // xapi has answered 200 before reading the stream: the error comes from the task.
    expect(error.code).toMatch(/^IMPORT_ERROR/);
    expect(Array.isArray(error.params)).toBe(true);
    expect(await xapi.call('pool.get_all')).toEqual([xapi.pool.$ref]);
  });

  it('an export of an unknown ref fails as xapi does: HTTP 500 and the task failed with HANDLE_INVALID', async () => {
    const task = await xapi.call('task.create', 'VM export', '');
    await expect(xapi.getResource('/export/', { query: { ref: 'OpaqueRef:nope' }, task })).rejects.toThrow(/500/);
    expect(await xapi.call('task.get_status', task)).toBe('failure');
    expect(await xapi.call('task.get_error_info', task)).toEqual(['HANDLE_INVALID', 'VM', 'OpaqueRef:nope']);
  });

  it("reads /rrd_updates as XO's stats do (json=true, host=true, cf=AVERAGE)", async () => {
    const start = Math.floor(engine.unixTime()) - 120; // within the 5 s archive's ten minutes
    const response = (await xapi.getResource('/rrd_updates', {
      query: { cf: 'AVERAGE', host: 'true', interval: '5', json: 'true', start: String(start) },
      task: false,
    })) as { statusCode: number; body: { text(): Promise<string> } };
    expect(response.statusCode).toBe(200);
    const json = JSON.parse(await response.body.text()) as { meta: { legend: string[]; start: number; end: number; step: number }; data: unknown[] };
    expect(Number(json.meta.step)).toBe(5); // json_of_t writes every scalar as a string
    expect(json.meta.legend.some((l) => l.startsWith('AVERAGE:host:'))).toBe(true);
    expect(json.data.length).toBeGreaterThan(0);
  });

  it('host.call_plugin answers XENAPI_MISSING_PLUGIN [plugin], sync and through callAsync', async () => {
    const host = objectsOf('host')[0]!;
    await expect(xapi.call('host.call_plugin', host.$ref, 'updater.py', 'check_update', {})).rejects.toMatchObject({
      code: 'XENAPI_MISSING_PLUGIN',
      params: ['updater.py'],
    });
    await expect(xapi.callAsync('host.call_plugin', host.$ref, 'netdata.py', 'is_netdata_installed', {})).rejects.toMatchObject({
      code: 'XENAPI_MISSING_PLUGIN',
      params: ['netdata.py'],
    });
  });
});
