// VM.migrate_send's vdi_map and vif_map through the XenAPI surface: a local
// disk moved to another server's local SR, VIFs moved to other networks, the
// maps' errors, and the completeness xapi demands across pools.
import { describe, expect, it } from 'vitest';
import { NULL_REF } from '../../xapi/refs';
import { installPreset } from '../lab/testing';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';

function localSrOf(lab: Lab, host: string): string {
  const { world } = lab.engine;
  return world.refs('SR').find((sr) => {
    const r = world.get('SR', sr);
    return !r.shared && r.content_type !== 'iso' && r.PBDs.some((pbd) => world.get('PBD', pbd).host === host);
  })!;
}

function disksOf(lab: Lab, vm: string): string[] {
  const { world } = lab.engine;
  return world
    .get('VM', vm)
    .VBDs.map((vbd) => world.get('VBD', vbd))
    .filter((vbd) => vbd.type === 'Disk' && vbd.VDI !== NULL_REF)
    .map((vbd) => vbd.VDI);
}

/** The management network of `host` (host.migrate_receive's usual choice). */
function mgmt(lab: Lab, host: string): string {
  const { world } = lab.engine;
  return world.get('PIF', world.get('host', host).PIFs.find((p) => world.get('PIF', p).management)!).network;
}

async function dbVm(): Promise<{ lab: Lab; vm: string; source: string; target: string }> {
  const lab = await createLab();
  const vm = await lab.vmByName('db-01');
  const source = lab.engine.world.get('VM', vm).resident_on;
  const target = lab.engine.world.refs('host').find((h) => h !== source)!;
  return { lab, vm, source, target };
}

describe('host.migrate_receive', () => {
  it("answers with URLs on the host's address on the migration network, or xapi's errors", async () => {
    const { lab, target } = await dbVm();
    const { world } = lab.engine;
    const network = mgmt(lab, target);
    const dest = await lab.call<Record<string, string>>('host.migrate_receive', target, network, {});
    expect(dest['host']).toBe(target);
    expect(dest['xenops']).toContain(`http://${world.get('host', target).address}/services/xenops`);
    const unwired = world.refs('network').find((n) => !world.get('network', n).PIFs.some((p) => world.get('PIF', p).host === target) && world.get('network', n).PIFs.length > 0);
    if (unwired !== undefined) expect((await lab.error('host.migrate_receive', target, unwired, {})).toArray()).toEqual(['HOST_CANNOT_ATTACH_NETWORK', target, unwired]);
    const bare = world.get('host', target).PIFs.find((p) => world.get('PIF', p).IP === '' && world.get('PIF', p).ip_configuration_mode === 'None');
    if (bare !== undefined) expect((await lab.error('host.migrate_receive', target, world.get('PIF', bare).network, {})).toArray()).toEqual(['PIF_HAS_NO_NETWORK_CONFIGURATION', bare]);
    expect(unwired !== undefined || bare !== undefined).toBe(true);
  });
});

describe('VM.migrate_send maps', () => {
  it("moves a VM with a local disk to another server's local SR (Storage XenMotion), the disk's size kept", async () => {
    const { lab, vm, source, target } = await dbVm();
    const { world } = lab.engine;
    const [disk] = disksOf(lab, vm);
    const size = world.get('VDI', disk!).virtual_size;
    const targetSr = localSrOf(lab, target);
    expect(world.get('VDI', disk!).SR).toBe(localSrOf(lab, source));
    const dest = await lab.call<Record<string, string>>('host.migrate_receive', target, mgmt(lab, target), {});
    await lab.run('VM.migrate_send', vm, dest, true, { [disk!]: targetSr }, {}, {});
    expect(world.get('VM', vm).resident_on).toBe(target);
    expect(world.get('VM', vm).power_state).toBe('Running');
    const [moved] = disksOf(lab, vm);
    expect(world.get('VDI', moved!).SR).toBe(targetSr);
    expect(world.get('VDI', moved!).virtual_size).toBe(size);
    expect(world.has('VDI', disk!)).toBe(false);
    const record = await lab.call<{ mirrors: unknown[]; phase_started: Record<string, number> }>('Simulator.get_migration', vm);
    expect(record.mirrors).toHaveLength(1);
    expect(record.phase_started['mirror']).toBeLessThan(record.phase_started['memory']!);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it("moves the VM's VIFs to the networks of the vif_map at the switch", async () => {
    const { lab, vm, target } = await dbVm();
    const { world } = lab.engine;
    const [vif] = world.get('VM', vm).VIFs;
    const from = world.get('VIF', vif!).network;
    const to = world.refs('network').find((n) => n !== from && world.get('network', n).PIFs.some((p) => world.get('PIF', p).host === target))!;
    const dest = await lab.call<Record<string, string>>('host.migrate_receive', target, mgmt(lab, target), {});
    const vdiMap = Object.fromEntries(disksOf(lab, vm).map((d) => [d, localSrOf(lab, target)]));
    const task = await lab.call<string>('Async.VM.migrate_send', vm, dest, true, vdiMap, { [vif!]: to }, {});
    lab.engine.advance(1);
    expect(world.get('VIF', vif!).network).toBe(from); // not before the switch
    for (let i = 0; i < 100_000 && lab.engine.tasks.isPending(task); i++) lab.engine.advance(0.1);
    expect(world.get('task', task).status).toBe('success');
    expect(world.get('VIF', vif!).network).toBe(to);
    expect(world.get('network', to).VIFs).toContain(vif);
    expect(world.get('network', from).VIFs).not.toContain(vif);
  });

  it('refuses an SR or network that does not exist, and ignores entries for other objects', async () => {
    const { lab, vm, target } = await dbVm();
    const dest = await lab.call<Record<string, string>>('host.migrate_receive', target, mgmt(lab, target), {});
    const [disk] = disksOf(lab, vm);
    const [vif] = lab.engine.world.get('VM', vm).VIFs;
    const sr = localSrOf(lab, target);
    expect((await lab.error('VM.assert_can_migrate', vm, dest, true, { [disk!]: 'OpaqueRef:nope' }, {}, {})).params).toEqual(['SR', 'OpaqueRef:nope']);
    expect((await lab.error('VM.assert_can_migrate', vm, dest, true, { [disk!]: sr }, { [vif!]: 'OpaqueRef:nope' }, {})).params).toEqual(['network', 'OpaqueRef:nope']);
    await lab.call('VM.assert_can_migrate', vm, dest, true, { [disk!]: sr, 'OpaqueRef:other': 'OpaqueRef:x' }, { 'OpaqueRef:other': 'OpaqueRef:y' }, {});
  });

  it('the target SR must be reachable from the destination (VM_REQUIRES_SR)', async () => {
    const { lab, vm, source, target } = await dbVm();
    const dest = await lab.call<Record<string, string>>('host.migrate_receive', target, mgmt(lab, target), {});
    const [disk] = disksOf(lab, vm);
    const wrong = localSrOf(lab, source === target ? target : lab.engine.world.refs('host').find((h) => h !== target)!);
    const e = await lab.error('VM.migrate_send', vm, dest, true, { [disk!]: wrong }, {}, {});
    expect(e.code).toBe('VM_REQUIRES_SR');
    expect(lab.engine.world.get('VM', vm).resident_on).toBe(source);
  });

  it('across pools every disk and VIF must be mapped (VDI_NOT_IN_MAP, VIF_NOT_IN_MAP); mapped, the VM moves', async () => {
    const { lab, vm, source } = await dbVm();
    const { world } = lab.engine;
    const [, standalone] = await installPreset(lab, '2u-server', { hostname: 'standalone-01' });
    const dest = await lab.call<Record<string, string>>('host.migrate_receive', standalone, mgmt(lab, standalone), {});
    const [disk] = disksOf(lab, vm);
    const [vif] = world.get('VM', vm).VIFs;
    const sr = localSrOf(lab, standalone);
    const net = world.refs('network').find((n) => world.get('network', n).PIFs.some((p) => world.get('PIF', p).host === standalone && world.get('PIF', p).management))!;
    expect((await lab.error('VM.assert_can_migrate', vm, dest, true, {}, {}, {})).toArray()).toEqual(['VDI_NOT_IN_MAP', disk]);
    expect((await lab.error('VM.assert_can_migrate', vm, dest, true, { [disk!]: sr }, {}, {})).toArray()).toEqual(['VIF_NOT_IN_MAP', vif]);
    await lab.call('VM.assert_can_migrate', vm, dest, true, { [disk!]: sr }, { [vif!]: net }, {});
    expect(world.get('VM', vm).resident_on).toBe(source);
    await lab.run('VM.migrate_send', vm, dest, true, { [disk!]: sr }, { [vif!]: net }, {});
    expect(world.get('VM', vm).resident_on).toBe(standalone);
    expect(world.get('VIF', vif!).network).toBe(net);
    expect(world.get('VDI', disksOf(lab, vm)[0]!).SR).toBe(sr);
    expect(world.get('VM', vm).affinity).toBe(NULL_REF);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
