// Contract test: Xen Orchestra's own XenAPI client (npm `xen-api`) drives the
// simulated pool over HTTP exactly as it drives a real one, over both of its
// transports (JSON-RPC at /jsonrpc, XML-RPC at /xmlrpc) -- login,
// system.listMethods, event.inject, every X.get_all_records, the event.from
// loop (with valid_ref_counts.task), Async.* calls followed to their task
// record (status, result parsed as XML-RPC, error_info) and the error shape.
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
const WAIT = { timeout: 15_000, interval: 50 };

describe.each(['json-rpc', 'xml-rpc'] as const)('Xen Orchestra xen-api client (%s transport) against the XenLab server', (transport) => {
  let engine: Engine;
  let server: Server;
  let clock: RealTimeClock;
  let xapi: Xapi;
  /** What the client logged with console.warn: it warns on every call that fails during sync or the event loop. */
  const warnings: string[] = [];
  const unexpectedWarnings = () => warnings.filter((w) => !w.includes(SESSION_GAP));

  function objectsOf(type: string): XapiObject[] {
    return Object.values(xapi.objects.all).filter((o) => o.$type === type);
  }
  function guests(powerState: string): XapiObject[] {
    return objectsOf('VM').filter(
      (vm) => vm['power_state'] === powerState && vm['is_a_template'] === false && vm['is_a_snapshot'] === false && vm['is_control_domain'] === false,
    );
  }
  /** The record of a task the client has cached, once it has one. */
  async function cachedTask(ref: string): Promise<XapiObject> {
    await vi.waitFor(() => expect(xapi.objects.all[ref] ?? objectsOf('task').find((t) => t.$ref === ref)).toBeDefined(), WAIT);
    return xapi.getObjectByRef(ref);
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
    xapi = createClient({ url: `http://127.0.0.1:${port}`, auth: { user: 'root', password: PASSWORD }, transport });
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

  it('logs in and syncs every object: the pool, 3 hosts, the VMs', () => {
    expect(xapi.status).toBe('connected');
    expect(xapi.pool.$type).toBe('pool');
    expect(objectsOf('pool')).toHaveLength(1);
    expect(objectsOf('host')).toHaveLength(3);
    const vms = objectsOf('VM');
    expect(vms.length).toBe(engine.world.count('VM'));
    expect(vms.filter((vm) => vm['is_control_domain'] === true)).toHaveLength(3);
    expect(guests('Halted').length + guests('Running').length).toBeGreaterThan(0);
    // Links resolve through the client's cache (VM.resident_on → host).
    const running = guests('Running')[0];
    if (running !== undefined) expect(xapi.getObjectByRef(running['resident_on'] as string).$type).toBe('host');
    // Record fields keep their XenAPI types on either transport: maps are objects, sets arrays, bools booleans.
    const host = objectsOf('host')[0]!;
    expect(typeof host['other_config']).toBe('object');
    expect(Array.isArray(host['resident_VMs'])).toBe(true);
    expect(typeof host['enabled']).toBe('boolean');
    // Every X.get_all_records the client found through system.listMethods answered.
    expect(unexpectedWarnings()).toEqual([]);
  });

  // Real xapi has no session.get_all / get_all_records (session is not in
  // datamodel.ml's expose_get_all_messages_for); if the engine offered them,
  // the client would try to sync `session`, refuse its own call and warn.
  it('system.listMethods offers no session.get_all_records, so the sync is warning-free', async () => {
    const methods = (await xapi.call('system.listMethods')) as string[];
    expect(methods).toContain('VM.get_all_records');
    expect(methods).toContain('Async.VM.start');
    expect(methods).not.toContain('session.get_all_records');
    expect(warnings).toEqual([]);
  });

  it('errors arrive as XapiError {code, params}: HANDLE_INVALID, MESSAGE_PARAMETER_COUNT_MISMATCH, MESSAGE_METHOD_UNKNOWN, FIELD_TYPE_ERROR', async () => {
    await expect(xapi.call('VM.get_record', 'OpaqueRef:nope')).rejects.toMatchObject({ code: 'HANDLE_INVALID', params: ['VM', 'OpaqueRef:nope'] });
    await expect(xapi.call('VM.get_power_state')).rejects.toMatchObject({ code: 'MESSAGE_PARAMETER_COUNT_MISMATCH', params: ['VM.get_power_state', '2', '1'] });
    await expect(xapi.call('VM.frobnicate')).rejects.toMatchObject({ code: 'MESSAGE_METHOD_UNKNOWN', params: ['VM.frobnicate'] });
    const vm = guests('Halted')[0]!;
    await expect(xapi.call('VM.start', vm.$ref, 'yes', false)).rejects.toMatchObject({ code: 'FIELD_TYPE_ERROR' });
  });

  it('ints travel as the transport carries them (XML-RPC: decimal strings) and are stored as numbers', async () => {
    const vm = guests('Halted')[0]!;
    await xapi.call('VM.set_order', vm.$ref, 4);
    expect(engine.world.get('VM', vm.$ref).order).toBe(4);
    await vi.waitFor(() => expect(Number(xapi.getObjectByRef(vm.$ref)['order'])).toBe(4), WAIT);
  });

  it('starts a halted VM with callAsync, sees it Running through events, and a second start fails with VM_BAD_POWER_STATE', async () => {
    const halted = guests('Halted')[0];
    expect(halted, 'the default world has a halted VM').toBeDefined();
    const ref = halted!.$ref;

    // Resolves once the task's record, delivered by event.from, says success; its
    // result ('' for VM.start) went through the client's XML-RPC parsing.
    expect(await xapi.callAsync('VM.start', ref, false, false)).toBe('');

    await vi.waitFor(() => expect(xapi.getObjectByRef(ref)['power_state']).toBe('Running'), WAIT);
    const vm = xapi.getObjectByRef(ref);
    expect(xapi.getObjectByRef(vm['resident_on'] as string).$type).toBe('host');

    // A failed task: error_info becomes the XapiError, with the task attached.
    const failure = (await xapi.callAsync('VM.start', ref, false, false).catch((e: unknown) => e)) as { code: string; params: string[]; task: XapiObject };
    expect(failure.code).toBe('VM_BAD_POWER_STATE');
    expect(failure.params).toEqual([ref, 'halted', 'running']);
    expect(failure.task['status']).toBe('failure');
    expect(failure.task['error_info']).toEqual(['VM_BAD_POWER_STATE', ref, 'halted', 'running']);
    await expect(xapi.call('VM.start', ref, false, false)).rejects.toMatchObject({ code: 'VM_BAD_POWER_STATE' });
    // The event loop (event.from, task re-syncs on valid_ref_counts.task) ran without a hitch.
    expect(unexpectedWarnings()).toEqual([]);
  });

  it('follows an Async task record as XO does: pending, progress, then success with the result as XML-RPC text', async () => {
    const halted = guests('Halted')[0]!;
    const taskRef = (await xapi.call('Async.VM.clone', halted.$ref, `${transport} clone`)) as string;
    expect(taskRef).toMatch(/^OpaqueRef:/);
    const task = await cachedTask(taskRef);
    expect(['pending', 'success']).toContain(task['status']);
    expect(task['name_label']).toBe('Async.VM.clone');
    await vi.waitFor(() => expect(xapi.getObjectByRef(taskRef)['status']).toBe('success'), WAIT);
    const done = xapi.getObjectByRef(taskRef);
    // A float, even 1.0: XML-RPC carries it as <double>, never as an int's string.
    expect(done['progress']).toBe(1);
    expect(typeof done['created']).toBe(transport === 'xml-rpc' ? 'object' : 'string'); // <dateTime.iso8601> → Date
    expect(done['result']).toMatch(/^<value>OpaqueRef:[^<]+<\/value>$/);
    expect(done['error_info']).toEqual([]);
    await xapi.call('task.destroy', taskRef);
  });

  it('snapshots and clean-shuts-down a running VM through Async calls, each answering as xapi does', async () => {
    const running = guests('Running')[0]!;
    const snapshot = (await xapi.callAsync('VM.snapshot', running.$ref, `${transport} snapshot`)) as string;
    expect(snapshot).toMatch(/^OpaqueRef:/);
    await vi.waitFor(() => expect(xapi.getObjectByRef(snapshot)['is_a_snapshot']).toBe(true), WAIT);
    expect(xapi.getObjectByRef(snapshot)['snapshot_of']).toBe(running.$ref);

    expect(await xapi.callAsync('VM.clean_shutdown', running.$ref)).toBe('');
    await vi.waitFor(() => expect(xapi.getObjectByRef(running.$ref)['power_state']).toBe('Halted'), WAIT);
    expect(unexpectedWarnings()).toEqual([]);
  });

  it('migrates a running VM with VM.pool_migrate and with host.migrate_receive + VM.migrate_send, as XO does', async () => {
    // One whose disks are all on shared storage (pool_migrate moves no disk; xapi says VM_REQUIRES_SR otherwise).
    const onSharedSrs = (vm: XapiObject) =>
      (vm['VBDs'] as string[])
        .map((ref) => xapi.getObjectByRef(ref))
        .filter((vbd) => vbd['type'] === 'Disk')
        .every((vbd) => xapi.getObjectByRef(xapi.getObjectByRef(vbd['VDI'] as string)['SR'] as string)['shared'] === true);
    const vm = guests('Running').find(onSharedSrs)!;
    expect(vm, 'a running VM on shared storage').toBeDefined();
    const from = vm['resident_on'] as string;
    const other = objectsOf('host').find((h) => h.$ref !== from && h['enabled'] === true)!;
    expect(await xapi.callAsync('VM.pool_migrate', vm.$ref, other.$ref, { force: 'false' })).toBe('');
    await vi.waitFor(() => expect(xapi.getObjectByRef(vm.$ref)['resident_on']).toBe(other.$ref), WAIT);

    // XO's migrateVm: a receive token from the destination, then migrate_send with the disk and VIF maps.
    const back = xapi.getObjectByRef(from);
    const network = xapi.getObjectByRef((xapi.getObjectByRef((back['PIFs'] as string[])[0]!)['network'] as string)).$ref;
    const token = (await xapi.call('host.migrate_receive', from, network, {})) as Record<string, string>;
    expect(typeof token).toBe('object');
    // Each disk to an SR the destination sees: its own if attached there, else one of the destination's.
    const seenFrom = (sr: string) => (xapi.getObjectByRef(sr)['PBDs'] as string[]).some((pbd) => xapi.getObjectByRef(pbd)['host'] === from);
    const destSr = objectsOf('SR').find((sr) => sr['content_type'] !== 'iso' && sr['type'] !== 'iso' && seenFrom(sr.$ref))!;
    const vdis: Record<string, string> = {};
    for (const vbdRef of xapi.getObjectByRef(vm.$ref)['VBDs'] as string[]) {
      const vbd = xapi.getObjectByRef(vbdRef);
      if (vbd['type'] !== 'Disk') continue;
      const sr = xapi.getObjectByRef(vbd['VDI'] as string)['SR'] as string;
      vdis[vbd['VDI'] as string] = seenFrom(sr) ? sr : destSr.$ref;
    }
    const vifs: Record<string, string> = {};
    for (const vifRef of xapi.getObjectByRef(vm.$ref)['VIFs'] as string[]) vifs[vifRef] = xapi.getObjectByRef(vifRef)['network'] as string;
    const result = await xapi.callAsync('VM.migrate_send', vm.$ref, token, true, vdis, vifs, { force: 'false' });
    expect(result === '' || result === vm.$ref).toBe(true);
    await vi.waitFor(() => expect(xapi.getObjectByRef(vm.$ref)['resident_on']).toBe(from), WAIT);
  });
});
