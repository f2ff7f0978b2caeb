import { describe, expect, it } from 'vitest';
import { createLab } from '../testing/lab';
import type { LabView } from '../../xapi/simulator/lab-view';
import { answers, installPreset } from './testing';
import { worldProblems } from '../worlds/world-invariants';
import { Engine } from '../engine';

async function labView(lab: Awaited<ReturnType<typeof createLab>>): Promise<LabView> {
  return lab.call<LabView>('Simulator.get_lab');
}

describe('bare machines', () => {
  it('adds presets and custom machines, and keeps them out of XenAPI', async () => {
    const lab = await createLab();
    const id = await lab.call<string>('Simulator.add_machine', '2u-server', '');
    const custom = await lab.call<string>('Simulator.add_custom_machine', 'tower', {
      manufacturer: 'Whitebox', product: 'Tower', firmware: 'BIOS', memory: 8 * 1024 ** 3,
      cpu: { vendor: 'AuthenticAMD', modelname: 'AMD Ryzen 5 3600', arch: 'x86_64', mhz: 3600, sockets: 1, coresPerSocket: 6, threadsPerCore: 2, hardwareAssist: true, iommu: true },
      disks: [{ size: 500e9, kind: 'SSD' }], nics: [{ speed: 1000, pxe: false }],
    });
    const view = await labView(lab);
    expect(view.machines.map((m) => [m.id, m.name, m.state, m.power])).toEqual([
      [id, 'r750-1', 'bare', 'off'],
      [custom, 'tower', 'bare', 'off'],
    ]);
    const error = await lab.error('Simulator.add_custom_machine', 'bad', { manufacturer: 'x', product: 'y', firmware: 'BIOS', memory: -1, cpu: {}, disks: [], nics: [] });
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.params[0]).toBe('memory');
    expect((await lab.error('Simulator.add_machine', 'mainframe', '')).params).toEqual(['preset', 'mainframe']);
    // Each part is re-checked, whatever the console's form let through.
    const tower = { manufacturer: 'Whitebox', product: 'Tower', firmware: 'BIOS', memory: 8 * 1024 ** 3, cpu: { vendor: 'AuthenticAMD', modelname: 'Ryzen', arch: 'x86_64', mhz: 3600, sockets: 1, coresPerSocket: 6, threadsPerCore: 2, hardwareAssist: true, iommu: true }, disks: [{ size: 500e9, kind: 'SSD' }], nics: [{ speed: 1000, pxe: false }] };
    expect((await lab.error('Simulator.add_custom_machine', 'x1', { ...tower, cpu: { ...tower.cpu, arch: 'aarch64' } })).params).toEqual(['cpu.arch', 'aarch64: a AuthenticAMD CPU is x86_64 or i686']);
    expect((await lab.error('Simulator.add_custom_machine', 'x2', { ...tower, cpu: { ...tower.cpu, sockets: 0 } })).params).toEqual(['cpu.sockets', '0']);
    expect((await lab.error('Simulator.add_custom_machine', 'x3', { ...tower, nics: [{ speed: 1000, pxe: 'yes' }] })).params).toEqual(['nics[0].pxe', 'yes']);
    expect((await lab.error('Simulator.add_custom_machine', 'x4', { ...tower, disks: [{ size: 10, kind: 'SSD' }] })).params).toEqual(['disks[0].size', '10']);
    expect((await labView(lab)).machines).toHaveLength(2);
    const from = await lab.call<{ events: { class: string }[] }>('event.from', ['*'], '', 0.1);
    expect(from.events.every((e) => !e.class.toLowerCase().includes('machine'))).toBe(true);
  });

  it('keeps machines in the snapshot', async () => {
    const lab = await createLab();
    await lab.call('Simulator.add_machine', 'lab-pc', 'pc1');
    const restored = Engine.restore(JSON.parse(JSON.stringify(lab.engine.snapshot())));
    expect(Object.values(restored.lab.state.machines).map((m) => m.name)).toEqual(['pc1']);
  });
});

describe('PXE boot', () => {
  it('needs a PXE-capable NIC, DHCP boot options, TFTP, then a repository', async () => {
    const lab = await createLab();
    const pc = await lab.call<string>('Simulator.add_custom_machine', 'nopxe', {
      manufacturer: 'W', product: 'T', firmware: 'UEFI', memory: 8 * 1024 ** 3,
      cpu: { vendor: 'GenuineIntel', modelname: 'Core i5', arch: 'x86_64', mhz: 3000, sockets: 1, coresPerSocket: 4, threadsPerCore: 1, hardwareAssist: true, iommu: true },
      disks: [{ size: 500e9, kind: 'SSD' }], nics: [{ speed: 1000, pxe: false }],
    });
    expect((await lab.error('Simulator.boot_installer', pc, 'pxe', 0)).params[0]).toContain('no PXE boot ROM');
    const id = await lab.call<string>('Simulator.add_machine', '2u-server', '');
    expect((await lab.error('Simulator.boot_installer', id, 'pxe', 0)).params[0]).toContain('PXE-E51');
    await lab.call('Simulator.set_pxe', true, false, 'none', '');
    expect((await lab.error('Simulator.boot_installer', id, 'pxe', 0)).params[0]).toContain('PXE-E32');
    await lab.call('Simulator.set_pxe', true, true, 'none', '');
    await lab.call('Simulator.boot_installer', id, 'pxe', 0);
    const pxeAnswers = answers({ bootSource: 'pxe', source: { kind: 'http', url: 'http://192.168.10.5/xenserver/' } });
    expect((await lab.error('Simulator.install', id, pxeAnswers)).params[0]).toContain('Unable to access');
    expect((await lab.error('Simulator.install', id, answers({ bootSource: 'pxe' }))).params[0]).toContain('No installation media');
    expect((await lab.error('Simulator.set_pxe', true, true, 'http', 'not a url')).code).toBe('INVALID_VALUE');
    await lab.call('Simulator.set_pxe', true, true, 'http', 'http://192.168.10.5/xenserver/');
    const host = await lab.run<string>('Simulator.install', id, pxeAnswers);
    expect(await lab.call('host.get_address', host)).toBe('192.168.10.31');
  });
});

describe('installer', () => {
  it('installs in virtual time, phase by phase, into a standalone host with its own pool', async () => {
    const lab = await createLab();
    const id = await lab.call<string>('Simulator.add_machine', '2u-server', '');
    const task = await lab.call<string>('Async.Simulator.install', id, answers({ verifyMedia: true, localSr: 'ext' }));
    lab.engine.advance(130);
    const during = (await labView(lab)).machines[0]!;
    expect(during.state).toBe('installing');
    expect(during.install?.phase).toContain('Partitioning disk: root 18 GiB, backup 18 GiB, logs 4 GiB, swap 1 GiB, boot 512 MiB');
    expect(during.install?.progress).toBeGreaterThan(0.1);
    expect(during.install?.answers).not.toHaveProperty('rootPassword');
    lab.engine.advance(1000);
    expect(await lab.call('task.get_status', task)).toBe('success');
    const host = (await labView(lab)).machines[0]!.host!;
    expect(await lab.call('host.get_hostname', host)).toBe('r750-a');
    expect(await lab.call('host.get_timezone', host)).toBe('Europe/London');
    const pools = await lab.call<Record<string, { master: string; name_label: string; default_SR: string }>>('pool.get_all_records');
    const own = Object.values(pools).find((p) => p.master === host)!;
    expect(own.name_label).toBe('');
    expect(await lab.call('SR.get_type', own.default_SR)).toBe('ext');
    const view = await labView(lab);
    expect(view.servers.find((s) => s.master === host)?.state).toBe('not_added');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('checks answers field by field, and refuses blocked machines with the reason', async () => {
    const lab = await createLab();
    const id = await lab.call<string>('Simulator.add_machine', '2u-server', '');
    const bad = async (a: ReturnType<typeof answers>) => (await lab.error('Simulator.install', id, a)).params;
    expect(await bad(answers({ eulaAccepted: false }))).toEqual(['eula', 'The installation cannot continue unless you accept the EULA.']);
    expect((await bad(answers({ rootPassword: 'abc' })))[0]).toBe('root_password');
    expect((await bad(answers({ staticIp: { address: '192.168.10.31', netmask: '255.0.255.0', gateway: '' } })))[0]).toBe('netmask');
    expect((await bad(answers({ staticIp: { address: '192.168.10.31', netmask: '255.255.255.0', gateway: '10.0.0.1' } })))[0]).toBe('gateway');
    expect((await bad(answers({ staticIp: { address: '192.168.10.11', netmask: '255.255.255.0', gateway: '192.168.10.1' } })))[0]).toBe('address');
    expect((await bad(answers({ hostname: '-bad-' })))[0]).toBe('hostname');
    expect((await bad(answers({ targetDisk: 3 })))[0]).toBe('target_disk');
    const old = await lab.call<string>('Simulator.add_machine', '32bit-pc', '');
    const e = await lab.error('Simulator.install', old, answers());
    expect(e.code).toBe('OPERATION_NOT_ALLOWED');
    expect(e.params[0]).toContain('32-bit');
  });

  it('cancelling mid-install leaves the machine bare, its disk wiped', async () => {
    const lab = await createLab();
    const id = await lab.call<string>('Simulator.add_machine', 'lab-pc', '');
    const task = await lab.call<string>('Async.Simulator.install', id, answers({ staticIp: undefined }));
    lab.engine.advance(100);
    await lab.call('task.cancel', task);
    lab.engine.advance(1000);
    const m = (await labView(lab)).machines[0]!;
    expect([m.state, m.disk, m.power, m.host]).toEqual(['bare', 'wiped', 'off', undefined]);
    expect(await lab.call('task.get_status', task)).toBe('cancelled');
    expect(await lab.call<string[]>('host.get_all')).toHaveLength(3);
  });

  it('leases a DHCP address when no static IP is given', async () => {
    const lab = await createLab();
    const [, host] = await installPreset(lab, 'lab-pc', { staticIp: undefined, dns: [] });
    expect(await lab.call('host.get_address', host)).toBe('192.168.10.200');
    const pifs = await lab.call<Record<string, { management: boolean; ip_configuration_mode: string }>>('PIF.get_all_records');
    expect(Object.values(pifs).filter((p) => p.management && p.ip_configuration_mode === 'DHCP')).toHaveLength(1);
  });
});

describe('Add Server', () => {
  it('checks the password chosen in the installer; Disconnect and Reconnect', async () => {
    const lab = await createLab();
    const [, host] = await installPreset(lab, '2u-server');
    const wrong = await lab.error('Simulator.add_server', '192.168.10.31', 'root', 'nope');
    expect(wrong.code).toBe('SESSION_AUTHENTICATION_FAILED');
    expect((await lab.error('Simulator.add_server', '192.168.10.99', 'root', 'x')).code).toBe('CANNOT_CONTACT_HOST');
    expect((await lab.error('Simulator.add_server', '192.168.10.12', 'root', 'xenlab')).params).toEqual(['192.168.10.11']);
    expect(await lab.call('Simulator.add_server', '192.168.10.31', 'root', 'secret99')).toBe(host);
    const server = (await labView(lab)).servers.find((s) => s.master === host)!;
    expect(server.state).toBe('connected');
    await lab.call('Simulator.disconnect_server', server.pool);
    expect((await labView(lab)).servers.find((s) => s.master === host)?.state).toBe('disconnected');
    await lab.call('Simulator.reconnect_server', server.pool);
    expect((await labView(lab)).servers.find((s) => s.master === host)?.state).toBe('connected');
  });
});
