import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { installPreset } from '../lab/testing';
import { worldProblems } from '../worlds/world-invariants';
import type { LabView } from '../../xapi/simulator/lab-view';

type Pools = Record<string, { master: string; name_label: string; cpu_info: Record<string, string> }>;

async function joinerSession(lab: Lab, host: string, address = '192.168.10.31', password = 'secret99'): Promise<string> {
  await lab.call('Simulator.add_server', address, 'root', password);
  return lab.call<string>('Simulator.server_session', host);
}

async function joinAs(lab: Lab, session: string, ...args: unknown[]): Promise<unknown> {
  return lab.engine.call('pool.join', [session, ...args]);
}

async function joinError(lab: Lab, session: string, ...args: unknown[]): Promise<string[]> {
  try {
    await joinAs(lab, session, ...args);
  } catch (e) {
    return [(e as { code: string }).code, ...(e as { params: string[] }).params];
  }
  throw new Error('pool.join succeeded');
}

async function labPool(lab: Lab): Promise<string> {
  const pools = await lab.call<Pools>('pool.get_all_records');
  return Object.entries(pools).find(([, p]) => p.name_label === 'Lab Pool')![0];
}

describe('pool.join', () => {
  it('joins an installed server to the Lab Pool: networks, shared SRs, password, CPU levelling', async () => {
    const lab = await createLab();
    const [, host] = await installPreset(lab, 'lab-pc');
    const session = await joinerSession(lab, host);
    const pool = await labPool(lab);
    const before = (await lab.call<Pools>('pool.get_all_records'))[pool]!.cpu_info;
    expect(await joinError(lab, session, '192.168.10.11', 'root', 'wrong')).toEqual(['SESSION_AUTHENTICATION_FAILED', 'root', 'Authentication failure']);
    expect(await joinError(lab, session, '192.168.10.77', 'root', 'xenlab')).toEqual(['JOINING_HOST_CONNECTION_FAILED']);
    expect(await joinError(lab, session, '192.168.10.12', 'root', 'xenlab')).toEqual(['HOST_IS_SLAVE', '192.168.10.11']);
    await joinAs(lab, session, '192.168.10.11', 'root', 'xenlab');

    expect(await lab.call<Pools>('pool.get_all_records')).not.toHaveProperty(Object.keys(await lab.call<Pools>('pool.get_all_records')).find((p) => p !== pool) ?? 'none');
    expect(Object.keys(await lab.call<Pools>('pool.get_all_records'))).toEqual([pool]);
    const view = await lab.call<LabView>('Simulator.get_lab');
    expect(view.servers[0]?.hosts).toContain(host);
    // Its NIC is on the pool-wide network of eth0, and the NFS SR is plugged on it.
    const pifs = await lab.call<string[]>('host.get_PIFs', host);
    const network = await lab.call<string>('PIF.get_network', pifs[0]);
    expect(await lab.call('network.get_name_label', network)).toBe('Pool-wide network associated with eth0');
    expect((await lab.call<string[]>('network.get_PIFs', network)).length).toBe(4);
    const nfs = (await lab.call<string[]>('SR.get_by_name_label', 'NFS virtual disk storage'))[0];
    const pbds = await lab.call<string[]>('SR.get_PBDs', nfs);
    const hostsOfNfs = await Promise.all(pbds.map((p) => lab.call<string>('PBD.get_host', p)));
    expect(hostsOfNfs).toContain(host);
    // The desktop CPU lacks the server words: the pool's feature set is levelled down.
    const after = (await lab.call<Pools>('pool.get_all_records'))[pool]!.cpu_info;
    expect(after['features_hvm']).not.toBe(before['features_hvm']);
    expect(Number(after['cpu_count'])).toBe(Number(before['cpu_count']) + 6);
    // It now answers to the pool's password.
    expect((await lab.error('Simulator.add_server', '192.168.10.31', 'root', 'secret99')).code).toBe('SESSION_AUTHENTICATION_FAILED');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses a joiner with running VMs, shared SRs, another version, another CPU vendor, or that is a master of others', async () => {
    const lab = await createLab();
    const [, host] = await installPreset(lab, '2u-server');
    const session = await joinerSession(lab, host);
    const join = () => joinError(lab, session, '192.168.10.11', 'root', 'xenlab');
    const { world } = lab.engine;

    // A running guest on the joiner (moved there by hand: a VM record resident on it).
    const legacy = await lab.vmByName('legacy-01');
    const saved = world.get('VM', legacy);
    world.update('VM', legacy, { power_state: 'Running', resident_on: host });
    expect(await join()).toEqual(['JOINING_HOST_CANNOT_HAVE_RUNNING_VMS']);
    world.update('VM', legacy, { power_state: saved.power_state, resident_on: saved.resident_on });
    const version = world.get('host', host).software_version;
    world.update('host', host, { software_version: { ...version, product_version: '8.2.1' } });
    expect(await join()).toEqual(['POOL_JOINING_HOST_MUST_HAVE_SAME_PRODUCT_VERSION']);
    world.update('host', host, { software_version: version });

    const info = world.get('host', host).cpu_info;
    world.update('host', host, { cpu_info: { ...info, vendor: 'AuthenticAMD' } });
    expect(await join()).toEqual(['HOSTS_NOT_HOMOGENEOUS', 'CPUs differ']);
    world.update('host', host, { cpu_info: info });

    const iso = (await lab.call<string[]>('SR.get_by_name_label', 'ISO library'))[0]!;
    const pbd = world.create('PBD', { host, SR: iso, device_config: {}, currently_attached: true });
    expect(await join()).toEqual(['JOINING_HOST_CANNOT_CONTAIN_SHARED_SRS']);
    world.destroy('PBD', pbd);

    // A master of other hosts cannot join: xenserver-01 (Lab Pool) into the standalone server.
    const master = lab.engine.masterRef();
    const labSession = await lab.call<string>('Simulator.server_session', master);
    expect(await joinError(lab, labSession, '192.168.10.31', 'root', 'secret99')).toEqual(['JOINING_HOST_CANNOT_BE_MASTER_OF_OTHER_HOSTS']);
    expect(await joinError(lab, labSession, '192.168.10.11', 'root', 'xenlab')).toEqual(['OPERATION_NOT_ALLOWED', 'Host is already part of a pool']);
    await joinAs(lab, session, '192.168.10.11', 'root', 'xenlab');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});

describe('pool.eject and pool.designate_new_master', () => {
  it('designates a new master; the old one can then be ejected and comes back standalone', async () => {
    const lab = await createLab();
    const pool = await labPool(lab);
    const hosts = await lab.call<string[]>('host.get_all');
    const [first, second, third] = hosts as [string, string, string];
    expect((await lab.error('pool.eject', first)).params[0]).toContain('Cannot eject the pool master');
    await lab.run('pool.designate_new_master', second);
    expect(await lab.call('pool.get_master', pool)).toBe(second);

    // xenserver-03 holds mon-01 and legacy-01 on local storage, mon-01 running.
    const running = await lab.error('pool.eject', third);
    expect(running.code).toBe('HOST_IN_USE');
    for (const vm of await lab.call<string[]>('host.get_resident_VMs', third)) {
      if (!(await lab.call<boolean>('VM.get_is_control_domain', vm))) await lab.run('VM.hard_shutdown', vm);
    }
    await lab.run('pool.eject', third);
    expect(await lab.call<string[]>('VM.get_by_name_label', 'mon-01')).toEqual([]);
    expect(await lab.call<string[]>('VM.get_by_name_label', 'legacy-01')).toEqual([]);
    expect(await lab.call<string[]>('host.get_all')).toHaveLength(2);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
    lab.engine.advance(200);
    const view = await lab.call<LabView>('Simulator.get_lab');
    const back = view.machines.find((m) => m.name === 'xenserver-03');
    expect(back?.state).toBe('installed');
    expect(await lab.call('host.get_address', back?.host)).toBe('192.168.10.13');
    expect(view.servers.find((s) => s.master === back?.host)?.state).toBe('not_added');
    // It keeps the pool's password it had.
    expect(await lab.call('Simulator.add_server', '192.168.10.13', 'root', 'xenlab')).toBe(back?.host);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});

describe('host power', () => {
  it('refuses to shut down an enabled host, or one with running VMs (listing one), then shuts down and powers on', async () => {
    const lab = await createLab();
    const [id, host] = await installPreset(lab, 'lab-pc');
    expect((await lab.error('host.shutdown', host)).code).toBe('HOST_NOT_DISABLED');
    await lab.run('host.disable', host);
    const xs3 = (await lab.call<string[]>('host.get_by_name_label', 'xenserver-03'))[0]!;
    await lab.run('host.disable', xs3);
    const inUse = await lab.error('host.shutdown', xs3);
    expect(inUse.code).toBe('HOST_IN_USE');
    expect(inUse.params[1]).toBe('vm');
    await lab.run('host.shutdown', host);
    const metrics = await lab.call<string>('host.get_metrics', host);
    expect(await lab.call('host_metrics.get_live', metrics)).toBe(false);
    expect((await lab.error('host.power_on', host)).code).toBe('HOST_POWER_ON_MODE_DISABLED');
    await lab.call('Simulator.set_machine_power', id, true);
    lab.engine.advance(200);
    expect(await lab.call('host_metrics.get_live', metrics)).toBe(true);
    expect(await lab.call('host.get_enabled', host)).toBe(true);
    await lab.run('host.disable', host);
    await lab.run('host.reboot', host);
    expect(await lab.call('host_metrics.get_live', metrics)).toBe(false);
    lab.engine.advance(200);
    expect(await lab.call('host_metrics.get_live', metrics)).toBe(true);
  });

  it('VM.start keeps to the VM\'s own pool', async () => {
    const lab = await createLab();
    await installPreset(lab, '2u-server');
    const game = await lab.vmByName('game-01');
    await lab.run('VM.start', game, false, false);
    const resident = await lab.call<string>('VM.get_resident_on', game);
    expect(await lab.call('host.get_name_label', resident)).toMatch(/^xenserver-0/);
  });
});
