// DMC through the XenAPI surface: a host that runs short squeezes its
// ballooning guests by the same fraction of their ranges to start another
// VM, refuses with HOST_NOT_ENOUGH_FREE_MEMORY once even dynamic_min would
// not do, leaves guests without PV drivers alone, and lets the others grow
// back when memory is freed.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

async function memory(lab: Lab, vm: string) {
  const r = await lab.call<{ memory_target: number; memory_dynamic_min: number; memory_dynamic_max: number; metrics: string }>('VM.get_record', vm);
  const actual = await lab.call<number>('VM_metrics.get_memory_actual', r.metrics);
  return { target: r.memory_target, actual, min: r.memory_dynamic_min, max: r.memory_dynamic_max, gamma: (r.memory_target - r.memory_dynamic_min) / (r.memory_dynamic_max - r.memory_dynamic_min) };
}

async function hostFree(lab: Lab, host: string): Promise<number> {
  return lab.call<number>('host_metrics.get_memory_free', await lab.call<string>('host.get_metrics', host));
}

/** xenserver-01 runs web-01 and win-app-01; give both a dynamic range (5 GiB reclaimable in all). */
async function squeezableHost(lab: Lab) {
  const web = await lab.vmByName('web-01');
  const win = await lab.vmByName('win-app-01');
  const host = await lab.call<string>('VM.get_resident_on', web);
  await lab.run('VM.set_memory_dynamic_range', web, 1 * GiB, 2 * GiB);
  await lab.run('VM.set_memory_dynamic_range', win, 4 * GiB, 8 * GiB);
  return { web, win, host };
}

/** Make game-01 (halted) a fixed-size VM whose start needs `free + extra` bytes. */
async function bigVm(lab: Lab, host: string, extra: number): Promise<{ vm: string; need: number }> {
  const vm = await lab.vmByName('game-01');
  const free = await hostFree(lab, host);
  let size = Math.floor((free + extra) / MiB) * MiB;
  await lab.run('VM.set_memory_limits', vm, size, size, size, size);
  const overhead = await lab.call<number>('VM.get_memory_overhead', vm);
  size -= overhead;
  await lab.run('VM.set_memory_limits', vm, size, size, size, size);
  return { vm, need: size + (await lab.call<number>('VM.get_memory_overhead', vm)) };
}

describe('DMC ballooning', () => {
  it('squeezes ballooning guests by the same fraction to start a VM, then refuses when dynamic_min is not enough', async () => {
    const lab = await createLab();
    const { web, win, host } = await squeezableHost(lab);
    expect((await memory(lab, web)).target).toBe(2 * GiB);
    const { vm: game } = await bigVm(lab, host, 3 * GiB);
    await lab.run('VM.start_on', game, host, false, false);
    expect(await lab.call('VM.get_power_state', game)).toBe('Running');

    const [a, b] = [await memory(lab, web), await memory(lab, win)];
    for (const m of [a, b]) {
      expect(m.target).toBeLessThan(m.max);
      expect(m.target).toBeGreaterThanOrEqual(m.min);
      expect(m.actual).toBe(m.target);
    }
    // Same fraction of each range (targets are whole KiB).
    expect(Math.abs(a.gamma - b.gamma)).toBeLessThan(1e-5);
    expect(a.gamma).toBeLessThan(1);
    expect(await hostFree(lab, host)).toBeGreaterThanOrEqual(0);

    // test-01 (suspended, 4 GiB) cannot fit even with both guests at dynamic_min.
    const test = await lab.vmByName('test-01');
    const reclaimable = a.actual - a.min + (b.actual - b.min);
    const e = await lab.error('VM.resume_on', test, host, false, false);
    expect(e.code).toBe('HOST_NOT_ENOUGH_FREE_MEMORY');
    const [needed, available] = e.params.map(Number);
    expect(available).toBe((await hostFree(lab, host)) + reclaimable);
    expect(needed).toBeGreaterThan(available!);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);

    // Shutting the big VM down gives the memory back: both grow to dynamic_max.
    await lab.run('VM.hard_shutdown', game);
    lab.engine.advance(30);
    for (const vm of [web, win]) {
      const m = await memory(lab, vm);
      expect(m.target).toBe(m.max);
      expect(m.actual).toBe(m.max);
    }
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses at once when ballooning cannot free enough, and never squeezes a guest without PV drivers', async () => {
    const lab = await createLab();
    const { web, win, host } = await squeezableHost(lab);
    // win-app-01's tools are gone: squeezed cannot ask it for memory.
    const guest = await lab.call<string>('VM.get_guest_metrics', win);
    lab.engine.world.update('VM_guest_metrics', guest, { PV_drivers_detected: false });
    const { vm: game, need } = await bigVm(lab, host, 2 * GiB);
    const e = await lab.error('VM.start_on', game, host, false, false);
    expect(e.code).toBe('HOST_NOT_ENOUGH_FREE_MEMORY');
    expect(e.params).toEqual([String(need), String((await hostFree(lab, host)) + 1 * GiB)]);
    expect((await memory(lab, win)).target).toBe(8 * GiB);
    expect((await memory(lab, web)).target).toBe(2 * GiB);

    // Needing less than web-01 can give works, and only web-01 shrinks.
    const { vm: smaller } = await bigVm(lab, host, GiB / 2);
    await lab.run('VM.start_on', smaller, host, false, false);
    expect((await memory(lab, win)).actual).toBe(8 * GiB);
    expect((await memory(lab, web)).target).toBeLessThan(2 * GiB);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('raising a running guest’s dynamic_min beyond what the host can give is refused', async () => {
    const lab = await createLab();
    const { web, host } = await squeezableHost(lab);
    const { vm: game } = await bigVm(lab, host, 4.5 * GiB);
    await lab.run('VM.start_on', game, host, false, false);
    const e = await lab.error('VM.set_memory_dynamic_range', web, 2 * GiB, 2 * GiB);
    expect(e.code).toBe('HOST_NOT_ENOUGH_FREE_MEMORY');
    // Lowering dynamic_max moves the target into the new range.
    await lab.run('VM.set_memory_dynamic_range', web, 1 * GiB, 1 * GiB + 256 * MiB);
    const m = await memory(lab, web);
    expect(m.target).toBeLessThanOrEqual(1 * GiB + 256 * MiB);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
