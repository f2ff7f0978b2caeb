// Fields xapi computes from others, refreshed by the world on every change.
import { srAllowedOperations } from './storage/sr-operations';
import { vmAllowedOperations } from './vm/allowed-operations';
import type { World } from './world/world';

export function installDerivedFields(world: World): void {
  world.derive('VM', (vm) => ({ allowed_operations: vmAllowedOperations(vm as never) }));
  // An SR's operations also depend on its PBDs and VDIs: code that plugs or
  // unplugs a PBD calls refreshSr (storage/sr-operations.ts).
  world.derive('SR', (sr) => ({ allowed_operations: srAllowedOperations(world, sr as never) }));
}
