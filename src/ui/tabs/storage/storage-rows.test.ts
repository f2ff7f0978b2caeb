import { describe, expect, it } from 'vitest';
import { labCache } from '../tab-fixture';
import { srRows, srVdiRows, vmDiskRows } from './storage-rows';

const GiB = 1024 ** 3;

describe('storage rows', () => {
  const cache = labCache();
  it('lists a VM’s disks and its DVD drive by position', () => {
    expect(vmDiskRows(cache, 'web')).toEqual([
      expect.objectContaining({ position: '0', name: 'web-01 0', sr: 'NFS virtual disk storage', srType: 'NFS', size: 20 * GiB, readOnly: false, active: true, devicePath: '/dev/xvda' }),
      expect.objectContaining({ position: '3', cd: true, name: 'DVD drive (empty)', size: undefined, readOnly: true, devicePath: '/dev/xvdd' }),
    ]);
  });
  it('lists an SR’s virtual disks with the VMs using them, without suspend images unless hidden objects show', () => {
    expect(srVdiRows(cache, 'nfs', false)).toEqual([expect.objectContaining({ name: 'web-01 0', vms: 'web-01', size: 20 * GiB })]);
    expect(srVdiRows(cache, 'nfs', true).map((r) => r.name)).toEqual(['Suspend image', 'web-01 0']);
  });
  it('lists the SRs of a server, or of the pool with the server of local ones', () => {
    expect(srRows(cache, 'h2').map((r) => r.name)).toEqual(['NFS virtual disk storage']);
    expect(srRows(cache, undefined).map((r) => [r.name, r.server])).toEqual([
      ['Local storage', 'xenserver-01'],
      ['NFS virtual disk storage', ''],
    ]);
  });
});
