// Bonds (xapi_bond.ml): two or more NICs of one host become one interface, a
// bond master PIF on the bond's network. The members' IP configuration and
// management role move to the master (and back on destroy), VLANs on the
// members move to the master, and running VMs' VIFs on the members' networks
// move to the bond's network. Modes: balance-slb, active-backup, lacp.
import { BOND_MODE, type BondMode } from '../../xapi/datamodel/enums';
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { define, ref, refs, type MethodTable } from '../api/registry';
import { NO_IP_CONFIGURATION, assertNetworkManaged, assertNoOtherLocalPifs, assertPifManaged, ipConfiguration, newPifMetrics } from './pif-helpers';

const MAC = /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/;

/** LACP's properties, their defaults and valid values (requirements_of_mode). */
const LACP_PROPERTIES: Readonly<Record<string, { default?: string; valid: (v: string) => boolean }>> = {
  hashing_algorithm: { default: 'tcpudp_ports', valid: (v) => v === 'src_mac' || v === 'tcpudp_ports' },
  'lacp-time': { default: 'slow', valid: (v) => v === 'fast' || v === 'slow' },
  'lacp-aggregation-key': { valid: (v) => /^-?\d+$/.test(v) },
  'lacp-fallback-ab': { default: 'true', valid: (v) => v === 'true' || v === 'false' },
};

function bondProperties(mode: BondMode, given: Readonly<Record<string, string>>): Record<string, string> {
  if (mode !== 'lacp') return { ...given };
  const out: Record<string, string> = { ...given };
  for (const [key, rule] of Object.entries(LACP_PROPERTIES)) {
    const value = given[key];
    if (value !== undefined && !rule.valid(value)) throw xenError('INVALID_VALUE', 'properties', `${key}=${value}`);
    if (value === undefined && rule.default !== undefined) out[key] = rule.default;
  }
  return out;
}

function asMode(value: string): BondMode {
  if (!(BOND_MODE as readonly string[]).includes(value)) throw xenError('INVALID_VALUE', 'mode', value);
  return value as BondMode;
}

function chooseBondDevice(engine: Engine, host: string): string {
  const used = new Set(engine.world.get('host', host).PIFs.map((p) => engine.world.find('PIF', p)?.device));
  for (let i = 0; ; i++) if (!used.has(`bond${String(i)}`)) return `bond${String(i)}`;
}

/** Move the VIFs of VMs running on `host` from `from` networks to `to`. */
function moveLocalVifs(engine: Engine, host: string, from: readonly string[], to: string): void {
  const { world } = engine;
  for (const vm of world.get('host', host).resident_VMs) {
    for (const vif of world.find('VM', vm)?.VIFs ?? []) {
      const v = world.find('VIF', vif);
      if (v !== undefined && from.includes(v.network) && v.network !== to) world.update('VIF', vif, { network: to });
    }
  }
}

function createBond(engine: Engine, network: string, memberList: readonly string[], mac: string, modeValue: string, given: Readonly<Record<string, string>>): string {
  const { world } = engine;
  const members = [...new Set(memberList)];
  const [first] = members;
  if (first === undefined) throw xenError('PIF_BOND_NEEDS_MORE_MEMBERS');
  assertNetworkManaged(engine, network);
  const host = world.get('PIF', first).host;
  assertNoOtherLocalPifs(engine, host, network);
  if (mac !== '' && !MAC.test(mac)) throw xenError('MAC_INVALID', mac);
  const mode = asMode(modeValue);
  const properties = bondProperties(mode, given);
  const records = members.map((m) => ({ ref: m, pif: world.get('PIF', m) }));
  for (const { ref: m, pif } of records) {
    assertPifManaged(engine, m);
    if (pif.bond_slave_of !== NULL_REF) throw xenError('PIF_ALREADY_BONDED', m);
    if (pif.VLAN >= 0) throw xenError('PIF_VLAN_EXISTS', pif.device);
    if (pif.sriov_logical_PIF_of.length > 0) throw xenError('PIF_IS_SRIOV_LOGICAL', m);
    if (!pif.physical) throw xenError('PIF_IS_NOT_PHYSICAL', m);
    if (pif.sriov_physical_PIF_of.length > 0) throw xenError('PIF_SRIOV_STILL_EXISTS', m);
  }
  if (new Set(records.map((r) => r.pif.host)).size !== 1) throw xenError('PIF_CANNOT_BOND_CROSS_HOST');
  // xapi leaves the count to the network daemon; a bond of one NIC bonds nothing.
  if (members.length < 2) throw xenError('PIF_BOND_NEEDS_MORE_MEMBERS');
  const withIp = records.filter((r) => r.pif.ip_configuration_mode !== 'None');
  if (withIp.length > 1) throw xenError('PIF_BOND_MORE_THAN_ONE_IP');
  const primary = records.find((r) => r.pif.management) ?? withIp[0] ?? records[0];
  if (primary === undefined) throw xenError('PIF_BOND_NEEDS_MORE_MEMBERS');

  const memberNetworks = records.map((r) => r.pif.network);
  const speed = records.reduce((s, r) => s + (world.find('PIF_metrics', r.pif.metrics)?.speed ?? 0), 0);
  const master = world.create('PIF', {
    device: chooseBondDevice(engine, host),
    network,
    host,
    MAC: mac === '' ? primary.pif.MAC : mac.toLowerCase(),
    MTU: world.get('network', network).MTU,
    VLAN: -1,
    metrics: newPifMetrics(engine, primary.pif.metrics, { speed: mode === 'active-backup' ? speed / records.length : speed, device_name: 'Bond' }),
    physical: false,
    currently_attached: true,
    managed: true,
    primary_address_type: primary.pif.primary_address_type,
    properties: primary.pif.properties,
    other_config: {},
    ...ipConfiguration(primary.pif),
  });
  const bond = world.create('Bond', { master, primary_slave: primary.ref, mode, properties, links_up: members.length, auto_update_mac: mac === '', other_config: {} });
  for (const { ref: m } of records) world.update('PIF', m, { bond_slave_of: bond, currently_attached: false, ...NO_IP_CONFIGURATION });
  // VLANs on the members now ride on the bond.
  for (const { pif } of records) for (const vlan of pif.VLAN_slave_of) world.update('VLAN', vlan, { tagged_PIF: master });
  moveLocalVifs(engine, host, memberNetworks, network);
  return bond;
}

function destroyBond(engine: Engine, bond: string): void {
  const { world } = engine;
  const record = world.get('Bond', bond);
  const master = world.get('PIF', record.master);
  const primary = world.find('PIF', record.primary_slave);
  for (const vlan of master.VLAN_slave_of) if (primary !== undefined) world.update('VLAN', vlan, { tagged_PIF: record.primary_slave });
  if (primary !== undefined) moveLocalVifs(engine, master.host, [master.network], primary.network);
  const config = ipConfiguration(master);
  const slaves = [...record.slaves];
  world.destroy('Bond', bond);
  world.destroy('PIF', record.master);
  if (world.has('PIF_metrics', master.metrics)) world.destroy('PIF_metrics', master.metrics);
  for (const slave of slaves) {
    if (!world.has('PIF', slave)) continue;
    world.update('PIF', slave, { bond_slave_of: NULL_REF, currently_attached: true, ...(slave === record.primary_slave ? config : {}) });
  }
}

export function defineBondApi(table: MethodTable): void {
  define(table, {
    name: 'Bond.create',
    params: [
      { name: 'network', type: ref('network') },
      { name: 'members', type: refs('PIF') },
      { name: 'MAC', type: 'string' },
      { name: 'mode', type: 'string' },
      { name: 'properties', type: 'string_map' },
    ],
    optionalTail: 2,
    async: true,
    run: ({ engine }, [network, members, mac, mode, properties]) =>
      createBond(engine, network as string, members as string[], mac as string, (mode as string | undefined) ?? 'balance-slb', (properties as Record<string, string> | undefined) ?? {}),
  });
  define(table, {
    name: 'Bond.destroy',
    params: [{ name: 'self', type: ref('Bond') }],
    async: true,
    run: ({ engine }, [self]) => destroyBond(engine, self as string),
  });
  define(table, {
    name: 'Bond.set_mode',
    params: [{ name: 'self', type: ref('Bond') }, { name: 'value', type: 'string' }],
    run: ({ engine }, [self, value]) => {
      const mode = asMode(value as string);
      const current = engine.world.get('Bond', self as string).properties;
      // Keep what suits the new mode, add its defaults (as xapi's set_mode).
      const kept = Object.fromEntries(Object.entries(current).filter(([k]) => mode === 'lacp' || !(k in LACP_PROPERTIES)));
      engine.world.update('Bond', self as string, { mode, properties: bondProperties(mode, kept) });
    },
  });
}
