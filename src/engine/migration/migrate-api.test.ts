// XenMotion through the XenAPI surface: a live migration end to end, its
// phases and record, cancel and network-fault paths, and Storage XenMotion.
import { describe, expect, it } from 'vitest';
import { NULL_REF } from '../../xapi/refs';
import { hostMemoryFree } from '../host/memory';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';

interface Migration {
  status: string;
  phase: string;
  rounds: { pages: number; dirtied: number; seconds: number }[];
  downtime_ms: number;
  total_seconds: number;
  bytes_sent: number;
  final_pages: number;
  paused_at: number;
  resumed_at: number;
  ping: { t: number; ms: number }[];
  error: string[];
}

async function setup(): Promise<{ lab: Lab; vm: string; hosts: string[]; source: string; target: string }> {
  const lab = await createLab();
  const vm = await lab.vmByName('web-01');
  const hosts = lab.engine.world.refs('host').sort((a, b) => lab.engine.world.get('host', a).name_label.localeCompare(lab.engine.world.get('host', b).name_label));
  const source = lab.engine.world.get('VM', vm).resident_on;
  const target = hosts.find((h) => h !== source)!;
  return { lab, vm, hosts, source, target };
}

describe('VM.pool_migrate', () => {
  it('moves a running VM live: residency switches at activation, memory is exact, downtime is short', async () => {
    const { lab, vm, source, target } = await setup();
    const freeBefore = hostMemoryFree(lab.engine, target);
    const task = await lab.call<string>('Async.VM.pool_migrate', vm, target, { live: 'true' });
    // Before the switch the VM runs on the source and the target holds a reservation.
    lab.engine.advance(1);
    expect(lab.engine.world.get('VM', vm).resident_on).toBe(source);
    expect(lab.engine.world.get('VM', vm).scheduled_to_be_resident_on).toBe(target);
    expect(hostMemoryFree(lab.engine, target)).toBeLessThan(freeBefore);
    expect(lab.engine.world.get('VM', vm).current_operations[task]).toBe('pool_migrate');
    const progress: number[] = [];
    for (let i = 0; i < 2000 && lab.engine.tasks.isPending(task); i++) {
      lab.engine.advance(0.01);
      progress.push(lab.engine.world.get('task', task).progress);
    }
    expect(lab.engine.world.get('task', task).status).toBe('success');
    expect([...progress].sort((a, b) => a - b)).toEqual(progress); // progress only grows
    const after = lab.engine.world.get('VM', vm);
    expect(after.resident_on).toBe(target);
    expect(after.power_state).toBe('Running');
    expect(after.scheduled_to_be_resident_on).toBe(NULL_REF);
    const record = await lab.call<Migration>('Simulator.get_migration', vm);
    expect(record.status).toBe('success');
    expect(record.rounds.length).toBeGreaterThanOrEqual(1);
    expect(record.rounds.length).toBeLessThanOrEqual(5);
    expect(record.downtime_ms).toBeGreaterThan(0);
    expect(record.downtime_ms).toBeLessThan(1000);
    // The ping trace has a gap exactly while the guest was paused.
    const lost = record.ping.filter((s) => s.ms < 0);
    expect(lost.length).toBeGreaterThan(0);
    for (const s of lost) expect(s.t >= record.paused_at && s.t < record.resumed_at).toBe(true);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('records each XAPI phase in order', async () => {
    const { lab, vm, target } = await setup();
    const task = await lab.call<string>('Async.VM.pool_migrate', vm, target, { live: 'true' });
    const seen: string[] = [];
    for (let i = 0; i < 4000 && lab.engine.tasks.isPending(task); i++) {
      const phase = (await lab.call<Migration>('Simulator.get_migration', task)).phase;
      if (seen[seen.length - 1] !== phase) seen.push(phase);
      lab.engine.advance(0.005);
    }
    expect(seen).toEqual(['metadata', 'squeeze', 'receiver', 'memory', 'suspend', 'devices', 'unpause', 'cleanup']);
  });

  it('task.cancel before the switch leaves the VM untouched on the source and frees the reservation', async () => {
    const { lab, vm, source, target } = await setup();
    const before = structuredClone(lab.engine.world.get('VM', vm));
    const freeBefore = hostMemoryFree(lab.engine, target);
    const task = await lab.call<string>('Async.VM.pool_migrate', vm, target, { live: 'true' });
    lab.engine.advance(2);
    await lab.call('task.cancel', task);
    expect(lab.engine.world.get('task', task).status).toBe('cancelled');
    const after = lab.engine.world.get('VM', vm);
    expect(after.resident_on).toBe(source);
    expect(after.power_state).toBe('Running');
    expect(after.domid).toBe(before.domid);
    expect(after.scheduled_to_be_resident_on).toBe(NULL_REF);
    expect(Object.keys(after.current_operations)).toEqual([]);
    expect(hostMemoryFree(lab.engine, target)).toBe(freeBefore);
    lab.engine.advance(60);
    expect(lab.engine.world.get('VM', vm).resident_on).toBe(source);
    expect((await lab.call<Migration>('Simulator.get_migration', vm)).status).toBe('cancelled');
  });

  it('a cut management (migration) network fails the task with VM_MIGRATE_FAILED; the VM keeps running on the source', async () => {
    const { lab, vm, source, target } = await setup();
    const freeBefore = hostMemoryFree(lab.engine, target);
    const task = await lab.call<string>('Async.VM.pool_migrate', vm, target, { live: 'true' });
    lab.engine.advance(2); // mid-copy
    expect((await lab.call<Migration>('Simulator.get_migration', task)).phase).toBe('memory');
    await lab.call('Simulator.inject_fault', 'management-network', target, {});
    const t = lab.engine.world.get('task', task);
    expect(t.status).toBe('failure');
    expect(t.error_info.slice(0, 4)).toEqual(['VM_MIGRATE_FAILED', vm, source, target]);
    const after = lab.engine.world.get('VM', vm);
    expect(after.resident_on).toBe(source);
    expect(after.power_state).toBe('Running');
    expect(after.scheduled_to_be_resident_on).toBe(NULL_REF);
    expect(hostMemoryFree(lab.engine, target)).toBe(freeBefore);
    expect(lab.engine.world.get('host', source).resident_VMs).toContain(vm);
    expect(lab.engine.world.get('host', target).resident_VMs).not.toContain(vm);
  });

  it('cannot be cancelled once the stop-and-copy has begun', async () => {
    const { lab, vm, target } = await setup();
    const task = await lab.call<string>('Async.VM.pool_migrate', vm, target, { live: 'true' });
    for (let i = 0; i < 4000; i++) {
      if ((await lab.call<Migration>('Simulator.get_migration', task)).phase === 'suspend') break;
      lab.engine.advance(0.005);
    }
    expect(lab.engine.world.get('task', task).allowed_operations).not.toContain('cancel');
    expect((await lab.error('task.cancel', task)).code).toBe('OPERATION_NOT_ALLOWED');
  });

  it('a non-live migration pauses the guest for the whole copy', async () => {
    const { lab, vm, target } = await setup();
    await lab.run('VM.pool_migrate', vm, target, { live: 'false' });
    const record = await lab.call<Migration>('Simulator.get_migration', vm);
    expect(record.rounds).toEqual([]);
    expect(record.downtime_ms).toBeGreaterThan(1000);
  });
});

describe('Storage XenMotion', () => {
  it('VM.migrate_send mirrors a local disk to shared storage, then moves the VM', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('db-01');
    const { world } = lab.engine;
    const source = world.get('VM', vm).resident_on;
    const target = world.refs('host').find((h) => h !== source)!;
    const nfs = world.refs('SR').find((sr) => world.get('SR', sr).type === 'nfs')!;
    const disks = world.get('VM', vm).VBDs.map((vbd) => world.get('VBD', vbd).VDI).filter((vdi) => vdi !== NULL_REF && world.get('SR', world.get('VDI', vdi).SR).type !== 'iso');
    expect((await lab.error('VM.pool_migrate', vm, target, { live: 'true' })).code).toBe('VM_REQUIRES_SR');
    const network = world.get('PIF', world.get('host', target).PIFs.find((p) => world.get('PIF', p).management)!).network;
    const dest = await lab.call<Record<string, string>>('host.migrate_receive', target, network, {});
    const vdiMap = Object.fromEntries(disks.map((d) => [d, nfs]));
    await lab.call('VM.assert_can_migrate', vm, dest, true, vdiMap, {}, {});
    await lab.run('VM.migrate_send', vm, dest, true, vdiMap, {}, {});
    const after = world.get('VM', vm);
    expect(after.resident_on).toBe(target);
    expect(after.power_state).toBe('Running');
    for (const d of disks) expect(world.has('VDI', d)).toBe(false);
    const now = after.VBDs.map((vbd) => world.get('VBD', vbd).VDI).filter((vdi) => vdi !== NULL_REF && world.get('SR', world.get('VDI', vdi).SR).type !== 'iso');
    for (const d of now) expect(world.get('VDI', d).SR).toBe(nfs);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
