import { describe, expect, it } from 'vitest';
import { addVm, PlainCache } from '../actions/testing/plain-cache';
import { deleteTitle, diskChoices, initiallyChosen } from './delete-plan';

describe('Delete VM: the disks it offers', () => {
  function lab() {
    const cache = new PlainCache();
    const sr = cache.add('SR', { name_label: 'NFS storage', content_type: 'user', shared: true });
    const host = cache.add('host', { name_label: 'xenserver-03' });
    const local = cache.add('SR', { name_label: 'Local storage', content_type: 'user' });
    cache.update('SR', local, { PBDs: [cache.add('PBD', { SR: local, host })] });
    const iso = cache.add('SR', { name_label: 'ISO library', content_type: 'iso' });
    const vm = addVm(cache, 'game-01', 'Halted');
    const other = addVm(cache, 'web-01', 'Running');
    const disk = cache.add('VDI', { name_label: 'game-01 0', SR: local, virtual_size: 128 * 1024 ** 3 });
    const shared = cache.add('VDI', { name_label: 'shared data', SR: sr, virtual_size: 1024 ** 3 });
    const cd = cache.add('VDI', { name_label: 'debian.iso', SR: iso });
    const vbd = (vmRef: string, vdi: string, type: 'Disk' | 'CD') => cache.add('VBD', { VM: vmRef, VDI: vdi, type });
    const vbds = [vbd(vm, disk, 'Disk'), vbd(vm, shared, 'Disk'), vbd(vm, cd, 'CD')];
    const otherVbd = vbd(other, shared, 'Disk');
    cache.update('VM', vm, { VBDs: vbds });
    cache.update('VM', other, { VBDs: [otherVbd] });
    cache.update('VDI', disk, { VBDs: [vbds[0] ?? ''] });
    cache.update('VDI', shared, { VBDs: [vbds[1] ?? '', otherVbd] });
    return { cache, vm, other, disk, shared };
  }

  it('lists the VM\'s disks (not its CD), noting disks other VMs use', () => {
    const { cache, vm } = lab();
    const disks = diskChoices([vm], cache);
    expect(disks.map((d) => [d.name, d.srName, d.sharedWith])).toEqual([
      ['game-01 0', 'Local storage on xenserver-03', []],
      ['shared data', 'NFS storage', ['web-01']],
    ]);
  });

  it('ticks only the disks no other VM uses — unless that VM is being deleted too', () => {
    const { cache, vm, other, disk, shared } = lab();
    expect([...initiallyChosen(diskChoices([vm], cache))]).toEqual([disk]);
    expect([...initiallyChosen(diskChoices([vm, other], cache))].sort()).toEqual([disk, shared].sort());
  });

  it('titles the dialog in XenCenter\'s words', () => {
    expect(deleteTitle(['vm'])).toBe('Delete VM');
    expect(deleteTitle(['vm', 'vm'])).toBe('Delete VMs');
    expect(deleteTitle(['template'])).toBe('Delete Template');
    expect(deleteTitle(['vm', 'template'])).toBe('Delete Multiple Items');
  });
});
