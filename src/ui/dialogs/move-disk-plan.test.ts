import { describe, expect, it } from 'vitest';
import { cacheWith } from '../tabs/tab-fixture';
import { moveDiskCheck, moveMode, replacementVbd } from './move-disk-plan';

const GiB = 1024 ** 3;
const vdi = (ref: string, sr: string, vbds: string[], over: Record<string, unknown> = {}) =>
  ['VDI', ref, { name_label: ref, SR: sr, VBDs: vbds, virtual_size: GiB, managed: true, is_a_snapshot: false, cbt_enabled: false, current_operations: {}, ...over }] as const;
const vm = (ref: string, power: string, over: Record<string, unknown> = {}) => ['VM', ref, { name_label: ref, power_state: power, attached_PCIs: [], current_operations: {}, ...over }] as const;
const vbd = (ref: string, vmRef: string, vdiRef: string) =>
  ['VBD', ref, { VM: vmRef, VDI: vdiRef, userdevice: '1', bootable: false, mode: 'RW', type: 'Disk', unpluggable: true, other_config: { a: 'b' }, qos_algorithm_type: '', qos_algorithm_params: {} }] as const;

const cache = cacheWith([
  ['SR', 'nfs', { name_label: 'NFS', content_type: 'user' }],
  ['SR', 'iso', { name_label: 'ISO library', content_type: 'iso' }],
  vm('run', 'Running'),
  vm('halt', 'Halted'),
  vm('susp', 'Suspended'),
  vm('gpu', 'Running', { attached_PCIs: ['pci'] }),
  vbd('b-run', 'run', 'd-run'),
  vbd('b-halt', 'halt', 'd-halt'),
  vbd('b-susp', 'susp', 'd-susp'),
  vbd('b-gpu', 'gpu', 'd-gpu'),
  vdi('d-run', 'nfs', ['b-run']),
  vdi('d-halt', 'nfs', ['b-halt']),
  vdi('d-susp', 'nfs', ['b-susp']),
  vdi('d-gpu', 'nfs', ['b-gpu']),
  vdi('d-loose', 'nfs', []),
  vdi('d-iso', 'iso', []),
  vdi('d-snap', 'nfs', [], { is_a_snapshot: true }),
  vdi('d-cbt', 'nfs', [], { cbt_enabled: true }),
]);

describe('Move Virtual Disk', () => {
  it('moves a running VM\'s disk live, any other by copy', () => {
    expect(moveMode(cache, 'd-run')).toBe('live');
    expect(moveMode(cache, 'd-halt')).toBe('copy');
    expect(moveMode(cache, 'd-loose')).toBe('copy');
  });

  it('says why a disk cannot move', () => {
    expect(moveDiskCheck(cache, 'd-run').ok).toBe(true);
    expect(moveDiskCheck(cache, 'd-halt').ok).toBe(true);
    expect(moveDiskCheck(cache, 'd-loose').ok).toBe(true);
    const reason = (ref: string) => {
      const c = moveDiskCheck(cache, ref);
      return c.ok ? '' : c.reason;
    };
    expect(reason('d-iso')).toBe('ISO images stay in their library.');
    expect(reason('d-snap')).toContain('snapshot');
    expect(reason('d-cbt')).toContain('Changed block tracking');
    expect(reason('d-susp')).toBe('susp is suspended: resume it or shut it down first.');
    expect(reason('d-gpu')).toContain('passed-through device');
    expect(reason('gone')).toBe('The disk no longer exists.');
  });

  it('re-makes a drive at the same position on the copy', () => {
    const old = cache.get('VBD', 'b-halt');
    expect(old).toBeDefined();
    if (old === undefined) return;
    expect(replacementVbd(old, 'copy')).toEqual({
      VM: 'halt', VDI: 'copy', userdevice: '1', bootable: false, mode: 'RW', type: 'Disk', unpluggable: true, empty: false, other_config: { a: 'b' }, qos_algorithm_type: '', qos_algorithm_params: {},
    });
  });
});
