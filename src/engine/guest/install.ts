// A guest OS installation in virtual time. The installer runs in phases
// (Linux: partitioning, base system, software, boot loader; Windows Setup:
// copying files, …); each phase is written to VM.other_config
// 'xenlab-install-phase' / 'xenlab-install-progress', and a task named
// "Installing <OS>" follows it (progress 0..1, success at the end, failure
// when the install cannot go on or the VM stops). The installed system is
// written to the first disk (thin SRs grow by its size; SR_FULL fails it).
// At the end the installer ejects the CD, marks the disk with its OS, and the
// guest reboots into it. Linux installs include the guest agent (as a lab's
// automated install adds xe-guest-utilities); Windows needs Install Tools.
import { xenError, type XenApiError } from '../../xapi/errors';
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { emptyVhdFileSize, isThinSr, resizeVdiSpace } from '../storage/vdi-space';
import type { OsFamily } from '../vm/durations';
import { restartDomain } from '../vm/lifecycle-jobs';
import type { BootTarget } from './boot';
import { toolsVersionOf } from './guest-metrics';
import { disksOf, INSTALL_TASK_KEY, osByLabel, OS_KEY, PHASE_KEY, PROGRESS_KEY, setDiskKeys, setGuestState, TOOLS_KEY } from './guest-os';

const GiB = 1024 ** 3;

const PHASES: Readonly<Record<OsFamily, readonly (readonly [string, number])[]>> = {
  linux: [
    ['Starting the installer', 0.08],
    ['Partitioning disks', 0.07],
    ['Installing the base system', 0.35],
    ['Installing software', 0.35],
    ['Installing the boot loader', 0.1],
    ['Finishing the installation', 0.05],
  ],
  windows: [
    ['Windows Setup: copying files', 0.15],
    ['Getting files ready for installation', 0.25],
    ['Installing features', 0.3],
    ['Installing updates', 0.2],
    ['Finishing up', 0.1],
  ],
  other: [
    ['Starting the installer', 0.1],
    ['Installing', 0.8],
    ['Finishing the installation', 0.1],
  ],
};

/** Index of the phase during which the system is written to disk. */
const WRITE_PHASE = 2;
/** Virtual seconds of a whole install from local media; a network install downloads its packages (×1.5). */
const INSTALL_SECONDS: Readonly<Record<OsFamily, number>> = { linux: 420, windows: 840, other: 600 };
/** What the installed system occupies, and the smallest disk its installer accepts. */
const SYSTEM_BYTES: Readonly<Record<OsFamily, number>> = { linux: 3 * GiB, windows: 14 * GiB, other: 2 * GiB };
const MIN_DISK: Readonly<Record<OsFamily, number>> = { linux: 4 * GiB, windows: 32 * GiB, other: 1 * GiB };
/** While the VM is paused the installer waits; check again after this long. */
const PAUSED_RETRY_SECONDS = 5;

function stepSeconds(family: OsFamily, source: string, share: number): number {
  return INSTALL_SECONDS[family] * (source === 'cdrom' ? 1 : 1.5) * share;
}

function failInstall(engine: Engine, vm: string, task: string, phase: string, error: XenApiError): void {
  setGuestState(engine, vm, { [PHASE_KEY]: phase, [INSTALL_TASK_KEY]: undefined });
  engine.tasks.fail(task, error);
}

/** The guest has booted an installer: check the disk, open the task, run the first phase. */
export function startInstall(engine: Engine, vm: string, domid: number, target: Extract<BootTarget, { kind: 'install' }>): void {
  const os = osByLabel(target.os);
  if (os === undefined) return;
  const record = engine.world.get('VM', vm);
  const task = engine.tasks.create(`Installing ${os.guestOs.name === 'Unknown' ? os.name_label : os.guestOs.name}`, `Guest OS installation on ${record.name_label}`, false);
  setGuestState(engine, vm, { [PHASE_KEY]: PHASES[os.family][0]?.[0] ?? '', [PROGRESS_KEY]: '0', [INSTALL_TASK_KEY]: task });
  const disk = disksOf(engine, vm)[0];
  if (disk === undefined) {
    failInstall(engine, vm, task, 'Installation failed: no disk found', xenError('VM_REQUIRES_VDI', vm, ''));
    return;
  }
  const size = engine.world.get('VDI', disk.vdi).virtual_size;
  if (size < MIN_DISK[os.family]) {
    failInstall(engine, vm, task, `Installation failed: the disk is too small (at least ${String(MIN_DISK[os.family] / GiB)} GiB needed)`, xenError('VDI_TOO_SMALL', disk.vdi, MIN_DISK[os.family]));
    return;
  }
  const share = PHASES[os.family][0]?.[1] ?? 0;
  engine.scheduler.after(stepSeconds(os.family, target.source, share), 'guest.install.step', { vm, domid, task, os: target.os, vdi: disk.vdi, source: target.source, step: 0, done: 0 });
}

/** The installer writes the system onto the disk: a thin SR grows by its size. */
function writeSystem(engine: Engine, vdi: string, family: OsFamily): void {
  const r = engine.world.get('VDI', vdi);
  if (!isThinSr(engine.world.get('SR', r.SR).type)) return;
  const limit = r.virtual_size + emptyVhdFileSize(r.virtual_size);
  const target = Math.min(limit, Math.max(r.physical_utilisation, emptyVhdFileSize(r.virtual_size) + SYSTEM_BYTES[family]));
  if (target > r.physical_utilisation) resizeVdiSpace(engine, vdi, r.virtual_size, target);
}

function complete(engine: Engine, vm: string, task: string, os: string, vdi: string): void {
  const spec = osByLabel(os);
  if (spec === undefined) return;
  setDiskKeys(engine, vdi, spec.family === 'linux' ? { [OS_KEY]: os, [TOOLS_KEY]: toolsVersionOf('linux') } : { [OS_KEY]: os });
  for (const vbd of engine.world.get('VM', vm).VBDs) {
    const r = engine.world.find('VBD', vbd);
    if (r !== undefined && r.type === 'CD' && !r.empty) engine.world.update('VBD', vbd, { VDI: 'OpaqueRef:NULL', empty: true, currently_attached: false });
  }
  setGuestState(engine, vm, { [PHASE_KEY]: 'Installation complete', [PROGRESS_KEY]: '100', [INSTALL_TASK_KEY]: undefined });
  engine.tasks.succeed(task);
  restartDomain(engine, vm);
}

const installStep: JobHandler = (engine, a) => {
  const vm = a['vm'] as string;
  const task = a['task'] as string;
  const record = engine.world.find('VM', vm);
  if (record === undefined || record.domid !== a['domid'] || !engine.tasks.isPending(task)) return;
  if (record.power_state === 'Paused') {
    engine.scheduler.after(PAUSED_RETRY_SECONDS, 'guest.install.step', a);
    return;
  }
  const os = a['os'] as string;
  const family = osByLabel(os)?.family ?? 'other';
  const phases = PHASES[family];
  const step = a['step'] as number;
  const done = (a['done'] as number) + (phases[step]?.[1] ?? 0);
  if (step === WRITE_PHASE) {
    try {
      writeSystem(engine, a['vdi'] as string, family);
    } catch (e) {
      failInstall(engine, vm, task, 'Installation failed: no space left on the storage repository', e as XenApiError);
      return;
    }
  }
  const next = phases[step + 1];
  if (next === undefined) {
    complete(engine, vm, task, os, a['vdi'] as string);
    return;
  }
  setGuestState(engine, vm, { [PHASE_KEY]: next[0], [PROGRESS_KEY]: String(Math.round(done * 100)) });
  engine.tasks.progress(task, done);
  engine.scheduler.after(stepSeconds(family, a['source'] as string, next[1]), 'guest.install.step', { ...a, step: step + 1, done });
};

/** The guest's domain went away mid-install: the installation is lost. */
export function interruptInstall(engine: Engine, vm: string): void {
  const task = engine.world.find('VM', vm)?.other_config[INSTALL_TASK_KEY];
  if (task === undefined) return;
  if (engine.tasks.isPending(task)) {
    const state = engine.world.get('VM', vm).power_state.toLowerCase();
    failInstall(engine, vm, task, 'Installation interrupted', xenError('VM_BAD_POWER_STATE', vm, 'running', state));
  } else {
    setGuestState(engine, vm, { [INSTALL_TASK_KEY]: undefined });
  }
}

export const GUEST_INSTALL_JOBS: readonly (readonly [string, JobHandler])[] = [['guest.install.step', installStep]];
