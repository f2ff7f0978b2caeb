// Running a CreatePlan against a XenAPI server: each Async.* call followed to
// the end of its task (shown in the Events view against the new VM), refs
// saved for the calls after. When a call fails before the point of no
// return, the half-made VM is destroyed with the disks made for it (as
// XenCenter's CreateVMAction.CleanOnError does), and the error is returned for
// the user, in plain words.
import { isNullRef } from '../../../xapi/refs';
import type { XenApiCaller } from '../../actions/action-types';
import type { Arg, CreatePlan, PlanOp } from './create-plan';

export interface RunHooks {
  /** Progress: the op about to run (index of total) and what it does. */
  onStep?(index: number, total: number, label: string): void;
  /** A task was started for the VM (so the Events view can name its object). */
  onTask?(task: string, vm: string | undefined): void;
  /** The VM exists (after the clone). */
  onVm?(vm: string): void;
}

export type RunOutcome =
  | { readonly ok: true; readonly vm: string }
  /** `vm` when the VM was kept (a failure after the point of no return, e.g. VM.start). */
  | { readonly ok: false; readonly error: unknown; readonly label: string; readonly vm?: string; readonly cleanedUp: boolean };

function fill(arg: Arg, refs: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(arg)) return arg.map((a: Arg) => fill(a, refs));
  if (typeof arg === 'object') {
    if ('$' in arg && typeof arg.$ === 'string' && Object.keys(arg).length === 1) {
      const ref = refs.get(arg.$);
      if (ref === undefined) throw new Error(`plan: ${arg.$} is not known yet`);
      return ref;
    }
    return Object.fromEntries(Object.entries(arg).map(([k, v]) => [k, fill(v, refs)]));
  }
  return arg;
}

async function runOp(api: XenApiCaller, op: PlanOp, refs: Map<string, string>, created: string[], hooks: RunHooks): Promise<void> {
  const vm = refs.get('vm');
  switch (op.kind) {
    case 'call': {
      const args = op.args.map((a) => fill(a, refs));
      let result: unknown;
      if (op.async) {
        const task = await api.startAsync(op.method, ...args);
        hooks.onTask?.(task, vm);
        result = await api.waitForTask(task);
      } else {
        result = await api.call(op.method, ...args);
      }
      if (op.saveAs !== undefined && typeof result === 'string') {
        refs.set(op.saveAs, result);
        if (op.saveAs === 'vm') hooks.onVm?.(result);
      }
      if (op.createsVdi === true && typeof result === 'string') created.push(result);
      return;
    }
    case 'find-vbd': {
      const vbds = await api.call<string[]>('VM.get_VBDs', vm);
      for (const vbd of vbds) {
        const record = await api.call<{ userdevice: string; type: string; VDI: string }>('VBD.get_record', vbd);
        const match = op.cd === true ? record.type === 'CD' : record.userdevice === op.device && record.type !== 'CD';
        if (!match) continue;
        refs.set(op.saveVbd, vbd);
        if (op.saveVdi !== undefined) refs.set(op.saveVdi, record.VDI);
        return;
      }
      throw new Error(op.cd === true ? 'The new VM has no CD drive.' : `The new VM has no disk at position ${op.device ?? '?'}.`);
    }
    case 'destroy-cloned-vifs': {
      for (const vif of await api.call<string[]>('VM.get_VIFs', vm)) {
        const task = await api.startAsync('VIF.destroy', vif);
        hooks.onTask?.(task, vm);
        await api.waitForTask(task);
      }
      return;
    }
    case 'ensure-not-template': {
      if (await api.call<boolean>('VM.get_is_a_template', vm)) await api.call('VM.set_is_a_template', vm, false);
      return;
    }
  }
}

/** Destroy the half-made VM and every disk made for it; errors here are swallowed (the first one is what the user needs). */
async function cleanUp(api: XenApiCaller, vm: string | undefined, created: readonly string[]): Promise<boolean> {
  let clean = true;
  const disks = new Set(created);
  if (vm !== undefined) {
    try {
      for (const vbd of await api.call<string[]>('VM.get_VBDs', vm)) {
        const record = await api.call<{ type: string; VDI: string }>('VBD.get_record', vbd);
        if (record.type !== 'CD' && !isNullRef(record.VDI)) disks.add(record.VDI);
      }
    } catch {
      clean = false;
    }
    try {
      await api.call('VM.destroy', vm);
    } catch {
      clean = false;
    }
  }
  for (const vdi of disks) {
    try {
      await api.call('VDI.destroy', vdi);
    } catch {
      clean = false;
    }
  }
  return clean;
}

export async function runPlan(api: XenApiCaller, plan: CreatePlan, hooks: RunHooks = {}): Promise<RunOutcome> {
  const refs = new Map<string, string>();
  const created: string[] = [];
  for (let i = 0; i < plan.ops.length; i++) {
    const op = plan.ops[i];
    if (op === undefined) continue;
    hooks.onStep?.(i, plan.ops.length, op.label);
    try {
      await runOp(api, op, refs, created, hooks);
    } catch (error) {
      const vm = refs.get('vm');
      if (i >= plan.pointOfNoReturn && vm !== undefined) return { ok: false, error, label: op.label, vm, cleanedUp: false };
      const cleanedUp = await cleanUp(api, vm, created);
      return { ok: false, error, label: op.label, cleanedUp };
    }
  }
  const vm = refs.get('vm');
  if (vm === undefined) return { ok: false, error: new Error('The clone returned no VM.'), label: 'Cloning template', cleanedUp: true };
  return { ok: true, vm };
}
