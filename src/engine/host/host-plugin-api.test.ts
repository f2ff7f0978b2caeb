// host.call_plugin on hosts without plugins: xapi's answer for a missing one.
import { describe, expect, it } from 'vitest';
import { createLab } from '../testing/lab';

describe('host.call_plugin', () => {
  it('answers XENAPI_MISSING_PLUGIN [plugin] for any plugin, sync and Async, changing nothing', async () => {
    const lab = await createLab();
    const [host] = await lab.call<string[]>('host.get_all');
    const before = lab.engine.world.events.generation;
    const e = await lab.error('host.call_plugin', host, 'updater.py', 'check_update', {});
    expect([e.code, ...e.params]).toEqual(['XENAPI_MISSING_PLUGIN', 'updater.py']);
    const task = await lab.call<string>('Async.host.call_plugin', host, 'netdata.py', 'is_netdata_installed', { a: 'b' });
    expect(await lab.call('task.get_status', task)).toBe('failure');
    expect(await lab.call('task.get_error_info', task)).toEqual(['XENAPI_MISSING_PLUGIN', 'netdata.py']);
    await lab.call('task.destroy', task);
    expect(lab.engine.world.events.generation).toBeGreaterThan(before); // only the task came and went
    expect(lab.engine.world.count('task')).toBe(0);
  });

  it('checks its parameters first: HANDLE_INVALID for a bad host, FIELD_TYPE_ERROR for non-string args', async () => {
    const lab = await createLab();
    const [host] = await lab.call<string[]>('host.get_all');
    expect((await lab.error('host.call_plugin', 'OpaqueRef:nope', 'p', 'f', {})).params).toEqual(['host', 'OpaqueRef:nope']);
    expect((await lab.error('host.call_plugin', host, 'p', 'f', { n: 1 })).code).toBe('FIELD_TYPE_ERROR');
  });
});
