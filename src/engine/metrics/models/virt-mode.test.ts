import { describe, expect, it } from 'vitest';
import { cpuCost, dom0IoCost, guestIoCost, hostHasHap, hostHasHvm, modeCost, virtMode, type VirtMode } from './virt-mode';

const vm = (domain_type: string, HVM_boot_policy = '') => ({ domain_type, HVM_boot_policy, is_control_domain: false }) as never;
const drivers = { live: true, PV_drivers_detected: true };

/** Host CPU for a workload of `useful` CPU with kernel share `k`, plus its I/O (guest and dom0). */
function hostCpu(mode: VirtMode, useful: number, k: number, diskOps: number, diskBytes: number, netBytes: number): number {
  const c = modeCost(mode);
  return cpuCost(c, useful, k) + guestIoCost(c, diskOps, netBytes) + dom0IoCost(c, diskOps, diskBytes, netBytes);
}

describe('virtualization modes', () => {
  it('classifies a running VM by domain type and PV drivers', () => {
    expect(virtMode(vm('pv'))).toBe('pv');
    expect(virtMode(vm('pv_in_pvh'))).toBe('pv');
    expect(virtMode(vm('pvh'))).toBe('pvh');
    expect(virtMode(vm('hvm', 'BIOS order'), undefined, drivers)).toBe('hvm-pv-drivers');
    expect(virtMode(vm('hvm', 'BIOS order'))).toBe('hvm-emulated');
    expect(virtMode(vm('hvm', 'BIOS order'), undefined, { live: false, PV_drivers_detected: true })).toBe('hvm-emulated');
    expect(virtMode(vm('unspecified', 'BIOS order'), undefined, drivers)).toBe('hvm-pv-drivers');
    expect(virtMode(vm('unspecified', ''))).toBe('pv');
    // The type it was started with wins over a later change of the record.
    expect(virtMode(vm('hvm', 'BIOS order'), { current_domain_type: 'pv' })).toBe('pv');
    expect(virtMode({ domain_type: 'hvm', HVM_boot_policy: 'x', is_control_domain: true } as never)).toBe('pv');
  });

  it('compute-bound work costs the same everywhere (Barham et al.; OpenSSL "a draw")', () => {
    for (const mode of ['pv', 'pvh', 'hvm-pv-drivers', 'hvm-emulated'] as const) expect(cpuCost(modeCost(mode), 0.5, 0)).toBeCloseTo(0.5);
  });

  it('PV runs a typical mixed workload at about 90 % of native (the course notes)', () => {
    const efficiency = 1 / cpuCost(modeCost('pv'), 1, 0.2);
    expect(efficiency).toBeGreaterThan(0.88);
    expect(efficiency).toBeLessThan(0.92);
  });

  it('a kernel build costs about 16 % more on PV than on PVHVM (Xen Orchestra blog)', () => {
    const ratio = cpuCost(modeCost('pv'), 1, 0.3) / cpuCost(modeCost('hvm-pv-drivers'), 1, 0.3);
    expect(ratio).toBeGreaterThan(1.12);
    expect(ratio).toBeLessThan(1.2);
  });

  it('the same workload costs the most host CPU with emulated devices, above all for I/O', () => {
    // A busy web server: 0.3 CPU, kernel share 0.35, 50 disk ops/s of 16 KiB, 20 MB/s of network.
    const cost = (m: VirtMode) => hostCpu(m, 0.3, 0.35, 50, 50 * 16384, 20e6);
    expect(cost('hvm-emulated')).toBeGreaterThan(cost('pv'));
    // Even without I/O (kernel-heavy work): full virtualization is slower than para.
    expect(cpuCost(modeCost('hvm-emulated'), 1, 0.3)).toBeGreaterThan(cpuCost(modeCost('pv'), 1, 0.3));
    expect(cost('pv')).toBeGreaterThan(cost('hvm-pv-drivers'));
    expect(cost('hvm-pv-drivers')).toBeGreaterThanOrEqual(cost('pvh'));
    // I/O alone: emulation costs several times what PV drivers do.
    const io = (m: VirtMode) => hostCpu(m, 0, 0, 1000, 1000 * 4096, 50e6);
    expect(io('hvm-emulated') / io('hvm-pv-drivers')).toBeGreaterThan(4);
    // And an emulated device saturates long before the hardware does.
    expect(modeCost('hvm-emulated').netBpsLimit).toBeLessThan(125e6);
    expect(modeCost('pvh').netBpsLimit).toBe(Infinity);
  });

  it('shadow paging (no EPT/NPT) taxes HVM kernel work, not PV', () => {
    expect(modeCost('hvm-pv-drivers', false).kernel).toBeGreaterThan(modeCost('hvm-pv-drivers', true).kernel * 1.5);
    expect(modeCost('pv', false)).toEqual(modeCost('pv', true));
  });

  it('reads hardware assist from the host record', () => {
    expect(hostHasHap('fpu vmx ept vpid')).toBe(true);
    expect(hostHasHap('fpu svm npt')).toBe(true);
    expect(hostHasHap('fpu vmx')).toBe(false);
    expect(hostHasHvm(['xen-3.0-x86_64', 'hvm-3.0-x86_64'])).toBe(true);
    expect(hostHasHvm(['xen-3.0-x86_64'])).toBe(false);
  });
});
