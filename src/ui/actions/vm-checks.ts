// Whether a VM may do an operation now, and if not, why — in XenCenter's
// words. XenAPI's advisory fields decide: current_operations (something is
// already running), then the power state, then blocked_operations, then
// allowed_operations. A real pool fills these the same way, so the console
// offers what the server will accept.
import type { RecordOf } from '../../xapi/types';
import { OK, no, type CanRun } from './action-types';

export type VmRecord = RecordOf<'VM'>;
type PowerState = VmRecord['power_state'];

/** What the VM is doing while an operation is in current_operations. */
const BUSY_WORDS: Readonly<Record<string, string>> = {
  start: 'starting',
  start_on: 'starting',
  resume: 'resuming',
  resume_on: 'resuming',
  clean_shutdown: 'shutting down',
  hard_shutdown: 'being forced to shut down',
  shutdown: 'shutting down',
  clean_reboot: 'rebooting',
  hard_reboot: 'being forced to reboot',
  suspend: 'suspending',
  pause: 'pausing',
  unpause: 'unpausing',
  destroy: 'being deleted',
  pool_migrate: 'migrating',
  migrate_send: 'migrating',
  snapshot: 'taking a snapshot',
  checkpoint: 'taking a checkpoint',
  clone: 'being copied',
  copy: 'being copied',
  export: 'being exported',
  provision: 'being provisioned',
};

export function busyReason(vm: Pick<VmRecord, 'current_operations'>): string | undefined {
  const ops = Object.values(vm.current_operations);
  if (ops.length === 0) return undefined;
  const op = ops[0] ?? '';
  return `This VM is ${BUSY_WORDS[op] ?? `busy (${op.replace(/_/g, ' ')})`}; wait for that to finish.`;
}

/** XenCenter's sentences for a VM in a power state an operation does not accept (Messages.VM_SHUT_DOWN …). */
export const STATE_WORDS: Readonly<Record<PowerState, string>> = {
  Halted: 'This VM is shut down.',
  Running: 'This VM is running.',
  Paused: 'This VM is paused.',
  Suspended: 'This VM is suspended.',
};

export interface VmOperationRule {
  /** The allowed_operations entry. */
  readonly op: string;
  /** The power states the operation works from (xapi's lifecycle table). */
  readonly states: readonly PowerState[];
  /** A better sentence than STATE_WORDS for some states ("This VM is already running."). */
  readonly stateReasons?: Partial<Record<PowerState, string>>;
  /** What the user asked for, for the generic refusal ("Start is not allowed …"). */
  readonly label: string;
}

export function checkVmOperation(vm: VmRecord, rule: VmOperationRule): CanRun {
  if (vm.is_control_domain) return no('This is a server\'s control domain; it is managed with its server.');
  if (vm.is_a_template) return no('Templates cannot be started or stopped; create a VM from the template first.');
  if (vm.is_a_snapshot) return no('Snapshots cannot be started or stopped; create a VM from the snapshot first.');
  const busy = busyReason(vm);
  if (busy !== undefined) return no(busy);
  if (!rule.states.includes(vm.power_state)) return no(rule.stateReasons?.[vm.power_state] ?? STATE_WORDS[vm.power_state]);
  return allowedCheck(vm, rule.op, rule.label);
}

/** Operations xapi refuses while a PCI device (a passed-through GPU, an SR-IOV VF) is attached: VM_HAS_PCI_ATTACHED. */
const PINNED_BY_PCI = new Set(['suspend', 'checkpoint', 'pool_migrate', 'migrate_send']);

/** blocked_operations then allowed_operations (the last word on what the server accepts). */
export function allowedCheck(vm: Pick<VmRecord, 'blocked_operations' | 'allowed_operations'> & Partial<Pick<VmRecord, 'attached_PCIs'>>, op: string, label: string): CanRun {
  const blocked = (vm.blocked_operations as Readonly<Record<string, string | undefined>>)[op];
  if (blocked !== undefined) return no(blocked === '' || blocked === 'true' ? `${label} has been blocked on this VM.` : `${label} has been blocked on this VM: ${blocked}`);
  if (!(vm.allowed_operations as readonly string[]).includes(op)) {
    if (PINNED_BY_PCI.has(op) && (vm.attached_PCIs?.length ?? 0) > 0) {
      return no(`${label} is not possible: a PCI device (a passed-through GPU or an SR-IOV network's virtual function) is attached to this VM.`);
    }
    return no(`${label} is not allowed on this VM at the moment.`);
  }
  return OK;
}
