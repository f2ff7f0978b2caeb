// A bare machine of the lab: the hardware a XenServer installer would probe.
// Machines are not XenAPI objects (a real pool knows nothing of servers it has
// not been installed on), so they live in the Simulator's lab store, never in
// the world's XenAPI tables.
import type { CpuVendor } from '../worlds/catalog/hardware';

export type CpuArch = 'x86_64' | 'i686' | 'aarch64';
export type DiskKind = 'SSD' | 'HDD' | 'NVMe';
export type Firmware = 'BIOS' | 'UEFI';

export interface MachineCpu {
  readonly vendor: CpuVendor | 'ARM';
  readonly modelname: string;
  readonly arch: CpuArch;
  /** Base clock in MHz. */
  readonly mhz: number;
  readonly sockets: number;
  readonly coresPerSocket: number;
  readonly threadsPerCore: number;
  /** Intel VT-x or AMD-V (HVM guests need it). */
  readonly hardwareAssist: boolean;
  /** Intel VT-d or AMD-Vi (PCI passthrough needs it). */
  readonly iommu: boolean;
  readonly family: number;
  readonly model: number;
  readonly stepping: number;
}

export interface MachineDisk {
  /** Bytes (drives are sold in decimal units). */
  readonly size: number;
  readonly kind: DiskKind;
  readonly model: string;
}

export interface MachineNic {
  /** Link speed in Mbit/s. */
  readonly speed: number;
  /** Whether its option ROM can boot from the network (PXE). */
  readonly pxe: boolean;
  readonly model: string;
}

export interface MachineSpec {
  readonly manufacturer: string;
  readonly product: string;
  readonly cpu: MachineCpu;
  /** Installed RAM in bytes. */
  readonly memory: number;
  readonly disks: readonly MachineDisk[];
  readonly nics: readonly MachineNic[];
  readonly firmware: Firmware;
}

export const GiB = 1024 ** 3;
export const GB = 1e9;

export function logicalCpus(cpu: MachineCpu): number {
  return cpu.sockets * cpu.coresPerSocket * cpu.threadsPerCore;
}
