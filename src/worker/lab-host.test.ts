// The worker's lab through its message protocol: loading, corrupt saves,
// serving XenAPI, saving, resetting.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../xapi/lab-protocol';
import { makeRequest } from '../xapi/jsonrpc';
import { LabHost, type LabHostOptions } from './lab-host';
import { indexedDbStore, parseStored, type WorldStore } from './world-store';

function memoryStore(initial?: unknown): WorldStore & { raw: unknown; rrds: unknown } {
  const store = {
    raw: initial,
    rrds: undefined as unknown,
    load: async () => (store.raw === undefined ? { kind: 'empty' as const } : parseStored(store.raw)),
    save: async (snapshot: unknown, rrds?: unknown) => {
      store.raw = JSON.stringify({ schema: 1, snapshot });
      if (rrds !== undefined) store.rrds = structuredClone(rrds); // as IndexedDB keeps it
    },
    loadRrds: async () => store.rrds,
    clear: async () => {
      store.raw = undefined;
      store.rrds = undefined;
    },
  };
  return store as WorldStore & { raw: unknown; rrds: unknown };
}

function harness(store: WorldStore) {
  const out: FromWorker[] = [];
  let pendingSave: (() => void) | undefined;
  // A hand-driven real-time clock: `tick(ms)` moves it and runs what is due.
  let realNow = 0;
  const timers: { ms: number; next: number; tick: () => void }[] = [];
  const options: LabHostOptions = {
    store,
    post: (m) => out.push(m),
    sleep: () => Promise.resolve(),
    ticks: {
      now: () => realNow,
      every: (ms, tick) => {
        const timer = { ms, next: realNow + ms, tick };
        timers.push(timer);
        return () => timers.splice(timers.indexOf(timer), 1);
      },
    },
    debounce: (_ms, fn) => {
      pendingSave = fn;
    },
  };
  const host = new LabHost(options);
  let id = 0;
  const rpc = async (method: string, params: unknown[]) => {
    const n = ++id;
    await host.receive({ kind: 'rpc', id: n, request: makeRequest(method, params, n) });
    const answer = out.find((m): m is Extract<FromWorker, { kind: 'rpc' }> => m.kind === 'rpc' && m.id === n);
    return answer?.response as { result?: unknown; error?: { message: string } };
  };
  const tick = async (ms: number) => {
    const end = realNow + ms;
    for (;;) {
      const due = timers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (due === undefined) break;
      realNow = due.next;
      due.next += due.ms;
      due.tick();
      for (let i = 0; i < 5; i++) await Promise.resolve(); // let a save started by the tick finish
    }
    realNow = end;
  };
  return { host, out, rpc, tick, flushSave: () => pendingSave?.() };
}

/** Known (not NaN) values of the hosts' and VMs' 1-minute rows of the last half hour, as /rrd_updates answers them. */
async function knownMinuteValues(h: ReturnType<typeof harness>, session: string): Promise<number> {
  const now = ((await h.rpc('Simulator.get_time', [session])).result as { unix: number }).unix;
  const id = 1000 + h.out.length;
  const path = `/rrd_updates?session_id=${encodeURIComponent(session)}&start=${Math.floor(now) - 1800}&interval=60&host=true&json=true`;
  await h.host.receive({ kind: 'http-get', id, path });
  const reply = h.out.find((m): m is Extract<FromWorker, { kind: 'http-get' }> => m.kind === 'http-get' && m.id === id);
  if (reply?.status !== 200) return 0; // no RRD yet: nothing known
  // xapi's JSON gives every value as a string; unknown ones are "NaN".
  const body = JSON.parse(reply.body) as { data: { values: string[] }[] };
  return body.data.flatMap((row) => row.values).filter((v) => Number.isFinite(Number(v))).length;
}

describe('LabHost', () => {
  it('builds the default world on first start, saves it, and serves XenAPI', async () => {
    const store = memoryStore();
    const { host, out, rpc } = harness(store);
    await host.boot();
    expect(out.filter((m) => m.kind === 'status').map((m) => (m as { status: { state: string } }).status.state)).toEqual(['loading', 'ready']);
    expect(store.raw).toBeTypeOf('string');
    const login = await rpc('session.login_with_password', ['root', 'xenlab']);
    const pools = await rpc('pool.get_all_records', [login.result]);
    expect(Object.values(pools.result as object).map((p: { name_label: string }) => p.name_label)).toEqual(['Lab Pool']);
  });

  it("answers 'http-get' messages as the HTTP server would (503 while loading)", async () => {
    const { host, out, rpc } = harness(memoryStore());
    await host.receive({ kind: 'http-get', id: 90, path: '/rrd_updates?start=0' });
    expect(out.find((m) => m.kind === 'http-get')).toMatchObject({ id: 90, status: 503 });
    await host.boot();
    const session = (await rpc('session.login_with_password', ['root', 'xenlab'])).result as string;
    await host.receive({ kind: 'http-get', id: 91, path: `/rrd_updates?session_id=${encodeURIComponent(session)}&start=0&host=true&json=true` });
    await host.receive({ kind: 'http-get', id: 92, path: '/rrd_updates?session_id=nobody&start=0' });
    const replies = out.filter((m) => m.kind === 'http-get');
    expect(replies.find((m) => m.id === 91)?.status).not.toBe(401);
    expect(replies.find((m) => m.id === 92)).toMatchObject({ status: 401 });
  });

  it('restores the saved world: same objects, same virtual time', async () => {
    const store = memoryStore();
    const first = harness(store);
    await first.host.boot();
    const session = (await first.rpc('session.login_with_password', ['root', 'xenlab'])).result;
    const [vm] = (await first.rpc('VM.get_by_name_label', [session, 'game-01'])).result as string[];
    await first.rpc('VM.set_name_label', [session, vm, 'renamed before reload']);
    await first.rpc('Simulator.advance', [session, 123]);
    first.flushSave();
    await Promise.resolve();
    const second = harness(store);
    await second.host.boot();
    expect(second.host.state).toMatchObject({ state: 'ready', origin: 'restored' });
    const again = (await second.rpc('session.login_with_password', ['root', 'xenlab'])).result;
    expect((await second.rpc('VM.get_name_label', [again, vm])).result).toBe('renamed before reload');
    expect(((await second.rpc('Simulator.get_time', [again])).result as { seconds: number }).seconds).toBeCloseTo(123);
  });

  it('reports a corrupt save instead of serving, and starts afresh when told', async () => {
    const store = memoryStore('{"schema":1,"snapshot":{"version":1,');
    const { host, out, rpc } = harness(store);
    await host.boot();
    expect(host.state).toMatchObject({ state: 'corrupt' });
    await host.receive({ kind: 'lab', action: 'get-stored' });
    expect(out.find((m) => m.kind === 'stored')).toEqual({ kind: 'stored', raw: '{"schema":1,"snapshot":{"version":1,' });
    // Calls wait while the lab is not ready; they are answered once it is.
    const pending = rpc('session.login_with_password', ['root', 'xenlab']);
    await host.receive({ kind: 'lab', action: 'start-fresh' });
    await pending;
    expect(host.state).toMatchObject({ state: 'ready', origin: 'fresh' });
    expect(parseStored(store.raw).kind).toBe('ok');
  });

  it('calls a save from an unknown version corrupt, with the reason', () => {
    const result = parseStored(JSON.stringify({ schema: 1, snapshot: { version: 99 } }));
    expect(result).toMatchObject({ kind: 'corrupt' });
    expect((result as { reason: string }).reason).toMatch(/version 99/);
    expect(parseStored(JSON.stringify({ schema: 7 }))).toMatchObject({ kind: 'corrupt' });
  });

  it('reset throws the world away for the default one', async () => {
    const { host, rpc } = harness(memoryStore());
    await host.boot();
    const session = (await rpc('session.login_with_password', ['root', 'xenlab'])).result;
    const [vm] = (await rpc('VM.get_by_name_label', [session, 'game-01'])).result as string[];
    await rpc('VM.set_name_label', [session, vm, 'changed']);
    await host.receive({ kind: 'lab', action: 'reset' });
    expect((await rpc('VM.get_all', [session])).error?.message).toBe('SESSION_INVALID');
    const fresh = (await rpc('session.login_with_password', ['root', 'xenlab'])).result;
    expect((await rpc('VM.get_by_name_label', [fresh, 'game-01'])).result).toHaveLength(1);
  });

  it('saves soon after the speed changes, and every few seconds while only the clock runs', async () => {
    const store = memoryStore();
    const { host, rpc, tick } = harness(store);
    await host.boot();
    const saved = () => JSON.parse(store.raw as string) as { snapshot: { config: { speed: number }; scheduler: { now: number } } };
    const session = (await rpc('session.login_with_password', ['root', 'xenlab'])).result;
    await tick(100); // the real-time driver's first ticks: the clock runs at 1×
    await tick(5000);
    const runAt = saved().snapshot.scheduler.now;
    expect(runAt).toBeGreaterThan(0);

    // A speed change is not a change of the world, but it is saved within a second.
    await rpc('Simulator.set_speed', [session, 0]);
    await tick(1000);
    expect(saved().snapshot.config.speed).toBe(0);
    // Paused and idle: nothing more to save.
    const raw = store.raw;
    await tick(10_000);
    expect(store.raw).toBe(raw);

    // Running again: saved every few seconds of real time, not at each tick.
    await rpc('Simulator.set_speed', [session, 10]);
    await tick(1000);
    const at10 = saved().snapshot.scheduler.now;
    await tick(1000);
    expect(saved().snapshot.scheduler.now).toBe(at10);
    await tick(1000);
    expect(saved().snapshot.scheduler.now).toBeGreaterThan(at10);
  });

  it('keeps the graphs\' history (the RRDs) across a reload, and starts with empty graphs when it cannot be used', async () => {
    const store = indexedDbStore('xenlab-rrd-test', 'worlds');
    await store.clear();
    const first = harness(store);
    await first.host.boot();
    const session = (await first.rpc('session.login_with_password', ['root', 'xenlab'])).result as string;
    await first.rpc('Simulator.advance', [session, 1800]);
    await first.host.receive({ kind: 'lab', action: 'save-now' });
    const known = await knownMinuteValues(first, session);
    expect(known).toBeGreaterThan(100);

    const second = harness(store);
    await second.host.boot();
    expect(second.host.state).toMatchObject({ state: 'ready', origin: 'restored' });
    const again = (await second.rpc('session.login_with_password', ['root', 'xenlab'])).result as string;
    expect(await knownMinuteValues(second, again)).toBe(known);

    // A damaged RRD record costs the history, not the lab.
    const saved = (await store.loadRrds()) as { buffers: ArrayBuffer[] };
    const world = await store.load();
    if (world.kind !== 'ok') throw new Error('the world was not saved');
    await store.save(world.snapshot, { ...saved, buffers: saved.buffers.slice(1) } as never);
    const third = harness(store);
    await third.host.boot();
    expect(third.host.state).toMatchObject({ state: 'ready', origin: 'restored' });
    const third1 = (await third.rpc('session.login_with_password', ['root', 'xenlab'])).result as string;
    expect(await knownMinuteValues(third, third1)).toBe(0);
    await store.clear();
    expect(await store.loadRrds()).toBeUndefined();
  });

  it('saves the RRDs with clock saves at most every 10 s, and brings them up to the world once the clock stops', async () => {
    const store = memoryStore();
    const { host, rpc, tick } = harness(store);
    await host.boot();
    const session = (await rpc('session.login_with_password', ['root', 'xenlab'])).result;
    const rrdAt = () => ((store.rrds as { lastPdp: number | null }).lastPdp ?? 0) * 5;
    const worldAt = async () => ((await rpc('Simulator.get_time', [session])).result as { unix: number }).unix;
    await rpc('Simulator.set_speed', [session, 10]);
    await tick(3000);
    const first = rrdAt();
    await tick(3000); // world saves, RRDs not due yet
    expect(rrdAt()).toBe(first);
    await tick(8000);
    expect(rrdAt()).toBeGreaterThan(first);
    await rpc('Simulator.set_speed', [session, 0]);
    await tick(3000);
    expect(rrdAt()).toBe(Math.floor((await worldAt()) / 5) * 5);
  });

  it('still saves the world when the RRDs cannot be saved', async () => {
    const store = memoryStore();
    const save = store.save.bind(store);
    store.save = async (snapshot, rrds) => {
      if (rrds !== undefined) throw new Error('QuotaExceededError');
      await save(snapshot);
    };
    const { host, out } = harness(store);
    await host.boot();
    await host.receive({ kind: 'lab', action: 'save-now' });
    expect(parseStored(store.raw).kind).toBe('ok');
    expect(store.rrds).toBeUndefined();
    expect(out.some((m) => m.kind === 'save-failed')).toBe(false);
  });

  it('keeps the lab in IndexedDB between sessions', async () => {
    const store = indexedDbStore('xenlab-test', 'worlds');
    const { host } = harness(store);
    await host.boot();
    expect((await store.load()).kind).toBe('ok');
    await store.clear();
    expect((await store.load()).kind).toBe('empty');
  });
});
