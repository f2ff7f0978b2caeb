import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import type { RecordOf } from '../../xapi/types';


async function all<C extends 'host' | 'PIF' | 'network' | 'VM' | 'VIF' | 'Bond' | 'VLAN'>(lab: Lab, cls: C): Promise<Record<string, RecordOf<C>>> {
  return lab.call(`${cls}.get_all_records`);
}

async function hostByName(lab: Lab, name: string): Promise<string> {
  const [ref] = await lab.call<string[]>('host.get_by_name_label', name);
  return ref ?? '';
}

async function pif(lab: Lab, host: string, device: string): Promise<string> {
  const pifs = await all(lab, 'PIF');
  const found = Object.entries(pifs).find(([, p]) => p.host === host && p.device === device && p.physical);
  if (found === undefined) throw new Error(`no ${device}`);
  return found[0];
}

async function newNetwork(lab: Lab, name: string, mtu = 1500): Promise<string> {
  return lab.run<string>('network.create', { name_label: name, name_description: '', MTU: mtu, other_config: {}, tags: [] });
}

describe('network.create / network.destroy', () => {
  it('makes a single-server private network (no PIFs, its own xapiN bridge) and destroys it', async () => {
    const lab = await createLab();
    const net = await newNetwork(lab, 'Private');
    const record = await lab.call<RecordOf<'network'>>('network.get_record', net);
    expect(record).toMatchObject({ name_label: 'Private', PIFs: [], MTU: 1500, managed: true });
    expect(record.bridge).toMatch(/^xapi\d+$/);
    await lab.run('network.destroy', net);
    expect(await lab.call<string[]>('network.get_by_name_label', 'Private')).toEqual([]);
  });

  it('refuses bad MTUs, reserved bridges, and destroying networks in use', async () => {
    const lab = await createLab();
    expect((await lab.error('network.create', { name_label: 'x', MTU: 20000 })).code).toBe('VALUE_NOT_SUPPORTED');
    expect((await lab.error('network.create', { name_label: 'x', bridge: 'xenbr0' })).toArray()).toEqual(['INVALID_VALUE', 'bridge', 'xenbr0']);
    const [eth0] = await lab.call<string[]>('network.get_by_name_label', 'Pool-wide network associated with eth0');
    expect((await lab.error('network.destroy', eth0)).code).toBe('NETWORK_CONTAINS_VIF');
    const [eth1] = await lab.call<string[]>('network.get_by_name_label', 'Pool-wide network associated with eth1');
    expect((await lab.error('network.destroy', eth1)).code).toBe('NETWORK_CONTAINS_PIF');
    const [himn] = await lab.call<string[]>('network.get_by_name_label', 'Host internal management network');
    expect((await lab.error('network.destroy', himn)).toArray()).toEqual(['CANNOT_DESTROY_SYSTEM_NETWORK', himn]);
  });
});

describe('VLANs', () => {
  it('puts a VLAN on eth1 of one host, then pool-wide, and refuses duplicates and bad tags', async () => {
    const lab = await createLab();
    const h1 = await hostByName(lab, 'xenserver-01');
    const eth1 = await pif(lab, h1, 'eth1');
    const net = await newNetwork(lab, 'VLAN 20');
    const vlan = await lab.run<string>('VLAN.create', eth1, 20, net);
    const untagged = await lab.call<string>('VLAN.get_untagged_PIF', vlan);
    expect(await lab.call<RecordOf<'PIF'>>('PIF.get_record', untagged)).toMatchObject({ device: 'eth1', VLAN: 20, network: net, host: h1, physical: false, VLAN_master_of: vlan });
    const other = await newNetwork(lab, 'VLAN 20 again');
    expect((await lab.error('VLAN.create', eth1, 20, other)).toArray()).toEqual(['PIF_VLAN_EXISTS', 'eth1']);
    expect((await lab.error('VLAN.create', eth1, 4095, other)).toArray()).toEqual(['VLAN_TAG_INVALID', '4095']);
    expect((await lab.error('VLAN.create', eth1, 30, net)).code).toBe('NETWORK_ALREADY_CONNECTED');
    const pool = await newNetwork(lab, 'VLAN 30');
    const pifs = await lab.run<string[]>('pool.create_VLAN', 'eth2', pool, 30);
    expect(pifs).toHaveLength(3);
    await lab.run('VLAN.destroy', vlan);
    expect((await lab.call<RecordOf<'PIF'>>('PIF.get_record', eth1)).VLAN_slave_of).toEqual([]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});

describe('bonds', () => {
  it('bonds eth2+eth3 in each mode, with LACP defaults, and destroys the bond', async () => {
    const lab = await createLab();
    const h2 = await hostByName(lab, 'xenserver-02');
    const members = [await pif(lab, h2, 'eth2'), await pif(lab, h2, 'eth3')];
    const net = await newNetwork(lab, 'Bond 2+3');
    const bond = await lab.run<string>('Bond.create', net, members, '', 'lacp', {});
    const record = await lab.call<RecordOf<'Bond'>>('Bond.get_record', bond);
    expect(record.mode).toBe('lacp');
    expect(record.properties).toMatchObject({ hashing_algorithm: 'tcpudp_ports', 'lacp-time': 'slow', 'lacp-fallback-ab': 'true' });
    expect([...record.slaves].sort()).toEqual([...members].sort());
    const master = await lab.call<RecordOf<'PIF'>>('PIF.get_record', record.master);
    expect(master).toMatchObject({ device: 'bond0', network: net, host: h2, physical: false });
    expect((await lab.call<RecordOf<'PIF'>>('PIF.get_record', members[0])).currently_attached).toBe(false);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
    await lab.call('Bond.set_mode', bond, 'active-backup');
    expect(await lab.call('Bond.get_properties', bond)).toEqual({});
    await lab.run('Bond.destroy', bond);
    expect((await lab.call<RecordOf<'PIF'>>('PIF.get_record', members[0])).bond_slave_of).toBe('OpaqueRef:NULL');
    expect((await lab.call<RecordOf<'PIF'>>('PIF.get_record', members[0])).currently_attached).toBe(true);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('moves the management interface and local VIFs onto a bond of eth0+eth1', async () => {
    const lab = await createLab();
    const h1 = await hostByName(lab, 'xenserver-01');
    const eth0 = await pif(lab, h1, 'eth0');
    const members = [eth0, await pif(lab, h1, 'eth1')];
    const net = await newNetwork(lab, 'Bond 0+1');
    const bond = await lab.run<string>('Bond.create', net, members, '', 'active-backup', {});
    const record = await lab.call<RecordOf<'Bond'>>('Bond.get_record', bond);
    expect(record.primary_slave).toBe(eth0);
    const master = await lab.call<RecordOf<'PIF'>>('PIF.get_record', record.master);
    expect(master).toMatchObject({ management: true, IP: '192.168.10.11', ip_configuration_mode: 'Static' });
    const web = await lab.vmByName('web-01');
    const vifs = await lab.call<string[]>('VM.get_VIFs', web);
    expect(await lab.call('VIF.get_network', vifs[0])).toBe(net);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
    await lab.run('Bond.destroy', bond);
    expect(await lab.call('PIF.get_management', eth0)).toBe(true);
    expect(await lab.call('PIF.get_IP', eth0)).toBe('192.168.10.11');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses members already bonded, across hosts, too few, bad MACs and modes', async () => {
    const lab = await createLab();
    const h1 = await hostByName(lab, 'xenserver-01');
    const h2 = await hostByName(lab, 'xenserver-02');
    const a = await pif(lab, h1, 'eth2');
    const b = await pif(lab, h1, 'eth3');
    const net = await newNetwork(lab, 'b');
    expect((await lab.error('Bond.create', net, [], '', 'balance-slb', {})).code).toBe('PIF_BOND_NEEDS_MORE_MEMBERS');
    expect((await lab.error('Bond.create', net, [a], '', 'balance-slb', {})).code).toBe('PIF_BOND_NEEDS_MORE_MEMBERS');
    expect((await lab.error('Bond.create', net, [a, await pif(lab, h2, 'eth3')], '', 'balance-slb', {})).code).toBe('PIF_CANNOT_BOND_CROSS_HOST');
    expect((await lab.error('Bond.create', net, [a, b], 'zz:zz', 'balance-slb', {})).toArray()).toEqual(['MAC_INVALID', 'zz:zz']);
    expect((await lab.error('Bond.create', net, [a, b], '', 'round-robin', {})).toArray()).toEqual(['INVALID_VALUE', 'mode', 'round-robin']);
    expect((await lab.error('Bond.create', net, [a, b], '', 'lacp', { 'lacp-time': 'sometimes' })).code).toBe('INVALID_VALUE');
    await lab.run('Bond.create', net, [a, b], '', 'balance-slb', {});
    const other = await newNetwork(lab, 'c');
    expect((await lab.error('Bond.create', other, [a, b], '', 'balance-slb', {})).toArray()).toEqual(['PIF_ALREADY_BONDED', a]);
    expect((await lab.error('VLAN.create', a, 5, other)).toArray()).toEqual(['CANNOT_ADD_VLAN_TO_BOND_SLAVE', a]);
  });
});
