import { describe, expect, it } from 'vitest';
import { labCache } from '../tab-fixture';
import { ipConfigRows, networkRows, nicRows, vifRows } from './network-rows';

describe('network rows', () => {
  const cache = labCache();
  it('lists a VM’s VIFs with their network and guest IP', () => {
    expect(vifRows(cache, 'web')).toEqual([expect.objectContaining({ device: '0', mac: '02:00:00:00:00:01', network: 'Pool-wide network associated with eth0', ip: '192.168.10.101, fe80::1', active: true })]);
  });
  it('lists a server’s networks with its NIC, link and MAC, hiding the internal network', () => {
    const rows = networkRows(cache, 'h1', false);
    expect(rows.map((r) => [r.nic, r.link, r.auto, r.mac])).toEqual([
      ['eth0', 'Connected', true, 'a0:36:9f:00:00:01'],
      ['eth1', 'Disconnected', false, 'a0:36:9f:00:00:02'],
    ]);
    expect(networkRows(cache, 'h1', true).map((r) => r.name)).toContain('Host internal management network');
  });
  it('gives the management interface’s IP configuration', () => {
    expect(ipConfigRows(cache, undefined)).toEqual([expect.objectContaining({ server: 'xenserver-01', interface: 'Management', nic: 'eth0', mode: 'Static', ip: '192.168.10.11' })]);
  });
  it('lists a server’s physical NICs with speed and duplex while the link is up', () => {
    expect(nicRows(cache, 'h1')).toEqual([
      expect.objectContaining({ nic: 'eth0', link: 'Connected', speed: '1000 Mbit/s', duplex: 'Full', vendor: 'Intel Corporation', pciBus: '0000:18:00.0' }),
      expect.objectContaining({ nic: 'eth1', link: 'Disconnected', speed: '', duplex: '' }),
    ]);
  });
});
