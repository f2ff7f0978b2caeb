// Checks and builders shared by VLAN, Bond and SR-IOV creation, after xapi's
// xapi_pif.ml / xapi_pif_helpers.ml / xapi_network.ml.
import { xenError } from '../../xapi/errors';
import type { PIFRecord } from '../../xapi/types';
import type { Engine } from '../engine';

/** The MAC xapi gives PIFs that are not a NIC of their own (VLANs, SR-IOV logical PIFs). */
export const DUMMY_MAC = 'fe:ff:ff:ff:ff:ff';

export function assertNetworkManaged(engine: Engine, network: string): void {
  if (!engine.world.get('network', network).managed) throw xenError('NETWORK_UNMANAGED', network);
}

export function assertPifManaged(engine: Engine, pif: string): void {
  if (!engine.world.get('PIF', pif).managed) throw xenError('PIF_UNMANAGED', pif);
}

/** A host joins a network through one PIF at most (NETWORK_ALREADY_CONNECTED [host, pif], as xapi raises it). */
export function assertNoOtherLocalPifs(engine: Engine, host: string, network: string): void {
  const other = engine.world.get('network', network).PIFs.find((p) => engine.world.find('PIF', p)?.host === host);
  if (other !== undefined) throw xenError('NETWORK_ALREADY_CONNECTED', host, other);
}

export function newPifMetrics(engine: Engine, from: string | undefined, patch: { speed?: number; device_name?: string } = {}): string {
  const base = from === undefined ? undefined : engine.world.find('PIF_metrics', from);
  return engine.world.create('PIF_metrics', {
    carrier: base?.carrier ?? true,
    vendor_id: base?.vendor_id ?? '',
    vendor_name: base?.vendor_name ?? '',
    device_id: base?.device_id ?? '',
    device_name: patch.device_name ?? base?.device_name ?? '',
    speed: patch.speed ?? base?.speed ?? 0,
    duplex: base?.duplex ?? true,
    pci_bus_path: '',
    last_updated: engine.datetime(),
  });
}

/** The IP configuration fields xapi moves between a bond's primary member and its master. */
export function ipConfiguration(pif: PIFRecord): Partial<PIFRecord> {
  return {
    ip_configuration_mode: pif.ip_configuration_mode,
    IP: pif.IP,
    netmask: pif.netmask,
    gateway: pif.gateway,
    DNS: pif.DNS,
    management: pif.management,
    disallow_unplug: pif.disallow_unplug,
  };
}

export const NO_IP_CONFIGURATION: Partial<PIFRecord> = {
  ip_configuration_mode: 'None',
  IP: '',
  netmask: '',
  gateway: '',
  DNS: '',
  management: false,
  disallow_unplug: false,
};
