// SR-IOV networks (xapi_network_sriov.ml): enabling SR-IOV on a capable NIC
// makes a logical PIF on the network and brings up the NIC's virtual
// functions (as PCI devices of the host, like the VFs a PCI scan finds).
// VIFs on the network then each take a VF when their VM starts.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { define, ref, type MethodTable } from '../api/registry';
import { freeVirtualFunctions, virtualFunctions } from '../devices/passthrough';
import { sriovNicByDeviceId, vfPciIds } from '../worlds/catalog/devices';
import { DUMMY_MAC, assertNetworkManaged, assertNoOtherLocalPifs, assertPifManaged } from './pif-helpers';

function createSriov(engine: Engine, pif: string, network: string): string {
  const { world } = engine;
  assertNetworkManaged(engine, network);
  assertPifManaged(engine, pif);
  const p = world.get('PIF', pif);
  if (!p.physical) throw xenError('PIF_IS_NOT_PHYSICAL', pif);
  if (p.bond_slave_of !== NULL_REF) throw xenError('PIF_ALREADY_BONDED', pif);
  if (!p.capabilities.includes('sriov')) throw xenError('PIF_IS_NOT_SRIOV_CAPABLE', pif);
  if (p.sriov_physical_PIF_of.length > 0) throw xenError('NETWORK_SRIOV_ALREADY_ENABLED', pif);
  assertNoOtherLocalPifs(engine, p.host, network);
  // An SR-IOV network carries only SR-IOV logical PIFs.
  const net = world.get('network', network);
  if (net.PIFs.some((other) => (world.find('PIF', other)?.sriov_logical_PIF_of.length ?? 0) === 0)) throw xenError('NETWORK_INCOMPATIBLE_WITH_SRIOV', network);
  const pf = world.find('PCI', p.PCI);
  const nic = pf === undefined ? undefined : sriovNicByDeviceId(pf.vendor_id, pf.device_id);
  if (pf === undefined || nic === undefined) throw xenError('NETWORK_SRIOV_ENABLE_FAILED', pif, 'no SR-IOV physical function behind this NIC');

  const logical = world.create('PIF', {
    device: p.device,
    network,
    host: p.host,
    MAC: DUMMY_MAC,
    MTU: p.MTU,
    VLAN: -1,
    metrics: p.metrics,
    physical: false,
    currently_attached: true,
    managed: true,
    primary_address_type: p.primary_address_type,
    other_config: {},
  });
  const sriov = world.create('network_sriov', { physical_PIF: pif, logical_PIF: logical, requires_reboot: false, configuration_mode: 'sysfs' });
  for (const id of vfPciIds(pf.pci_id, nic.totalVfs)) {
    world.create('PCI', {
      class_id: '0200',
      class_name: 'Ethernet controller',
      vendor_id: nic.vendor_id,
      vendor_name: nic.vendor_name,
      device_id: nic.vfDeviceId,
      device_name: nic.vfDeviceName,
      subsystem_vendor_id: nic.vendor_id,
      subsystem_vendor_name: nic.vendor_name,
      subsystem_device_id: nic.vfDeviceId,
      subsystem_device_name: nic.vfDeviceName,
      host: p.host,
      pci_id: id,
      driver_name: 'mlx5_core',
      dependencies: [],
      other_config: {},
    });
  }
  return sriov;
}

function destroySriov(engine: Engine, sriov: string): void {
  const { world } = engine;
  const record = world.get('network_sriov', sriov);
  const logical = world.find('PIF', record.logical_PIF);
  if (logical !== undefined && logical.VLAN_slave_of.length > 0) throw xenError('PIF_VLAN_STILL_EXISTS', record.logical_PIF);
  const vfs = virtualFunctions(engine, record.physical_PIF);
  for (const [, vm] of world.entries('VM')) {
    if (vm.attached_PCIs.some((p) => vfs.includes(p))) throw xenError('NETWORK_SRIOV_DISABLE_FAILED', record.physical_PIF, `virtual functions are in use by VM ${vm.name_label}`);
  }
  world.destroy('network_sriov', sriov);
  if (logical !== undefined) world.destroy('PIF', record.logical_PIF);
  for (const vf of vfs) world.destroy('PCI', vf);
}

export function defineSriovApi(table: MethodTable): void {
  define(table, {
    name: 'network_sriov.create',
    params: [{ name: 'pif', type: ref('PIF') }, { name: 'network', type: ref('network') }],
    async: true,
    run: ({ engine }, [pif, network]) => createSriov(engine, pif as string, network as string),
  });
  define(table, {
    name: 'network_sriov.destroy',
    params: [{ name: 'self', type: ref('network_sriov') }],
    async: true,
    run: ({ engine }, [self]) => destroySriov(engine, self as string),
  });
  define(table, {
    name: 'network_sriov.get_remaining_capacity',
    params: [{ name: 'self', type: ref('network_sriov') }],
    run: ({ engine }, [self]) => freeVirtualFunctions(engine, engine.world.get('network_sriov', self as string).physical_PIF).length,
  });
}
