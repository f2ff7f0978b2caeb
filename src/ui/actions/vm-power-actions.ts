// The VM lifecycle commands, in XenCenter's words and with its shortcuts
// (XenAdmin/Commands: StartVMCommand Ctrl+B, ShutDownVMCommand Ctrl+E,
// RebootVMCommand Ctrl+R, SuspendVMCommand and ResumeVMCommand Ctrl+Y).
// XenCenter has no Pause; XenAPI does, so it is here too.
import { OK, no, type ActionContext, type CacheReader, type CanRun } from './action-types';
import { objectAction, type ObjectAction } from './object-action';
import { startTaskCall, runTaskCall } from './run-xenapi';
import type { Target } from './targets';
import { checkVmOperation, STATE_WORDS, allowedCheck, type VmOperationRule, type VmRecord } from './vm-checks';

function vmOf(target: Target, cache: CacheReader): VmRecord | undefined {
  return target.cls === 'VM' ? cache.get('VM', target.ref) : undefined;
}

function ruleCheck(rule: VmOperationRule) {
  return (target: Target, cache: CacheReader): CanRun => {
    const vm = vmOf(target, cache);
    return vm === undefined ? no('The VM no longer exists.') : checkVmOperation(vm, rule);
  };
}

function callEach(method: string, args: readonly unknown[], failure: string) {
  return (context: ActionContext, runnable: readonly Target[]) => {
    for (const t of runnable) startTaskCall(context, { method, args: [t.ref, ...args], target: t, failure: `${failure} ${t.name}` });
  };
}

export const startVm: ObjectAction = objectAction({
  id: 'vm.start',
  label: 'Start',
  icon: 'start',
  shortcut: { key: 'b', ctrl: true },
  description: 'Start the selected VM',
  kinds: ['vm'],
  emptyReason: 'Select a VM to start.',
  check: ruleCheck({ op: 'start', label: 'Start', states: ['Halted'], stateReasons: { Running: 'This VM is already running.', Suspended: 'This VM is suspended; resume it instead.' } }),
  perform: callEach('VM.start', [false, false], 'Could not start'),
});

export const shutDownVm: ObjectAction = objectAction({
  id: 'vm.shutdown',
  label: 'Shut Down',
  icon: 'shutdown',
  shortcut: { key: 'e', ctrl: true },
  description: 'Shut down the selected VM',
  kinds: ['vm'],
  emptyReason: 'Select a VM to shut down.',
  check: ruleCheck({ op: 'clean_shutdown', label: 'Shut Down', states: ['Running'] }),
  perform: callEach('VM.clean_shutdown', [], 'Could not shut down'),
});

export const rebootVm: ObjectAction = objectAction({
  id: 'vm.reboot',
  label: 'Reboot',
  icon: 'reboot',
  shortcut: { key: 'r', ctrl: true },
  description: 'Reboot the selected VM',
  kinds: ['vm'],
  emptyReason: 'Select a VM to reboot.',
  check: ruleCheck({ op: 'clean_reboot', label: 'Reboot', states: ['Running'] }),
  perform: callEach('VM.clean_reboot', [], 'Could not reboot'),
});

export const suspendVm: ObjectAction = objectAction({
  id: 'vm.suspend',
  label: 'Suspend',
  icon: 'suspend',
  shortcut: { key: 'y', ctrl: true },
  description: 'Suspend the selected VM',
  kinds: ['vm'],
  emptyReason: 'Select a VM to suspend.',
  check: ruleCheck({ op: 'suspend', label: 'Suspend', states: ['Running'], stateReasons: { Suspended: 'This VM is already suspended.' } }),
  perform: callEach('VM.suspend', [], 'Could not suspend'),
});

export const resumeVm: ObjectAction = objectAction({
  id: 'vm.resume',
  label: 'Resume',
  icon: 'resume',
  shortcut: { key: 'y', ctrl: true },
  description: 'Resume the selected VM',
  kinds: ['vm'],
  emptyReason: 'Select a suspended VM to resume.',
  check: ruleCheck({ op: 'resume', label: 'Resume', states: ['Suspended'], stateReasons: { Halted: 'This VM is not suspended.', Running: 'This VM is not suspended.', Paused: 'This VM is not suspended.' } }),
  perform: callEach('VM.resume', [false, false], 'Could not resume'),
});

export const pauseVm: ObjectAction = objectAction({
  id: 'vm.pause',
  label: 'Pause',
  icon: 'pause',
  kinds: ['vm'],
  emptyReason: 'Select a running VM to pause.',
  check: ruleCheck({ op: 'pause', label: 'Pause', states: ['Running'], stateReasons: { Paused: 'This VM is already paused.' } }),
  perform: callEach('VM.pause', [], 'Could not pause'),
});

export const unpauseVm: ObjectAction = objectAction({
  id: 'vm.unpause',
  label: 'Unpause',
  icon: 'resume',
  kinds: ['vm'],
  emptyReason: 'Select a paused VM to unpause.',
  check: ruleCheck({ op: 'unpause', label: 'Unpause', states: ['Paused'], stateReasons: { Halted: 'This VM is not paused.', Running: 'This VM is not paused.', Suspended: 'This VM is not paused.' } }),
  perform: callEach('VM.unpause', [], 'Could not unpause'),
});

/**
 * Force Shut Down / Force Reboot: allowed by hard_shutdown / hard_reboot, and
 * also (as XenCenter's ForceVMShutDownCommand) for a running VM that is busy
 * — its tasks are cancelled first, e.g. a clean shutdown that hangs.
 */
function forceCheck(op: 'hard_shutdown' | 'hard_reboot', label: string) {
  return (target: Target, cache: CacheReader): CanRun => {
    const vm = vmOf(target, cache);
    if (vm === undefined) return no('The VM no longer exists.');
    const busy = Object.keys(vm.current_operations).length > 0;
    if (busy && (vm.power_state === 'Running' || vm.power_state === 'Paused') && !vm.is_a_template && !vm.is_control_domain) return OK;
    const states = op === 'hard_shutdown' ? (['Running', 'Paused', 'Suspended'] as const) : (['Running', 'Paused'] as const);
    if (!busy && !(states as readonly string[]).includes(vm.power_state)) return no(STATE_WORDS[vm.power_state]);
    return busy ? checkVmOperation(vm, { op, label, states: [...states] }) : allowedCheck(vm, op, label);
  };
}

/** Cancel the VM's running tasks, wait (a while) for it to be free, then run `method`. */
async function forceAfterCancel(context: ActionContext, target: Target, method: string, failure: string): Promise<void> {
  const vm = context.cache.get('VM', target.ref);
  const tasks = vm === undefined ? [] : Object.keys(vm.current_operations);
  for (const task of tasks) {
    try {
      await context.api.call('task.cancel', task);
    } catch {
      // not cancellable, or already finished: the forced call will say if the VM is still busy
    }
  }
  for (let waited = 0; waited < 10_000; waited += 100) {
    const now = context.cache.get('VM', target.ref);
    if (now === undefined || Object.keys(now.current_operations).length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await runTaskCall(context, { method, args: [target.ref], target, failure });
}

function forcePerform(method: string, failure: string) {
  return (context: ActionContext, runnable: readonly Target[]) => {
    for (const t of runnable) void forceAfterCancel(context, t, method, `${failure} ${t.name}`);
  };
}

export const forceShutDownVm: ObjectAction = objectAction({
  id: 'vm.force-shutdown',
  label: 'Force Shut Down',
  icon: 'force-shutdown',
  description: 'Force the selected VM to shut down (like pulling the power cord)',
  kinds: ['vm'],
  emptyReason: 'Select a VM to force to shut down.',
  check: forceCheck('hard_shutdown', 'Force Shut Down'),
  perform: forcePerform('VM.hard_shutdown', 'Could not force shut down'),
});

export const forceRebootVm: ObjectAction = objectAction({
  id: 'vm.force-reboot',
  label: 'Force Reboot',
  icon: 'force-reboot',
  description: 'Force the selected VM to reboot (like pressing the reset button)',
  kinds: ['vm'],
  emptyReason: 'Select a VM to force to reboot.',
  check: forceCheck('hard_reboot', 'Force Reboot'),
  perform: forcePerform('VM.hard_reboot', 'Could not force reboot'),
});

/** XenCenter's ShowOnMainToolBar: the forced variant takes a toolbar place only when the clean one is not allowed. */
export function showForcedOnToolbar(selection: readonly string[], cache: CacheReader, cleanOp: 'clean_shutdown' | 'clean_reboot', forced: ObjectAction): boolean {
  if (!forced.canRun(selection, cache, { canGoBack: false, canGoForward: false }).ok) return false;
  return selection.every((ref) => {
    const vm = cache.get('VM', ref);
    return vm === undefined || !(vm.allowed_operations as readonly string[]).includes(cleanOp);
  });
}
