// Every pre-check of a migration, with xapi's error codes and parameters.
import { describe, expect, it } from 'vitest';
import { NULL_REF } from '../../xapi/refs';
import { createLab, type Lab } from '../testing/lab';

async function setup(name = 'web-01'): Promise<{ lab: Lab; vm: string; source: string; target: string }> {
  const lab = await createLab();
  const vm = await lab.vmByName(name);
  const source = lab.engine.world.get('VM', vm).resident_on;
  const target = lab.engine.world.refs('host').find((h) => h !== source && h !== NULL_REF)!;
  return { lab, vm, source, target };
}

async function refusal(lab: Lab, vm: string, host: string): Promise<string[]> {
  const e = await lab.error('VM.pool_migrate', vm, host, { live: 'true' });
  // VM.assert_can_migrate says the same, before anything moves.
  const dest = await lab.call<Record<string, string>>('host.migrate_receive', host, lab.engine.world.refs('network')[0], {});
  const again = await lab.error('VM.assert_can_migrate', vm, dest, true, {}, {}, {});
  expect(again.toArray()).toEqual(e.toArray());
  return e.toArray();
}

describe('migration pre-checks', () => {
  it('HOST_DISABLED [host]', async () => {
    const { lab, vm, target } = await setup();
    await lab.call('host.disable', target);
    expect(await refusal(lab, vm, target)).toEqual(['HOST_DISABLED', target]);
    await lab.call('host.enable', target);
    await lab.call('VM.assert_can_migrate', vm, { host: target }, true, {}, {}, {});
  });

  it('VM_REQUIRES_SR [vm, sr] for disks on local storage', async () => {
    const { lab, vm, target } = await setup('db-01');
    const [code, v, sr] = await refusal(lab, vm, target);
    expect([code, v]).toEqual(['VM_REQUIRES_SR', vm]);
    expect(lab.engine.world.get('SR', sr!).shared).toBe(false);
  });

  it('VM_REQUIRES_NETWORK [vm, network] when the target has no PIF on the VM\'s network', async () => {
    const { lab, vm, source, target } = await setup();
    const { world } = lab.engine;
    const network = world.create('network', { name_label: 'Storage VLAN', bridge: 'xapi9', MTU: 1500 });
    world.create('PIF', { device: 'eth3', network, host: source, physical: true, currently_attached: true, MTU: 1500, VLAN: -1 });
    const vif = world.get('VM', vm).VIFs[0]!;
    world.update('VIF', vif, { network });
    expect(await refusal(lab, vm, target)).toEqual(['VM_REQUIRES_NETWORK', vm, network]);
  });

  it('HOST_NOT_ENOUGH_FREE_MEMORY [needed, available]', async () => {
    const { lab, vm, target } = await setup();
    const { world } = lab.engine;
    const metrics = world.get('host', target).metrics;
    world.update('host_metrics', metrics, { memory_total: 8 * 1024 ** 3 });
    const [code, needed, available] = await refusal(lab, vm, target);
    expect(code).toBe('HOST_NOT_ENOUGH_FREE_MEMORY');
    expect(Number(needed)).toBeGreaterThan(Number(available));
  });

  it('VM_INCOMPATIBLE_WITH_THIS_HOST [vm, host, reason] when the target lacks CPU features', async () => {
    const { lab, vm, target } = await setup();
    const { world } = lab.engine;
    const info = world.get('host', target).cpu_info;
    const fewer = (s: string | undefined) => (s ?? '').split('-').map((w, i) => (i === 1 ? '00000000' : w)).join('-');
    world.update('host', target, { cpu_info: { ...info, features_hvm: fewer(info['features_hvm']), features_pv: fewer(info['features_pv']) } });
    const [code, v, h, reason] = await refusal(lab, vm, target);
    expect([code, v, h]).toEqual(['VM_INCOMPATIBLE_WITH_THIS_HOST', vm, target]);
    expect(reason).toMatch(/features/);
  });

  it('VM_HAS_PCI_ATTACHED [vm]', async () => {
    const { lab, vm, target } = await setup();
    const { world } = lab.engine;
    const pci = world.create('PCI', { class_name: 'Ethernet controller', vendor_name: 'Intel Corporation', device_name: 'Ethernet VF', pci_id: '0000:18:02.0', host: world.get('VM', vm).resident_on });
    world.update('VM', vm, { attached_PCIs: [pci] });
    expect(await refusal(lab, vm, target)).toEqual(['VM_HAS_PCI_ATTACHED', vm]);
  });

  it('VM_LACKS_FEATURE [vm] for an HVM guest whose tools cannot suspend it', async () => {
    const { lab, vm, target } = await setup('win-app-01');
    const { world } = lab.engine;
    const gm = world.get('VM', vm).guest_metrics;
    const { 'feature-suspend': _gone, ...other } = world.get('VM_guest_metrics', gm).other;
    world.update('VM_guest_metrics', gm, { other });
    expect(await refusal(lab, vm, target)).toEqual(['VM_LACKS_FEATURE', vm]);
  });

  it('VM_NON_SUSPENDABLE [vm, reason] when the guest agent says it cannot be suspended (PV guests too)', async () => {
    const { lab, vm, target } = await setup();
    const { world } = lab.engine;
    const gm = world.get('VM', vm).guest_metrics;
    world.update('VM_guest_metrics', gm, { other: { ...world.get('VM_guest_metrics', gm).other, 'data-cant-suspend-reason': 'a passthrough device is busy' } });
    expect(await refusal(lab, vm, target)).toEqual(['VM_NON_SUSPENDABLE', vm, 'a passthrough device is busy']);
  });

  it('VM.migrate_send ignores vdi_map entries for disks that are not the VM\'s (xapi looks up each of its own)', async () => {
    const { lab, vm, target } = await setup();
    const other = await lab.vmByName('db-01');
    const { world } = lab.engine;
    const foreign = world.get('VBD', world.get('VM', other).VBDs[0]!).VDI;
    const nfs = world.refs('SR').find((sr) => world.get('SR', sr).type === 'nfs')!;
    const dest = await lab.call<Record<string, string>>('host.migrate_receive', target, world.refs('network')[0]!, {});
    await lab.call('VM.assert_can_migrate', vm, dest, true, { [foreign]: nfs }, {}, {});
  });

  it('OTHER_OPERATION_IN_PROGRESS [class, object, op, task]', async () => {
    const { lab, vm, target } = await setup();
    const task = await lab.call<string>('Async.VM.pool_migrate', vm, target, { live: 'true' });
    const e = await lab.error('VM.pool_migrate', vm, target, { live: 'true' });
    expect(e.toArray()).toEqual(['OTHER_OPERATION_IN_PROGRESS', 'VM', vm, 'pool_migrate', task]);
    expect((await lab.error('VM.clean_shutdown', vm)).code).toBe('OTHER_OPERATION_IN_PROGRESS');
  });

  it('VM_BAD_POWER_STATE [vm, expected, actual] for a paused VM', async () => {
    const { lab, vm, target } = await setup('ci-01');
    expect((await lab.error('VM.pool_migrate', vm, target, {})).toArray()).toEqual(['VM_BAD_POWER_STATE', vm, 'running', 'paused']);
    // assert_can_migrate judges VM.migrate_send, which also takes halted and suspended VMs.
    const e = await lab.error('VM.assert_can_migrate', vm, { host: target }, true, {}, {}, {});
    expect(e.toArray()).toEqual(['VM_BAD_POWER_STATE', vm, 'halted, suspended, running', 'paused']);
  });

  it('VM_IS_TEMPLATE [vm]', async () => {
    const lab = await createLab();
    const template = lab.engine.world.refs('VM').find((r) => lab.engine.world.get('VM', r).is_a_template)!;
    const host = lab.engine.world.refs('host')[0]!;
    expect((await lab.error('VM.pool_migrate', template, host, {})).toArray()).toEqual(['VM_IS_TEMPLATE', template]);
  });

  it('HOST_OFFLINE [host]', async () => {
    const { lab, vm, target } = await setup();
    lab.engine.world.update('host_metrics', lab.engine.world.get('host', target).metrics, { live: false });
    expect(await refusal(lab, vm, target)).toEqual(['HOST_OFFLINE', target]);
  });

  it('nothing moves when a check fails', async () => {
    const { lab, vm, source, target } = await setup();
    await lab.call('host.disable', target);
    const before = JSON.stringify(lab.engine.world.get('VM', vm));
    await lab.error('VM.pool_migrate', vm, target, { live: 'true' });
    expect(JSON.stringify(lab.engine.world.get('VM', vm))).toBe(before);
    expect(lab.engine.world.get('VM', vm).resident_on).toBe(source);
  });
});
