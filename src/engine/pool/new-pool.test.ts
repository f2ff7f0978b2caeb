// New Pool as the console does it: two standalone servers, the coordinator's
// one-host pool named, the other joined with pool.join on its own session
// and the coordinator's credentials the console holds. The engine re-checks
// every refusal the dialog shows beforehand.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { installPreset } from '../lab/testing';
import { worldProblems } from '../worlds/world-invariants';
import type { LabView } from '../../xapi/simulator/lab-view';

async function standalone(lab: Lab, preset: string, name: string, ip: string): Promise<string> {
  const [, host] = await installPreset(lab, preset, { hostname: name, staticIp: { address: ip, netmask: '255.255.255.0', gateway: '192.168.10.1' } });
  await lab.call('Simulator.add_server', ip, 'root', 'secret99');
  return host;
}

async function poolOf(lab: Lab, host: string): Promise<string> {
  const view = await lab.call<LabView>('Simulator.get_lab');
  return view.servers.find((s) => s.hosts.includes(host))!.pool;
}

async function join(lab: Lab, member: string, coordinator: string): Promise<unknown> {
  const session = await lab.call<string>('Simulator.server_session', member);
  const password = await lab.call<string>('Simulator.console_password', coordinator);
  const address = await lab.call<string>('host.get_address', coordinator);
  return lab.engine.call('pool.join', [session, address, 'root', password]);
}

async function joinError(lab: Lab, member: string, coordinator: string): Promise<string[]> {
  try {
    await join(lab, member, coordinator);
  } catch (e) {
    return [(e as { code: string }).code, ...(e as { params: string[] }).params];
  }
  throw new Error('pool.join succeeded');
}

describe('New Pool from standalone servers', () => {
  it('names the coordinator\'s pool and joins the other server to it', async () => {
    const lab = await createLab();
    const a = await standalone(lab, '2u-server', 'r750-a', '192.168.10.31');
    const b = await standalone(lab, '2u-server', 'r750-b', '192.168.10.32');
    const pool = await poolOf(lab, a);
    await lab.call('pool.set_name_label', pool, 'Green Pool');
    await lab.call('pool.set_name_description', pool, 'two R750s');
    await join(lab, b, a);
    const view = await lab.call<LabView>('Simulator.get_lab');
    const green = view.servers.find((s) => s.pool === pool)!;
    expect(green).toMatchObject({ master: a, state: 'connected' });
    expect([...green.hosts].sort()).toEqual([a, b].sort());
    expect(await lab.call('pool.get_name_label', pool)).toBe('Green Pool');
    // The Lab Pool is untouched.
    expect(view.servers.filter((s) => s.hosts.length > 1)).toHaveLength(2);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses a server of another CPU vendor, one already in a pool, and joining while HA is on', async () => {
    const lab = await createLab();
    const a = await standalone(lab, '2u-server', 'r750-a', '192.168.10.31');
    const amd = await standalone(lab, 'big-box', 'dl385', '192.168.10.33');
    expect(await joinError(lab, amd, a)).toEqual(['HOSTS_NOT_HOMOGENEOUS', 'CPUs differ']);
    // A member of the Lab Pool: xapi sends it to its coordinator, which coordinates others.
    const labMaster = lab.engine.masterRef();
    expect(await joinError(lab, labMaster, a)).toEqual(['JOINING_HOST_CANNOT_BE_MASTER_OF_OTHER_HOSTS']);
    const pool = await poolOf(lab, a);
    lab.engine.world.update('pool', pool, { ha_enabled: true });
    const b = await standalone(lab, 'lab-pc', 'optiplex', '192.168.10.34');
    expect(await joinError(lab, b, a)).toEqual(['HA_IS_ENABLED']);
    lab.engine.world.update('pool', pool, { ha_enabled: false });
    await join(lab, b, a);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('gives the coordinator\'s password only for a server the console is connected to', async () => {
    const lab = await createLab();
    const [, host] = await installPreset(lab, 'lab-pc');
    expect((await lab.error('Simulator.console_password', host)).code).toBe('OPERATION_NOT_ALLOWED');
    await lab.call('Simulator.add_server', '192.168.10.31', 'root', 'secret99');
    expect(await lab.call('Simulator.console_password', host)).toBe('secret99');
    await lab.call('Simulator.disconnect_server', await poolOf(lab, host));
    expect((await lab.error('Simulator.console_password', host)).code).toBe('OPERATION_NOT_ALLOWED');
  });
});
