// VMSS through the XenAPI surface: create/set checks, scheduled runs on the
// virtual clock with retention over a simulated week, snapshot_now, and a
// failed run raising an alert.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { parseUnixSeconds } from '../../xapi/datetime';
import { worldProblems } from '../worlds/world-invariants';

const HOUR = 3600;

async function scheduled(lab: Lab, vm: string): Promise<{ ref: string; time: number }[]> {
  const out: { ref: string; time: number }[] = [];
  for (const s of await lab.call<string[]>('VM.get_snapshots', vm)) {
    const r = await lab.call<{ is_vmss_snapshot: boolean; snapshot_time: string }>('VM.get_record', s);
    if (r.is_vmss_snapshot) out.push({ ref: s, time: parseUnixSeconds(r.snapshot_time) ?? NaN });
  }
  return out.sort((a, b) => a.time - b.time);
}

async function policy(lab: Lab, frequency: string, schedule: Record<string, string>, retained: number, type = 'snapshot'): Promise<string> {
  return lab.call<string>('VMSS.create', { name_label: `p-${frequency}`, name_description: '', enabled: true, type, retained_snapshots: retained, frequency, schedule });
}

describe('VMSS', () => {
  it('checks values as xapi does', async () => {
    const lab = await createLab();
    expect((await lab.error('VMSS.create', { name_label: 'x', enabled: true, type: 'snapshot', retained_snapshots: 11, frequency: 'daily', schedule: {} })).params).toEqual(['retained_snapshots', '11']);
    expect((await lab.error('VMSS.create', { name_label: 'x', enabled: true, type: 'snapshot', retained_snapshots: 3, frequency: 'hourly', schedule: { min: '10' } })).params).toEqual(['schedule:min', '10']);
    const p = await policy(lab, 'daily', { hour: '5' }, 3);
    expect(await lab.call('VMSS.get_schedule', p)).toEqual({ hour: '5', min: '0' });
    await lab.call('VMSS.set_frequency', p, 'weekly');
    expect(await lab.call('VMSS.get_schedule', p)).toEqual({ hour: '5', min: '0', days: 'Monday' });
    const vm = await lab.vmByName('web-01');
    await lab.call('VM.set_snapshot_schedule', vm, p);
    expect(await lab.call('VMSS.get_VMs', p)).toEqual([vm]);
    expect((await lab.error('VMSS.destroy', p)).code).toBe('VMSS_HAS_VM');
  });

  it('hourly, keeping 3: over a simulated week the newest 3 scheduled snapshots remain, taken on the hour', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const p = await policy(lab, 'hourly', { min: '0' }, 3);
    await lab.call('VM.set_snapshot_schedule', vm, p);
    await lab.run('Simulator.advance', 5 * HOUR);
    let snaps = await scheduled(lab, vm);
    expect(snaps.length).toBe(3);
    for (const s of snaps) expect(s.time % HOUR).toBe(0);
    await lab.run('Simulator.advance', 7 * 24 * HOUR + 600);
    snaps = await scheduled(lab, vm);
    expect(snaps.map((s) => s.time - snaps[0]!.time)).toEqual([0, HOUR, 2 * HOUR]);
    expect(lab.engine.unixTime() - snaps[2]!.time).toBeLessThan(HOUR);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
    const messages = await lab.call<Record<string, { name: string }>>('message.get_all_records');
    expect(Object.values(messages).filter((m) => m.name === 'VMSS_SNAPSHOT_SUCCEEDED').length).toBeGreaterThan(100);
  });

  it('weekly on chosen days at a time runs only then', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('game-01');
    const p = await policy(lab, 'weekly', { days: 'Wednesday,Saturday', hour: '22', min: '30' }, 10);
    await lab.call('VM.set_snapshot_schedule', vm, p);
    await lab.run('Simulator.advance', 14 * 24 * HOUR);
    const snaps = await scheduled(lab, vm);
    expect(snaps.length).toBe(4);
    for (const s of snaps) {
      const d = new Date(s.time * 1000);
      expect([3, 6]).toContain(d.getUTCDay());
      expect([d.getUTCHours(), d.getUTCMinutes()]).toEqual([22, 30]);
    }
  });

  it('snapshot_now takes checkpoints of a checkpoint policy; a failed run raises an alert', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const halted = await lab.vmByName('legacy-01'); // on a thick SR with no room for a base copy? (refused runs)
    const p = await policy(lab, 'daily', {}, 2, 'checkpoint');
    await lab.call('VM.set_snapshot_schedule', vm, p);
    await lab.run('VMSS.snapshot_now', p);
    const [s] = await scheduled(lab, vm);
    expect(await lab.call('VM.get_power_state', s!.ref)).toBe('Suspended');
    // A quiesced policy cannot snapshot these guests (no VSS): the run fails, with an alert.
    const q = await policy(lab, 'daily', {}, 2, 'snapshot_with_quiesce');
    await lab.call('VM.set_snapshot_schedule', halted, q);
    await lab.run('VMSS.snapshot_now', q);
    const messages = await lab.call<Record<string, { name: string; priority: number; obj_uuid: string }>>('message.get_all_records');
    const uuid = await lab.call<string>('VMSS.get_uuid', q);
    expect(Object.values(messages).some((m) => m.name === 'VMSS_SNAPSHOT_FAILED' && m.obj_uuid === uuid && m.priority === 3)).toBe(true);
  });
});
