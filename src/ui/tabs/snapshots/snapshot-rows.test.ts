import { describe, expect, it } from 'vitest';
import { cacheWith } from '../tab-fixture';
import { snapshotRows, snapshotTree } from './snapshot-rows';

const GiB = 1024 ** 3;
const NULL = 'OpaqueRef:NULL';
const vm = (name: string, over: Record<string, unknown>) => ({ name_label: name, name_description: '', power_state: 'Halted', VBDs: [], snapshots: [], parent: NULL, snapshot_time: '19700101T00:00:00Z', is_vmss_snapshot: false, ...over });

// web has s1 → s2 (checkpoint, scheduled) and s1 → s3; it was reverted to s1.
const cache = cacheWith([
  ['VM', 'web', vm('web-01', { power_state: 'Running', snapshots: ['s1', 's2', 's3'], parent: 's1' })],
  ['VM', 's1', vm('before upgrade', { snapshot_time: '20260101T10:00:00Z', VBDs: ['b1'] })],
  ['VM', 's2', vm('hourly', { snapshot_time: '20260101T11:00:00Z', power_state: 'Suspended', is_vmss_snapshot: true, parent: 's1', VBDs: ['b2', 'bcd'] })],
  ['VM', 's3', vm('later', { snapshot_time: '20260101T12:00:00Z', parent: 's1' })],
  ['VBD', 'b1', { VDI: 'd1', type: 'Disk', empty: false }],
  ['VBD', 'b2', { VDI: 'd2', type: 'Disk', empty: false }],
  ['VBD', 'bcd', { VDI: NULL, type: 'CD', empty: true }],
  ['VDI', 'd1', { physical_utilisation: 2 * GiB }],
  ['VDI', 'd2', { physical_utilisation: GiB }],
]);

describe('snapshot rows', () => {
  it('lists snapshots newest first with type, schedule mark and size on storage', () => {
    expect(snapshotRows(cache, 'web').map((r) => [r.name, r.type, r.scheduled, r.sizeOnStorage])).toEqual([
      ['later', 'Disks only', false, 0],
      ['hourly', 'Disks and memory', true, GiB],
      ['before upgrade', 'Disks only', false, 2 * GiB],
    ]);
  });
  it('builds the tree from parent links with Now as the last child of the VM’s parent', () => {
    expect(snapshotTree(cache, 'web').map((n) => [n.ref, n.depth, n.now])).toEqual([
      ['s1', 0, false],
      ['s2', 1, false],
      ['s3', 1, false],
      ['web', 1, true],
    ]);
  });
  it('shows Now alone for a VM without snapshots, and nothing for an unknown VM', () => {
    const bare = cacheWith([['VM', 'v', vm('v', {})]]);
    expect(snapshotTree(bare, 'v')).toEqual([{ ref: 'v', now: true, depth: 0, row: undefined }]);
    expect(snapshotTree(bare, 'nope')).toEqual([]);
  });
});
