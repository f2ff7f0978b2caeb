// VDI.pool_migrate: a running VM's disk moves to another SR while the VM runs;
// its VBD follows the mirror, the original goes, SR space stays exact.
import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../../xapi/types';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';

const GiB = 1024 ** 3;

async function newNfsSr(lab: Lab): Promise<string> {
  const [master] = await lab.call<string[]>('host.get_all');
  return lab.run<string>('SR.create', master, { server: '192.168.10.5', serverpath: '/export/lab' }, 0, 'Lab NFS', '', 'nfs', 'user', true, {});
}

/** A running VM with tools and a disk (the first user disk of a running lab VM). */
async function runningDisk(lab: Lab): Promise<{ vm: string; vbd: string; vdi: string }> {
  const vms = await lab.call<Record<string, RecordOf<'VM'>>>('VM.get_all_records');
  for (const [vm, r] of Object.entries(vms).sort(([, a], [, b]) => a.name_label.localeCompare(b.name_label))) {
    if (r.power_state !== 'Running' || r.is_control_domain || r.attached_PCIs.length > 0) continue;
    if (await lab.call<string>('VM.get_guest_metrics', vm).then((g) => g === 'OpaqueRef:NULL')) continue;
    for (const vbd of r.VBDs) {
      const b = await lab.call<RecordOf<'VBD'>>('VBD.get_record', vbd);
      if (b.type === 'Disk' && b.currently_attached) return { vm, vbd, vdi: b.VDI };
    }
  }
  throw new Error('no running VM with a disk');
}

describe('VDI.pool_migrate', () => {
  it('moves a running VM\'s disk to another SR; the VM keeps running on the mirror', async () => {
    const lab = await createLab();
    const target = await newNfsSr(lab);
    const { vm, vbd, vdi } = await runningDisk(lab);
    const before = await lab.call<RecordOf<'VDI'>>('VDI.get_record', vdi);
    const sourceBefore = await lab.call<RecordOf<'SR'>>('SR.get_record', before.SR);
    const moved = await lab.run<string>('VDI.pool_migrate', vdi, target, {});
    expect(moved).not.toBe(vdi);
    const after = await lab.call<RecordOf<'VDI'>>('VDI.get_record', moved);
    expect(after).toMatchObject({ SR: target, name_label: before.name_label, virtual_size: before.virtual_size });
    expect(await lab.call<string>('VBD.get_VDI', vbd)).toBe(moved);
    expect(await lab.call<boolean>('VBD.get_currently_attached', vbd)).toBe(true);
    expect(await lab.call<string>('VM.get_power_state', vm)).toBe('Running');
    expect((await lab.error('VDI.get_record', vdi)).code).toBe('HANDLE_INVALID');
    const sourceAfter = await lab.call<RecordOf<'SR'>>('SR.get_record', before.SR);
    expect(sourceAfter.virtual_allocation).toBe(sourceBefore.virtual_allocation - before.virtual_size);
    expect((await lab.call<RecordOf<'SR'>>('SR.get_record', target)).virtual_allocation).toBe(before.virtual_size);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses a disk no VM holds, a halted VM\'s disk, and an SR the VM\'s server cannot see', async () => {
    const lab = await createLab();
    const target = await newNfsSr(lab);
    const loose = await lab.run<string>('VDI.create', { SR: target, name_label: 'loose', name_description: '', virtual_size: GiB, type: 'user', sharable: false, read_only: false, other_config: {} });
    const [nfs] = await lab.call<string[]>('SR.get_by_name_label', 'NFS virtual disk storage');
    expect((await lab.error('VDI.pool_migrate', loose, nfs, {})).toArray()).toEqual(['VDI_NEEDS_VM_FOR_MIGRATE', loose]);

    const { vm, vdi } = await runningDisk(lab);
    const resident = await lab.call<string>('VM.get_resident_on', vm);
    const locals = await lab.call<Record<string, RecordOf<'SR'>>>('SR.get_all_records');
    let elsewhere: string | undefined;
    for (const [ref, sr] of Object.entries(locals)) {
      if (sr.shared || sr.content_type !== 'user' || sr.type === 'udev') continue;
      const pbd = await lab.call<RecordOf<'PBD'>>('PBD.get_record', sr.PBDs[0]);
      if (pbd.host !== resident) elsewhere = ref;
    }
    expect((await lab.error('VDI.pool_migrate', vdi, elsewhere, {})).toArray()).toEqual(['VM_REQUIRES_SR', vm, elsewhere]);
    expect(await lab.run<string>('VDI.pool_migrate', vdi, (await lab.call<RecordOf<'VDI'>>('VDI.get_record', vdi)).SR, {})).toBe(vdi);

    const vbd = await lab.run<string>('VBD.create', { VM: vm, VDI: loose, userdevice: 'autodetect', bootable: false, mode: 'RW', type: 'Disk', unpluggable: true, empty: false, other_config: {}, qos_algorithm_type: '', qos_algorithm_params: {} });
    await lab.run('VM.clean_shutdown', vm);
    expect((await lab.error('VDI.pool_migrate', loose, nfs, {})).toArray()).toEqual(['VM_BAD_POWER_STATE', vm, 'running', 'halted']);
    expect(await lab.call<string>('VBD.get_VDI', vbd)).toBe(loose);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
