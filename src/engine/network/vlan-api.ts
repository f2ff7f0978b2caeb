// VLANs (xapi_vlan.ml, xapi_pool.ml create_VLAN*): a VLAN puts an untagged
// PIF for `tag` on top of a tagged PIF (a NIC or a bond master) and joins it
// to a network. pool.create_VLAN(_from_PIF) does it on every host.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { define, ref, type MethodTable } from '../api/registry';
import { toInt } from '../api/param-check';
import { DUMMY_MAC, assertNetworkManaged, assertNoOtherLocalPifs, assertPifManaged } from './pif-helpers';

export function createVlan(engine: Engine, taggedPif: string, tag: number, network: string): string {
  const { world } = engine;
  assertNetworkManaged(engine, network);
  const tagged = world.get('PIF', taggedPif);
  assertNoOtherLocalPifs(engine, tagged.host, network);
  assertPifManaged(engine, taggedPif);
  if (tagged.bond_slave_of !== NULL_REF) throw xenError('CANNOT_ADD_VLAN_TO_BOND_SLAVE', taggedPif);
  if (tagged.VLAN >= 0) throw xenError('PIF_IS_VLAN', taggedPif);
  if (!Number.isInteger(tag) || tag < 0 || tag > 4094) throw xenError('VLAN_TAG_INVALID', String(tag));
  if (tagged.VLAN_slave_of.some((v) => world.find('VLAN', v)?.tag === tag)) throw xenError('PIF_VLAN_EXISTS', tagged.device);
  const vlan = world.create('VLAN', { tagged_PIF: taggedPif, tag, other_config: {} });
  const untagged = world.create('PIF', {
    device: tagged.device,
    network,
    host: tagged.host,
    MAC: DUMMY_MAC,
    MTU: tagged.MTU,
    VLAN: tag,
    metrics: tagged.metrics,
    physical: false,
    currently_attached: true,
    VLAN_master_of: vlan,
    managed: true,
    primary_address_type: tagged.primary_address_type,
    other_config: {},
  });
  world.update('VLAN', vlan, { untagged_PIF: untagged });
  return vlan;
}

export function destroyVlan(engine: Engine, vlan: string): void {
  const { world } = engine;
  const record = world.get('VLAN', vlan);
  const untagged = world.find('PIF', record.untagged_PIF);
  if (untagged !== undefined) {
    if (untagged.bond_slave_of !== NULL_REF) throw xenError('PIF_ALREADY_BONDED', record.untagged_PIF);
    if (untagged.management) throw xenError('PIF_IS_MANAGEMENT_INTERFACE', record.untagged_PIF);
    if (untagged.VLAN < 0) throw xenError('PIF_IS_PHYSICAL', record.untagged_PIF);
  }
  world.destroy('VLAN', vlan);
  if (untagged !== undefined) world.destroy('PIF', record.untagged_PIF);
}

/** The PIF on `host` that stands for the same NIC as `like`: same device, same kind (NIC or bond). */
function matchingPif(engine: Engine, host: string, device: string, physical: boolean): string | undefined {
  return engine.world.get('host', host).PIFs.find((p) => {
    const pif = engine.world.find('PIF', p);
    return pif !== undefined && pif.device === device && pif.VLAN < 0 && pif.physical === physical && pif.sriov_logical_PIF_of.length === 0;
  });
}

function poolVlan(engine: Engine, device: string, physical: boolean, network: string, tag: number): string[] {
  const hosts = engine.world.refs('host');
  const tagged = hosts.map((h) => matchingPif(engine, h, device, physical)).filter((p): p is string => p !== undefined);
  if (tagged.length === 0) throw xenError('PIF_DEVICE_NOT_FOUND');
  // Check every host first, so that a refusal leaves no half-made VLAN behind.
  for (const pif of tagged) {
    const t = engine.world.get('PIF', pif);
    assertNoOtherLocalPifs(engine, t.host, network);
    if (t.bond_slave_of !== NULL_REF) throw xenError('CANNOT_ADD_VLAN_TO_BOND_SLAVE', pif);
    if (t.VLAN_slave_of.some((v) => engine.world.find('VLAN', v)?.tag === tag)) throw xenError('PIF_VLAN_EXISTS', t.device);
  }
  return tagged.map((pif) => engine.world.get('VLAN', createVlan(engine, pif, tag, network)).untagged_PIF);
}

export function defineVlanApi(table: MethodTable): void {
  define(table, {
    name: 'VLAN.create',
    params: [{ name: 'tagged_PIF', type: ref('PIF') }, { name: 'tag', type: 'int' }, { name: 'network', type: ref('network') }],
    async: true,
    run: ({ engine }, [pif, tag, network]) => createVlan(engine, pif as string, toInt(tag), network as string),
  });
  define(table, {
    name: 'VLAN.destroy',
    params: [{ name: 'self', type: ref('VLAN') }],
    async: true,
    run: ({ engine }, [self]) => destroyVlan(engine, self as string),
  });
  define(table, {
    name: 'pool.create_VLAN',
    params: [{ name: 'device', type: 'string' }, { name: 'network', type: ref('network') }, { name: 'VLAN', type: 'int' }],
    async: true,
    run: ({ engine }, [device, network, tag]) => poolVlan(engine, device as string, true, network as string, toInt(tag)),
  });
  define(table, {
    name: 'pool.create_VLAN_from_PIF',
    params: [{ name: 'pif', type: ref('PIF') }, { name: 'network', type: ref('network') }, { name: 'VLAN', type: 'int' }],
    async: true,
    run: ({ engine }, [pif, network, tag]) => {
      const p = engine.world.get('PIF', pif as string);
      if (p.VLAN >= 0) throw xenError('PIF_IS_VLAN', pif as string);
      return poolVlan(engine, p.device, p.physical, network as string, toInt(tag));
    },
  });
}
