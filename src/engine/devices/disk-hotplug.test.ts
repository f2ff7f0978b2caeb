// The calls behind the Storage tab's disk buttons, through the XenAPI
// surface: a new disk made and attached (VDI.create, VBD.create), activated and
// deactivated on a running guest (VBD.plug / unplug), resized (grow only),
// detached and deleted — and each refusal xapi gives on the way.
import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../../xapi/types';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';

const GiB = 1024 ** 3;

async function vmNamed(lab: Lab, name: string): Promise<string> {
  const [ref] = await lab.call<string[]>('VM.get_by_name_label', name);
  if (ref === undefined) throw new Error(`no VM ${name}`);
  return ref;
}

async function defaultSr(lab: Lab): Promise<string> {
  const [pool] = await lab.call<string[]>('pool.get_all');
  return lab.call<string>('pool.get_default_SR', pool);
}

async function newDisk(lab: Lab, name: string, size = 4 * GiB): Promise<string> {
  return lab.run<string>('VDI.create', { SR: await defaultSr(lab), name_label: name, name_description: '', virtual_size: size, type: 'user', sharable: false, read_only: false, other_config: {} });
}

async function attach(lab: Lab, vm: string, vdi: string, mode: 'RW' | 'RO' = 'RW'): Promise<string> {
  return lab.run<string>('VBD.create', { VM: vm, VDI: vdi, userdevice: 'autodetect', bootable: false, mode, type: 'Disk', empty: false, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {} });
}

describe('a disk added to a running VM', () => {
  it('is created unplugged, hot-plugged, resized only while detached and only larger, then deleted', async () => {
    const lab = await createLab();
    const vm = await vmNamed(lab, 'web-01');
    const vdi = await newDisk(lab, 'data');
    const vbd = await attach(lab, vm, vdi);
    expect(await lab.call<boolean>('VBD.get_currently_attached', vbd)).toBe(false);
    await lab.run('VBD.plug', vbd);
    const plugged = await lab.call<RecordOf<'VBD'>>('VBD.get_record', vbd);
    expect(plugged.currently_attached).toBe(true);
    expect(plugged.device).toMatch(/^xvd[b-z]$/);
    expect((await lab.error('VBD.plug', vbd)).code).toBe('DEVICE_ALREADY_ATTACHED');
    expect((await lab.error('VDI.resize', vdi, 8 * GiB)).toArray()).toEqual(['VDI_IN_USE', vdi, 'resize']);
    expect((await lab.error('VDI.destroy', vdi)).toArray()).toEqual(['VDI_IN_USE', vdi, 'destroy']);
    expect((await lab.error('VBD.destroy', vbd)).code).toBe('OPERATION_NOT_ALLOWED');
    await lab.run('VBD.unplug', vbd);
    expect((await lab.error('VBD.unplug', vbd)).code).toBe('DEVICE_ALREADY_DETACHED');
    expect((await lab.error('VDI.resize', vdi, 2 * GiB)).code).toBe('SR_BACKEND_FAILURE_79');
    await lab.run('VDI.resize', vdi, 8 * GiB);
    expect(await lab.call<number>('VDI.get_virtual_size', vdi)).toBe(8 * GiB);
    await lab.run('VBD.destroy', vbd);
    await lab.run('VDI.destroy', vdi);
    expect(await lab.call<string[]>('VDI.get_by_name_label', 'data')).toEqual([]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses hot-plug on a halted VM and a disk another running VM holds read-write', async () => {
    const lab = await createLab();
    const halted = await vmNamed(lab, 'game-01');
    const web = await vmNamed(lab, 'web-01');
    const build = await vmNamed(lab, 'build-01');
    const vdi = await newDisk(lab, 'shared-data');
    const onHalted = await attach(lab, halted, vdi);
    expect((await lab.error('VBD.plug', onHalted)).toArray()).toEqual(['VM_BAD_POWER_STATE', halted, 'running', 'halted']);
    const first = await attach(lab, web, vdi);
    await lab.run('VBD.plug', first);
    const second = await attach(lab, build, vdi, 'RO');
    expect((await lab.error('VBD.plug', second)).toArray()).toEqual(['VDI_IN_USE', vdi, 'attach']);
    await lab.run('VBD.unplug', first);
    await lab.run('VBD.plug', second);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('offers seven network interface positions (devices 0–6), less those in use', async () => {
    const lab = await createLab();
    const vm = await vmNamed(lab, 'game-01');
    const vifs = await lab.call<string[]>('VM.get_VIFs', vm);
    const allowed = await lab.call<string[]>('VM.get_allowed_VIF_devices', vm);
    expect(allowed.length + vifs.length).toBe(7);
    expect(allowed.every((d) => Number(d) <= 6)).toBe(true);
  });
});

describe('an SR detached, repaired, forgotten', () => {
  it('unplugs only when no running VM uses its disks; forget and destroy need it detached', async () => {
    const lab = await createLab();
    const sr = await defaultSr(lab);
    const pbds = await lab.call<string[]>('SR.get_PBDs', sr);
    const [pbd = ''] = pbds;
    expect((await lab.error('PBD.unplug', pbd)).code).toBe('VDI_IN_USE');
    expect((await lab.error('SR.forget', sr)).toArray()).toEqual(['SR_HAS_PBD', sr]);
    const host = await lab.call<string>('PBD.get_host', pbd);
    const other = await lab.run<string>('SR.create', host, { server: '192.168.10.5', serverpath: '/export/lab' }, 0, 'scratch', '', 'nfs', 'user', true, {});
    const otherPbds = await lab.call<string[]>('SR.get_PBDs', other);
    for (const p of otherPbds) await lab.run('PBD.unplug', p);
    expect(await lab.call<string[]>('SR.get_allowed_operations', other)).toEqual(expect.arrayContaining(['forget', 'destroy']));
    // Repair: plug again.
    for (const p of otherPbds) await lab.run('PBD.plug', p);
    expect(await lab.call<string[]>('SR.get_allowed_operations', other)).not.toContain('forget');
    for (const p of otherPbds) await lab.run('PBD.unplug', p);
    await lab.run('SR.destroy', other);
    expect(await lab.call<string[]>('SR.get_by_name_label', 'scratch')).toEqual([]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
