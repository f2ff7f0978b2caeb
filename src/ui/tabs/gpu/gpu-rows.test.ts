import { describe, expect, it } from 'vitest';
import { cacheWith } from '../tab-fixture';
import { gpuGroups } from './gpu-rows';

const T4 = { vendor_name: 'NVIDIA Corporation', device_name: 'TU104GL [Tesla T4]', subsystem_device_name: 'Tesla T4' };
const vm = (name: string, over: Record<string, unknown>) => ({ name_label: name, is_a_template: false, is_a_snapshot: false, power_state: 'Halted', attached_PCIs: [], other_config: {}, ...over });

function lab(vms: readonly (readonly [string, Record<string, unknown>])[]) {
  return cacheWith([
    ['host', 'h1', { name_label: 'xenserver-01', PGPUs: [] }],
    ['host', 'h3', { name_label: 'xenserver-03', PGPUs: ['g1', 'g2'] }],
    ['PCI', 'p1', { ...T4, pci_id: '0000:41:00.0', host: 'h3' }],
    ['PCI', 'p2', { ...T4, pci_id: '0000:42:00.0', host: 'h3' }],
    ['GPU_group', 'grp', { name_label: 'Group of NVIDIA Corporation TU104GL [Tesla T4] GPUs', PGPUs: ['g1', 'g2'] }],
    ['PGPU', 'g2', { PCI: 'p2', GPU_group: 'grp', host: 'h3' }],
    ['PGPU', 'g1', { PCI: 'p1', GPU_group: 'grp', host: 'h3' }],
    ...vms.map(([ref, record]) => ['VM', ref, record] as const),
  ]);
}

describe('GPU tab rows', () => {
  it('lists a server’s GPUs in their group, in bus order, and who holds each', () => {
    const cache = lab([
      ['v1', vm('game-01', { power_state: 'Running', attached_PCIs: ['p2'] })],
      ['v2', vm('render-01', { other_config: { pci: '0/0000:41:00.0' } })],
    ]);
    expect(gpuGroups(cache, 'h3')).toEqual([
      {
        group: 'grp',
        name: 'Group of NVIDIA Corporation TU104GL [Tesla T4] GPUs',
        rows: [
          { ref: 'g1', server: 'xenserver-03', gpu: 'Tesla T4', pciBus: '0000:41:00.0', use: 'Assigned to render-01 (not running)' },
          { ref: 'g2', server: 'xenserver-03', gpu: 'Tesla T4', pciBus: '0000:42:00.0', use: 'In use by game-01' },
        ],
      },
    ]);
    expect(gpuGroups(cache, 'h1')).toEqual([]);
    expect(gpuGroups(cache, undefined).flatMap((g) => g.rows.map((r) => r.use))).toEqual(['Assigned to render-01 (not running)', 'In use by game-01']);
  });

  it('says Available when no VM holds or names the GPU; templates do not count', () => {
    const cache = lab([['t1', vm('gpu template', { is_a_template: true, other_config: { pci: '0/0000:41:00.0' } })]]);
    expect(gpuGroups(cache, 'h3')[0]?.rows.map((r) => r.use)).toEqual(['Available', 'Available']);
  });
});
