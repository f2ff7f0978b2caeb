import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import type { RecordOf } from '../../xapi/types';

const TiB = 1024 ** 4;

async function hosts(lab: Lab): Promise<string[]> {
  const records = await lab.call<Record<string, RecordOf<'host'>>>('host.get_all_records');
  return Object.entries(records)
    .sort(([, a], [, b]) => a.name_label.localeCompare(b.name_label))
    .map(([ref]) => ref);
}

async function createSr(lab: Lab, host: string, config: Record<string, string>, type: string, shared = true, name = 'New SR'): Promise<string> {
  return lab.run<string>('SR.create', host, config, 0, name, '', type, type === 'iso' ? 'iso' : 'user', shared, {});
}

async function sr(lab: Lab, ref: string): Promise<RecordOf<'SR'>> {
  return lab.call<RecordOf<'SR'>>('SR.get_record', ref);
}

async function pbds(lab: Lab, ref: string): Promise<RecordOf<'PBD'>[]> {
  const s = await sr(lab, ref);
  return Promise.all(s.PBDs.map((p) => lab.call<RecordOf<'PBD'>>('PBD.get_record', p)));
}

describe('SR.create', () => {
  it('creates a thin shared NFS SR plugged on every host', async () => {
    const lab = await createLab();
    const [h1] = await hosts(lab);
    const ref = await createSr(lab, h1 ?? '', { server: '192.168.10.5', serverpath: '/export/lab', nfsversion: '4.1' }, 'nfs');
    const record = await sr(lab, ref);
    expect(record).toMatchObject({ type: 'nfs', content_type: 'user', shared: true, physical_size: 2 * TiB, physical_utilisation: 0 });
    const plugged = await pbds(lab, ref);
    expect(plugged).toHaveLength(3);
    expect(plugged.every((p) => p.currently_attached)).toBe(true);
    expect(new Set(plugged.map((p) => p.host)).size).toBe(3);
    expect(record.allowed_operations).toContain('vdi_create');
    expect(record.allowed_operations).not.toContain('forget');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('answers with the storage manager\'s errors for a bad NFS location', async () => {
    const lab = await createLab();
    const [h1 = ''] = await hosts(lab);
    const code = async (config: Record<string, string>) => (await lab.error('SR.create', h1, config, 0, 'x', '', 'nfs', 'user', true, {})).code;
    expect(await code({ serverpath: '/export/lab' })).toBe('SR_BACKEND_FAILURE_102');
    expect(await code({ server: 'nas.nowhere', serverpath: '/export/lab' })).toBe('SR_BACKEND_FAILURE_140');
    expect(await code({ server: '192.168.10.1', serverpath: '/export/lab' })).toBe('SR_BACKEND_FAILURE_108');
    expect(await code({ server: '192.168.10.5', serverpath: '/srv/nothing' })).toBe('SR_BACKEND_FAILURE_73');
    expect(await code({ server: 'storage-01', serverpath: '/export/lab', nfsversion: '4.2' })).toBe('SR_BACKEND_FAILURE_72');
    const missingPath = await lab.error('SR.create', h1, { server: '192.168.10.5' }, 0, 'x', '', 'nfs', 'user', true, {});
    expect(missingPath.params[1]).toBe('The request is missing the serverpath parameter');
    expect(missingPath.params[2]).toContain('<Path>/export/lab</Path>');
    expect(await lab.call<string[]>('SR.get_by_name_label', 'x')).toEqual([]);
    expect((await lab.error('SR.create', h1, {}, 0, 'x', '', 'zfs', 'user', true, {})).toArray()).toEqual(['SR_UNKNOWN_DRIVER', 'zfs']);
  });

  it('walks an iSCSI target the way the New SR wizard does: IQNs, then LUNs, then the SR', async () => {
    const lab = await createLab();
    const [h1 = ''] = await hosts(lab);
    const iqns = await lab.error('SR.probe', h1, { target: 'san-01' }, 'lvmoiscsi', {});
    expect(iqns.code).toBe('SR_BACKEND_FAILURE_96');
    const iqn = /<TargetIQN>(.*)<\/TargetIQN>/.exec(iqns.params[2] ?? '')?.[1] ?? '';
    expect(iqn).toBe('iqn.2026-01.example.lab:san-01.target0');
    const luns = await lab.error('SR.probe', h1, { target: 'san-01', targetIQN: iqn }, 'lvmoiscsi', {});
    expect(luns.code).toBe('SR_BACKEND_FAILURE_107');
    const scsiId = /<SCSIid>(.*)<\/SCSIid>/.exec(luns.params[2] ?? '')?.[1] ?? '';
    const config = { target: '192.168.10.6', targetIQN: iqn, SCSIid: scsiId };
    expect(await lab.call<string>('SR.probe', h1, config, 'lvmoiscsi', {})).toContain('<SRlist>');
    const ref = await createSr(lab, h1, config, 'lvmoiscsi');
    const record = await sr(lab, ref);
    expect(record.sm_config['allocation']).toBe('thick');
    expect(record.physical_size).toBe(2 * TiB);
    expect(await lab.call<string>('SR.probe', h1, config, 'lvmoiscsi', {})).toContain(`<UUID>${record.uuid}</UUID>`);
    expect((await lab.error('SR.create', h1, config, 0, 'again', '', 'lvmoiscsi', 'user', true, {})).code).toBe('SR_DEVICE_IN_USE');
    expect((await lab.error('SR.probe', h1, { target: '192.168.10.6', targetIQN: 'not an iqn' }, 'lvmoiscsi', {})).code).toBe('SR_BACKEND_FAILURE_106');
    expect((await lab.error('SR.probe', h1, { target: '192.168.10.5' }, 'lvmoiscsi', {})).code).toBe('SR_BACKEND_FAILURE_141');
    expect((await lab.error('SR.probe_ext', h1, { target: '192.168.10.6' }, 'lvmoiscsi', {})).code).toBe('SR_OPERATION_NOT_SUPPORTED');
  });

  it('makes local LVM (thick) and EXT (thin) SRs on one host\'s spare disk', async () => {
    const lab = await createLab();
    const [h1 = '', h2 = ''] = await hosts(lab);
    const lvm = await createSr(lab, h1, { device: '/dev/sdb' }, 'lvm', false, 'Local LVM');
    expect(await pbds(lab, lvm)).toHaveLength(1);
    expect((await sr(lab, lvm)).shared).toBe(false);
    expect((await lab.error('SR.create', h1, { device: '/dev/sdb' }, 0, 'x', '', 'ext', 'user', false, {})).code).toBe('SR_DEVICE_IN_USE');
    const ext = await createSr(lab, h2, { device: '/dev/sdb' }, 'ext', false, 'Local EXT');
    expect((await sr(lab, ext)).sm_config['allocation']).toBeUndefined();
    expect((await lab.error('SR.create', h1, {}, 0, 'x', '', 'lvm', 'user', false, {})).code).toBe('SR_BACKEND_FAILURE_90');
    expect((await lab.error('SR.create', h1, { device: '/dev/sdz' }, 0, 'x', '', 'lvm', 'user', false, {})).code).toBe('SR_BACKEND_FAILURE_19');
    expect((await lab.error('SR.create', h2, { device: '/dev/sdb' }, 0, 'x', '', 'lvm', 'user', true, {})).toArray()).toEqual(['INVALID_VALUE', 'shared', 'true']);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('makes an SMB ISO library listing the share\'s ISOs, with the password kept out of the PBD', async () => {
    const lab = await createLab();
    const [h1 = ''] = await hosts(lab);
    const ref = await createSr(lab, h1, { location: '\\\\files-01\\isos', type: 'cifs', username: 'lab', password: 'secret' }, 'iso', true, 'Windows ISOs');
    const record = await sr(lab, ref);
    expect(record.content_type).toBe('iso');
    const names = await Promise.all(record.VDIs.map((v) => lab.call<string>('VDI.get_name_label', v)));
    expect(names).toContain('Win2025_EN.iso');
    const [pbd] = await pbds(lab, ref);
    expect(pbd?.device_config['password']).toBeUndefined();
    expect(pbd?.device_config['password_secret']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await lab.error('SR.create', h1, { location: '\\\\files-01\\nothing', type: 'cifs' }, 0, 'x', '', 'iso', 'iso', true, {})).code).toBe('SR_BACKEND_FAILURE_224');
    expect((await lab.error('SR.create', h1, { type: 'cifs' }, 0, 'x', '', 'iso', 'iso', true, {})).code).toBe('SR_BACKEND_FAILURE_220');
    expect((await lab.error('SR.create', h1, { location: 'no-colon-here' }, 0, 'x', '', 'iso', 'iso', true, {})).code).toBe('SR_BACKEND_FAILURE_225');
    const nfsIso = await createSr(lab, h1, { location: '192.168.10.5:/export/isos' }, 'iso', true, 'NFS ISOs');
    expect((await sr(lab, nfsIso)).VDIs.length).toBeGreaterThanOrEqual(7);
  });
});

describe('detach, forget, destroy and reattach', () => {
  it('detaches with PBD.unplug, refuses forget while plugged, and reattaches with SR.introduce + PBD.create', async () => {
    const lab = await createLab();
    const [h1 = ''] = await hosts(lab);
    const config = { server: '192.168.10.5', serverpath: '/export/lab' };
    const ref = await createSr(lab, h1, config, 'nfs', true, 'Lab NFS');
    const { uuid } = await sr(lab, ref);
    await lab.call('pool.set_default_SR', (await lab.call<string[]>('pool.get_all'))[0], ref);
    expect((await lab.error('SR.forget', ref)).toArray()).toEqual(['SR_HAS_PBD', ref]);
    for (const pbd of (await sr(lab, ref)).PBDs) await lab.run('PBD.unplug', pbd);
    const detached = await sr(lab, ref);
    expect(detached.allowed_operations).toEqual(expect.arrayContaining(['forget', 'destroy', 'plug']));
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);

    await lab.run('SR.forget', ref);
    expect(await lab.call<string[]>('SR.get_by_name_label', 'Lab NFS')).toEqual([]);
    const [pool] = await lab.call<string[]>('pool.get_all');
    expect(await lab.call('pool.get_default_SR', pool)).toBe('OpaqueRef:NULL');

    const again = await lab.run<string>('SR.introduce', uuid, 'Lab NFS', '', 'nfs', 'user', true, {});
    expect((await lab.error('SR.introduce', uuid, 'twice', '', 'nfs', 'user', true, {})).toArray()).toEqual(['SR_UUID_EXISTS', uuid]);
    for (const host of await hosts(lab)) {
      const pbd = await lab.run<string>('PBD.create', { host, SR: again, device_config: config, other_config: {} });
      await lab.run('PBD.plug', pbd);
    }
    expect((await lab.error('PBD.create', { host: h1, SR: again, device_config: config })).code).toBe('PBD_EXISTS');
    const back = await sr(lab, again);
    expect(back.physical_size).toBe(2 * TiB);
    expect(await lab.call<string>('SR.probe', h1, config, 'nfs', {})).toContain(`<UUID>${uuid}</UUID>`);
    expect((await lab.error('PBD.destroy', back.PBDs[0])).toArray()).toEqual(['OPERATION_NOT_ALLOWED', 'PBD is currently attached']);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses to unplug storage that running VMs use (VDI_IN_USE)', async () => {
    const lab = await createLab();
    const [nfs] = await lab.call<string[]>('SR.get_by_name_label', 'NFS virtual disk storage');
    const record = await sr(lab, nfs ?? '');
    const errors = await Promise.all(record.PBDs.map((p) => lab.error('PBD.unplug', p)));
    expect(errors.some((e) => e.code === 'VDI_IN_USE')).toBe(true);
  });

  it('destroys an empty detached SR, and keeps non-shared SRs on one host', async () => {
    const lab = await createLab();
    const [h1 = '', h2 = ''] = await hosts(lab);
    const ref = await createSr(lab, h1, { server: '192.168.10.5', serverpath: '/export/backup' }, 'nfs', false, 'Backup');
    const [pbd] = (await sr(lab, ref)).PBDs;
    const second = await lab.run<string>('PBD.create', { host: h2, SR: ref, device_config: { server: '192.168.10.5', serverpath: '/export/backup' } });
    expect((await lab.error('PBD.plug', second)).toArray()).toEqual(['SR_NOT_SHARABLE', ref, h1]);
    await lab.run('PBD.destroy', second);
    await lab.run('PBD.unplug', pbd);
    await lab.run('SR.destroy', ref);
    expect(await lab.call<string[]>('SR.get_by_name_label', 'Backup')).toEqual([]);
    const [tools] = await lab.call<string[]>('SR.get_by_name_label', 'XenServer Tools');
    for (const p of (await sr(lab, tools ?? '')).PBDs) await lab.run('PBD.unplug', p);
    expect((await lab.error('SR.destroy', tools)).code).toBe('SR_INDESTRUCTIBLE');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('rescans an ISO library', async () => {
    const lab = await createLab();
    const [iso] = await lab.call<string[]>('SR.get_by_name_label', 'ISO library');
    const before = (await sr(lab, iso ?? '')).VDIs.length;
    await lab.run('SR.scan', iso);
    expect((await sr(lab, iso ?? '')).VDIs.length).toBe(before);
  });
});
