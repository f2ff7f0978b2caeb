// VM.snapshot / VM.checkpoint / VM.revert and the VHD chains under them,
// through the XenAPI surface: the snapshot tree (parent/children), disk
// content versions restored exactly, a checkpoint's memory and uptime, space
// on thin and thick SRs through take, delete and coalesce.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { parseUnixSeconds } from '../../xapi/datetime';
import { worldProblems } from '../worlds/world-invariants';

interface VdiRow { uuid: string; SR: string; sm_config: Record<string, string>; physical_utilisation: number; virtual_size: number; is_a_snapshot: boolean; snapshot_of: string; managed: boolean }

async function disksOf(lab: Lab, vm: string): Promise<string[]> {
  const out: string[] = [];
  for (const vbd of await lab.call<string[]>('VM.get_VBDs', vm)) {
    const r = await lab.call<{ type: string; VDI: string }>('VBD.get_record', vbd);
    if (r.type === 'Disk') out.push(r.VDI);
  }
  return out;
}

async function contents(lab: Lab, vm: string): Promise<string[]> {
  const out: string[] = [];
  for (const vdi of await disksOf(lab, vm)) out.push((await lab.call<VdiRow>('VDI.get_record', vdi)).sm_config['xenlab-content'] ?? '');
  return out;
}

async function srOf(lab: Lab, vm: string): Promise<string> {
  const [vdi] = await disksOf(lab, vm);
  return lab.call<string>('VDI.get_SR', vdi);
}

async function used(lab: Lab, sr: string): Promise<number> {
  return lab.call<number>('SR.get_physical_utilisation', sr);
}

async function expectSound(lab: Lab): Promise<void> {
  expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
}

describe('VM.snapshot', () => {
  it('makes a snapshot VM of a running VM, moves "now" under it, and leaves the VM running', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const snap = await lab.run<string>('VM.snapshot', vm, 'before upgrade');
    const r = await lab.call<Record<string, unknown>>('VM.get_record', snap);
    expect(r).toMatchObject({ is_a_snapshot: true, is_a_template: true, snapshot_of: vm, power_state: 'Halted', name_label: 'before upgrade', snapshot_info: { 'power-state-at-snapshot': 'Running' } });
    expect(await lab.call('VM.get_parent', vm)).toBe(snap);
    expect(await lab.call('VM.get_snapshots', vm)).toEqual([snap]);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Running');
    const [sdisk] = await disksOf(lab, snap);
    const sv = await lab.call<VdiRow>('VDI.get_record', sdisk);
    const [vdisk] = await disksOf(lab, vm);
    expect(sv).toMatchObject({ is_a_snapshot: true, snapshot_of: vdisk });
    // Both are children of one hidden base copy.
    expect(sv.sm_config['vhd-parent']).toBe((await lab.call<VdiRow>('VDI.get_record', vdisk)).sm_config['vhd-parent']);
    await expectSound(lab);
  });

  it('chains snapshots: each snapshot names the one before as parent', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('game-01');
    const a = await lab.run<string>('VM.snapshot', vm, 'a');
    const b = await lab.run<string>('VM.snapshot', vm, 'b');
    expect(await lab.call('VM.get_parent', b)).toBe(a);
    expect(await lab.call('VM.get_children', a)).toEqual([b]);
    expect(await lab.call('VM.get_parent', vm)).toBe(b);
    await expectSound(lab);
  });

  it('is refused when the SR cannot hold it (SR_FULL), changing nothing', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('db-01');
    const sr = await srOf(lab, vm);
    // Fill the SR to within 1 GiB: the thick disk's base copy (its whole 120 GB) cannot fit.
    const free = (await lab.call<number>('SR.get_physical_size', sr)) - (await used(lab, sr));
    await lab.call('VDI.create', { SR: sr, virtual_size: free - 2 * 1024 ** 3, type: 'user', sharable: false, read_only: false, other_config: {}, name_label: 'filler' });
    const storage = () => JSON.stringify([lab.engine.snapshot().world.tables['VDI'], lab.engine.snapshot().world.tables['SR'], lab.engine.snapshot().world.tables['VM']]);
    const before = storage();
    const e = await lab.error('VM.snapshot', vm, 'x');
    expect(e.code).toBe('SR_FULL');
    expect(storage()).toBe(before);
  });

  it('refuses a chain longer than SM allows with SM\'s SnapshotChainTooLong (SR_BACKEND_FAILURE_109)', async () => {
    const lab = await createLab();
    // Thick LVM: each snapshot keeps a full base copy; use the thin NFS VM instead.
    const thin = await lab.vmByName('test-01');
    let error: { code: string; params: string[] } | undefined;
    for (let i = 0; i < 40 && error === undefined; i++) {
      try {
        await lab.run('VM.snapshot', thin, `s${String(i)}`);
      } catch (e) {
        error = e as { code: string; params: string[] };
      }
    }
    expect(error?.code).toBe('SR_BACKEND_FAILURE_109');
    expect(error?.params).toEqual(['', 'The snapshot chain is too long', '']);
    expect((await lab.call<string[]>('VM.get_snapshots', thin)).length).toBe(29); // a chain of 30 VHDs: SM's MAX_CHAIN_SIZE
    await expectSound(lab);
  });

  it('fails on an SR whose storage has failed with SM\'s VDIUnavailable (SR_BACKEND_FAILURE_46), changing nothing; works again once repaired', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const sr = await srOf(lab, vm);
    await lab.call('Simulator.inject_fault', 'sr-failed', sr, {});
    const before = await contents(lab, vm);
    const vdis = (await lab.call<string[]>('SR.get_VDIs', sr)).length;
    for (const op of ['VM.snapshot', 'VM.checkpoint'] as const) {
      const e = await lab.error(op, vm, 'on a dead SR');
      expect(e.code).toBe('SR_BACKEND_FAILURE_46');
      expect(e.params[1]).toMatch(/^The VDI is not available \[opterr=VDI [0-9a-f-]{36} unavailable/);
    }
    const [disk] = await disksOf(lab, vm);
    expect((await lab.error('VDI.snapshot', disk, {})).code).toBe('SR_BACKEND_FAILURE_46');
    expect(await lab.call('VM.get_snapshots', vm)).toEqual([]);
    expect((await lab.call<string[]>('SR.get_VDIs', sr)).length).toBe(vdis);
    expect(await contents(lab, vm)).toEqual(before);
    await lab.call('Simulator.clear_fault', 'sr-failed', sr);
    await lab.run('VM.snapshot', vm, 'after repair');
    expect((await lab.call<string[]>('VM.get_snapshots', vm)).length).toBe(1);
    await expectSound(lab);
  });
});

describe('VM.revert', () => {
  it('restores the disk content versions taken, and moves "now" to the snapshot', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('game-01');
    const snap = await lab.run<string>('VM.snapshot', vm, 'clean');
    const taken = await contents(lab, vm);
    await lab.run('VM.start', vm, false, false);
    await lab.run('Simulator.advance', 600); // the guest writes
    const written = await contents(lab, vm);
    expect(written).not.toEqual(taken);
    const later = await lab.run<string>('VM.snapshot', vm, 'later');
    await lab.run('VM.revert', snap);
    expect(await contents(lab, vm)).toEqual(taken);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Halted');
    expect(await lab.call('VM.get_parent', vm)).toBe(snap);
    // "later" is still there, a child of "clean".
    expect(await lab.call('VM.get_parent', later)).toBe(snap);
    await lab.run('VM.revert', later);
    expect(await contents(lab, vm)).toEqual(written.length === 0 ? written : await contents(lab, later));
    await expectSound(lab);
  });

  it('brings a checkpoint back suspended at the moment taken; resuming restores its memory image and uptime', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const metrics = await lab.call<string>('VM.get_metrics', vm);
    const uptimeAt = async () => lab.engine.unixTime() - (parseUnixSeconds(await lab.call<string>('VM_metrics.get_start_time', metrics)) ?? NaN);
    await lab.run('Simulator.advance', 3600);
    const up = await uptimeAt();
    const cp = await lab.run<string>('VM.checkpoint', vm, 'cp');
    const image = await lab.call<string>('VM.get_suspend_VDI', cp);
    expect(await lab.call('VM.get_power_state', cp)).toBe('Suspended');
    expect(await lab.call('VM.get_power_state', vm)).toBe('Running');
    const memory = (await lab.call<VdiRow>('VDI.get_record', image)).sm_config['xenlab-content'];
    await lab.run('Simulator.advance', 7200);
    await lab.run('VM.revert', cp);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Suspended');
    const restored = await lab.call<string>('VM.get_suspend_VDI', vm);
    expect(restored).not.toBe(image);
    expect((await lab.call<VdiRow>('VDI.get_record', restored)).sm_config['xenlab-content']).toBe(memory);
    await lab.run('VM.resume', vm, false, false);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Running');
    expect(Math.abs((await uptimeAt()) - up)).toBeLessThan(120);
    await expectSound(lab);
  });
});

describe('deleting snapshots and coalescing', () => {
  it('keeps thin SR space exact through take, delete and coalesce (a visible task)', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('game-01');
    const sr = await srOf(lab, vm);
    const start = await used(lab, sr);
    const snap = await lab.run<string>('VM.snapshot', vm, 's');
    const afterTake = await used(lab, sr);
    // A base copy holds the data; the leaf and the snapshot are empty VHDs (metadata only).
    expect(afterTake - start).toBeGreaterThan(0);
    expect(afterTake - start).toBeLessThan(10 * 1024 ** 2);
    const [sdisk] = await disksOf(lab, snap);
    await lab.run('VM.destroy', snap);
    await lab.call('VDI.destroy', sdisk);
    lab.engine.advance(1);
    const tasks = await lab.call<Record<string, { name_label: string; status: string }>>('task.get_all_records');
    expect(Object.values(tasks).some((t) => t.name_label === 'Coalescing' && t.status === 'pending')).toBe(true);
    await expectSound(lab);
    lab.engine.advance(3600);
    expect(await used(lab, sr)).toBe(start);
    const [leaf] = await disksOf(lab, vm);
    expect((await lab.call<VdiRow>('VDI.get_record', leaf)).sm_config['vhd-parent']).toBeUndefined();
    await expectSound(lab);
  });

  it('thick (LVM) snapshots reserve a full base copy; deleting gives it back after coalescing', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('legacy-01');
    const sr = await srOf(lab, vm);
    const start = await used(lab, sr);
    const snap = await lab.run<string>('VM.snapshot', vm, 's');
    const size = await lab.call<number>('VDI.get_virtual_size', (await disksOf(lab, vm))[0]);
    expect((await used(lab, sr)) - start).toBeGreaterThanOrEqual(size);
    const [sdisk] = await disksOf(lab, snap);
    await lab.run('VM.destroy', snap);
    await lab.call('VDI.destroy', sdisk);
    lab.engine.advance(3600);
    expect(await used(lab, sr)).toBe(start);
    await expectSound(lab);
  });
});
