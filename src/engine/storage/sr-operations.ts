// SR.allowed_operations as xapi derives them (xapi_sr_operations.ml): the
// driver's capabilities, less `destroy` and `forget` while any PBD is plugged
// (SR_HAS_PBD), `destroy` when the SR has no PBDs or still holds managed
// VDIs, and everything but `plug` while another operation runs.
import type { StorageOperations } from '../../xapi/datamodel/enums';
import type { SRRecord } from '../../xapi/types';
import type { World } from '../world/world';
import { isMediaSrType, pluggedPbd } from './sr-checks';

const BLOCK_SR_OPERATIONS: readonly StorageOperations[] = [
  'vdi_enable_cbt', 'vdi_list_changed_blocks', 'unplug', 'plug', 'pbd_create', 'vdi_disable_cbt', 'update',
  'pbd_destroy', 'vdi_resize', 'vdi_clone', 'vdi_data_destroy', 'scan', 'vdi_snapshot', 'vdi_mirror',
  'vdi_create', 'vdi_destroy', 'vdi_set_on_boot', 'forget', 'destroy',
];

const ISO_SR_OPERATIONS: readonly StorageOperations[] = ['unplug', 'plug', 'pbd_create', 'update', 'pbd_destroy', 'scan', 'forget', 'vdi_introduce'];

/** What the SR's driver can do at all (SM capabilities). */
export function srCapabilities(type: string): readonly StorageOperations[] {
  return isMediaSrType(type) ? ISO_SR_OPERATIONS : BLOCK_SR_OPERATIONS;
}

type SRish = Pick<SRRecord, 'type' | 'PBDs' | 'VDIs' | 'current_operations'>;

export function srAllowedOperations(world: World, sr: SRish): StorageOperations[] {
  const plugged = pluggedPbd(world, sr.PBDs) !== undefined;
  const managedVdis = sr.VDIs.some((vdi) => world.find('VDI', vdi)?.managed === true);
  const busy = Object.keys(sr.current_operations).length > 0;
  return srCapabilities(sr.type).filter((op) => {
    if (busy && op !== 'plug') return false;
    if (plugged && (op === 'destroy' || op === 'forget')) return false;
    if (op === 'destroy' && (sr.PBDs.length === 0 || managedVdis)) return false;
    return true;
  });
}

/** Re-derive an SR's computed fields after a change elsewhere (a PBD plugged, a VDI gone). */
export function refreshSr(world: World, sr: string): void {
  if (world.has('SR', sr)) world.update('SR', sr, {});
}
