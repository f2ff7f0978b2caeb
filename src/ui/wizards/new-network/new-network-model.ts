// The New Network wizard's rules, pure: the network types (XenCenter's
// NewNetworkWizard: External, Single-Server Private, Bonded, SR-IOV), the NICs
// each can use (by device name across the pool, as XenCenter lists them), the
// checks at each field, and the XenAPI calls Finish makes — network.create,
// then pool.create_VLAN for an external network, Bond.create on every server
// for a bond, network_sriov.create on every server's SR-IOV NIC.
import type { CacheReader } from '../../actions/action-types';

export type NetworkKind = 'external' | 'private' | 'bond' | 'sriov';

export const NETWORK_KINDS: readonly { kind: NetworkKind; label: string; detail: string; defaultName: string }[] = [
  { kind: 'external', label: 'External Network', detail: 'A network on a physical NIC of every server, optionally on a VLAN.', defaultName: 'New Network' },
  { kind: 'private', label: 'Single-Server Private network', detail: 'A network with no NIC: VMs on the same server reach each other, and nothing else.', defaultName: 'New Private Network' },
  { kind: 'bond', label: 'Bonded Network', detail: 'Two to four NICs of every server bonded into one link (active-backup, balance-slb or LACP).', defaultName: 'New Bond' },
  { kind: 'sriov', label: 'SR-IOV network', detail: "VMs get a virtual function of an SR-IOV capable NIC directly (no software switch); they can't migrate.", defaultName: 'New SR-IOV Network' },
];

export const BOND_MODES = [
  { mode: 'active-backup', label: 'Active-backup' },
  { mode: 'balance-slb', label: 'Active-active (balance-slb)' },
  { mode: 'lacp', label: 'LACP with load balancing based on source MAC address' },
] as const;
export type BondMode = (typeof BOND_MODES)[number]['mode'];

export interface NicRow {
  readonly device: string;
  /** PIF refs with this device, one per server. */
  readonly pifs: readonly string[];
  readonly management: boolean;
  readonly sriov: boolean;
  /** Why it cannot be used for this kind (in a bond, a VLAN, already bonded …). */
  readonly unusable?: string;
}

/** The physical NICs of the pool by device name. */
export function poolNics(cache: CacheReader): NicRow[] {
  const byDevice = new Map<string, { pifs: string[]; management: boolean; sriov: boolean; bonded: boolean }>();
  for (const [ref, pif] of cache.all('PIF')) {
    if (!pif.physical) continue;
    const row = byDevice.get(pif.device) ?? { pifs: [], management: false, sriov: false, bonded: false };
    row.pifs.push(ref);
    row.management ||= pif.management;
    row.sriov ||= pif.capabilities.includes('sriov');
    row.bonded ||= pif.bond_slave_of !== 'OpaqueRef:NULL' && pif.bond_slave_of !== '';
    byDevice.set(pif.device, row);
  }
  return [...byDevice.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([device, r]) => ({ device, pifs: r.pifs, management: r.management, sriov: r.sriov, ...(r.bonded ? { unusable: 'already in a bond' } : {}) }));
}

export interface NetworkForm {
  readonly kind: NetworkKind;
  readonly name: string;
  readonly description: string;
  readonly nic: string;
  readonly vlan: string;
  readonly mtu: string;
  readonly members: readonly string[];
  readonly mode: BondMode;
}

export type NetworkErrors = Partial<Record<'name' | 'nic' | 'vlan' | 'mtu' | 'members', string>>;

export function networkErrors(f: NetworkForm, nics: readonly NicRow[]): NetworkErrors {
  const e: NetworkErrors = {};
  if (f.name.trim() === '') e.name = 'Enter a name for the new network.';
  const mtu = Number(f.mtu);
  if (!/^\d+$/.test(f.mtu) || mtu < 68 || mtu > 9216) e.mtu = 'The MTU is a whole number from 68 to 9216.';
  if (f.kind === 'external') {
    if (f.nic === '') e.nic = 'Choose a NIC.';
    const vlan = Number(f.vlan);
    if (!/^\d+$/.test(f.vlan) || vlan < 0 || vlan > 4094) e.vlan = 'The VLAN is a number from 0 to 4094.';
  }
  if (f.kind === 'sriov' && f.nic === '') e.nic = 'Choose an SR-IOV capable NIC.';
  if (f.kind === 'bond') {
    if (f.members.length < 2) e.members = 'Choose at least two NICs to bond.';
    else if (f.members.length > 4) e.members = 'A bond has at most four NICs.';
    const bad = f.members.map((d) => nics.find((n) => n.device === d)).find((n) => n?.unusable !== undefined);
    if (bad !== undefined) e.members = `${bad.device} is ${bad.unusable ?? ''}.`;
  }
  return e;
}

export interface PlannedCall {
  readonly method: string;
  /** '$network' in args stands for the network network.create made. */
  readonly args: readonly unknown[];
}

/** The calls Finish makes, in order. */
export function networkCalls(f: NetworkForm, nics: readonly NicRow[], cache: CacheReader): PlannedCall[] {
  const record = { name_label: f.name.trim(), name_description: f.description, MTU: Number(f.mtu), other_config: {}, tags: [] };
  const calls: PlannedCall[] = [{ method: 'network.create', args: [record] }];
  if (f.kind === 'external') {
    const vlan = Number(f.vlan);
    // VLAN 0 is the untagged NIC itself: XenCenter then only makes the network; a real VLAN goes pool-wide.
    if (vlan > 0) calls.push({ method: 'pool.create_VLAN', args: [f.nic, '$network', vlan] });
  }
  if (f.kind === 'bond') {
    const members = new Set(f.members);
    const byHost = new Map<string, string[]>();
    for (const n of nics) {
      if (!members.has(n.device)) continue;
      for (const pif of n.pifs) {
        const host = cache.get('PIF', pif)?.host ?? '';
        byHost.set(host, [...(byHost.get(host) ?? []), pif]);
      }
    }
    for (const [, pifs] of [...byHost.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (pifs.length === members.size) calls.push({ method: 'Bond.create', args: ['$network', pifs, '', f.mode, {}] });
    }
  }
  if (f.kind === 'sriov') {
    for (const pif of nics.find((n) => n.device === f.nic)?.pifs ?? []) {
      if (cache.get('PIF', pif)?.capabilities.includes('sriov') === true) calls.push({ method: 'network_sriov.create', args: [pif, '$network'] });
    }
  }
  return calls;
}
