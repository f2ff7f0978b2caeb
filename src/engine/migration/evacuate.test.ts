// Maintenance: host.disable, host.get_vms_which_prevent_evacuation, host.evacuate.
import { describe, expect, it } from 'vitest';
import { hostMemoryUsed } from '../host/memory';
import { createLab } from '../testing/lab';
import { evacuationPlan } from './evacuate-run';
import { worldProblems } from '../worlds/world-invariants';

describe('host.evacuate', () => {
  it('moves every VM off the host by live migration; all keep running', async () => {
    const lab = await createLab();
    const { world } = lab.engine;
    const ci = await lab.vmByName('ci-01');
    await lab.run('VM.unpause', ci);
    const host = world.get('VM', ci).resident_on;
    const vms = world.get('host', host).resident_VMs.filter((v) => !world.get('VM', v).is_control_domain);
    expect(vms.length).toBe(3);
    expect(await lab.call('host.get_vms_which_prevent_evacuation', host)).toEqual({});
    await lab.call('host.disable', host);
    const task = await lab.call<string>('Async.host.evacuate', host);
    // Each VM moves under a subtask of the evacuation.
    const subtasks = world.refs('task').filter((t) => world.get('task', t).subtask_of === task);
    expect(subtasks.length).toBe(3);
    lab.engine.advance(600);
    expect(world.get('task', task).status).toBe('success');
    for (const vm of vms) {
      const r = world.get('VM', vm);
      expect(r.power_state).toBe('Running');
      expect(r.resident_on).not.toBe(host);
    }
    expect(world.get('host', host).resident_VMs.filter((v) => !world.get('VM', v).is_control_domain)).toEqual([]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('lists the VMs that prevent evacuation with their errors, and refuses to start', async () => {
    const lab = await createLab();
    const { world } = lab.engine;
    const mon = await lab.vmByName('mon-01'); // on local storage
    const host = world.get('VM', mon).resident_on;
    const blocked = await lab.call<Record<string, string[]>>('host.get_vms_which_prevent_evacuation', host);
    expect(Object.keys(blocked)).toEqual([mon]);
    expect(blocked[mon]![0]).toBe('VM_REQUIRES_SR');
    const e = await lab.error('host.evacuate', host);
    expect(e.code).toBe('VM_REQUIRES_SR');
    // Nothing moved.
    expect(world.get('VM', mon).resident_on).toBe(host);
  });

  it('never plans more VMs onto a host than its memory holds', async () => {
    const lab = await createLab();
    const { world } = lab.engine;
    const ci = await lab.vmByName('ci-01');
    await lab.run('VM.unpause', ci);
    const host = world.get('VM', ci).resident_on;
    // 5 GiB free on each other host: web-01 (2 GiB) and ci-01 (4 GiB) fit, on different hosts; win-app-01 (8 GiB) nowhere.
    const others = world.refs('host').filter((x) => x !== host);
    for (const h of others) {
      const m = world.get('host', h).metrics;
      world.update('host_metrics', m, { memory_total: hostMemoryUsed(lab.engine, h) + 5 * 1024 ** 3 });
    }
    const plan = evacuationPlan(lab.engine, host);
    const web = await lab.vmByName('web-01');
    const win = await lab.vmByName('win-app-01');
    expect(new Set([plan.moves.get(web), plan.moves.get(ci)])).toEqual(new Set(others));
    expect(plan.blocked.get(win)?.code).toBe('HOST_NOT_ENOUGH_FREE_MEMORY');
    const blocked = await lab.call<Record<string, string[]>>('host.get_vms_which_prevent_evacuation', host);
    expect(Object.keys(blocked)).toEqual([win]);
  });
});
