// The XenAPI calls behind the snapshot commands, as XenCenter's actions make
// them: VMSnapshotCreateAction (VM.snapshot or VM.checkpoint, then the
// description), VMSnapshotRevertAction (VM.revert, then — for a snapshot
// taken while the VM ran — its power state back: VM.revert leaves the VM
// Halted, or Suspended for a checkpoint, so it is started or resumed, on the
// server it ran on when that server can take it), VMSnapshotDeleteAction
// (the snapshot and its disks) and VMCloneAction for Save as Template.
// Each task shows in Events; SR_FULL, a chain at SM's limit (SR_BACKEND_FAILURE_109) and
// unreachable storage (SR_BACKEND_FAILURE_46) are told in
// the snapshot's own words.
import { isXenApiError } from '../../xapi/errors';
import { isNullRef } from '../../xapi/refs';
import type { ActionContext, CacheReader } from '../actions/action-types';
import { explainFailure, reportFailure } from '../actions/report';
import { runTaskCall, runTaskCallFor } from '../actions/run-xenapi';
import type { Target } from '../actions/targets';
import { formatBytes } from '../format/bytes';
import { showToast } from '../notifications/toast-store';

/** snapshot_info key xapi sets: the VM's power state when the snapshot was taken. */
const POWER_STATE_AT_SNAPSHOT = 'power-state-at-snapshot';

function vmTarget(cache: CacheReader, ref: string): Target {
  const vm = cache.get('VM', ref);
  return { cls: 'VM', ref, kind: vm?.is_a_snapshot === true ? 'snapshot' : 'vm', name: vm?.name_label ?? ref };
}

/** Words for the failures a snapshot meets most: no room on the SR, a chain at its limit, failed storage. */
export function snapshotFailureWords(vmName: string, error: unknown): { title: string; detail: string } | undefined {
  if (!isXenApiError(error)) return undefined;
  if (error.code === 'SR_FULL') {
    const [requested, maximum] = error.params.map(Number);
    const sizes = requested !== undefined && maximum !== undefined && Number.isFinite(requested) && Number.isFinite(maximum) ? ` It needs ${formatBytes(requested)}; ${formatBytes(maximum)} is free.` : '';
    return {
      title: `Not enough space on the storage repository for a snapshot of ${vmName}`,
      detail: `The SR holding ${vmName}’s disks is full.${sizes} Delete old snapshots or unused disks on it, then try again.`,
    };
  }
  if (error.code === 'SR_BACKEND_FAILURE_109') {
    return {
      title: `${vmName} has too many snapshots`,
      detail: 'A disk’s chain of snapshots is at the storage limit (30). Delete some of this VM’s snapshots (the space is merged back in the background), then try again.',
    };
  }
  if (error.code === 'SR_BACKEND_FAILURE_46') {
    return {
      title: `The storage holding ${vmName}’s disks is not available`,
      detail: `The storage manager could not reach a disk of ${vmName} (${error.params[1] ?? 'The VDI is not available'}). Repair the storage repository, then take the snapshot again.`,
    };
  }
  return undefined;
}

function reportSnapshotFailure(title: string, vmName: string, error: unknown, cache: CacheReader): void {
  const words = snapshotFailureWords(vmName, error);
  if (words === undefined) {
    reportFailure(title, error, cache);
    return;
  }
  const { code } = explainFailure(error, cache);
  showToast({ kind: 'error', ...words, ...(code !== undefined ? { code } : {}) });
}

export interface TakeSnapshotInput {
  readonly name: string;
  readonly description: string;
  /** Disks and memory (VM.checkpoint) rather than disks only (VM.snapshot). */
  readonly memory: boolean;
}

/** Take the snapshot; resolves to its ref, or undefined when it failed (reported). */
export async function takeSnapshotOf(context: ActionContext, vmRef: string, input: TakeSnapshotInput): Promise<string | undefined> {
  const vm = vmTarget(context.cache, vmRef);
  const title = `Could not take a snapshot of ${vm.name}`;
  const out = await runTaskCallFor<string>(
    context,
    { method: input.memory ? 'VM.checkpoint' : 'VM.snapshot', args: [vmRef, input.name], target: vm, failure: title },
    (e) => reportSnapshotFailure(title, vm.name, e, context.cache),
  );
  if (!out.ok) return undefined;
  if (input.description !== '') {
    try {
      await context.api.call('VM.set_name_description', out.result, input.description);
    } catch (e) {
      reportFailure(`The snapshot of ${vm.name} was taken, but its description could not be set`, e, context.cache);
    }
  }
  return out.result;
}

async function canBootOn(context: ActionContext, vm: string, host: string): Promise<boolean> {
  try {
    await context.api.call('VM.assert_can_boot_here', vm, host);
    return true;
  } catch {
    return false;
  }
}

/**
 * Revert the VM to the snapshot, then bring back the power state it had when
 * the snapshot was taken (running: start it, or resume a checkpoint). Resolves
 * true when the revert itself succeeded.
 */
export async function revertToSnapshot(context: ActionContext, snapRef: string): Promise<boolean> {
  const snap = context.cache.get('VM', snapRef);
  if (snap === undefined || isNullRef(snap.snapshot_of)) return false;
  const vmRef = snap.snapshot_of;
  const vm = vmTarget(context.cache, vmRef);
  const resident = context.cache.get('VM', vmRef)?.resident_on;
  const previousHost = resident !== undefined && !isNullRef(resident) ? resident : undefined;
  const reverted = await runTaskCall(context, { method: 'VM.revert', args: [snapRef], target: vm, failure: `Could not revert ${vm.name} to ${snap.name_label}` });
  if (!reverted || snap.snapshot_info[POWER_STATE_AT_SNAPSHOT] !== 'Running') return reverted;
  // The cache may not have the revert's events yet: ask the server.
  const state = await context.api.call<string>('VM.get_power_state', vmRef);
  const on = previousHost !== undefined && (await canBootOn(context, vmRef, previousHost)) ? previousHost : undefined;
  if (state === 'Suspended') {
    await runTaskCall(context, on !== undefined
      ? { method: 'VM.resume_on', args: [vmRef, on, false, false], target: vm, failure: `${vm.name} was reverted but could not be resumed` }
      : { method: 'VM.resume', args: [vmRef, false, false], target: vm, failure: `${vm.name} was reverted but could not be resumed` });
  } else if (state === 'Halted') {
    await runTaskCall(context, on !== undefined
      ? { method: 'VM.start_on', args: [vmRef, on, false, false], target: vm, failure: `${vm.name} was reverted but could not be started` }
      : { method: 'VM.start', args: [vmRef, false, false], target: vm, failure: `${vm.name} was reverted but could not be started` });
  }
  return true;
}

/** The snapshot's disks that nothing else uses (VMSnapshotDeleteAction deletes them with it). */
export function ownDisks(cache: CacheReader, snapRef: string): string[] {
  const snap = cache.get('VM', snapRef);
  if (snap === undefined) return [];
  const out: string[] = [];
  for (const vbdRef of snap.VBDs) {
    const vbd = cache.get('VBD', vbdRef);
    if (vbd === undefined || vbd.type === 'CD' || vbd.empty || isNullRef(vbd.VDI)) continue;
    const vdi = cache.get('VDI', vbd.VDI);
    if (vdi === undefined) continue;
    const shared = vdi.VBDs.some((other) => {
      const owner = cache.get('VBD', other)?.VM;
      return owner !== undefined && owner !== snapRef;
    });
    if (!shared && !out.includes(vbd.VDI)) out.push(vbd.VDI);
  }
  return out;
}

/** Delete the snapshot (VM.destroy takes its memory image) and then its own disks. */
export async function deleteSnapshotWithDisks(context: ActionContext, snapRef: string): Promise<boolean> {
  const snap = vmTarget(context.cache, snapRef);
  const disks = ownDisks(context.cache, snapRef);
  const names = new Map(disks.map((d) => [d, context.cache.get('VDI', d)?.name_label ?? d]));
  if (!(await runTaskCall(context, { method: 'VM.destroy', args: [snapRef], target: snap, failure: `Could not delete the snapshot ${snap.name}` }))) return false;
  let ok = true;
  for (const vdi of disks) {
    const target: Target = { cls: 'VDI', ref: vdi, kind: 'vdi', name: names.get(vdi) ?? vdi };
    ok = (await runTaskCall(context, { method: 'VDI.destroy', args: [vdi], target, failure: `The snapshot ${snap.name} was deleted, but not its disk ${target.name}` })) && ok;
  }
  return ok;
}

/** Save as Template: VM.clone of the snapshot (a template, as clones of templates are), marked instant as XenCenter marks it. */
export async function templateFromSnapshot(context: ActionContext, snapRef: string, name: string, description: string): Promise<string | undefined> {
  const snap = vmTarget(context.cache, snapRef);
  const title = `Could not make a template from ${snap.name}`;
  const out = await runTaskCallFor<string>(context, { method: 'VM.clone', args: [snapRef, name], target: snap, failure: title }, (e) => reportSnapshotFailure(title, snap.name, e, context.cache));
  if (!out.ok) return undefined;
  try {
    if (description !== '') await context.api.call('VM.set_name_description', out.result, description);
    await context.api.call('VM.add_to_other_config', out.result, 'instant', 'true');
  } catch (e) {
    reportFailure(`The template ${name} was made, but not all its details could be set`, e, context.cache);
  }
  return out.result;
}
