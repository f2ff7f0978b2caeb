// VM.clone, VM.copy, VM.provision and VM.set_is_a_template through the XenAPI
// surface, including XenCenter's New VM sequence.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';

const GiB = 1024 ** 3;

interface SrRow {
  name_label: string;
  uuid: string;
  physical_utilisation: number;
  virtual_allocation: number;
  physical_size: number;
  type: string;
}

async function templateByName(lab: Lab, name: string): Promise<string> {
  const refs = await lab.call<string[]>('VM.get_by_name_label', name);
  if (refs[0] === undefined) throw new Error(`no template ${name}`);
  return refs[0];
}

async function srByName(lab: Lab, name: string): Promise<string> {
  const refs = await lab.call<string[]>('SR.get_by_name_label', name);
  if (refs[0] === undefined) throw new Error(`no SR ${name}`);
  return refs[0];
}

async function defaultSr(lab: Lab): Promise<string> {
  const [pool] = await lab.call<string[]>('pool.get_all');
  return lab.call<string>('pool.get_default_SR', pool);
}

async function sr(lab: Lab, ref: string): Promise<SrRow> {
  return lab.call<SrRow>('SR.get_record', ref);
}

describe('VM.clone', () => {
  it('clones a default template into a template that is not a default one, with a fresh mac_seed', async () => {
    const lab = await createLab();
    const template = await templateByName(lab, 'Debian Bookworm 12');
    const vm = await lab.run<string>('VM.clone', template, 'new-debian');
    const r = await lab.call<Record<string, unknown>>('VM.get_record', vm);
    const t = await lab.call<Record<string, unknown>>('VM.get_record', template);
    expect(r['name_label']).toBe('new-debian');
    expect(r['is_a_template']).toBe(true);
    expect(r['is_default_template']).toBe(false);
    const other = r['other_config'] as Record<string, string>;
    expect(other['default_template']).toBeUndefined();
    expect(other['base_template_name']).toBe('Debian Bookworm 12');
    expect(other['disks']).toBe((t['other_config'] as Record<string, string>)['disks']);
    expect(other['mac_seed']).not.toBe((t['other_config'] as Record<string, string>)['mac_seed']);
    expect(r['allowed_operations']).toContain('destroy');
    expect(t['allowed_operations']).not.toContain('destroy');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('answers with the new ref through Async.VM.clone and task.get_result', async () => {
    const lab = await createLab();
    const task = await lab.call<string>('Async.VM.clone', await templateByName(lab, 'Rocky Linux 9'), 'x');
    expect(await lab.call('task.get_status', task)).toBe('pending');
    lab.engine.advance(5);
    expect(await lab.call('task.get_status', task)).toBe('success');
    expect(await lab.call('task.get_result', task)).toMatch(/<value>OpaqueRef:/);
  });

  it('fast-clones a halted VM’s disks on their own SR and gives its VIFs new MACs', async () => {
    const lab = await createLab();
    const src = await lab.vmByName('game-01');
    const nfs = await defaultSr(lab);
    const before = await sr(lab, nfs);
    const vm = await lab.run<string>('VM.clone', src, 'game-02');
    const after = await sr(lab, nfs);
    const vbds = await lab.call<string[]>('VM.get_VBDs', vm);
    const disks = [];
    for (const vbd of vbds) if ((await lab.call('VBD.get_type', vbd)) === 'Disk') disks.push(await lab.call<string>('VBD.get_VDI', vbd));
    expect(disks).toHaveLength(1);
    const size = await lab.call<number>('VDI.get_virtual_size', disks[0]);
    expect(size).toBe(128 * GiB);
    expect(after.virtual_allocation - before.virtual_allocation).toBe(size);
    expect(after.physical_utilisation - before.physical_utilisation).toBe(await lab.call<number>('VDI.get_physical_utilisation', disks[0]));
    expect(after.physical_utilisation - before.physical_utilisation).toBeLessThan(1024 * 1024); // thin: a new VHD leaf
    const [srcVif] = await lab.call<string[]>('VM.get_VIFs', src);
    const [newVif] = await lab.call<string[]>('VM.get_VIFs', vm);
    expect(await lab.call('VIF.get_MAC', newVif)).not.toBe(await lab.call('VIF.get_MAC', srcVif));
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses a running VM and an unknown one', async () => {
    const lab = await createLab();
    const e = await lab.error('VM.clone', await lab.vmByName('web-01'), 'x');
    expect(e.code).toBe('VM_BAD_POWER_STATE');
    expect((await lab.error('VM.clone', 'OpaqueRef:nope', 'x')).code).toBe('HANDLE_INVALID');
  });

  it('is cancellable: the half-made disks go away', async () => {
    const lab = await createLab();
    const nfs = await defaultSr(lab);
    const before = await sr(lab, nfs);
    const task = await lab.call<string>('Async.VM.copy', await lab.vmByName('game-01'), 'copy', nfs);
    expect((await sr(lab, nfs)).virtual_allocation).toBeGreaterThan(before.virtual_allocation);
    await lab.call('task.cancel', task);
    expect(await lab.call('task.get_status', task)).toBe('cancelled');
    expect(await sr(lab, nfs)).toEqual(before);
    expect(await lab.call('VM.get_current_operations', await lab.vmByName('game-01'))).toEqual({});
  });
});

describe('VM.copy', () => {
  it('copies every disk to the given SR in time that grows with the data', async () => {
    const lab = await createLab();
    const src = await lab.vmByName('game-01'); // 128 GiB disk on NFS
    const [local] = await lab.call<string[]>('SR.get_by_name_label', 'Local storage');
    const task = await lab.call<string>('Async.VM.copy', src, 'game-local', local);
    lab.engine.advance(60);
    expect(await lab.call('task.get_status', task)).toBe('pending');
    lab.engine.advance(3600);
    expect(await lab.call('task.get_status', task)).toBe('success');
    const vm = (await lab.call<string[]>('VM.get_by_name_label', 'game-local'))[0]!;
    const vdis = [];
    for (const vbd of await lab.call<string[]>('VM.get_VBDs', vm)) if ((await lab.call('VBD.get_type', vbd)) === 'Disk') vdis.push(await lab.call<string>('VBD.get_VDI', vbd));
    expect(await lab.call('VDI.get_SR', vdis[0])).toBe(local);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('fails with SR_FULL when the disks do not fit, leaving the SR as it was', async () => {
    const lab = await createLab();
    const tools = await srByName(lab, 'ISO library');
    expect((await lab.error('VM.copy', await lab.vmByName('game-01'), 'x', tools)).code).toBe('OPERATION_NOT_ALLOWED');
    const db = await lab.vmByName('db-01'); // 120 GiB on a host's local LVM
    const local = await lab.call<string>('VDI.get_SR', await lab.call<string>('VBD.get_VDI', (await lab.call<string[]>('VM.get_VBDs', db))[0]));
    const before = await sr(lab, local);
    // Fill the local SR so a thick copy cannot fit.
    const free = before.physical_size - before.physical_utilisation;
    await lab.run('VDI.create', { SR: local, virtual_size: free - 64 * GiB, type: 'user', sharable: false, read_only: false, other_config: {}, name_label: 'filler' });
    const full = await sr(lab, local);
    await lab.run('VM.clean_shutdown', db);
    const e = await lab.error('VM.copy', db, 'db-02', local);
    expect(e.code).toBe('SR_FULL');
    expect(await sr(lab, local)).toEqual(full);
  });
});

describe('VM.provision and XenCenter’s New VM sequence', () => {
  it('makes the template’s disks on the SR its spec names and turns the clone into a VM', async () => {
    const lab = await createLab();
    const nfs = await defaultSr(lab);
    const nfsUuid = (await sr(lab, nfs)).uuid;
    const vm = await lab.run<string>('VM.clone', await templateByName(lab, 'Ubuntu Noble Numbat 24.04'), 'u1');
    const other = await lab.call<Record<string, string>>('VM.get_other_config', vm);
    await lab.call('VM.remove_from_other_config', vm, 'disks');
    await lab.call('VM.add_to_other_config', vm, 'disks', other['disks']!.replace('sr=""', `sr="${nfsUuid}"`));
    await lab.run('VM.provision', vm);
    expect(await lab.call('VM.get_is_a_template', vm)).toBe(false);
    expect((await lab.call<Record<string, string>>('VM.get_other_config', vm))['disks']).toBeUndefined();
    const [vbd] = await lab.call<string[]>('VM.get_VBDs', vm);
    expect(await lab.call('VBD.get_userdevice', vbd)).toBe('0');
    const vdi = await lab.call<string>('VBD.get_VDI', vbd);
    expect(await lab.call('VDI.get_name_label', vdi)).toBe('0');
    expect(await lab.call('VDI.get_virtual_size', vdi)).toBe(10 * GiB);
    expect(await lab.call('VDI.get_SR', vdi)).toBe(nfs);
    expect((await lab.error('VM.provision', vm)).code).toBe('PROVISION_ONLY_ALLOWED_ON_TEMPLATE');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses a spec whose SR is not a uuid it knows (as xapi does for sr="")', async () => {
    const lab = await createLab();
    const vm = await lab.run<string>('VM.clone', await templateByName(lab, 'Debian Bookworm 12'), 'd');
    const e = await lab.error('VM.provision', vm);
    expect(e.code).toBe('UUID_INVALID');
    expect(e.params).toEqual(['sr', '']);
  });

  it('runs the wizard’s calls: clone, drop disks, provision, set fields, CD, VDI+VBD, VIF, start', async () => {
    const lab = await createLab();
    const nfs = await defaultSr(lab);
    const vm = await lab.run<string>('VM.clone', await templateByName(lab, 'Debian Bookworm 12'), 'web-02');
    await lab.call('VM.remove_from_other_config', vm, 'disks');
    await lab.run('VM.provision', vm);
    await lab.run('VM.set_VCPUs_max', vm, 2);
    await lab.run('VM.set_VCPUs_at_startup', vm, 2);
    await lab.run('VM.set_memory_limits', vm, GiB, 2 * GiB, 2 * GiB, 2 * GiB);
    const devices = await lab.call<string[]>('VM.get_allowed_VBD_devices', vm);
    expect(devices[0]).toBe('0');
    const [iso] = await lab.call<string[]>('VDI.get_by_name_label', 'debian-12.7.0-amd64-netinst.iso');
    const cd = await lab.run<string>('VBD.create', { VM: vm, VDI: 'OpaqueRef:NULL', userdevice: '3', bootable: true, mode: 'RO', type: 'CD', empty: true, unpluggable: true, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {} });
    await lab.run('VBD.insert', cd, iso);
    for (const size of [20 * GiB, 50 * GiB]) {
      const vdi = await lab.run<string>('VDI.create', { name_label: 'disk', name_description: '', SR: nfs, virtual_size: size, type: 'system', sharable: false, read_only: false, other_config: {}, sm_config: {} });
      const [userdevice] = await lab.call<string[]>('VM.get_allowed_VBD_devices', vm);
      await lab.run('VBD.create', { VM: vm, VDI: vdi, userdevice, bootable: false, mode: 'RW', type: 'Disk', empty: false, unpluggable: true, other_config: { owner: 'true' }, qos_algorithm_type: '', qos_algorithm_params: {} });
    }
    const networks = await lab.call<string[]>('network.get_by_name_label', 'Pool-wide network associated with eth0');
    for (const device of ['0', '1']) {
      await lab.run('VIF.create', { device, network: networks[0], VM: vm, MAC: '', MTU: 1500, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {} });
    }
    expect((await lab.call<string[]>('VM.get_VBDs', vm)).length).toBe(3);
    expect((await lab.call<string[]>('VM.get_VIFs', vm)).length).toBe(2);
    await lab.run('VM.start', vm, false, false);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Running');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});

describe('VM.set_is_a_template', () => {
  it('saves a VM as a template (clone, then set_is_a_template) and makes VMs from it', async () => {
    const lab = await createLab();
    const copy = await lab.run<string>('VM.clone', await lab.vmByName('game-01'), 'game template');
    await lab.call('VM.set_is_a_template', copy, true);
    expect(await lab.call('VM.get_is_a_template', copy)).toBe(true);
    expect(await lab.call('VM.get_metrics', copy)).toBe('OpaqueRef:NULL');
    expect((await lab.error('VM.start', copy, false, false)).code).toBe('VM_IS_TEMPLATE');
    expect((await lab.error('VM.set_is_a_template', await lab.vmByName('web-01'), true)).code).toBe('VM_BAD_POWER_STATE');
    const vm = await lab.run<string>('VM.clone', copy, 'game-03');
    await lab.call('VM.set_is_a_template', vm, false);
    await lab.run('VM.start', vm, false, false);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Running');
    // A custom template may be deleted; a default one may not.
    await lab.run('VM.destroy', copy);
    expect((await lab.error('VM.destroy', await templateByName(lab, 'Debian Bookworm 12'))).code).toBe('VM_IS_TEMPLATE');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
