// VDI.snapshot, the sm_config keys SM owns, and copies carrying a disk's
// data and content version — through the XenAPI surface.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import { parseUnixSeconds } from '../../xapi/datetime';

interface VdiRow { uuid: string; SR: string; sm_config: Record<string, string>; physical_utilisation: number; virtual_size: number; is_a_snapshot: boolean; snapshot_of: string; snapshot_time: string; snapshots: string[]; read_only: boolean; managed: boolean }

async function diskOf(lab: Lab, vm: string): Promise<string> {
  for (const vbd of await lab.call<string[]>('VM.get_VBDs', vm)) {
    const r = await lab.call<{ type: string; VDI: string }>('VBD.get_record', vbd);
    if (r.type === 'Disk') return r.VDI;
  }
  throw new Error(`no disk on ${vm}`);
}

const vdiRecord = (lab: Lab, vdi: string) => lab.call<VdiRow>('VDI.get_record', vdi);

describe('VDI.snapshot', () => {
  it('snapshots one disk: is_a_snapshot, snapshot_of, its content, both over one new base copy', async () => {
    const lab = await createLab();
    const vdi = await diskOf(lab, await lab.vmByName('web-01'));
    const before = await vdiRecord(lab, vdi);
    const clock = async () => parseUnixSeconds((await lab.call<{ datetime: string }>('Simulator.get_time')).datetime) ?? NaN;
    const asked = await clock();
    const snap = await lab.run<string>('VDI.snapshot', vdi, {});
    const done = await clock();
    const s = await vdiRecord(lab, snap);
    const after = await vdiRecord(lab, vdi);
    expect(s).toMatchObject({ is_a_snapshot: true, snapshot_of: vdi, managed: true, virtual_size: before.virtual_size, SR: before.SR });
    // Stamped by the virtual clock while the call ran (not the epoch, not a later write).
    const stamped = parseUnixSeconds(s.snapshot_time) ?? NaN;
    expect(stamped).toBeGreaterThanOrEqual(asked);
    expect(stamped).toBeLessThanOrEqual(done);
    expect(done - asked).toBeLessThan(60);
    expect(after.snapshots).toEqual([snap]);
    expect(s.sm_config['xenlab-content']).toBe(before.sm_config['xenlab-content'] ?? before.uuid);
    expect(s.sm_config['vhd-parent']).toBe(after.sm_config['vhd-parent']);
    const base = await lab.call<string>('VDI.get_by_uuid', s.sm_config['vhd-parent']);
    expect(await lab.call('VDI.get_managed', base)).toBe(false);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
    // The disk goes on being written; the snapshot keeps what it had.
    await lab.run('Simulator.advance', 600);
    expect((await vdiRecord(lab, vdi)).sm_config['xenlab-content']).not.toBe(s.sm_config['xenlab-content']);
    expect((await vdiRecord(lab, snap)).sm_config['xenlab-content']).toBe(s.sm_config['xenlab-content']);
    // Destroying the snapshot leaves the chain sound.
    await lab.run('VDI.destroy', snap);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses what SM refuses: an unmanaged base copy, an ISO, a chain at its limit', async () => {
    const lab = await createLab();
    const vdi = await diskOf(lab, await lab.vmByName('web-01'));
    const snap = await lab.run<string>('VDI.snapshot', vdi, {});
    const base = await lab.call<string>('VDI.get_by_uuid', (await vdiRecord(lab, snap)).sm_config['vhd-parent']);
    expect((await lab.error('VDI.snapshot', base, {})).code).toBe('VDI_NOT_MANAGED');
    const srs = await lab.call<Record<string, { type: string; VDIs: string[] }>>('SR.get_all_records');
    const iso = Object.values(srs).find((r) => r.type === 'iso' && r.VDIs.length > 0)?.VDIs[0];
    expect(iso).toBeDefined();
    expect((await lab.error('VDI.snapshot', iso, {})).code).toBe('SR_OPERATION_NOT_SUPPORTED');
    // Two-argument form (older clients) works too; keep going until the chain is 30 deep.
    let refused: { code: string; params: string[] } | undefined;
    for (let i = 0; i < 40 && refused === undefined; i++) {
      refused = await lab.run('VDI.snapshot', vdi).then(() => undefined, (e: { code: string; params: string[] }) => e);
    }
    expect(refused?.code).toBe('SR_BACKEND_FAILURE_109');
    expect(refused?.params[1]).toBe('The snapshot chain is too long');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});

describe("VDI.sm_config keys SM owns ('vhd-parent', 'xenlab-content')", () => {
  it('cannot be overwritten, added or removed by a client; other keys can', async () => {
    const lab = await createLab();
    const vdi = await diskOf(lab, await lab.vmByName('web-01'));
    await lab.run('VDI.snapshot', vdi, {});
    const r = await vdiRecord(lab, vdi);
    const parent = r.sm_config['vhd-parent']!;
    expect((await lab.error('VDI.set_sm_config', vdi, { ...r.sm_config, 'vhd-parent': 'elsewhere' })).code).toBe('OPERATION_NOT_ALLOWED');
    expect((await lab.error('VDI.set_sm_config', vdi, { 'xenlab-content': 'forged' })).code).toBe('OPERATION_NOT_ALLOWED');
    expect((await lab.error('VDI.remove_from_sm_config', vdi, 'vhd-parent')).code).toBe('OPERATION_NOT_ALLOWED');
    expect((await lab.error('VDI.add_to_sm_config', vdi, 'vhd-parent', 'x')).code).toBe('MAP_DUPLICATE_KEY');
    // A key SM has not written yet is still SM's.
    const other = await diskOf(lab, await lab.vmByName('db-01'));
    expect((await lab.error('VDI.add_to_sm_config', other, 'vhd-parent', r.uuid)).code).toBe('OPERATION_NOT_ALLOWED');
    // Leaving SM's keys out keeps them; the client's own keys are set.
    await lab.call('VDI.set_sm_config', vdi, { note: 'mine' });
    const after = await vdiRecord(lab, vdi);
    expect(after.sm_config).toMatchObject({ note: 'mine', 'vhd-parent': parent });
    await lab.call('VDI.add_to_sm_config', vdi, 'owner', 'ops');
    await lab.call('VDI.remove_from_sm_config', vdi, 'owner');
    expect((await vdiRecord(lab, vdi)).sm_config['owner']).toBeUndefined();
    // A new disk cannot start with SM's keys either.
    const sr = r.SR;
    expect((await lab.error('VDI.create', { name_label: 'x', SR: sr, virtual_size: 1024 ** 3, type: 'user', sharable: false, read_only: false, other_config: {}, sm_config: { 'vhd-parent': parent } })).code).toBe('OPERATION_NOT_ALLOWED');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});

describe('copies carry data and content', () => {
  it("VM.copy of a snapshot gives the new VM the snapshot's content and its data (held in the base copy)", async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    await lab.run('Simulator.advance', 600);
    const snap = await lab.run<string>('VM.snapshot', vm, 'before');
    const sdisk = await vdiRecord(lab, await diskOf(lab, snap));
    await lab.run('Simulator.advance', 600); // the VM writes on; the snapshot stays
    const copy = await lab.run<string>('VM.copy', snap, 'from snapshot', sdisk.SR);
    expect(await lab.call('VM.get_is_a_snapshot', copy)).toBe(false);
    const c = await vdiRecord(lab, await diskOf(lab, copy));
    expect(c.sm_config['xenlab-content']).toBe(sdisk.sm_config['xenlab-content']);
    expect(c.sm_config['vhd-parent']).toBeUndefined(); // a full copy stands alone
    const base = await vdiRecord(lab, await lab.call<string>('VDI.get_by_uuid', sdisk.sm_config['vhd-parent']));
    // A full copy holds all the data the snapshot reads through its chain: more than an empty VHD.
    expect(c.physical_utilisation).toBeGreaterThan(sdisk.physical_utilisation);
    expect(c.physical_utilisation).toBeGreaterThanOrEqual(base.physical_utilisation);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('VDI.copy into an existing disk gives it the source content', async () => {
    const lab = await createLab();
    const src = await diskOf(lab, await lab.vmByName('web-01'));
    const s = await vdiRecord(lab, src);
    const into = await lab.run<string>('VDI.create', { name_label: 'target', SR: s.SR, virtual_size: s.virtual_size, type: 'user', sharable: false, read_only: false, other_config: {} });
    await lab.run('VDI.copy', src, s.SR, 'OpaqueRef:NULL', into);
    expect((await vdiRecord(lab, into)).sm_config['xenlab-content']).toBe(s.sm_config['xenlab-content'] ?? s.uuid);
  });
});
