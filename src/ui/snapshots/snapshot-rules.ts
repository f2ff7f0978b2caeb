// The Take Snapshot dialog's rules (XenCenter's VmSnapshotDialog): which
// snapshot modes the VM allows and why the others are off, and the checks on
// the name; and the names XenCenter suggests for Save as Template.
import { OK, no, type CacheReader, type CanRun } from '../actions/action-types';
import { allowedCheck } from '../actions/vm-checks';

export interface SnapshotModes {
  /** "Snapshot the virtual machine's disks" (VM.snapshot). */
  readonly disks: CanRun;
  /** "Snapshot the virtual machine's disks and memory" (VM.checkpoint): a running VM only. */
  readonly memory: CanRun;
}

export function snapshotModes(cache: CacheReader, vmRef: string): SnapshotModes {
  const vm = cache.get('VM', vmRef);
  if (vm === undefined) return { disks: no('The VM no longer exists.'), memory: no('The VM no longer exists.') };
  const disks = allowedCheck(vm, 'snapshot', 'A disk snapshot');
  let memory: CanRun;
  if (vm.power_state !== 'Running') {
    memory = no(`Disk and memory snapshots need the VM to be running; ${vm.name_label} is ${vm.power_state === 'Halted' ? 'shut down' : vm.power_state.toLowerCase()}.`);
  } else {
    memory = allowedCheck(vm, 'checkpoint', 'A disk and memory snapshot');
  }
  return { disks, memory };
}

/** The mode the dialog starts with: disks only when allowed (XenCenter's default), else disks and memory. */
export function initialMode(modes: SnapshotModes): 'disks' | 'memory' {
  return modes.disks.ok || !modes.memory.ok ? 'disks' : 'memory';
}

export function snapshotNameError(name: string): string | undefined {
  return name.trim() === '' ? 'Enter a name for the snapshot.' : undefined;
}

export function canTake(name: string, mode: 'disks' | 'memory', modes: SnapshotModes): CanRun {
  const nameError = snapshotNameError(name);
  if (nameError !== undefined) return no(nameError);
  const chosen = mode === 'disks' ? modes.disks : modes.memory;
  return chosen.ok ? OK : chosen;
}

/** A name no VM, template or snapshot has: `base`, else "base (1)", "base (2)" … (XenCenter's MakeUniqueName). */
export function uniqueName(base: string, cache: CacheReader): string {
  const taken = new Set([...cache.all('VM').values()].map((v) => v.name_label));
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) {
    const name = `${base} (${String(i)})`;
    if (!taken.has(name)) return name;
  }
}

/** Save as Template's suggested name (Messages.TEMPLATE_FROM_SNAPSHOT_DEFAULT_NAME). */
export function templateNameFor(snapshotName: string, cache: CacheReader): string {
  return uniqueName(`Template from snapshot '${snapshotName}'`, cache);
}
