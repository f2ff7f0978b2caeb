// Add machine ▸ Custom: the fields of a machine the catalogue does not have,
// as the user types them (strings), checked at each field with a zod schema
// whose bounds are those Simulator.add_custom_machine re-checks (a machine
// that could exist: 1–16 sockets, 1–256 cores per socket, 1–4 threads per
// core, 100 MHz–10 GHz, 64 MiB–64 TiB RAM, up to 16 disks of 1 GB–100 TB and
// 32 NICs of 10 Mbit/s–400 Gbit/s). A machine the installer will refuse (no
// disk, no NIC, a 32-bit or ARM CPU, too little RAM) is valid here: the
// hardware check is where the learner finds out why.
import { z } from 'zod';

const GiB = 1024 ** 3;
const GB = 1e9;

export interface DiskDraft {
  readonly sizeGb: string;
  readonly kind: 'SSD' | 'HDD' | 'NVMe';
}

export interface NicDraft {
  readonly speed: string;
  readonly pxe: boolean;
}

export interface CustomMachineDraft {
  readonly manufacturer: string;
  readonly product: string;
  readonly vendor: 'GenuineIntel' | 'AuthenticAMD' | 'ARM';
  readonly modelname: string;
  readonly arch: 'x86_64' | 'i686' | 'aarch64';
  readonly ghz: string;
  readonly sockets: string;
  readonly coresPerSocket: string;
  readonly threadsPerCore: string;
  readonly hardwareAssist: boolean;
  readonly iommu: boolean;
  readonly memoryGib: string;
  readonly disks: readonly DiskDraft[];
  readonly nics: readonly NicDraft[];
  readonly firmware: 'BIOS' | 'UEFI';
}

export const NIC_SPEEDS: readonly { readonly mbit: number; readonly label: string }[] = [
  { mbit: 100, label: '100 Mbit/s' },
  { mbit: 1000, label: '1 Gbit/s' },
  { mbit: 10000, label: '10 Gbit/s' },
  { mbit: 25000, label: '25 Gbit/s' },
  { mbit: 40000, label: '40 Gbit/s' },
  { mbit: 100000, label: '100 Gbit/s' },
];

export const EMPTY_DRAFT: CustomMachineDraft = {
  manufacturer: 'Whitebox',
  product: 'Custom build',
  vendor: 'GenuineIntel',
  modelname: 'Intel(R) Xeon(R) E-2234 CPU @ 3.60GHz',
  arch: 'x86_64',
  ghz: '3.6',
  sockets: '1',
  coresPerSocket: '4',
  threadsPerCore: '2',
  hardwareAssist: true,
  iommu: true,
  memoryGib: '32',
  disks: [{ sizeGb: '500', kind: 'SSD' }],
  nics: [{ speed: '1000', pxe: true }],
  firmware: 'UEFI',
};

/** A whole number in [min, max], typed as text. */
function whole(label: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, `${label}: enter a whole number.`)
    .transform(Number)
    .pipe(z.number().min(min, `${label}: at least ${String(min)}.`).max(max, `${label}: at most ${String(max)}.`));
}

/** A decimal number in [min, max], typed as text. */
function decimal(label: string, min: number, max: number, unit: string) {
  return z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, `${label}: enter a number, such as 2.4.`)
    .transform(Number)
    .pipe(z.number().min(min, `${label}: at least ${String(min)} ${unit}.`).max(max, `${label}: at most ${String(max)} ${unit}.`));
}

const text = (label: string) => z.string().trim().min(1, `${label}: required.`).max(120, `${label}: at most 120 characters.`);

const schema = z
  .object({
    manufacturer: text('Manufacturer'),
    product: text('Model'),
    vendor: z.enum(['GenuineIntel', 'AuthenticAMD', 'ARM']),
    modelname: text('CPU model'),
    arch: z.enum(['x86_64', 'i686', 'aarch64']),
    ghz: decimal('Clock', 0.1, 10, 'GHz'),
    sockets: whole('Sockets', 1, 16),
    coresPerSocket: whole('Cores per socket', 1, 256),
    threadsPerCore: whole('Threads per core', 1, 4),
    hardwareAssist: z.boolean(),
    iommu: z.boolean(),
    memoryGib: decimal('RAM', 0.0625, 65536, 'GiB'),
    disks: z.array(z.object({ sizeGb: whole('Disk size', 1, 100000), kind: z.enum(['SSD', 'HDD', 'NVMe']) })).max(16, 'At most 16 disks.'),
    nics: z.array(z.object({ speed: whole('NIC speed', 10, 400000), pxe: z.boolean() })).max(32, 'At most 32 NICs.'),
    firmware: z.enum(['BIOS', 'UEFI']),
  })
  .superRefine((d, ctx) => {
    // ARM cores are not x86 and x86 vendors make no ARM server CPUs here: the pair must agree.
    if ((d.vendor === 'ARM') !== (d.arch === 'aarch64')) {
      ctx.addIssue({ code: 'custom', path: ['arch'], message: d.vendor === 'ARM' ? 'An ARM CPU is aarch64.' : 'An Intel or AMD CPU is x86-64 or 32-bit x86 (i686).' });
    }
  });

/** The first message for each field (keys: 'ghz', 'disks.0.sizeGb', …); empty when the draft is valid. */
export function customMachineErrors(draft: CustomMachineDraft): Record<string, string> {
  const result = schema.safeParse(draft);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The spec Simulator.add_custom_machine takes (undefined while a field is invalid). */
export function customMachineSpec(draft: CustomMachineDraft): Record<string, unknown> | undefined {
  const result = schema.safeParse(draft);
  if (!result.success) return undefined;
  const d = result.data;
  return {
    manufacturer: d.manufacturer,
    product: d.product,
    firmware: d.firmware,
    memory: Math.round(d.memoryGib * GiB),
    cpu: {
      vendor: d.vendor,
      modelname: d.modelname,
      arch: d.arch,
      mhz: Math.round(d.ghz * 1000),
      sockets: d.sockets,
      coresPerSocket: d.coresPerSocket,
      threadsPerCore: d.threadsPerCore,
      hardwareAssist: d.hardwareAssist,
      iommu: d.iommu,
    },
    disks: d.disks.map((disk) => ({ size: disk.sizeGb * GB, kind: disk.kind })),
    nics: d.nics.map((nic) => ({ speed: nic.speed, pxe: nic.pxe })),
  };
}
