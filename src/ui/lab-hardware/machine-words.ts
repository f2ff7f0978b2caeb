// Sizes and one-line descriptions of lab machines.
import type { MachineView } from '../../xapi/simulator/lab-view';

const GiB = 1024 ** 3;

/** Disk and RAM sizes as sold (decimal GB/TB), with the binary size a tool shows. */
export function formatSize(bytes: number): string {
  if (bytes >= 1e12) return `${(bytes / 1e12).toFixed(2)} TB`;
  if (bytes >= 1e9 && bytes % GiB !== 0) return `${Math.round(bytes / 1e9)} GB`;
  return `${Math.round(bytes / GiB)} GiB`;
}

export function machineSummary(m: MachineView): string {
  const { cpu } = m.spec;
  const cores = cpu.sockets * cpu.coresPerSocket;
  return `${cpu.modelname} (${String(cores)} core${cores === 1 ? '' : 's'}, ${cpu.arch}), ${formatSize(m.spec.memory)} RAM, ${m.spec.disks.map((d) => formatSize(d.size)).join(' + ') || 'no disk'}, ${String(m.spec.nics.length)} NIC${m.spec.nics.length === 1 ? '' : 's'}`;
}

export function machineState(m: MachineView): string {
  if (m.state === 'installing') return `Installing (${String(Math.round((m.install?.progress ?? 0) * 100))}%)`;
  if (m.state === 'installed') return `XenServer host${m.address === undefined ? '' : ` at ${m.address}`}`;
  return m.disk === 'wiped' ? 'Bare (disk wiped)' : 'Bare';
}
