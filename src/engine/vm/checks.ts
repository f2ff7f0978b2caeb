// The checks xapi makes before any VM lifecycle operation, in its order:
// control domain, template, power state, PCI passthrough, other operations.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { SNAPSHOT_OPERATIONS, TEMPLATE_OPERATIONS, expectedStates, isDefaultTemplate, operationStates } from './power-table';

const PINNED_BY_PCI = new Set(['suspend', 'pool_migrate', 'migrate_send', 'checkpoint']);

export function assertVmOperation(engine: Engine, vmRef: string, op: string): void {
  const vm = engine.world.get('VM', vmRef);
  if (vm.is_control_domain) throw xenError('OPERATION_NOT_ALLOWED', 'This operation is not allowed on the control domain');
  if (vm.is_a_snapshot && !SNAPSHOT_OPERATIONS.has(op)) throw xenError('VM_IS_SNAPSHOT', vmRef, op);
  if (vm.is_a_template && !vm.is_a_snapshot && !TEMPLATE_OPERATIONS.has(op)) throw xenError('VM_IS_TEMPLATE', vmRef);
  // A default template (one XenServer ships) cannot be destroyed (xapi_vm_lifecycle.ml check_template).
  if (vm.is_a_template && op === 'destroy' && isDefaultTemplate(vm)) throw xenError('VM_IS_TEMPLATE', vmRef);
  const states = operationStates(op, vm.is_a_snapshot);
  if (states !== undefined && !states.includes(vm.power_state as never)) {
    throw xenError('VM_BAD_POWER_STATE', vmRef, expectedStates(op), vm.power_state.toLowerCase());
  }
  if (PINNED_BY_PCI.has(op) && vm.attached_PCIs.length > 0) throw xenError('VM_HAS_PCI_ATTACHED', vmRef);
  engine.operations.assertFree('VM', vmRef, op);
}
