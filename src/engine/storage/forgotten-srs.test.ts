// SR.forget leaves the data on the storage: a probe of the location finds the
// SR by its UUID, SR.introduce + PBD.create + PBD.plug brings it back with its
// virtual disks (same UUIDs, sizes and space used), also after a save and
// reload; SR.destroy and a new SR over the same LUN wipe it.
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { createLab, settle, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import type { RecordOf } from '../../xapi/types';

const GiB = 1024 ** 3;
const NFS = { server: '192.168.10.5', serverpath: '/export/lab' };
const LUN0 = { target: '192.168.10.6', targetIQN: 'iqn.2026-01.example.lab:san-01.target0', SCSIid: '36001405a1b2c3d4e5f60718293a4b5c6' };

async function hosts(lab: Lab): Promise<string[]> {
  const records = await lab.call<Record<string, RecordOf<'host'>>>('host.get_all_records');
  return Object.entries(records)
    .sort(([, a], [, b]) => a.name_label.localeCompare(b.name_label))
    .map(([ref]) => ref);
}

const srRecord = (lab: Lab, ref: string) => lab.call<RecordOf<'SR'>>('SR.get_record', ref);

async function newSr(lab: Lab, config: Record<string, string>, type: string, name: string): Promise<string> {
  const [h1 = ''] = await hosts(lab);
  return lab.run<string>('SR.create', h1, config, 0, name, '', type, 'user', true, {});
}

async function newDisk(lab: Lab, sr: string, name: string, size: number): Promise<string> {
  return lab.run<string>('VDI.create', { SR: sr, name_label: name, name_description: '', virtual_size: size, type: 'user', sharable: false, read_only: false, other_config: {} });
}

async function detachAndForget(lab: Lab, sr: string): Promise<void> {
  for (const pbd of (await srRecord(lab, sr)).PBDs) await lab.run('PBD.unplug', pbd);
  await lab.run('SR.forget', sr);
}

/** What XenCenter's reattach does: SR.introduce, then a PBD per host, plugged. */
async function reattach(lab: Lab, uuid: string, name: string, type: string, config: Record<string, string>): Promise<string> {
  const sr = await lab.run<string>('SR.introduce', uuid, name, '', type, 'user', true, {});
  for (const host of await hosts(lab)) {
    const pbd = await lab.run<string>('PBD.create', { host, SR: sr, device_config: config, other_config: {} });
    await lab.run('PBD.plug', pbd);
  }
  return sr;
}

const probeUuids = async (lab: Lab, config: Record<string, string>, type: string): Promise<string[]> => {
  const [h1 = ''] = await hosts(lab);
  const xml = await lab.call<string>('SR.probe', h1, config, type, {});
  return [...xml.matchAll(/<UUID>([^<]+)<\/UUID>/g)].map((m) => m[1] ?? '');
};

/** The same engine state, saved and loaded again (as a browser reload does), logged in. */
async function reloaded(lab: Lab): Promise<Lab> {
  const engine = Engine.restore(JSON.parse(JSON.stringify(lab.engine.snapshot())) as never);
  const session = (await engine.call('session.login_with_password', ['root', 'xenlab', '2.21', 'tests'])) as string;
  const call = <T>(method: string, ...args: unknown[]) => engine.call(method, [session, ...args]) as Promise<T>;
  const run = <T>(method: string, ...args: unknown[]) => settle(engine, call<T>(method, ...args));
  return { ...lab, engine, session, call, run };
}

describe('forgotten SRs', () => {
  it('reattaches a forgotten NFS SR after a reload with its disks, snapshots and space', async () => {
    const first = await createLab();
    const sr = await newSr(first, NFS, 'nfs', 'Lab NFS');
    const data = await newDisk(first, sr, 'data', 40 * GiB);
    await newDisk(first, sr, 'logs', 8 * GiB);
    const snap = await first.run<string>('VDI.snapshot', data, {});
    const before = await srRecord(first, sr);
    const vdisBefore = await Promise.all(before.VDIs.map((v) => first.call<RecordOf<'VDI'>>('VDI.get_record', v)));
    const snapUuid = (await first.call<RecordOf<'VDI'>>('VDI.get_record', snap)).uuid;
    const dataUuid = (await first.call<RecordOf<'VDI'>>('VDI.get_record', data)).uuid;

    await detachAndForget(first, sr);
    expect(await first.call<string[]>('SR.get_by_name_label', 'Lab NFS')).toEqual([]);
    const lab = await reloaded(first);
    expect(await probeUuids(lab, NFS, 'nfs')).toEqual([before.uuid]);
    // Another export does not hold it.
    expect(await probeUuids(lab, { server: '192.168.10.5', serverpath: '/export/backup' }, 'nfs')).toEqual([]);

    const back = await reattach(lab, before.uuid, 'Lab NFS', 'nfs', NFS);
    const after = await srRecord(lab, back);
    expect(after.uuid).toBe(before.uuid);
    expect(after.physical_utilisation).toBe(before.physical_utilisation);
    expect(after.virtual_allocation).toBe(before.virtual_allocation);
    const vdisAfter = await Promise.all(after.VDIs.map((v) => lab.call<RecordOf<'VDI'>>('VDI.get_record', v)));
    const shape = (v: RecordOf<'VDI'>) => [v.uuid, v.name_label, v.virtual_size, v.physical_utilisation, v.is_a_snapshot, v.managed];
    expect(vdisAfter.map(shape).sort()).toEqual(vdisBefore.map(shape).sort());
    const snapBack = await lab.call<RecordOf<'VDI'>>('VDI.get_by_uuid', snapUuid).then((ref) => lab.call<RecordOf<'VDI'>>('VDI.get_record', ref));
    expect(await lab.call<string>('VDI.get_uuid', snapBack.snapshot_of)).toBe(dataUuid);
    // Nothing is left waiting on the storage: the probe finds the pool's SR once.
    expect(await probeUuids(lab, NFS, 'nfs')).toEqual([before.uuid]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('finds a forgotten iSCSI SR on its LUN; a new SR there formats it', async () => {
    const lab = await createLab();
    const sr = await newSr(lab, LUN0, 'lvmoiscsi', 'SAN');
    await newDisk(lab, sr, 'db', 20 * GiB);
    const { uuid } = await srRecord(lab, sr);
    await detachAndForget(lab, sr);
    expect(await probeUuids(lab, LUN0, 'lvmoiscsi')).toEqual([uuid]);
    expect(await probeUuids(lab, { ...LUN0, SCSIid: '36001405f0e1d2c3b4a5968778695a4b3' }, 'lvmoiscsi')).toEqual([]);

    const fresh = await newSr(lab, LUN0, 'lvmoiscsi', 'SAN again');
    const freshUuid = (await srRecord(lab, fresh)).uuid;
    expect(await probeUuids(lab, LUN0, 'lvmoiscsi')).toEqual([freshUuid]);
    expect((await srRecord(lab, fresh)).VDIs).toEqual([]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('brings back nothing at another location, and nothing after SR.destroy', async () => {
    const lab = await createLab();
    const sr = await newSr(lab, NFS, 'nfs', 'Lab NFS');
    await newDisk(lab, sr, 'data', 4 * GiB);
    const { uuid } = await srRecord(lab, sr);
    await detachAndForget(lab, sr);

    // Introduced over another export, the SR is empty there; its data still waits at /export/lab.
    const elsewhere = await reattach(lab, uuid, 'Wrong place', 'nfs', { server: '192.168.10.5', serverpath: '/export/backup' });
    expect((await srRecord(lab, elsewhere)).VDIs).toEqual([]);
    expect(await probeUuids(lab, NFS, 'nfs')).toEqual([uuid]);
    await detachAndForget(lab, elsewhere);
    // Forgotten again from the wrong place: the data is still known at the right one (and the empty SR at the other).
    expect(await probeUuids(lab, NFS, 'nfs')).toEqual([uuid]);

    const other = await newSr(lab, NFS, 'nfs', 'Scratch');
    await newDisk(lab, other, 'tmp', GiB);
    const otherUuid = (await srRecord(lab, other)).uuid;
    for (const pbd of (await srRecord(lab, other)).PBDs) await lab.run('PBD.unplug', pbd);
    expect((await lab.error('SR.destroy', other)).code).toBe('SR_NOT_EMPTY');
    for (const pbd of (await srRecord(lab, other)).PBDs) await lab.run('PBD.plug', pbd);
    for (const vdi of (await srRecord(lab, other)).VDIs) await lab.run('VDI.destroy', vdi);
    for (const pbd of (await srRecord(lab, other)).PBDs) await lab.run('PBD.unplug', pbd);
    await lab.run('SR.destroy', other);
    expect(await probeUuids(lab, NFS, 'nfs')).not.toContain(otherUuid);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
