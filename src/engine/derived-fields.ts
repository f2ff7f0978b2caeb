// Fields xapi computes from others, refreshed by the world on every change.
import type { VMRecord } from '../xapi/types';
import { srAllowedOperations } from './storage/sr-operations';
import { vmAllowedOperations } from './vm/allowed-operations';
import { pvDriversIn } from './vm/guest-tools';
import { isHvm } from './vm/placement';
import type { World } from './world/world';

/** A live HVM guest whose tools report no PV drivers (its VM record is touched whenever its guest metrics change). */
function lacksDrivers(world: World, vm: VMRecord): boolean {
  if (vm.is_control_domain || !(vm.power_state === 'Running' || vm.power_state === 'Paused') || !isHvm(vm)) return false;
  return !pvDriversIn(world.find('VM_guest_metrics', vm.guest_metrics)?.PV_drivers_version);
}

export function installDerivedFields(world: World): void {
  world.derive('VM', (vm) => ({ allowed_operations: vmAllowedOperations(vm as never, lacksDrivers(world, vm as unknown as VMRecord)) }));
  // An SR's operations also depend on its PBDs and VDIs: code that plugs or
  // unplugs a PBD calls refreshSr (storage/sr-operations.ts).
  world.derive('SR', (sr) => ({ allowed_operations: srAllowedOperations(world, sr as never) }));
}
