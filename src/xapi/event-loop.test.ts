import { describe, it, expect } from 'vitest';
import { XenApiClient } from './client';
import { watchEvents, type EventBatch, type ObjectEvent } from './event-loop';
import type { Delay } from './delay';
import { FakeXapi, fakeTransport } from './testing/fake-xapi';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** Collects batches; `next()` waits for the next one. */
function collector() {
  const batches: EventBatch[] = [];
  let taken = 0;
  return {
    batches,
    listener: (b: EventBatch) => {
      batches.push(b);
    },
    async next(): Promise<EventBatch> {
      for (let i = 0; i < 200 && batches.length <= taken; i++) await tick();
      const b = batches[taken];
      if (b === undefined) throw new Error('no batch arrived');
      taken++;
      return b;
    },
  };
}

const brief = (events: readonly ObjectEvent[]) => events.map((e) => `${e.operation} ${e.class} ${e.ref}`).sort();

/** A wait that yields once and never takes the asked time. */
const quickDelay: Delay = async () => {
  await tick();
};

async function setup() {
  const server = new FakeXapi();
  const transport = fakeTransport(server);
  const client = new XenApiClient({ transport, delay: quickDelay });
  const pool = server.create('pool', { name_label: 'Lab' });
  const host = server.create('host', { name_label: 'xen-01' });
  const vm = server.create('VM', { name_label: 'web-01', resident_on: host });
  await client.login('root', 'secret');
  const waits: number[] = [];
  const delay: Delay = async (ms) => {
    waits.push(ms);
    await tick();
  };
  return { server, transport, client, pool, host, vm, waits, delay };
}

describe('watchEvents', () => {
  it('loads every record once, then streams add / mod / del', async () => {
    const { server, client, host, vm } = await setup();
    const c = collector();
    const controller = new AbortController();
    const done = watchEvents(client, ['VM', 'host'], c.listener, { signal: controller.signal, delay: quickDelay });

    const initial = await c.next();
    expect(initial.kind).toBe('initial');
    expect(brief(initial.events)).toEqual([`add VM ${vm}`, `add host ${host}`].sort());
    expect(initial.events.find((e) => e.ref === vm)?.snapshot).toMatchObject({ name_label: 'web-01' });
    // The token came from event.inject on the pool, the records from get_all_records.
    expect(server.calls.map((x) => x.method)).toEqual(
      expect.arrayContaining(['pool.get_all', 'event.inject', 'VM.get_all_records', 'host.get_all_records']),
    );

    // The inject itself comes back as a 'mod' of the pool, which is not watched: nothing.
    const vm2 = server.create('VM', { name_label: 'db-01' });
    const added = await c.next();
    expect(added.kind).toBe('events');
    expect(brief(added.events)).toEqual([`add VM ${vm2}`]);
    expect(added.validRefCounts).toMatchObject({ vm: 2, host: 1 });

    server.update('VM', vm, { power_state: 'Running' });
    const modded = await c.next();
    expect(modded.events).toEqual([{ operation: 'mod', class: 'VM', ref: vm, snapshot: expect.objectContaining({ power_state: 'Running' }) }]);

    server.destroy('VM', vm2);
    expect(brief((await c.next()).events)).toEqual([`del VM ${vm2}`]);

    controller.abort();
    await expect(done).resolves.toBeUndefined();
  });

  it('takes its first token from event.from when event.inject is missing', async () => {
    const { server, client, vm } = await setup();
    server.missing.add('event.inject');
    const c = collector();
    const controller = new AbortController();
    const done = watchEvents(client, ['vm'], c.listener, { signal: controller.signal, delay: quickDelay });
    const initial = await c.next();
    expect(brief(initial.events)).toEqual([`add VM ${vm}`]);
    expect(server.calls.map((x) => x.method)).not.toContain('VM.get_all_records');
    controller.abort();
    await done;
  });

  it('starts over with a complete resync batch after EVENTS_LOST', async () => {
    const { server, client, vm } = await setup();
    const c = collector();
    const controller = new AbortController();
    const done = watchEvents(client, ['VM'], c.listener, { signal: controller.signal, delay: quickDelay });
    await c.next();
    const vm2 = server.create('VM', { name_label: 'db-01' });
    server.destroy('VM', vm);
    server.loseEvents();
    const resync = await c.next();
    expect(resync.kind).toBe('resync');
    expect(brief(resync.events)).toEqual([`add VM ${vm2}`]);
    server.update('VM', vm2, { name_label: 'db-02' });
    expect((await c.next()).events[0]).toMatchObject({ operation: 'mod', ref: vm2 });
    controller.abort();
    await done;
  });

  it('retries after transport failures, waiting between tries', async () => {
    const { server, transport, client, delay, waits } = await setup();
    const c = collector();
    const errors: number[] = [];
    const controller = new AbortController();
    const done = watchEvents(client, ['VM'], c.listener, {
      signal: controller.signal,
      delay,
      retryDelay: 1500,
      onTransportError: (_e, attempt) => errors.push(attempt),
    });
    await c.next();
    // The loop is already blocked in one event.from; the two after it fail.
    transport.failNext(2, 'event.from');
    const vm2 = server.create('VM', { name_label: 'db-01' });
    expect(brief((await c.next()).events)).toEqual([`add VM ${vm2}`]);
    const vm3 = server.create('VM', { name_label: 'db-02' });
    expect(brief((await c.next()).events)).toEqual([`add VM ${vm3}`]);
    expect(errors).toEqual([1, 2]);
    expect(waits).toEqual([1500, 1500]);
    controller.abort();
    await done;
  });

  it('ends with the error when the session goes away', async () => {
    const { server, client, vm } = await setup();
    const c = collector();
    const done = watchEvents(client, ['VM'], c.listener, { delay: quickDelay });
    await c.next();
    await client.logout();
    server.update('VM', vm, { name_label: 'x' });
    await expect(done).rejects.toMatchObject({ code: 'SESSION_INVALID' });
  });

  it("loads every known class for ['*'] and skips classes the server lacks", async () => {
    const { server, client, pool, host, vm } = await setup();
    for (const cls of ['SR', 'VDI', 'network']) server.missing.add(`${cls}.get_all_records`);
    const c = collector();
    const controller = new AbortController();
    const done = watchEvents(client, ['*'], c.listener, { signal: controller.signal, delay: quickDelay });
    const initial = await c.next();
    expect(brief(initial.events)).toEqual([`add VM ${vm}`, `add host ${host}`, `add pool ${pool}`].sort());
    controller.abort();
    await done;
  });

  it('resolves at once when aborted before it starts', async () => {
    const { client } = await setup();
    const c = collector();
    const controller = new AbortController();
    controller.abort();
    await expect(watchEvents(client, ['VM'], c.listener, { signal: controller.signal, delay: quickDelay })).resolves.toBeUndefined();
    expect(c.batches).toEqual([]);
  });
});
