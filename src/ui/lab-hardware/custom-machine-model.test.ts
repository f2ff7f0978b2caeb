import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, customMachineErrors, customMachineSpec } from './custom-machine-model';

describe('custom machine form', () => {
  it('turns the default draft into the spec Simulator.add_custom_machine takes', () => {
    expect(customMachineErrors(EMPTY_DRAFT)).toEqual({});
    expect(customMachineSpec(EMPTY_DRAFT)).toEqual({
      manufacturer: 'Whitebox', product: 'Custom build', firmware: 'UEFI', memory: 32 * 1024 ** 3,
      cpu: { vendor: 'GenuineIntel', modelname: 'Intel(R) Xeon(R) E-2234 CPU @ 3.60GHz', arch: 'x86_64', mhz: 3600, sockets: 1, coresPerSocket: 4, threadsPerCore: 2, hardwareAssist: true, iommu: true },
      disks: [{ size: 500e9, kind: 'SSD' }],
      nics: [{ speed: 1000, pxe: true }],
    });
  });

  it('gives each wrong field its own message', () => {
    const errors = customMachineErrors({
      ...EMPTY_DRAFT,
      product: ' ',
      ghz: 'fast',
      sockets: '0',
      threadsPerCore: '8',
      memoryGib: '',
      disks: [{ sizeGb: '500', kind: 'SSD' }, { sizeGb: '2.5', kind: 'HDD' }],
    });
    expect(errors).toEqual({
      product: 'Model: required.',
      ghz: 'Clock: enter a number, such as 2.4.',
      sockets: 'Sockets: at least 1.',
      threadsPerCore: 'Threads per core: at most 4.',
      memoryGib: 'RAM: enter a number, such as 2.4.',
      'disks.1.sizeGb': 'Disk size: enter a whole number.',
    });
    expect(customMachineSpec({ ...EMPTY_DRAFT, sockets: '0' })).toBeUndefined();
  });

  it('wants the CPU vendor and architecture to agree, and lets through what only the installer refuses', () => {
    expect(customMachineErrors({ ...EMPTY_DRAFT, arch: 'aarch64' })).toEqual({ arch: 'An Intel or AMD CPU is x86-64 or 32-bit x86 (i686).' });
    expect(customMachineErrors({ ...EMPTY_DRAFT, vendor: 'ARM' })).toEqual({ arch: 'An ARM CPU is aarch64.' });
    // A 32-bit PC with 512 MiB, no disk and no NIC: a valid machine; the hardware check blocks it.
    expect(customMachineErrors({ ...EMPTY_DRAFT, arch: 'i686', memoryGib: '0.5', disks: [], nics: [], hardwareAssist: false })).toEqual({});
  });
});
