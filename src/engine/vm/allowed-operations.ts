// VM.allowed_operations, derived from power state, kind of VM and the
// operations already running on it: what a console may offer right now.
import type { VMRecord } from '../../xapi/types';
import { NEEDS_GUEST_DRIVERS } from './guest-tools';
import { COPY_LIKE, OPERATION_STATES, SNAPSHOT_OPERATIONS, TEMPLATE_OPERATIONS, isDefaultTemplate, operationStates } from './power-table';

type VMish = Pick<VMRecord, 'power_state' | 'is_a_template' | 'is_default_template' | 'other_config' | 'is_a_snapshot' | 'is_control_domain' | 'current_operations' | 'attached_PCIs'>;

/** `lacksDrivers`: a live HVM guest without PV drivers, which advertises no clean shutdown, reboot, suspend or migration. */
export function vmAllowedOperations(vm: VMish, lacksDrivers = false): string[] {
  if (vm.is_control_domain) return [];
  const running = Object.values(vm.current_operations);
  const allowed: string[] = [];
  for (const op of Object.keys(OPERATION_STATES)) {
    if (!(operationStates(op, vm.is_a_snapshot) ?? []).includes(vm.power_state as never)) continue;
    // xapi checks a snapshot by its own list, a (non-snapshot) template by the template list.
    if (vm.is_a_template && !vm.is_a_snapshot && !TEMPLATE_OPERATIONS.has(op)) continue;
    if (vm.is_a_template && op === 'destroy' && isDefaultTemplate(vm)) continue;
    if (lacksDrivers && NEEDS_GUEST_DRIVERS.has(op)) continue;
    if (vm.is_a_snapshot && (!SNAPSHOT_OPERATIONS.has(op) || op === 'hard_shutdown')) continue;
    // Only copy-like operations may overlap each other.
    if (running.length > 0 && !(COPY_LIKE.has(op) && running.every((r) => COPY_LIKE.has(r)))) continue;
    // A passed-through PCI device pins the VM: no suspend, no migration.
    if (vm.attached_PCIs.length > 0 && (op === 'suspend' || op === 'pool_migrate' || op === 'migrate_send' || op === 'checkpoint')) continue;
    allowed.push(op);
  }
  return allowed.sort();
}
