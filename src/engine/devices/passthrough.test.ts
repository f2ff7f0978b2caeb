import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import type { RecordOf } from '../../xapi/types';

const GPU = '0000:41:00.0';

async function hostByName(lab: Lab, name: string): Promise<string> {
  const [ref] = await lab.call<string[]>('host.get_by_name_label', name);
  return ref ?? '';
}

async function pciOn(lab: Lab, host: string, pciId: string): Promise<string> {
  for (const pci of await lab.call<string[]>('host.get_PCIs', host)) if ((await lab.call<string>('PCI.get_pci_id', pci)) === pciId) return pci;
  throw new Error(`no PCI ${pciId}`);
}

/** Test set-up only: a VIF record as VIF.create would make it (that call is another module's). */
function addVif(lab: Lab, vm: string, network: string, device: number): void {
  const mac = `02:5e:00:${lab.engine.rng.int(16, 255).toString(16)}:${lab.engine.rng.int(16, 255).toString(16)}:${(16 + device).toString(16)}`;
  lab.engine.world.create('VIF', { VM: vm, network, device: String(device), MAC: mac, MTU: 1500, other_config: {} });
}

describe('PCI passthrough', () => {
  it('gives the default lab one server with an IOMMU, a GPU and an SR-IOV NIC', async () => {
    const lab = await createLab();
    const h3 = await hostByName(lab, 'xenserver-03');
    expect(await lab.call('host.get_chipset_info', h3)).toEqual({ iommu: 'true' });
    expect(await lab.call('host.get_chipset_info', await hostByName(lab, 'xenserver-01'))).toEqual({ iommu: 'false' });
    const gpu = await lab.call<RecordOf<'PCI'>>('PCI.get_record', await pciOn(lab, h3, GPU));
    expect(gpu).toMatchObject({ class_name: '3D controller', vendor_name: 'NVIDIA Corporation', device_name: 'TU104GL [Tesla T4]' });
    expect(await lab.call<string[]>('host.get_PGPUs', h3)).toHaveLength(1);
    const pifs = await Promise.all((await lab.call<string[]>('host.get_PIFs', h3)).map((p) => lab.call<RecordOf<'PIF'>>('PIF.get_record', p)));
    expect(pifs.filter((p) => p.capabilities.includes('sriov')).map((p) => p.device)).toEqual(['eth4', 'eth5']);
  });

  it('puts the GPU in its GPU_group, named as xapi names it', async () => {
    const lab = await createLab();
    const h3 = await hostByName(lab, 'xenserver-03');
    const [pgpu = ''] = await lab.call<string[]>('host.get_PGPUs', h3);
    const group = await lab.call<string>('PGPU.get_GPU_group', pgpu);
    const record = await lab.call<RecordOf<'GPU_group'>>('GPU_group.get_record', group);
    expect(record).toMatchObject({
      name_label: 'Group of NVIDIA Corporation TU104GL [Tesla T4] GPUs',
      PGPUs: [pgpu],
      GPU_types: ['10de/NVIDIA Corporation/1eb8/TU104GL [Tesla T4]'],
      allocation_algorithm: 'depth_first',
    });
    expect(await lab.call('GPU_group.get_all')).toEqual([group]);
    expect(await lab.call('GPU_group.get_by_name_label', record.name_label)).toEqual([group]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('passes the GPU to one VM at a time, on the server with the IOMMU, and pins that VM there', async () => {
    const lab = await createLab();
    const [h1 = '', h3 = ''] = [await hostByName(lab, 'xenserver-01'), await hostByName(lab, 'xenserver-03')];
    const game = await lab.vmByName('game-01');
    await lab.call('VM.add_to_other_config', game, 'pci', `0/${GPU}`);
    expect((await lab.error('VM.start_on', game, h1, false, false)).toArray()).toEqual(['VM_REQUIRES_IOMMU', h1]);
    await lab.run('VM.start', game, false, false);
    expect(await lab.call('VM.get_resident_on', game)).toBe(h3);
    const gpu = await pciOn(lab, h3, GPU);
    expect(await lab.call('VM.get_attached_PCIs', game)).toEqual([gpu]);
    const ops = await lab.call<string[]>('VM.get_allowed_operations', game);
    expect(ops).not.toContain('suspend');
    expect(ops).not.toContain('pool_migrate');
    expect(ops).toContain('clean_shutdown');
    expect((await lab.error('VM.suspend', game)).toArray()).toEqual(['VM_HAS_PCI_ATTACHED', game]);

    const legacy = await lab.vmByName('legacy-01');
    await lab.call('VM.add_to_other_config', legacy, 'pci', `0/${GPU}`);
    const busy = await lab.error('VM.start_on', legacy, h3, false, false);
    expect(busy.code).toBe('VM_INCOMPATIBLE_WITH_THIS_HOST');
    expect(busy.params[2]).toContain('passed through to VM game-01');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);

    await lab.run('VM.hard_shutdown', game);
    expect(await lab.call('VM.get_attached_PCIs', game)).toEqual([]);
    await lab.run('VM.start_on', legacy, h3, false, false);
    expect(await lab.call('VM.get_attached_PCIs', legacy)).toEqual([gpu]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});

describe('SR-IOV networks', () => {
  it('enables SR-IOV on a capable NIC and hands out virtual functions up to its count', async () => {
    const lab = await createLab();
    const h3 = await hostByName(lab, 'xenserver-03');
    const pifs = await Promise.all((await lab.call<string[]>('host.get_PIFs', h3)).map(async (p) => [p, await lab.call<RecordOf<'PIF'>>('PIF.get_record', p)] as const));
    const eth4 = pifs.find(([, p]) => p.device === 'eth4')?.[0] ?? '';
    const eth0 = pifs.find(([, p]) => p.device === 'eth0')?.[0] ?? '';
    const net = await lab.run<string>('network.create', { name_label: 'SR-IOV', MTU: 1500, other_config: {} });
    expect((await lab.error('network_sriov.create', eth0, net)).toArray()).toEqual(['PIF_IS_NOT_SRIOV_CAPABLE', eth0]);
    const sriov = await lab.run<string>('network_sriov.create', eth4, net);
    expect(await lab.call('network_sriov.get_remaining_capacity', sriov)).toBe(8);
    const other = await lab.run<string>('network.create', { name_label: 'again', MTU: 1500, other_config: {} });
    expect((await lab.error('network_sriov.create', eth4, other)).toArray()).toEqual(['NETWORK_SRIOV_ALREADY_ENABLED', eth4]);

    const game = await lab.vmByName('game-01');
    for (let d = 1; d <= 6; d++) addVif(lab, game, net, d);
    await lab.run('VM.start', game, false, false);
    expect(await lab.call('VM.get_resident_on', game)).toBe(h3);
    expect(await lab.call<string[]>('VM.get_attached_PCIs', game)).toHaveLength(6);
    expect(await lab.call('network_sriov.get_remaining_capacity', sriov)).toBe(2);
    expect((await lab.error('VM.suspend', game)).code).toBe('VM_HAS_PCI_ATTACHED');

    const legacy = await lab.vmByName('legacy-01');
    for (let d = 1; d <= 3; d++) addVif(lab, legacy, net, d);
    expect((await lab.error('VM.start_on', legacy, h3, false, false)).toArray()).toEqual(['NETWORK_SRIOV_INSUFFICIENT_CAPACITY', net]);
    expect((await lab.error('network_sriov.destroy', sriov)).code).toBe('NETWORK_SRIOV_DISABLE_FAILED');
    await lab.run('VM.hard_shutdown', game);
    expect(await lab.call('network_sriov.get_remaining_capacity', sriov)).toBe(8);
    await lab.run('VM.start_on', legacy, h3, false, false);
    expect(await lab.call('network_sriov.get_remaining_capacity', sriov)).toBe(5);
    await lab.run('VM.hard_shutdown', legacy);
    await lab.run('network_sriov.destroy', sriov);
    expect(await lab.call<string[]>('network.get_PIFs', net)).toEqual([]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
