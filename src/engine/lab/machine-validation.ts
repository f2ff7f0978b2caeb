// Checks a custom machine spec from Simulator.add_custom_machine: every field
// present, of its type and within what a real machine could have. Bad input
// answers INVALID_VALUE(field, value) and never reaches the lab store.
import { xenError } from '../../xapi/errors';
import { GB, GiB, type MachineSpec } from './machine-spec';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(o: Obj, key: string, field: string, min: number, max: number, integer = true): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw xenError('INVALID_VALUE', field, String(v));
  }
  return v;
}

function str(o: Obj, key: string, field: string, allowed?: readonly string[]): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '' || v.length > 120 || (allowed !== undefined && !allowed.includes(v))) {
    throw xenError('INVALID_VALUE', field, String(v));
  }
  return v;
}

function bool(o: Obj, key: string, field: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw xenError('INVALID_VALUE', field, String(v));
  return v;
}

export function parseMachineSpec(input: unknown): MachineSpec {
  if (!isObj(input)) throw xenError('INVALID_VALUE', 'spec', String(input));
  const cpu = input['cpu'];
  if (!isObj(cpu)) throw xenError('INVALID_VALUE', 'cpu', String(cpu));
  const disks = input['disks'];
  const nics = input['nics'];
  if (!Array.isArray(disks) || disks.length > 16) throw xenError('INVALID_VALUE', 'disks', String(disks));
  if (!Array.isArray(nics) || nics.length > 32) throw xenError('INVALID_VALUE', 'nics', String(nics));
  const spec: MachineSpec = {
    manufacturer: str(input, 'manufacturer', 'manufacturer'),
    product: str(input, 'product', 'product'),
    firmware: str(input, 'firmware', 'firmware', ['BIOS', 'UEFI']) as MachineSpec['firmware'],
    memory: num(input, 'memory', 'memory', 64 * 1024 ** 2, 64 * 1024 * GiB),
    cpu: {
      vendor: str(cpu, 'vendor', 'cpu.vendor', ['GenuineIntel', 'AuthenticAMD', 'ARM']) as MachineSpec['cpu']['vendor'],
      modelname: str(cpu, 'modelname', 'cpu.modelname'),
      arch: str(cpu, 'arch', 'cpu.arch', ['x86_64', 'i686', 'aarch64']) as MachineSpec['cpu']['arch'],
      mhz: num(cpu, 'mhz', 'cpu.mhz', 100, 10000, false),
      sockets: num(cpu, 'sockets', 'cpu.sockets', 1, 16),
      coresPerSocket: num(cpu, 'coresPerSocket', 'cpu.coresPerSocket', 1, 256),
      threadsPerCore: num(cpu, 'threadsPerCore', 'cpu.threadsPerCore', 1, 4),
      hardwareAssist: bool(cpu, 'hardwareAssist', 'cpu.hardwareAssist'),
      iommu: bool(cpu, 'iommu', 'cpu.iommu'),
      family: typeof cpu['family'] === 'number' ? num(cpu, 'family', 'cpu.family', 0, 255) : 6,
      model: typeof cpu['model'] === 'number' ? num(cpu, 'model', 'cpu.model', 0, 255) : 0,
      stepping: typeof cpu['stepping'] === 'number' ? num(cpu, 'stepping', 'cpu.stepping', 0, 15) : 0,
    },
    disks: disks.map((d: unknown, i) => {
      if (!isObj(d)) throw xenError('INVALID_VALUE', `disks[${String(i)}]`, String(d));
      return {
        size: num(d, 'size', `disks[${String(i)}].size`, 1 * GB, 100000 * GB),
        kind: str(d, 'kind', `disks[${String(i)}].kind`, ['SSD', 'HDD', 'NVMe']) as 'SSD' | 'HDD' | 'NVMe',
        model: typeof d['model'] === 'string' && d['model'] !== '' ? str(d, 'model', `disks[${String(i)}].model`) : `${String(Math.round((d['size'] as number) / GB))} GB disk`,
      };
    }),
    nics: nics.map((n: unknown, i) => {
      if (!isObj(n)) throw xenError('INVALID_VALUE', `nics[${String(i)}]`, String(n));
      return {
        speed: num(n, 'speed', `nics[${String(i)}].speed`, 10, 400000),
        pxe: bool(n, 'pxe', `nics[${String(i)}].pxe`),
        model: typeof n['model'] === 'string' && n['model'] !== '' ? str(n, 'model', `nics[${String(i)}].model`) : 'Ethernet controller',
      };
    }),
  };
  // The vendor and the architecture must agree (Intel and AMD make x86, ARM makes aarch64).
  if ((spec.cpu.vendor === 'ARM') !== (spec.cpu.arch === 'aarch64')) {
    throw xenError('INVALID_VALUE', 'cpu.arch', `${spec.cpu.arch}: a ${spec.cpu.vendor} CPU is ${spec.cpu.vendor === 'ARM' ? 'aarch64' : 'x86_64 or i686'}`);
  }
  return spec;
}
