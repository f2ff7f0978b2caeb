// XenAPI's VM lifecycle table: in which power states each operation is allowed
// (xapi's ocaml/xapi/xapi_vm_lifecycle.ml; reference/XENAPI.md).
export type PowerState = 'Halted' | 'Paused' | 'Running' | 'Suspended';

const H: PowerState = 'Halted';
const P: PowerState = 'Paused';
const R: PowerState = 'Running';
const S: PowerState = 'Suspended';

export const OPERATION_STATES: Readonly<Record<string, readonly PowerState[]>> = {
  start: [H],
  start_on: [H],
  make_into_template: [H],
  clean_shutdown: [R],
  clean_reboot: [R],
  suspend: [R],
  pause: [R],
  pool_migrate: [R],
  hard_shutdown: [R, P, S],
  checkpoint: [R, P, S],
  hard_reboot: [R, P],
  resume: [S],
  resume_on: [S],
  unpause: [P],
  clone: [H],
  copy: [H],
  destroy: [H, S],
  export: [H, S],
  migrate_send: [H, S, R],
  snapshot: [H, P, R, S],
  revert: [H, P, R, S],
  provision: [H],
  changing_static_range: [H],
  changing_VCPUs: [H],
  changing_dynamic_range: [H, R],
  changing_memory_limits: [H],
  changing_shadow_memory: [H],
  changing_VCPUs_live: [R],
};

/**
 * The power states `op` needs on this VM: a snapshot's clone and copy also
 * work from Suspended (a checkpoint), as xapi_vm_lifecycle's
 * allowed_power_states says.
 */
export function operationStates(op: string, isSnapshot: boolean): readonly PowerState[] | undefined {
  const states = OPERATION_STATES[op];
  if (states !== undefined && isSnapshot && (op === 'clone' || op === 'copy')) return [...states, S];
  return states;
}

/** What a snapshot allows (xapi's check_snapshot: VM_IS_SNAPSHOT for the rest); the template list does not apply to it. */
export const SNAPSHOT_OPERATIONS: ReadonlySet<string> = new Set(['revert', 'clone', 'copy', 'export', 'destroy', 'hard_shutdown']);

/** Operations a template allows (VM_IS_TEMPLATE for the rest). */
export const TEMPLATE_OPERATIONS: ReadonlySet<string> = new Set([
  'clone',
  'copy',
  'export',
  'provision',
  'destroy',
  'changing_static_range',
  'changing_dynamic_range',
  'changing_memory_limits',
  'changing_VCPUs',
]);

/** Operations that may run while a copy-like operation holds the VM. */
export const COPY_LIKE: ReadonlySet<string> = new Set(['clone', 'copy', 'export']);

/** The power state(s) an operation needs, lower case, as VM_BAD_POWER_STATE names them. */
export function expectedStates(op: string): string {
  return (OPERATION_STATES[op] ?? []).map((s) => s.toLowerCase()).join(', ');
}

/** xapi counts a template as a default one by the field or by other_config default_template=true. */
export function isDefaultTemplate(vm: { readonly is_default_template: boolean; readonly other_config: Readonly<Record<string, string>> }): boolean {
  return vm.is_default_template || vm.other_config['default_template'] === 'true';
}
