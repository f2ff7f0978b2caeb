import { describe, expect, it } from 'vitest';
import type { CacheReader } from '../../actions/action-types';
import { networkCalls, networkErrors, poolNics, type NetworkForm } from './new-network-model';

const NULL = 'OpaqueRef:NULL';
const pif = (host: string, device: string, extra: Record<string, unknown> = {}) => ({ host, device, physical: true, management: device === 'eth0', capabilities: [] as string[], bond_slave_of: NULL, ...extra });
const PIFS = new Map<string, ReturnType<typeof pif>>([
  ['p1', pif('h1', 'eth0')],
  ['p2', pif('h1', 'eth1')],
  ['p3', pif('h1', 'eth2')],
  ['p4', pif('h2', 'eth0')],
  ['p5', pif('h2', 'eth1')],
  ['p6', pif('h2', 'eth2', { bond_slave_of: 'b1' })],
  ['p7', pif('h2', 'eth10', { capabilities: ['sriov'] })],
]);
const cache = {
  get: (cls: string, ref: string) => (cls === 'PIF' ? PIFS.get(ref) : undefined),
  all: (cls: string) => (cls === 'PIF' ? PIFS : new Map()),
  classOf: () => undefined,
} as unknown as CacheReader;

const base: NetworkForm = { kind: 'bond', name: 'Bond', description: '', nic: '', vlan: '0', mtu: '1500', members: ['eth1'], mode: 'active-backup' };

describe('New Network wizard model', () => {
  it('lists NICs by device, in natural order, with the bonded ones unusable', () => {
    const nics = poolNics(cache);
    expect(nics.map((n) => n.device)).toEqual(['eth0', 'eth1', 'eth2', 'eth10']);
    expect(nics.find((n) => n.device === 'eth2')?.unusable).toBe('already in a bond');
    expect(nics.find((n) => n.device === 'eth10')?.sriov).toBe(true);
  });

  it('checks the fields', () => {
    const nics = poolNics(cache);
    expect(networkErrors(base, nics)).toEqual({ members: 'Choose at least two NICs to bond.' });
    expect(networkErrors({ ...base, members: ['eth1', 'eth2'] }, nics)).toEqual({ members: 'eth2 is already in a bond.' });
    expect(networkErrors({ ...base, kind: 'external', nic: 'eth1', vlan: '5000', mtu: '9217', name: ' ' }, nics)).toEqual({
      name: 'Enter a name for the new network.',
      vlan: 'The VLAN is a number from 0 to 4094.',
      mtu: 'The MTU is a whole number from 68 to 9216.',
    });
  });

  it('plans network.create, then a bond per server, a pool-wide VLAN, or SR-IOV on capable NICs', () => {
    const nics = poolNics(cache);
    const bond = networkCalls({ ...base, members: ['eth0', 'eth1'], mode: 'lacp' }, nics, cache);
    expect(bond.map((c) => c.method)).toEqual(['network.create', 'Bond.create', 'Bond.create']);
    expect(bond[1]?.args).toEqual(['$network', ['p1', 'p2'], '', 'lacp', {}]);
    expect(networkCalls({ ...base, kind: 'external', nic: 'eth1', vlan: '20' }, nics, cache)[1]).toEqual({ method: 'pool.create_VLAN', args: ['eth1', '$network', 20] });
    expect(networkCalls({ ...base, kind: 'external', nic: 'eth1', vlan: '0' }, nics, cache)).toHaveLength(1);
    expect(networkCalls({ ...base, kind: 'sriov', nic: 'eth10' }, nics, cache)[1]).toEqual({ method: 'network_sriov.create', args: ['p7', '$network'] });
  });
});
