// What a guest's PV drivers (XenServer VM Tools) make possible, as xapi
// decides it: the tools report a driver version in VM_guest_metrics; without
// one an HVM guest cannot hot-plug disks or network interfaces
// (VM_MISSING_PV_DRIVERS, xapi_vbd_helpers.ml / xapi_vif_helpers.ml) and does
// not advertise clean shutdown, reboot or suspend (xapi_vm_lifecycle.ml).
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { isHvm } from './placement';

/** Xapi_pv_driver_version: drivers are present when the tools report a numeric major and minor version. */
export function pvDriversIn(version: Readonly<Record<string, string>> | undefined): boolean {
  if (version === undefined) return false;
  return /^\d+$/.test(version['major'] ?? '') && /^\d+$/.test(version['minor'] ?? '');
}

export function hasPvDrivers(engine: Engine, vm: string): boolean {
  const record = engine.world.get('VM', vm);
  return pvDriversIn(engine.world.find('VM_guest_metrics', record.guest_metrics)?.PV_drivers_version);
}

/** Operations a running HVM guest advertises only once its PV drivers are up (VM_LACKS_FEATURE otherwise). */
export const NEEDS_GUEST_DRIVERS: ReadonlySet<string> = new Set(['clean_shutdown', 'clean_reboot', 'suspend', 'checkpoint', 'pool_migrate', 'migrate_send', 'changing_VCPUs_live']);

/** Whether `vm` is a live HVM guest without PV drivers (so lacks the features above). */
export function lacksGuestDrivers(engine: Engine, vm: string): boolean {
  const record = engine.world.get('VM', vm);
  const live = record.power_state === 'Running' || record.power_state === 'Paused';
  return live && isHvm(record) && !hasPvDrivers(engine, vm);
}

/** Hot-plug of a VBD or VIF into a running VM: HVM guests need their PV drivers; PV and PVH guests are enlightened. */
export function assertCanHotplug(engine: Engine, vm: string, kind: 'vbd' | 'vif'): void {
  const record = engine.world.get('VM', vm);
  if (record.power_state !== 'Running') throw xenError('VM_BAD_POWER_STATE', vm, 'running', record.power_state.toLowerCase());
  if (!isHvm(record)) return;
  const gm = engine.world.find('VM_guest_metrics', record.guest_metrics);
  const can = kind === 'vbd' ? gm?.can_use_hotplug_vbd : gm?.can_use_hotplug_vif;
  if (can === 'yes') return;
  if (can === 'no') throw xenError('VM_LACKS_FEATURE', vm);
  if (!pvDriversIn(gm?.PV_drivers_version)) throw xenError('VM_MISSING_PV_DRIVERS', vm);
}
