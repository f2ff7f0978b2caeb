// What a snapshot allows, by xapi's check_snapshot and allowed_power_states:
// revert, clone, copy, export, destroy (and hard_shutdown) — not the template
// list — with clone and copy working from a checkpoint (Suspended). Anything
// else is VM_IS_SNAPSHOT [vm, operation].
import { describe, expect, it } from 'vitest';
import { createLab } from '../testing/lab';

describe('operations on a snapshot', () => {
  it('advertises revert, clone, copy, export and destroy on a disk snapshot and on a checkpoint', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const snap = await lab.run<string>('VM.snapshot', vm, 'disks');
    const check = await lab.run<string>('VM.checkpoint', vm, 'memory');
    expect(await lab.call('VM.get_power_state', check)).toBe('Suspended');
    for (const s of [snap, check]) {
      expect(await lab.call<string[]>('VM.get_allowed_operations', s)).toEqual(['clone', 'copy', 'destroy', 'export', 'revert']);
    }
  });

  it('makes a VM from a checkpoint with VM.clone (a template until provisioned, as from any snapshot)', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const check = await lab.run<string>('VM.checkpoint', vm, 'memory');
    const made = await lab.run<string>('VM.clone', check, 'from checkpoint');
    expect(await lab.call('VM.get_record', made)).toMatchObject({ is_a_snapshot: false, is_a_template: true, power_state: 'Halted', name_label: 'from checkpoint' });
  });

  it('refuses to start a snapshot with VM_IS_SNAPSHOT', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const snap = await lab.run<string>('VM.snapshot', vm, 'disks');
    expect((await lab.error('VM.start', snap, false, false)).toArray()).toEqual(['VM_IS_SNAPSHOT', snap, 'start']);
  });
});
