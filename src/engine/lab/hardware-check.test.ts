import { describe, expect, it } from 'vitest';
import { hardwareCheck } from './hardware-check';
import { presetById } from './machine-catalog';
import { GB, GiB, type MachineSpec } from './machine-spec';

const server = presetById('2u-server')!.spec;
const findings = (spec: MachineSpec) => hardwareCheck(spec).map((f) => `${f.severity}:${f.id}`);
const withCpu = (patch: Partial<MachineSpec['cpu']>): MachineSpec => ({ ...server, cpu: { ...server.cpu, ...patch } });

describe('hardware check', () => {
  it('passes the 2U server with nothing to say', () => {
    expect(hardwareCheck(server)).toEqual([]);
  });
  it('blocks a CPU that is not 64-bit x86, saying what it found and needs', () => {
    const [f] = hardwareCheck(withCpu({ arch: 'i686' }));
    expect(f).toMatchObject({ severity: 'blocker', id: 'cpu-arch', subject: 'CPU' });
    expect(f?.found).toContain('32-bit');
    expect(f?.needed).toContain('64-bit x86');
    expect(findings(withCpu({ arch: 'aarch64' }))).toContain('blocker:cpu-arch');
  });
  it('blocks under 1 GiB of RAM, warns under 2 GiB and under 4 GiB', () => {
    expect(findings({ ...server, memory: 768 * 1024 ** 2 })).toContain('blocker:ram-min');
    expect(findings({ ...server, memory: 1 * GiB })).toEqual(['warning:ram-low']);
    expect(findings({ ...server, memory: 2 * GiB })).toEqual(['warning:ram-recommended']);
    expect(findings({ ...server, memory: 4 * GiB })).toEqual([]);
  });
  it('blocks a disk under 46 GiB (or none) and warns under 70 GiB', () => {
    const disk = (size: number) => ({ ...server, disks: [{ size, kind: 'HDD' as const, model: 'x' }] });
    expect(findings(disk(45 * GiB))).toEqual(['blocker:disk-min']);
    expect(findings({ ...server, disks: [] })).toEqual(['blocker:disk-min']);
    expect(findings(disk(46 * GiB))).toEqual(['warning:disk-small']);
    expect(findings(disk(70 * GiB))).toEqual([]);
    expect(hardwareCheck(disk(40 * GB))[0]?.found).toBe('largest disk 37.3 GiB');
  });
  it('blocks a machine without a NIC; warns when no NIC reaches Gigabit', () => {
    expect(findings({ ...server, nics: [] })).toEqual(['blocker:nic-none']);
    expect(findings({ ...server, nics: [{ speed: 100, pxe: true, model: 'x' }] })).toEqual(['warning:nic-slow']);
  });
  it('warns about a CPU under 1.5 GHz or with one core, and one without VT-x/AMD-V', () => {
    expect(findings(withCpu({ mhz: 1400 }))).toEqual(['warning:cpu-slow']);
    expect(findings(withCpu({ coresPerSocket: 1 }))).toEqual(['warning:cpu-slow']);
    const [f] = hardwareCheck(withCpu({ hardwareAssist: false }));
    expect(f).toMatchObject({ severity: 'warning', id: 'cpu-no-hvm' });
    expect(f?.meaning).toContain('Windows');
  });
  it('warns beyond the course notes\' old limits (128 GB, 6 NICs, 32 CPUs) and beyond today\'s', () => {
    expect(findings(presetById('big-box')!.spec)).toEqual(['warning:old-limit-memory', 'warning:old-limit-nics', 'warning:old-limit-cpus']);
    expect(findings({ ...server, memory: 8 * 1024 * GiB })).toEqual(['warning:limit-memory']);
  });
  it('draws each limit line where the figures say: 128 GiB / 6 TiB RAM, 6 / 16 NICs, 32 / 960 logical CPUs', () => {
    const nics = (n: number) => ({ ...server, nics: Array.from({ length: n }, () => server.nics[0]!) });
    expect(findings({ ...server, memory: 128 * GiB })).toEqual([]);
    expect(findings({ ...server, memory: 129 * GiB })).toEqual(['warning:old-limit-memory']);
    expect(findings({ ...server, memory: 6 * 1024 * GiB })).toEqual(['warning:old-limit-memory']);
    expect(findings({ ...server, memory: 6 * 1024 * GiB + GiB })).toEqual(['warning:limit-memory']);
    expect(findings(nics(6))).toEqual([]);
    expect(findings(nics(7))).toEqual(['warning:old-limit-nics']);
    expect(findings(nics(16))).toEqual(['warning:old-limit-nics']);
    expect(findings(nics(17))).toEqual(['warning:limit-nics']);
    expect(findings(withCpu({ coresPerSocket: 16, threadsPerCore: 2 }))).toEqual([]);
    expect(findings(withCpu({ sockets: 2, coresPerSocket: 16, threadsPerCore: 1 }))).toEqual([]);
    expect(findings(withCpu({ sockets: 2, coresPerSocket: 17, threadsPerCore: 1 }))).toEqual(['warning:old-limit-cpus']);
    expect(findings(withCpu({ sockets: 8, coresPerSocket: 60, threadsPerCore: 2 }))).toEqual(['warning:old-limit-cpus']);
    expect(findings(withCpu({ sockets: 8, coresPerSocket: 64, threadsPerCore: 2 }))).toEqual(['warning:limit-cpus']);
    // Each line names both figures, so a learner sees the old limit and today's.
    const [old] = hardwareCheck(nics(8));
    expect(old?.found).toBe('8 NICs');
    expect(old?.needed).toBe('at most 6 NICs in the course notes\' old limits; XenServer 8 supports up to 16');
    const [beyond] = hardwareCheck({ ...server, memory: 8 * 1024 * GiB });
    expect(beyond?.found).toBe('8 TiB RAM');
    expect(beyond?.needed).toBe('at most 6 TiB RAM (XenServer 8\'s supported limit)');
  });
  it('the presets: old desktop is refused for its disk and warned about RAM and VT-x; 32-bit PC is refused', () => {
    expect(findings(presetById('old-desktop')!.spec)).toEqual(['blocker:disk-min', 'warning:ram-recommended', 'warning:cpu-no-hvm']);
    expect(findings(presetById('32bit-pc')!.spec)).toEqual(['blocker:cpu-arch', 'warning:cpu-slow', 'warning:ram-low', 'warning:nic-slow']);
    expect(findings(presetById('lab-pc')!.spec)).toEqual([]);
  });
});
