// What Simulator.get_lab answers: the lab's bare machines, its PXE service and
// the servers the console knows. Simulator contract, not XenAPI.
import type { InstallAnswers } from './install-answers';

export interface MachineCpuView {
  readonly vendor: string;
  readonly modelname: string;
  readonly arch: 'x86_64' | 'i686' | 'aarch64';
  readonly mhz: number;
  readonly sockets: number;
  readonly coresPerSocket: number;
  readonly threadsPerCore: number;
  readonly hardwareAssist: boolean;
  readonly iommu: boolean;
}

export interface MachineSpecView {
  readonly manufacturer: string;
  readonly product: string;
  readonly cpu: MachineCpuView;
  readonly memory: number;
  readonly disks: readonly { readonly size: number; readonly kind: string; readonly model: string }[];
  readonly nics: readonly { readonly speed: number; readonly pxe: boolean; readonly model: string }[];
  readonly firmware: 'BIOS' | 'UEFI';
}

export interface InstallView {
  readonly task: string;
  readonly phase: string;
  readonly phases: readonly string[];
  readonly phaseIndex: number;
  /** 0..1 over the whole install. */
  readonly progress: number;
  readonly answers: Omit<InstallAnswers, 'rootPassword'>;
}

export interface MachineView {
  readonly id: string;
  readonly name: string;
  readonly spec: MachineSpecView;
  readonly power: 'off' | 'on';
  readonly state: 'bare' | 'installing' | 'installed';
  readonly disk: 'blank' | 'wiped' | 'xenserver';
  readonly install?: InstallView;
  readonly host?: string;
  readonly address?: string;
}

export interface PxeView {
  readonly dhcp: boolean;
  readonly tftp: boolean;
  readonly repository: { readonly protocol: 'none' | 'http' | 'nfs'; readonly url: string };
}

/** One connection of the console: a pool (a standalone server has its own) and its hosts. */
export interface ServerView {
  readonly pool: string;
  readonly master: string;
  readonly hosts: readonly string[];
  readonly state: 'connected' | 'disconnected' | 'not_added';
}

export interface LabView {
  readonly generation: number;
  readonly machines: readonly MachineView[];
  readonly pxe: PxeView;
  readonly servers: readonly ServerView[];
}

export interface FindingView {
  readonly id: string;
  readonly severity: 'blocker' | 'warning';
  readonly subject: 'CPU' | 'Memory' | 'Disk' | 'Network';
  readonly found: string;
  readonly needed: string;
  readonly meaning: string;
}

export interface PresetView {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly name: string;
}
