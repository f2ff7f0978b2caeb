import { describe, expect, it } from 'vitest';
import { cacheWith } from '../tab-fixture';
import { snapshotRows, snapshotTree } from './snapshot-rows';
import { snapshotSize, totalSnapshotSize } from './snapshot-size';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const NULL = 'OpaqueRef:NULL';
const vm = (name: string, over: Record<string, unknown>) => ({ name_label: name, name_description: '', power_state: 'Halted', VBDs: [], snapshots: [], parent: NULL, snapshot_time: '19700101T00:00:00Z', is_vmss_snapshot: false, tags: [], suspend_VDI: NULL, ...over });
const vdi = (uuid: string, bytes: number, over: Record<string, unknown> = {}) => ({ uuid, SR: 'sr', physical_utilisation: bytes, managed: true, sm_config: {}, ...over });
const child = (parent: string) => ({ sm_config: { 'vhd-parent': parent } });

// web has s1 → s2 (checkpoint, scheduled) and s1 → s3; it was reverted to s1.
// Disk chains on one SR: base b1 (under s1's d1 and the VM's leaf), base b2 (under s2's d2 only).
const cache = cacheWith([
  ['VM', 'web', vm('web-01', { power_state: 'Running', snapshots: ['s1', 's2', 's3'], parent: 's1', VBDs: ['bl'] })],
  ['VM', 's1', vm('before upgrade', { snapshot_time: '20260101T10:00:00Z', VBDs: ['b1'], tags: ['db', 'prod'] })],
  ['VM', 's2', vm('hourly', { snapshot_time: '20260101T11:00:00Z', power_state: 'Suspended', is_vmss_snapshot: true, parent: 's1', VBDs: ['b2', 'bcd'], suspend_VDI: 'mem' })],
  ['VM', 's3', vm('later', { snapshot_time: '20260101T12:00:00Z', parent: 's1' })],
  ['VBD', 'bl', { VDI: 'leaf', type: 'Disk', empty: false }],
  ['VBD', 'b1', { VDI: 'd1', type: 'Disk', empty: false }],
  ['VBD', 'b2', { VDI: 'd2', type: 'Disk', empty: false }],
  ['VBD', 'bcd', { VDI: NULL, type: 'CD', empty: true }],
  ['SR', 'sr', { VDIs: ['leaf', 'd1', 'd2', 'base1', 'base2', 'base3', 'mem', 'clone'] }],
  ['VDI', 'base1', vdi('u-base1', 3 * GiB, { managed: false })],
  ['VDI', 'leaf', vdi('u-leaf', GiB, child('u-base1'))],
  ['VDI', 'd1', vdi('u-d1', 8 * MiB, child('u-base1'))],
  ['VDI', 'base2', vdi('u-base2', 2 * GiB, { managed: false, ...child('u-base3') })],
  ['VDI', 'd2', vdi('u-d2', 8 * MiB, child('u-base2'))],
  ['VDI', 'base3', vdi('u-base3', 5 * GiB, { managed: false })],
  ['VDI', 'mem', vdi('u-mem', GiB)],
]);

describe('snapshot rows', () => {
  it('lists snapshots newest first with type, schedule mark, tags and size on storage', () => {
    expect(snapshotRows(cache, 'web').map((r) => [r.name, r.type, r.scheduled, r.tags, r.sizeOnStorage])).toEqual([
      ['later', 'Disks only', false, '', 0],
      ['hourly', 'Disks and memory', true, '', 8 * MiB + 2 * GiB + GiB],
      ['before upgrade', 'Disks only', false, 'db, prod', 8 * MiB + 3 * GiB],
    ]);
  });
  it('leaves scheduled snapshots out when asked', () => {
    expect(snapshotRows(cache, 'web', false).map((r) => r.name)).toEqual(['later', 'before upgrade']);
  });
  it('builds the tree from parent links with Now as the last child of the VM’s parent', () => {
    expect(snapshotTree(cache, 'web').map((n) => [n.ref, n.depth, n.now, n.last])).toEqual([
      ['s1', 0, false, true],
      ['s2', 1, false, false],
      ['s3', 1, false, false],
      ['web', 1, true, true],
    ]);
  });
  it('hangs the children of a hidden scheduled snapshot from its nearest shown ancestor', () => {
    const c = cacheWith([
      ['VM', 'v', vm('v', { snapshots: ['a', 'h', 'b'], parent: 'b' })],
      ['VM', 'a', vm('a', { snapshot_time: '20260101T10:00:00Z' })],
      ['VM', 'h', vm('h', { snapshot_time: '20260101T11:00:00Z', parent: 'a', is_vmss_snapshot: true })],
      ['VM', 'b', vm('b', { snapshot_time: '20260101T12:00:00Z', parent: 'h' })],
    ]);
    expect(snapshotTree(c, 'v', false).map((n) => [n.ref, n.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['v', 2],
    ]);
  });
  it('shows Now alone for a VM without snapshots, and nothing for an unknown VM', () => {
    const bare = cacheWith([['VM', 'v', vm('v', {})]]);
    expect(snapshotTree(bare, 'v')).toEqual([{ ref: 'v', now: true, depth: 0, row: undefined, last: true, guides: '' }]);
    expect(snapshotTree(bare, 'nope')).toEqual([]);
  });
});

describe('snapshot size on storage', () => {
  it('counts its disks, its memory image and the base copy it alone keeps alive', () => {
    expect(snapshotSize(cache, 's2')).toEqual({ disks: 8 * MiB, baseCopies: 2 * GiB, memory: GiB, total: 8 * MiB + 3 * GiB });
  });
  it('counts a base copy it shares with the VM’s leaf (it would be coalesced without the snapshot)', () => {
    expect(snapshotSize(cache, 's1').baseCopies).toBe(3 * GiB);
  });
  it('does not count a base copy that other VDIs also keep (three children)', () => {
    const c = cacheWith([
      ['VM', 's', vm('s', { VBDs: ['b'] })],
      ['VBD', 'b', { VDI: 'd', type: 'Disk', empty: false }],
      ['SR', 'sr', { VDIs: ['base', 'd', 'x', 'y'] }],
      ['VDI', 'base', vdi('u-base', GiB, { managed: false })],
      ['VDI', 'd', vdi('u-d', MiB, child('u-base'))],
      ['VDI', 'x', vdi('u-x', MiB, child('u-base'))],
      ['VDI', 'y', vdi('u-y', MiB, child('u-base'))],
    ]);
    expect(snapshotSize(c, 's')).toEqual({ disks: MiB, baseCopies: 0, memory: 0, total: MiB });
  });
  it('adds several snapshots without counting a shared VDI twice', () => {
    expect(totalSnapshotSize(cache, ['s1', 's2', 's3'])).toBe(8 * MiB + 3 * GiB + 8 * MiB + 2 * GiB + GiB);
  });
});
