// The migration network: host.migrate_receive(host, network) answers with
// URLs on the address of the host's PIF on that network (xapi_host.ml
// migrate_receive), so the memory stream of VM.migrate_send runs over that
// network's links; VM.pool_migrate uses the management network.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';

/** The IP of `host` on `network`, or the XenAPI error xapi gives. */
export function migrationAddress(engine: Engine, host: string, network: string): string {
  const pif = engine.world.get('network', network).PIFs.find((p) => engine.world.find('PIF', p)?.host === host);
  if (pif === undefined) throw xenError('HOST_CANNOT_ATTACH_NETWORK', host, network);
  const record = engine.world.get('PIF', pif);
  if (record.IP !== '') return record.IP;
  if (record.ip_configuration_mode === 'DHCP') throw xenError('INTERFACE_HAS_NO_IP', pif);
  throw xenError('PIF_HAS_NO_NETWORK_CONFIGURATION', pif);
}

/** The network of the PIF of `host` with address `ip` (undefined: none, e.g. a hand-made map). */
export function networkOfAddress(engine: Engine, host: string, ip: string): string | undefined {
  if (ip === '') return undefined;
  for (const pif of engine.world.get('host', host).PIFs) {
    const record = engine.world.find('PIF', pif);
    if (record !== undefined && record.IP === ip) return record.network;
  }
  return undefined;
}
