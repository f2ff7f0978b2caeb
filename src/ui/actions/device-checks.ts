// What the VM's state allows for its disks and network interfaces, as xapi
// decides it (xapi_vbd_helpers.ml, xapi_vif_helpers.ml): hot-plug needs a
// running VM, and an HVM guest's PV drivers; a halted VM's devices are
// plugged when it starts. Shared by the Storage and Networking tabs' buttons.
import type { RecordOf } from '../../xapi/types';
import { OK, no, type CacheReader, type CanRun } from './action-types';

export function isHvmGuest(vm: Pick<RecordOf<'VM'>, 'domain_type' | 'HVM_boot_policy'>): boolean {
  return vm.domain_type === 'unspecified' ? vm.HVM_boot_policy !== '' : vm.domain_type === 'hvm';
}

/** Whether the guest's tools report PV drivers (a numeric major and minor version). */
function pvDrivers(vm: RecordOf<'VM'>, cache: CacheReader): boolean {
  const v = cache.get('VM_guest_metrics', vm.guest_metrics)?.PV_drivers_version;
  return /^\d+$/.test(v?.['major'] ?? '') && /^\d+$/.test(v?.['minor'] ?? '');
}

/** Why a disk or interface cannot be plugged into or unplugged from the VM now (VM_BAD_POWER_STATE, VM_MISSING_PV_DRIVERS). */
export function hotplugCheck(vm: RecordOf<'VM'>, cache: CacheReader, what: 'disk' | 'network interface'): CanRun {
  if (vm.power_state !== 'Running') return no(`The VM is ${vm.power_state.toLowerCase()}: a ${what} is plugged in when it starts.`);
  if (isHvmGuest(vm) && !pvDrivers(vm, cache)) return no(`Install XenServer VM Tools in the guest to plug a ${what} in or out while it runs.`);
  return OK;
}

/** Why the VM's device list cannot be changed at all now (a snapshot, an operation in progress). */
export function vmDevicesCheck(vm: RecordOf<'VM'> | undefined): CanRun {
  if (vm === undefined) return no('The VM no longer exists.');
  if (vm.is_a_snapshot) return no('A snapshot\u2019s devices cannot be changed.');
  const busy = Object.values(vm.current_operations)[0];
  if (busy !== undefined) return no(`The VM is busy (${String(busy).replaceAll('_', ' ')}).`);
  if (vm.power_state === 'Suspended') return no('Resume or shut down the VM first.');
  return OK;
}
