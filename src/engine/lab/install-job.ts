// The installation itself, in virtual time: a Simulator task whose phases are
// scheduler jobs (data, so a saved lab resumes mid-install). The last phase
// builds the standalone host; cancelling at any point leaves the machine bare
// with its disk wiped, as a real aborted install leaves a half-partitioned disk.
import type { InstallAnswers } from '../../xapi/simulator/install-answers';
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { buildInstalledHost } from './installed-host';
import type { InstallProgress, Machine } from './lab-store';

type Args = Readonly<Record<string, unknown>>;

export interface Phase {
  readonly name: string;
  readonly seconds: number;
}

/** Seconds to copy the packages (about 1.4 GB) from each source. */
const PACKAGE_SECONDS = { local: 300, http: 420, nfs: 360 } as const;

export function installPhases(a: InstallAnswers): Phase[] {
  return [
    ...(a.verifyMedia ? [{ name: 'Verifying installation source', seconds: 120 }] : []),
    { name: 'Partitioning disk: root 18 GiB, backup 18 GiB, logs 4 GiB, swap 1 GiB, boot 512 MiB; local SR on the rest', seconds: 20 },
    { name: 'Creating file systems', seconds: 25 },
    { name: `Installing packages from ${a.source.kind === 'local' ? 'the CD' : a.source.url}`, seconds: PACKAGE_SECONDS[a.source.kind] },
    ...(a.supplementalPacks ? [{ name: 'Installing supplemental packs', seconds: 60 }] : []),
    { name: 'Installing bootloader', seconds: 15 },
    { name: 'Writing configuration: password, network, hostname, time zone, NTP', seconds: 10 },
    { name: 'Rebooting: first boot (xapi starts, local storage is created)', seconds: 150 },
  ];
}

/** The first-boot phases after a host is ejected from its pool (no installer). */
export function rebootAfterEjectPhases(): Phase[] {
  return [
    { name: 'Ejected from the pool: resetting the host\'s database', seconds: 20 },
    { name: 'Rebooting: first boot as a standalone server', seconds: 150 },
  ];
}

export function startPhases(engine: Engine, machine: Machine, task: string, answers: InstallAnswers, phases: readonly Phase[]): void {
  const install: InstallProgress = { task, answers, phases, phase: 0, startedAt: engine.now, phaseAt: engine.now };
  engine.lab.setMachine({ ...machine, state: 'installing', power: 'on', disk: 'wiped', install });
  engine.scheduler.after(phases[0]?.seconds ?? 0, 'lab.install.phase', { machine: machine.id, task, phase: 1 });
}

export function installProgress(engine: Engine, install: InstallProgress): number {
  const total = install.phases.reduce((s, p) => s + p.seconds, 0);
  const done = install.phases.slice(0, install.phase).reduce((s, p) => s + p.seconds, 0);
  const current = install.phases[install.phase]?.seconds ?? 0;
  const within = Math.min(current, Math.max(0, engine.now - install.phaseAt));
  return total === 0 ? 1 : Math.min(1, (done + within) / total);
}

/** Management address: the static one, or the next lease of the lab router's DHCP pool. */
function leaseAddress(engine: Engine, answers: InstallAnswers): string {
  if (answers.staticIp !== undefined) return answers.staticIp.address;
  const n = engine.lab.state.nextLease;
  engine.lab.update((s) => ({ ...s, nextLease: s.nextLease + 1 }));
  return `192.168.10.${String(n)}`;
}

const phaseDone: JobHandler = (engine, args: Args) => {
  const machine = engine.lab.machine(args['machine'] as string);
  const task = args['task'] as string;
  const install = machine?.install;
  if (machine === undefined || install === undefined || install.task !== task) return;
  const next = args['phase'] as number;
  if (next < install.phases.length) {
    engine.lab.setMachine({ ...machine, install: { ...install, phase: next, phaseAt: engine.now } });
    if (task !== '') engine.tasks.progress(task, installProgress(engine, { ...install, phase: next, phaseAt: engine.now }));
    engine.scheduler.after(install.phases[next]?.seconds ?? 0, 'lab.install.phase', { machine: machine.id, task, phase: next + 1 });
    return;
  }
  const address = machine.address ?? leaseAddress(engine, install.answers);
  const built = buildInstalledHost(engine, machine.spec, install.answers, address);
  engine.lab.update((s) => ({
    ...s,
    machines: { ...s.machines, [machine.id]: { id: machine.id, name: machine.name, spec: machine.spec, power: 'on', state: 'installed', disk: 'xenserver', host: built.host, address } },
    passwords: { ...s.passwords, [built.host]: install.answers.rootPassword },
    membership: { ...s.membership, [built.host]: built.pool },
    console: { ...s.console, [built.pool]: 'not_added' },
  }));
  if (task !== '') engine.tasks.succeed(task, built.host);
};

/** task.cancel: the machine is left bare, its disk wiped and the power off. */
const cancelInstall: JobHandler = (engine, args: Args) => {
  const machine = engine.lab.machine(args['machine'] as string);
  if (machine === undefined) return;
  engine.lab.setMachine({ id: machine.id, name: machine.name, spec: machine.spec, power: 'off', state: 'bare', disk: 'wiped' });
};

export const LAB_JOBS: readonly (readonly [string, JobHandler])[] = [
  ['lab.install.phase', phaseDone],
  ['lab.install.cancel', cancelInstall],
];
