// The machines "Add machine" offers: a 2U server like the lab pool's, a small
// lab PC, an old desktop, a 32-bit PC and a big box past the course notes' old
// limits. Part numbers and clocks are the vendors' (ark.intel.com, amd.com).
import { GB, GiB, type MachineCpu, type MachineSpec } from './machine-spec';

const xeonSilver4314: MachineCpu = {
  vendor: 'GenuineIntel', modelname: 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', arch: 'x86_64', mhz: 2394.374,
  sockets: 1, coresPerSocket: 16, threadsPerCore: 2, hardwareAssist: true, iommu: true, family: 6, model: 106, stepping: 6,
};

const i350 = { speed: 1000, pxe: true, model: 'Intel I350 Gigabit' } as const;

export interface MachinePreset {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly name: string;
  readonly spec: MachineSpec;
}

export const MACHINE_PRESETS: readonly MachinePreset[] = [
  {
    id: '2u-server',
    label: '2U rack server',
    description: 'Dell PowerEdge R750: one 16-core Xeon Silver 4314, 128 GB RAM, 960 GB SSD RAID 1, four 1 Gbit/s NICs',
    name: 'r750',
    spec: {
      manufacturer: 'Dell Inc.', product: 'PowerEdge R750', firmware: 'UEFI',
      cpu: xeonSilver4314, memory: 128 * GiB,
      disks: [{ size: 960 * GB, kind: 'SSD', model: 'PERC H755 RAID 1 (2 × 960 GB SSD)' }],
      nics: [i350, i350, i350, i350],
    },
  },
  {
    id: 'lab-pc',
    label: 'Small lab PC',
    description: 'Dell OptiPlex 7070: 6-core Core i5-9500, 16 GB RAM, 256 GB NVMe, one 1 Gbit/s NIC',
    name: 'optiplex',
    spec: {
      manufacturer: 'Dell Inc.', product: 'OptiPlex 7070', firmware: 'UEFI',
      cpu: { vendor: 'GenuineIntel', modelname: 'Intel(R) Core(TM) i5-9500 CPU @ 3.00GHz', arch: 'x86_64', mhz: 2999.988, sockets: 1, coresPerSocket: 6, threadsPerCore: 1, hardwareAssist: true, iommu: true, family: 6, model: 158, stepping: 10 },
      memory: 16 * GiB,
      disks: [{ size: 256 * GB, kind: 'NVMe', model: 'PM981 NVMe 256 GB' }],
      nics: [{ speed: 1000, pxe: true, model: 'Intel I219-LM' }],
    },
  },
  {
    id: 'old-desktop',
    label: 'Old desktop',
    description: 'HP Compaq dc7700: Core 2 Duo E4300 (no VT-x), 2 GB RAM, 40 GB IDE disk, one 1 Gbit/s NIC',
    name: 'dc7700',
    spec: {
      manufacturer: 'Hewlett-Packard', product: 'HP Compaq dc7700 Small Form Factor', firmware: 'BIOS',
      cpu: { vendor: 'GenuineIntel', modelname: 'Intel(R) Core(TM)2 CPU 4300 @ 1.80GHz', arch: 'x86_64', mhz: 1800, sockets: 1, coresPerSocket: 2, threadsPerCore: 1, hardwareAssist: false, iommu: false, family: 6, model: 15, stepping: 2 },
      memory: 2 * GiB,
      disks: [{ size: 40 * GB, kind: 'HDD', model: 'Seagate Barracuda 7200.9 40 GB' }],
      nics: [{ speed: 1000, pxe: true, model: 'Intel 82566DM' }],
    },
  },
  {
    id: '32bit-pc',
    label: '32-bit PC',
    description: 'Dell Dimension 4600: Pentium 4 2.4 GHz (32-bit only), 1 GB RAM, 80 GB disk, one 100 Mbit/s NIC',
    name: 'dimension',
    spec: {
      manufacturer: 'Dell Computer Corporation', product: 'Dimension 4600', firmware: 'BIOS',
      cpu: { vendor: 'GenuineIntel', modelname: 'Intel(R) Pentium(R) 4 CPU 2.40GHz', arch: 'i686', mhz: 2400, sockets: 1, coresPerSocket: 1, threadsPerCore: 1, hardwareAssist: false, iommu: false, family: 15, model: 2, stepping: 9 },
      memory: 1 * GiB,
      disks: [{ size: 80 * GB, kind: 'HDD', model: 'Maxtor DiamondMax 80 GB' }],
      nics: [{ speed: 100, pxe: true, model: 'Intel PRO/100 VE' }],
    },
  },
  {
    id: 'big-box',
    label: 'Big box',
    description: 'HPE ProLiant DL385 Gen10 Plus v2: two 32-core EPYC 7543 (128 threads), 1 TB RAM, 3.84 TB SSD, eight NICs',
    name: 'dl385',
    spec: {
      manufacturer: 'HPE', product: 'ProLiant DL385 Gen10 Plus v2', firmware: 'UEFI',
      cpu: { vendor: 'AuthenticAMD', modelname: 'AMD EPYC 7543 32-Core Processor', arch: 'x86_64', mhz: 2794.748, sockets: 2, coresPerSocket: 32, threadsPerCore: 2, hardwareAssist: true, iommu: true, family: 25, model: 1, stepping: 1 },
      memory: 1024 * GiB,
      disks: [{ size: 3840 * GB, kind: 'SSD', model: 'HPE Smart Array RAID 1 (2 × 3.84 TB SSD)' }],
      nics: [
        ...Array.from({ length: 4 }, () => ({ speed: 1000, pxe: true, model: 'Broadcom BCM5719 Gigabit' })),
        ...Array.from({ length: 4 }, () => ({ speed: 25000, pxe: true, model: 'Mellanox ConnectX-4 Lx 25GbE' })),
      ],
    },
  },
];

export function presetById(id: string): MachinePreset | undefined {
  return MACHINE_PRESETS.find((p) => p.id === id);
}
