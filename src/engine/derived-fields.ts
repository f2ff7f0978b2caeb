// Fields xapi computes from others, refreshed by the world on every change.
import { vmAllowedOperations } from './vm/allowed-operations';
import type { World } from './world/world';

export function installDerivedFields(world: World): void {
  world.derive('VM', (vm) => ({ allowed_operations: vmAllowedOperations(vm as never) }));
}
