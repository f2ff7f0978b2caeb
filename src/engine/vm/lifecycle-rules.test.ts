// Lifecycle rules beyond the power-state table: templates, the control
// domain, overlapping operations, memory admission, placement, durations.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';

interface VmRow {
  power_state: string;
  is_a_template: boolean;
  is_control_domain: boolean;
  resident_on: string;
  memory_dynamic_max: number;
  memory_overhead: number;
  affinity: string;
  VBDs: string[];
}

async function records(lab: Lab): Promise<[string, VmRow][]> {
  return Object.entries(await lab.call<Record<string, VmRow>>('VM.get_all_records'));
}

async function haltedGuest(lab: Lab): Promise<string> {
  const found = (await records(lab)).find(([, vm]) => !vm.is_a_template && !vm.is_control_domain && vm.power_state === 'Halted');
  if (found === undefined) throw new Error('no halted guest');
  return found[0];
}

describe('VM lifecycle rules', () => {
  it('refuses to start a template with VM_IS_TEMPLATE', async () => {
    const lab = await createLab();
    const template = (await records(lab)).find(([, vm]) => vm.is_a_template)![0];
    const error = await lab.error('VM.start', template, false, false);
    expect([error.code, ...error.params]).toEqual(['VM_IS_TEMPLATE', template]);
  });

  it('refuses lifecycle operations on the control domain', async () => {
    const lab = await createLab();
    const dom0 = (await records(lab)).find(([, vm]) => vm.is_control_domain)![0];
    expect((await lab.error('VM.hard_shutdown', dom0)).code).toBe('OPERATION_NOT_ALLOWED');
    expect(await lab.call('VM.get_allowed_operations', dom0)).toEqual([]);
  });

  it('refuses a second operation while one runs, with OTHER_OPERATION_IN_PROGRESS', async () => {
    const lab = await createLab();
    const vm = await haltedGuest(lab);
    const task = await lab.call<string>('Async.VM.start', vm, false, false);
    expect(await lab.call('VM.get_current_operations', vm)).toEqual({ [task]: 'start' });
    expect(await lab.call('VM.get_allowed_operations', vm)).toEqual([]);
    const error = await lab.error('VM.start', vm, false, false);
    expect([error.code, ...error.params]).toEqual(['OTHER_OPERATION_IN_PROGRESS', 'VM', vm, 'start', task]);
    lab.engine.advance(60);
    expect(await lab.call('task.get_status', task)).toBe('success');
    expect(await lab.call('VM.get_current_operations', vm)).toEqual({});
    expect(await lab.call('VM.get_allowed_operations', vm)).toContain('clean_shutdown');
  });

  it('takes virtual time to start, reporting progress on its task', async () => {
    const lab = await createLab();
    const vm = await haltedGuest(lab);
    const task = await lab.call<string>('Async.VM.start', vm, false, false);
    expect(await lab.call('task.get_status', task)).toBe('pending');
    lab.engine.advance(1);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Halted');
    const progress = await lab.call<number>('task.get_progress', task);
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(1);
    lab.engine.advance(60);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Running');
    expect(await lab.call('task.get_progress', task)).toBe(1);
    expect(await lab.call('task.get_result', task)).toBe('');
  });

  it('admits a VM only where its memory fits (HOST_NOT_ENOUGH_FREE_MEMORY)', async () => {
    const lab = await createLab();
    const vm = await haltedGuest(lab);
    const host = (await lab.call<string[]>('host.get_all'))[0]!;
    const metrics = await lab.call<string>('host.get_metrics', host);
    const free = await lab.call<number>('host_metrics.get_memory_free', metrics);
    const big = free + 1024 ** 3;
    await lab.call('VM.set_memory_limits', vm, big / 4, big, big / 4, big).catch(async () => {
      await lab.call('VM.set_memory_static_max', vm, big);
      await lab.call('VM.set_memory_dynamic_max', vm, big);
    });
    const error = await lab.error('VM.start_on', vm, host, false, false);
    expect(error.code).toBe('HOST_NOT_ENOUGH_FREE_MEMORY');
    expect(Number(error.params[0])).toBeGreaterThan(Number(error.params[1]));
    expect(Number(error.params[1])).toBe(free);
  });

  it('keeps host free memory exact as VMs start and stop', async () => {
    const lab = await createLab();
    const vm = await haltedGuest(lab);
    const freeOf = async (host: string) => lab.call<number>('host_metrics.get_memory_free', await lab.call<string>('host.get_metrics', host));
    await lab.run('VM.start', vm, false, false);
    const host = await lab.call<string>('VM.get_resident_on', vm);
    const running = await freeOf(host);
    const row = await lab.call<VmRow>('VM.get_record', vm);
    await lab.run('VM.hard_shutdown', vm);
    expect(await freeOf(host)).toBe(running + row.memory_dynamic_max + row.memory_overhead);
  });

  it('suspends to an image on storage and resumes from it', async () => {
    const lab = await createLab();
    const vm = await haltedGuest(lab);
    await lab.run('VM.start', vm, false, false);
    await lab.run('VM.suspend', vm);
    const image = await lab.call<string>('VM.get_suspend_VDI', vm);
    expect(await lab.call('VDI.get_type', image)).toBe('suspend');
    await lab.run('VM.resume', vm, false, false);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Running');
    expect(await lab.call('VM.get_suspend_VDI', vm)).toBe('OpaqueRef:NULL');
    expect((await lab.error('VDI.get_record', image)).code).toBe('HANDLE_INVALID');
  });

  it('cancels a start: the reservation is released and the VM stays halted', async () => {
    const lab = await createLab();
    const vm = await haltedGuest(lab);
    const task = await lab.call<string>('Async.VM.start', vm, false, false);
    const host = await lab.call<string>('VM.get_scheduled_to_be_resident_on', vm);
    expect(host).not.toBe('OpaqueRef:NULL');
    await lab.call('task.cancel', task);
    expect(await lab.call('task.get_status', task)).toBe('cancelled');
    expect(await lab.call('task.get_error_info', task)).toEqual(['TASK_CANCELLED', task]);
    expect(await lab.call('VM.get_scheduled_to_be_resident_on', vm)).toBe('OpaqueRef:NULL');
    lab.engine.advance(120);
    expect(await lab.call('VM.get_power_state', vm)).toBe('Halted');
    expect(await lab.call('VM.get_current_operations', vm)).toEqual({});
  });

  it('fails an Async call through its task, not the call', async () => {
    const lab = await createLab();
    const running = (await records(lab)).find(([, vm]) => !vm.is_control_domain && vm.power_state === 'Running')![0];
    const task = await lab.call<string>('Async.VM.start', running, false, false);
    expect(await lab.call('task.get_status', task)).toBe('failure');
    expect((await lab.call<string[]>('task.get_error_info', task))[0]).toBe('VM_BAD_POWER_STATE');
  });
});
