// PCI devices a lab host may carry for passthrough: GPUs and SR-IOV capable
// NICs. Ids from the pci.ids database (https://pci-ids.ucw.cz); the number of
// virtual functions is what the NIC's firmware enables by default.

export interface GpuModel {
  readonly class_id: string;
  readonly class_name: string;
  readonly vendor_id: string;
  readonly vendor_name: string;
  readonly device_id: string;
  readonly device_name: string;
  readonly subsystem_vendor_id: string;
  readonly subsystem_vendor_name: string;
  readonly subsystem_device_id: string;
  readonly subsystem_device_name: string;
}

export const GPU_MODELS = {
  'nvidia-t4': {
    class_id: '0302',
    class_name: '3D controller',
    vendor_id: '10de',
    vendor_name: 'NVIDIA Corporation',
    device_id: '1eb8',
    device_name: 'TU104GL [Tesla T4]',
    subsystem_vendor_id: '10de',
    subsystem_vendor_name: 'NVIDIA Corporation',
    subsystem_device_id: '12a2',
    subsystem_device_name: 'Tesla T4',
  },
} as const satisfies Record<string, GpuModel>;

export type GpuModelId = keyof typeof GPU_MODELS;

export interface SriovNic {
  readonly vendor_id: string;
  readonly vendor_name: string;
  readonly device_id: string;
  readonly device_name: string;
  readonly driver: string;
  readonly speed: number;
  readonly ports: number;
  /** Virtual functions per port (sriov_totalvfs as the firmware sets it). */
  readonly totalVfs: number;
  readonly vfDeviceId: string;
  readonly vfDeviceName: string;
}

export const SRIOV_NICS = {
  'mellanox-cx4lx': {
    vendor_id: '15b3',
    vendor_name: 'Mellanox Technologies',
    device_id: '1015',
    device_name: 'MT27710 Family [ConnectX-4 Lx]',
    driver: 'mlx5_core',
    speed: 25000,
    ports: 2,
    totalVfs: 8,
    vfDeviceId: '1016',
    vfDeviceName: 'MT27710 Family [ConnectX-4 Lx Virtual Function]',
  },
} as const satisfies Record<string, SriovNic>;

export type SriovNicId = keyof typeof SRIOV_NICS;

/** The SR-IOV NIC model of a PCI device id, if it is one. */
export function sriovNicByDeviceId(vendorId: string, deviceId: string): SriovNic | undefined {
  return Object.values(SRIOV_NICS).find((n) => n.vendor_id === vendorId && n.device_id === deviceId);
}

/** Where the VFs of a physical function appear on the bus: PF 0000:5e:00.1 → 0000:5e:03.0 … 0000:5e:03.7. */
export function vfPciIds(pfPciId: string, count: number): string[] {
  const m = /^([0-9a-f]{4}):([0-9a-f]{2}):([0-9a-f]{2})\.([0-7])$/.exec(pfPciId);
  if (m === null) return [];
  const [, domain = '', bus = '', , fn = '0'] = m;
  const slot = (2 + Number(fn)).toString(16).padStart(2, '0');
  return Array.from({ length: count }, (_, i) => `${domain}:${bus}:${slot}.${String(i)}`);
}
