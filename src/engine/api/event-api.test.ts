// event.from / event.inject with XAPI's semantics.
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { createLab, settle } from '../testing/lab';
import { buildDefaultWorld } from '../worlds/default-world';

interface EventBatch {
  events: { id: number; class: string; operation: string; ref: string; snapshot: Record<string, unknown> }[];
  valid_ref_counts: Record<string, number>;
  token: string;
}

describe('event.from', () => {
  it('answers everything as add from an empty token, with valid_ref_counts', async () => {
    const lab = await createLab();
    const batch = await lab.call<EventBatch>('event.from', ['vm', 'host'], '', 0);
    const vms = await lab.call<string[]>('VM.get_all');
    const hosts = await lab.call<string[]>('host.get_all');
    expect(batch.events.filter((e) => e.class === 'vm')).toHaveLength(vms.length);
    expect(batch.events.filter((e) => e.class === 'host')).toHaveLength(hosts.length);
    expect(batch.events.every((e) => e.operation === 'add')).toBe(true);
    expect(batch.valid_ref_counts).toEqual({ vm: vms.length, host: hosts.length });
  });

  it('merges several changes to one object into one event with its latest state', async () => {
    const lab = await createLab();
    const vm = (await lab.call<string[]>('VM.get_all'))[0]!;
    const { token } = await lab.call<EventBatch>('event.from', ['VM'], '', 0);
    await lab.call('VM.set_name_label', vm, 'one');
    await lab.call('VM.set_name_label', vm, 'two');
    await lab.call('VM.set_name_description', vm, 'three');
    const batch = await lab.call<EventBatch>('event.from', ['VM'], token, 0);
    expect(batch.events).toHaveLength(1);
    expect(batch.events[0]).toMatchObject({ class: 'vm', operation: 'mod', ref: vm });
    expect(batch.events[0]!.snapshot['name_label']).toBe('two');
    expect(batch.events[0]!.snapshot['name_description']).toBe('three');
    const again = await lab.call<EventBatch>('event.from', ['VM'], batch.token, 0);
    expect(again.events).toHaveLength(0);
  });

  it('reports add and del, and skips an object born and gone between two calls', async () => {
    const lab = await createLab();
    const { token } = await lab.call<EventBatch>('event.from', ['task'], '', 0);
    const vm = (await lab.call<string[]>('VM.get_all'))[0]!;
    const t1 = await lab.call<string>('Async.VM.assert_can_boot_here', vm, (await lab.call<string[]>('host.get_all'))[0]);
    const mid = await lab.call<EventBatch>('event.from', ['task'], token, 0);
    expect(mid.events.map((e) => [e.operation, e.ref])).toEqual([['add', t1]]);
    expect(mid.valid_ref_counts['task']).toBe(1);
    const t2 = await lab.call<string>('Async.VM.assert_can_boot_here', vm, (await lab.call<string[]>('host.get_all'))[0]);
    await lab.call('task.destroy', t1);
    await lab.call('task.destroy', t2);
    const after = await lab.call<EventBatch>('event.from', ['task'], mid.token, 0);
    expect(after.events.map((e) => [e.operation, e.ref])).toEqual([['del', t1]]);
    expect(after.valid_ref_counts['task']).toBe(0);
  });

  it('waits up to its timeout for a change, and returns when one comes', async () => {
    const lab = await createLab();
    const { token } = await lab.call<EventBatch>('event.from', ['vm'], '', 0);
    const empty = await settle(lab.engine, lab.call<EventBatch>('event.from', ['vm'], token, 5));
    expect(empty.events).toHaveLength(0);
    expect(lab.engine.now).toBeGreaterThanOrEqual(5);
    const waiting = lab.call<EventBatch>('event.from', ['vm'], token, 30);
    const vm = (await lab.call<string[]>('VM.get_all'))[0]!;
    await lab.call('VM.set_name_label', vm, 'woken');
    const batch = await waiting;
    expect(batch.events.map((e) => e.ref)).toEqual([vm]);
  });

  it('event.inject returns a token and marks the object changed', async () => {
    const lab = await createLab();
    const [pool] = await lab.call<string[]>('pool.get_all');
    const token = await lab.call<string>('event.inject', 'pool', pool);
    const before = await lab.call<EventBatch>('event.from', ['pool'], '', 0);
    expect(before.events.map((e) => e.ref)).toEqual([pool]);
    const after = await lab.call<EventBatch>('event.from', ['pool'], token, 0);
    expect(after.events).toHaveLength(0);
    expect((await lab.error('event.inject', 'pool', 'OpaqueRef:none')).code).toBe('HANDLE_INVALID');
  });

  it('keeps tokens valid across a save and restore of the world', async () => {
    const lab = await createLab();
    const { token } = await lab.call<EventBatch>('event.from', ['*'], '', 0);
    const vm = (await lab.call<string[]>('VM.get_all'))[0]!;
    await lab.call('VM.set_name_label', vm, 'before save');
    const restored = Engine.restore(JSON.parse(JSON.stringify(lab.engine.snapshot())));
    const batch = (await restored.call('event.from', [lab.session, ['vm'], token, 0])) as EventBatch;
    expect(batch.events.map((e) => [e.operation, e.ref, e.snapshot['name_label']])).toEqual([['mod', vm, 'before save']]);
  });

  it('delivers every change of a big restored world (its journal compacts as it grows)', async () => {
    // More objects than the journal's floor of 4096 entries (it compacts past
    // 4096 + 2 per object); the large world has about 16,000. Restored, the
    // world must count its objects, and a compaction must never drop the
    // change being made: 12,000 changes compact the journal at least once.
    const lab = await createLab({
      build: (e) => {
        buildDefaultWorld(e);
        for (let i = 0; i < 5000; i++) e.world.create('network', { name_label: `net ${String(i)}`, name_description: '', bridge: `xapi${String(i)}`, MTU: 1500, managed: true, other_config: {} });
      },
    });
    const restored = Engine.restore(JSON.parse(JSON.stringify(lab.engine.snapshot())));
    const call = <T>(method: string, ...args: unknown[]) => restored.call(method, [lab.session, ...args]) as Promise<T>;
    let { token } = await call<EventBatch>('event.from', ['*'], '', 0);
    const [pool] = await call<string[]>('pool.get_all');
    const vm = (await call<string[]>('VM.get_all'))[0]!;
    for (let i = 0; i < 12_000; i++) {
      // Many changes: the journal outgrows its bound and compacts several times, the last change included.
      await call('VM.set_name_description', vm, `change ${String(i)}`);
      if (i % 3000 === 2999) {
        await call('pool.set_gui_config', pool, { round: String(i) });
        const batch = await call<EventBatch>('event.from', ['pool', 'vm'], token, 0);
        expect(batch.events.map((e) => [e.class, e.class === 'vm' ? e.snapshot['name_description'] : e.snapshot['gui_config']])).toEqual([
          ['vm', `change ${String(i)}`],
          ['pool', { round: String(i) }],
        ]);
        token = batch.token;
      }
    }
  });

  it('rejects a malformed token', async () => {
    const lab = await createLab();
    expect((await lab.error('event.from', ['vm'], 'garbage', 0)).code).toBe('EVENT_FROM_TOKEN_PARSE_FAILURE');
  });
});
