// Contract test: Xen Orchestra's own XenAPI client (npm `xen-api`) drives the
// simulated pool over HTTP exactly as it drives a real one -- login,
// system.listMethods, event.inject, every X.get_all_records, the event.from
// loop (with valid_ref_counts.task), Async.* calls followed to their task and
// task.result parsed as XML-RPC.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- xen-api ships no types; the tests project sees this declaration only through this reference
/// <reference path="./xen-api.d.ts" />
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type Xapi, type XapiObject } from 'xen-api';
import { Engine } from '../engine/engine';
import { WORLDS } from '../engine/worlds/world-by-name';
import { createXapiServer } from './http-server';
import { createRealTimeClock, type RealTimeClock } from './real-time-clock';

// A VM boots in tens of virtual seconds: at 50× that is well under a second or two.
const SPEED = 50;
const PASSWORD = 'xenlab';
const SESSION_GAP = 'session.*() methods are disabled';

let engine: Engine;
let server: Server;
let clock: RealTimeClock;
let xapi: Xapi;
/** What the client logged with console.warn: it warns on every call that fails during sync or the event loop. */
const warnings: string[] = [];

function objectsOf(type: string): XapiObject[] {
  return Object.values(xapi.objects.all).filter((o) => o.$type === type);
}

beforeAll(async () => {
  engine = Engine.create({ seed: 11, password: PASSWORD, speed: SPEED, build: WORLDS.default });
  clock = createRealTimeClock(engine);
  server = createXapiServer(engine, { worldName: 'default', onError: (e) => console.error(e) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  clock.start();
  const port = (server.address() as AddressInfo).port;
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  });
  xapi = createClient({ url: `http://127.0.0.1:${port}`, auth: { user: 'root', password: PASSWORD } });
  await xapi.connect();
  await xapi.objectsFetched;
});

afterAll(async () => {
  // Logging out wakes the client's pending event.from (it ends with SESSION_INVALID
  // and the client's loop then waits for a reconnection that never comes).
  await xapi?.disconnect();
  vi.restoreAllMocks();
  clock?.stop();
  if (server !== undefined) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
});

describe('Xen Orchestra xen-api client against the XenLab server', () => {
  it('logs in and syncs every object: the pool, 3 hosts, the VMs', () => {
    expect(xapi.pool.$type).toBe('pool');
    expect(objectsOf('pool')).toHaveLength(1);
    expect(objectsOf('host')).toHaveLength(3);
    const vms = objectsOf('VM');
    expect(vms.length).toBe(engine.world.count('VM'));
    expect(vms.filter((vm) => vm['is_control_domain'] === true)).toHaveLength(3);
    expect(vms.some((vm) => vm['is_a_template'] === false && vm['is_control_domain'] === false)).toBe(true);
    // Links resolve through the client's cache (VM.resident_on → host).
    const running = vms.find((vm) => vm['power_state'] === 'Running' && vm['is_control_domain'] === false);
    if (running !== undefined) expect(xapi.getObjectByRef(running['resident_on'] as string).$type).toBe('host');
    // Every X.get_all_records the client found through system.listMethods answered.
    expect(warnings.filter((w) => !w.includes(SESSION_GAP))).toEqual([]);
  });

  // Real xapi has no session.get_all / get_all_records (session is not in
  // datamodel.ml's expose_get_all_messages_for); if the engine offered them,
  // the client would try to sync `session`, refuse its own call and warn.
  it('system.listMethods offers no session.get_all_records, so the sync is warning-free', () => {
    expect(warnings).toEqual([]);
  });

  it('starts a halted VM with callAsync, sees it Running through events, and a second start fails with VM_BAD_POWER_STATE', async () => {
    const halted = objectsOf('VM').find(
      (vm) => vm['power_state'] === 'Halted' && vm['is_a_template'] === false && vm['is_a_snapshot'] === false && vm['is_control_domain'] === false,
    );
    expect(halted, 'the default world has a halted VM').toBeDefined();
    const ref = halted!.$ref;

    // Resolves once the task's record, delivered by event.from, says success; its
    // result ('' for VM.start) went through the client's XML-RPC parsing.
    await xapi.callAsync('VM.start', ref, false, false);

    await vi.waitFor(() => expect(xapi.getObjectByRef(ref)['power_state']).toBe('Running'), { timeout: 15_000, interval: 50 });
    const vm = xapi.getObjectByRef(ref);
    expect(xapi.getObjectByRef(vm['resident_on'] as string).$type).toBe('host');

    await expect(xapi.callAsync('VM.start', ref, false, false)).rejects.toMatchObject({ code: 'VM_BAD_POWER_STATE' });
    await expect(xapi.call('VM.start', ref, false, false)).rejects.toMatchObject({ code: 'VM_BAD_POWER_STATE' });
    // The event loop (event.from, task re-syncs on valid_ref_counts.task) ran without a hitch.
    expect(warnings.filter((w) => !w.includes(SESSION_GAP))).toEqual([]);
  });

  // VM.clone answers with a ref, which the client reads from task.result as XML-RPC text.
  it('gets a value back from an async call through task.result (XML-RPC text)', async () => {
    const halted = objectsOf('VM').find(
      (vm) => vm['power_state'] === 'Halted' && vm['is_a_template'] === false && vm['is_a_snapshot'] === false && vm['is_control_domain'] === false,
    );
    expect(halted).toBeDefined();
    const clone = await xapi.callAsync('VM.clone', halted!.$ref, 'contract-test clone');
    expect(clone).toMatch(/^OpaqueRef:/);
    await vi.waitFor(() => expect(xapi.getObjectByRef(clone as string)['name_label']).toBe('contract-test clone'), { timeout: 15_000, interval: 50 });
  });
});
