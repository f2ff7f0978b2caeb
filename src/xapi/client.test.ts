import { describe, it, expect } from 'vitest';
import { XenApiClient } from './client';
import { XenApiError } from './errors';
import { TransportError } from './transport';
import type { Delay } from './delay';
import { FakeXapi, fakeTransport } from './testing/fake-xapi';

function setup(options: { taskFollowing?: 'events' | 'poll'; version?: '1.0' | '2.0' } = {}) {
  const server = new FakeXapi();
  const transport = fakeTransport(server);
  const waits: number[] = [];
  // A fake wait: records the asked time, yields one macrotask (never the asked time).
  const delay: Delay = async (ms) => {
    waits.push(ms);
    await new Promise((r) => setTimeout(r, 0));
  };
  const client = new XenApiClient({ transport, delay, pollInterval: 100, ...options });
  const vm = server.create('VM', { name_label: 'web-01', power_state: 'Halted' });
  return { server, transport, client, vm, waits };
}

/** Finish a task the way xapi does: status, progress, result text or error_info. */
function finish(server: FakeXapi, task: string, patch: Record<string, unknown>): void {
  server.update('task', task, { progress: 1, ...patch });
}

describe('XenApiClient', () => {
  it('logs in and prepends the session to every call', async () => {
    const { client, transport, vm } = setup();
    const session = await client.login('root', 'secret');
    expect(client.sessionRef).toBe(session);
    expect(transport.requests[0]).toMatchObject({ jsonrpc: '2.0', method: 'session.login_with_password', params: ['root', 'secret', '1.0', 'XenLab'] });
    expect(await client.call('VM.get_name_label', vm)).toBe('web-01');
    expect(transport.requests[1]?.params).toEqual([session, vm]);
  });

  it('speaks v1.0 when asked', async () => {
    const { client, transport, vm } = setup({ version: '1.0' });
    await client.login('root', 'secret');
    expect(await client.call('VM.get_name_label', vm)).toBe('web-01');
    expect(transport.requests[1]).not.toHaveProperty('jsonrpc');
    await expect(client.call('VM.get_name_label', 'OpaqueRef:nope')).rejects.toMatchObject({ code: 'HANDLE_INVALID', params: ['VM', 'OpaqueRef:nope'] });
  });

  it('reports a wrong password as SESSION_AUTHENTICATION_FAILED', async () => {
    const { client } = setup();
    const err = await client.login('root', 'wrong').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XenApiError);
    expect(err).toMatchObject({ code: 'SESSION_AUTHENTICATION_FAILED', params: ['root', 'Authentication failure'] });
    expect(client.sessionRef).toBeUndefined();
  });

  it('refuses calls before login, and throws XenAPI errors from the server', async () => {
    const { client } = setup();
    await expect(client.call('VM.get_all')).rejects.toThrow(/not logged in/);
    await client.login('root', 'secret');
    await expect(client.call('VM.no_such_call')).rejects.toMatchObject({ code: 'MESSAGE_METHOD_UNKNOWN', params: ['VM.no_such_call'] });
    client.useSession('OpaqueRef:stale');
    await expect(client.call('VM.get_all')).rejects.toMatchObject({ code: 'SESSION_INVALID', params: ['OpaqueRef:stale'] });
  });

  it('passes transport failures on as TransportError', async () => {
    const { client, transport } = setup();
    await client.login('root', 'secret');
    transport.failNext(1);
    await expect(client.call('VM.get_all')).rejects.toBeInstanceOf(TransportError);
    expect(await client.call('VM.get_all')).toHaveLength(1);
  });

  it('logs out, and forgets a session the server already dropped', async () => {
    const { client, server } = setup();
    await client.login('root', 'secret');
    await client.logout();
    expect(client.sessionRef).toBeUndefined();
    expect(server.sessionCount).toBe(0);
    client.useSession('OpaqueRef:gone');
    await client.logout();
    expect(client.sessionRef).toBeUndefined();
  });

  describe('callAsync', () => {
    it('follows the task with event.from and decodes its XML-RPC result', async () => {
      const { client, server, vm } = setup();
      await client.login('root', 'secret');
      server.onAsync = (task, method, args) => {
        expect(method).toBe('VM.clone');
        expect(args).toEqual([vm, 'copy']);
        void Promise.resolve().then(() => {
          server.update('task', task, { progress: 0.5 });
          finish(server, task, { status: 'success', result: '<value>OpaqueRef:clone</value>' });
        });
      };
      expect(await client.callAsync('VM.clone', vm, 'copy')).toBe('OpaqueRef:clone');
      expect(server.calls.map((c) => c.method)).toContain('event.from');
      // The finished task is destroyed, as XenCenter does.
      expect(server.calls.at(-1)?.method).toBe('task.destroy');
      expect(await client.call('task.get_all')).toEqual([]);
    });

    it('accepts a task that ended before it was watched, and a plain result', async () => {
      const { client, server, vm } = setup();
      await client.login('root', 'secret');
      server.onAsync = (task) => finish(server, task, { status: 'success', result: 'OpaqueRef:plain' });
      expect(await client.callAsync('VM.snapshot', vm, 'snap')).toBe('OpaqueRef:plain');
    });

    it('throws the error of a failed task, and still destroys it', async () => {
      const { client, server, vm } = setup();
      await client.login('root', 'secret');
      server.onAsync = (task) => {
        void Promise.resolve().then(() =>
          finish(server, task, { status: 'failure', error_info: ['VM_BAD_POWER_STATE', vm, 'halted', 'running'] }),
        );
      };
      const err = await client.callAsync('VM.start', vm, false, false).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(XenApiError);
      expect((err as XenApiError).toArray()).toEqual(['VM_BAD_POWER_STATE', vm, 'halted', 'running']);
      expect(await client.call('task.get_all')).toEqual([]);
    });

    it('reports a cancelled task as TASK_CANCELLED', async () => {
      const { client, server, vm } = setup();
      await client.login('root', 'secret');
      let started = '';
      server.onAsync = (task) => {
        started = task;
        finish(server, task, { status: 'cancelled' });
      };
      await expect(client.callAsync('VM.start', vm, false, false)).rejects.toMatchObject({ code: 'TASK_CANCELLED', params: [started] });
    });

    it('reports progress while the task runs', async () => {
      const { client, server, vm } = setup();
      await client.login('root', 'secret');
      server.onAsync = () => {};
      const task = await client.startAsync('VM.start', vm, false, false);
      const seen: number[] = [];
      const done = client.waitForTask(task, { onProgress: (p) => seen.push(p), destroy: false });
      await new Promise((r) => setTimeout(r, 0));
      server.update('task', task, { progress: 0.25 });
      await new Promise((r) => setTimeout(r, 0));
      server.update('task', task, { progress: 0.75 });
      await new Promise((r) => setTimeout(r, 0));
      finish(server, task, { status: 'success', result: '' });
      expect(await done).toBe('');
      expect(seen).toEqual([0, 0.25, 0.75, 1]);
      expect(server.get('task', task)).toBeDefined(); // destroy: false keeps it
    });

    it('falls back to polling task.get_record when event.from is missing', async () => {
      const { client, server, vm, waits } = setup();
      await client.login('root', 'secret');
      server.missing.add('event.from');
      let polls = 0;
      server.onAsync = () => {};
      const task = await client.startAsync('VM.start', vm, false, false);
      const done = client.waitForTask(task);
      // Let two polls see 'pending', then finish.
      while (polls < 2) {
        await new Promise((r) => setTimeout(r, 0));
        polls = server.calls.filter((c) => c.method === 'task.get_record').length;
      }
      finish(server, task, { status: 'success', result: '<value>done</value>' });
      expect(await done).toBe('done');
      expect(waits.length).toBeGreaterThanOrEqual(1);
      expect(waits.every((w) => w === 100)).toBe(true);
    });

    it('polls from the start when told to', async () => {
      const { client, server, vm } = setup({ taskFollowing: 'poll' });
      await client.login('root', 'secret');
      server.onAsync = (task) => finish(server, task, { status: 'success', result: '<value><boolean>1</boolean></value>' });
      expect(await client.callAsync('VM.get_cooperative', vm)).toBe(true);
      expect(server.calls.map((c) => c.method)).not.toContain('event.from');
    });

    it('stops waiting when aborted', async () => {
      const { client, server, vm } = setup();
      await client.login('root', 'secret');
      server.onAsync = () => {};
      const task = await client.startAsync('VM.start', vm, false, false);
      const controller = new AbortController();
      const done = client.waitForTask(task, { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 0));
      controller.abort();
      await expect(done).rejects.toMatchObject({ name: 'TransportError', aborted: true });
    });
  });
});
