// The Migrate VM wizard's rules over a small pool of plain records: two
// servers, each with local storage, a shared SR, a network wired to both and
// one wired to the first only; a VM on the first with a local disk and a VIF.
import { describe, expect, it } from 'vitest';
import { PlainCache } from '../../actions/testing/plain-cache';
import { bytesToCopy, defaultsFor, destinations, formErrors, migrateMaps, migrationNetworkChoices, networkChoices, srChoices } from './migrate-vm-model';

const GB = 1e9;

function pool() {
  const c = new PlainCache();
  const h1 = c.add('host', { name_label: 'xs-01' }, 'OpaqueRef:h1');
  const h2 = c.add('host', { name_label: 'xs-02' }, 'OpaqueRef:h2');
  c.add('pool', { name_label: 'Lab', master: h1, default_SR: 'OpaqueRef:nfs' }, 'OpaqueRef:pool');
  const sr = (ref: string, name: string, hosts: string[], shared: boolean, free: number) => {
    const pbds = hosts.map((h) => c.add('PBD', { host: h, SR: ref, currently_attached: true }));
    c.add('SR', { name_label: name, PBDs: pbds, shared, content_type: 'user', type: shared ? 'nfs' : 'lvm', physical_size: 100 * GB, physical_utilisation: 100 * GB - free }, ref);
  };
  sr('OpaqueRef:local1', 'Local storage', [h1], false, 50 * GB);
  sr('OpaqueRef:local2', 'Local storage', [h2], false, 50 * GB);
  sr('OpaqueRef:nfs', 'NFS', [h1, h2], true, 2 * GB);
  const pif = (host: string, network: string, ip: string, management: boolean) => c.add('PIF', { host, network, IP: ip, management, device: 'eth0' });
  const net0 = c.add('network', { name_label: 'Network 0', PIFs: [] }, 'OpaqueRef:net0');
  const net1 = c.add('network', { name_label: 'Network 1', PIFs: [] }, 'OpaqueRef:net1');
  c.update('network', net0, { PIFs: [pif(h1, net0, '10.0.0.1', true), pif(h2, net0, '10.0.0.2', true)] });
  c.update('network', net1, { PIFs: [pif(h1, net1, '', false)] });
  c.update('host', h1, { PIFs: [...c.all('PIF').entries()].filter(([, p]) => p.host === h1).map(([r]) => r) });
  c.update('host', h2, { PIFs: [...c.all('PIF').entries()].filter(([, p]) => p.host === h2).map(([r]) => r) });
  const vm = c.add('VM', { name_label: 'db-01', resident_on: h1, power_state: 'Running' }, 'OpaqueRef:vm');
  c.add('VDI', { name_label: 'db-01 disk', SR: 'OpaqueRef:local1', virtual_size: 20 * GB, physical_utilisation: 8 * GB }, 'OpaqueRef:vdi');
  c.add('VBD', { VM: vm, VDI: 'OpaqueRef:vdi', type: 'Disk' }, 'OpaqueRef:vbd');
  c.add('VIF', { VM: vm, network: net1, device: '0', MAC: 'aa:bb:cc:00:00:01' }, 'OpaqueRef:vif');
  c.update('VM', vm, { VBDs: ['OpaqueRef:vbd'], VIFs: ['OpaqueRef:vif'] });
  return { c, h1, h2, vm, net0, net1 };
}

describe('Migrate VM wizard model', () => {
  it('lists the pool with its servers as one destination', () => {
    const { c } = pool();
    expect(destinations(c)).toEqual([{ ref: 'OpaqueRef:pool', label: 'Lab', hosts: [{ ref: 'OpaqueRef:h1', name: 'xs-01' }, { ref: 'OpaqueRef:h2', name: 'xs-02' }] }]);
  });

  it("offers the target's SRs and networks, and the networks it has an address on for the migration", () => {
    const { c, h2, net0 } = pool();
    expect(srChoices(c, h2).map((s) => s.ref)).toEqual(['OpaqueRef:local2', 'OpaqueRef:nfs']);
    // Every server's local SR is called 'Local storage': the choice names the server, as XenCenter does.
    expect(srChoices(c, h2).map((s) => s.name)).toEqual(['Local storage on xs-02', 'NFS']);
    expect(networkChoices(c, h2).map((n) => n.ref)).toEqual([net0]);
    expect(migrationNetworkChoices(c, h2).map((n) => [n.ref, n.management])).toEqual([[net0, true]]);
  });

  it("defaults: a disk the target cannot reach goes where it fits (the default SR is too small), a VIF whose network is missing joins the management one", () => {
    const { c, vm, h2, net0 } = pool();
    const form = defaultsFor(c, vm, 'OpaqueRef:pool', h2);
    expect(form.storage).toEqual({ 'OpaqueRef:vdi': 'OpaqueRef:local2' });
    expect(form.networks).toEqual({ 'OpaqueRef:vif': net0 });
    expect(form.migrationNetwork).toBe(net0);
    expect(formErrors(c, vm, form)).toEqual({ storage: {}, networks: {} });
    expect(bytesToCopy(c, vm, form)).toBe(8 * GB);
    expect(migrateMaps(form)).toEqual({ vdiMap: { 'OpaqueRef:vdi': 'OpaqueRef:local2' }, vifMap: { 'OpaqueRef:vif': net0 } });
  });

  it('validates each field: the current server, an SR without room, an unreachable SR or network, no migration network', () => {
    const { c, vm, h1, h2, net1 } = pool();
    expect(formErrors(c, vm, { ...defaultsFor(c, vm, 'OpaqueRef:pool', h2), host: h1 }).host).toMatch(/already running/);
    const full = formErrors(c, vm, { ...defaultsFor(c, vm, 'OpaqueRef:pool', h2), storage: { 'OpaqueRef:vdi': 'OpaqueRef:nfs' } });
    expect(full.storage['OpaqueRef:vdi']).toMatch(/NFS does not have enough free space/);
    const bad = formErrors(c, vm, { pool: 'OpaqueRef:pool', host: h2, storage: { 'OpaqueRef:vdi': 'OpaqueRef:local1' }, networks: { 'OpaqueRef:vif': net1 }, migrationNetwork: net1 });
    expect(bad.storage['OpaqueRef:vdi']).toMatch(/reach/);
    expect(bad.networks['OpaqueRef:vif']).toMatch(/connected/);
    expect(bad.migrationNetwork).toMatch(/IP address/);
    expect(formErrors(c, vm, { pool: 'OpaqueRef:pool', host: '', storage: {}, networks: {}, migrationNetwork: '' }).host).toMatch(/Choose/);
  });
});
