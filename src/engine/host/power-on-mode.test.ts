import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { installPreset } from '../lab/testing';
import { worldProblems } from '../worlds/world-invariants';

async function shutDown(lab: Lab, host: string): Promise<string> {
  await lab.run('host.disable', host);
  await lab.run('host.shutdown', host);
  const metrics = await lab.call<string>('host.get_metrics', host);
  expect(await lab.call('host_metrics.get_live', metrics)).toBe(false);
  return metrics;
}

describe('host.set_power_on_mode and host.power_on', () => {
  it('stores the mode and config as given; Wake-on-LAN boots a halted host', async () => {
    const lab = await createLab();
    const [id, host] = await installPreset(lab, 'lab-pc');
    expect(await lab.call('host.get_power_on_mode', host)).toBe('');
    await lab.call('host.set_power_on_mode', host, 'wake-on-lan', {});
    expect(await lab.call('host.get_power_on_mode', host)).toBe('wake-on-lan');
    expect(await lab.call('host.get_power_on_config', host)).toEqual({});
    // A running host cannot be powered on.
    expect((await lab.error('host.power_on', host)).code).toBe('HOST_IS_LIVE');

    const metrics = await shutDown(lab, host);
    const machine = () => lab.call<{ machines: { id: string; power: string }[] }>('Simulator.get_lab').then((v) => v.machines.find((m) => m.id === id));
    expect((await machine())?.power).toBe('off');
    await lab.run('host.power_on', host);
    expect((await machine())?.power).toBe('on');
    lab.engine.advance(200);
    expect(await lab.call('host_metrics.get_live', metrics)).toBe(true);
    expect(await lab.call('host.get_enabled', host)).toBe(true);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('an empty mode disables remote power-on; a mode can be cleared again', async () => {
    const lab = await createLab();
    const [, host] = await installPreset(lab, 'lab-pc');
    await lab.call('host.set_power_on_mode', host, 'wake-on-lan', {});
    await lab.call('host.set_power_on_mode', host, '', {});
    await shutDown(lab, host);
    expect((await lab.error('host.power_on', host)).code).toBe('HOST_POWER_ON_MODE_DISABLED');
  });

  it('DRAC needs the controller address and user, and a Dell PowerEdge; iLO on a Dell fails as the plug-in would', async () => {
    const lab = await createLab();
    const [, host] = await installPreset(lab, '2u-server');
    await shutDown(lab, host);

    await lab.call('host.set_power_on_mode', host, 'DRAC', {});
    const unconfigured = await lab.error('host.power_on', host);
    expect(unconfigured.code).toBe('XENAPI_PLUGIN_FAILURE');
    expect(unconfigured.params[0]).toBe('HOST_POWER_ON_NOT_CONFIGURED');

    await lab.call('host.set_power_on_mode', host, 'iLO', { power_on_ip: '192.168.10.231', power_on_user: 'admin', power_on_password_secret: 'x' });
    const wrong = await lab.error('host.power_on', host);
    expect(wrong.code).toBe('XENAPI_PLUGIN_FAILURE');
    expect(wrong.params[2]).toContain('no iLO controller');

    await lab.call('host.set_power_on_mode', host, 'DRAC', { power_on_ip: '192.168.10.231', power_on_user: 'root', power_on_password_secret: 'calvin' });
    expect(await lab.call('host.get_power_on_config', host)).toMatchObject({ power_on_ip: '192.168.10.231', power_on_user: 'root' });
    await lab.run('host.power_on', host);
    lab.engine.advance(200);
    expect(await lab.call('host_metrics.get_live', await lab.call<string>('host.get_metrics', host))).toBe(true);
  });

  it('a custom mode names a plug-in the lab does not have', async () => {
    const lab = await createLab();
    const [, host] = await installPreset(lab, 'lab-pc');
    await lab.call('host.set_power_on_mode', host, 'ipmitool', { power_on_ip: '10.0.0.9' });
    expect(await lab.call('host.get_power_on_mode', host)).toBe('ipmitool');
    await shutDown(lab, host);
    expect(await lab.error('host.power_on', host)).toMatchObject({ code: 'XENAPI_MISSING_PLUGIN', params: ['ipmitool'] });
  });

  it('re-checks its input: a bad host ref, a config that is not a string map', async () => {
    const lab = await createLab();
    const [, host] = await installPreset(lab, 'lab-pc');
    expect((await lab.error('host.set_power_on_mode', 'OpaqueRef:nope', 'wake-on-lan', {})).code).toBe('HANDLE_INVALID');
    expect((await lab.error('host.set_power_on_mode', host, 'wake-on-lan', { a: 1 })).code).toBe('FIELD_TYPE_ERROR');
    expect(await lab.call('host.get_power_on_mode', host)).toBe('');
  });
});
