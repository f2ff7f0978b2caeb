import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHT, parseVcpuParams, shareCpus, waterFill, type DomainCpu } from './cpu';
import { cpuCost, modeCost } from './virt-mode';

const dom = (demand: number[], weight = DEFAULT_WEIGHT, cap = 0, masks?: (number[] | undefined)[]): DomainCpu => ({ demand, weight, cap, masks });
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

describe('credit scheduler', () => {
  it('gives everyone their demand when the CPUs suffice', () => {
    const s = shareCpus(4, [dom([0.5, 0.2]), dom([1, 1])]);
    expect(Array.from(s.delivered[0]!)).toEqual([0.5, 0.2]);
    expect(Array.from(s.delivered[1]!)).toEqual([1, 1]);
    expect(s.total).toBeCloseTo(2.7);
    expect(sum(s.pcpu) / 4).toBeCloseTo(2.7 / 4);
  });

  it('two CPU-bound VMs with weights 512 and 256 on one pCPU get 2:1', () => {
    const s = shareCpus(1, [dom([1], 512), dom([1], 256)]);
    expect(s.delivered[0]![0]).toBeCloseTo(2 / 3);
    expect(s.delivered[1]![0]).toBeCloseTo(1 / 3);
    expect(s.pcpu[0]).toBeCloseTo(1);
  });

  it('a cap of 50 limits a VM to half a pCPU even when CPUs are idle', () => {
    const s = shareCpus(8, [dom([1, 1], DEFAULT_WEIGHT, 50)]);
    expect(sum(s.delivered[0]!)).toBeCloseTo(0.5);
    const t = shareCpus(8, [dom([1, 1, 1, 1], DEFAULT_WEIGHT, 150)]);
    expect(sum(t.delivered[0]!)).toBeCloseTo(1.5);
  });

  it('a vCPU never gets more than one pCPU', () => {
    const s = shareCpus(16, [dom([3, 0.5])]);
    expect(s.delivered[0]![0]).toBe(1);
  });

  it('two CPU-bound VMs pinned to one core get about half each; the rest of the host is untouched', () => {
    const s = shareCpus(8, [dom([1], DEFAULT_WEIGHT, 0, [[3]]), dom([1], DEFAULT_WEIGHT, 0, [[3]]), dom([0.5, 0.5])]);
    expect(s.delivered[0]![0]).toBeCloseTo(0.5, 1);
    expect(s.delivered[1]![0]).toBeCloseTo(0.5, 1);
    expect(sum(s.delivered[2]!)).toBeCloseTo(1);
    expect(s.pcpu[3]).toBeCloseTo(1);
    expect(s.pcpu[0]).toBeLessThan(0.3);
  });

  it('when demand exceeds the pCPUs, the shortfall is shared fairly and everyone loses time', () => {
    // 3 domains × 4 busy vCPUs on 8 pCPUs: each gets 8/12 of what it wants.
    const s = shareCpus(8, [dom([1, 1, 1, 1]), dom([1, 1, 1, 1]), dom([1, 1, 1, 1])]);
    for (const d of s.delivered) for (const v of d) expect(v).toBeCloseTo(2 / 3);
    expect(s.total).toBeCloseTo(8);
    // A light domain keeps all it wants (max-min fairness).
    const t = shareCpus(2, [dom([0.1]), dom([1, 1, 1])]);
    expect(t.delivered[0]![0]).toBeCloseTo(0.1);
    expect(sum(t.delivered[1]!)).toBeCloseTo(1.9);
  });

  it('weight counts per busy vCPU (credit1 sums weight × active vCPUs)', () => {
    // Same weight: a 1-vCPU and a 3-vCPU domain on 2 pCPUs: every vCPU gets half a pCPU.
    const s = shareCpus(2, [dom([1]), dom([1, 1, 1])]);
    expect(s.delivered[0]![0]).toBeCloseTo(0.5);
    expect(sum(s.delivered[1]!)).toBeCloseTo(1.5);
  });

  it('PV delivers more useful work than HVM with emulated devices for the same demand under contention', () => {
    // The same guest work (0.6 CPU, kernel share 0.3, 400 disk ops/s) in two modes; four guests fight for 2 pCPUs.
    const pv = cpuCost(modeCost('pv'), 0.6, 0.3) + 400 * modeCost('pv').guestPerDiskOp;
    const hvm = cpuCost(modeCost('hvm-emulated'), 0.6, 0.3) + 400 * modeCost('hvm-emulated').guestPerDiskOp;
    const s = shareCpus(2, [dom([pv]), dom([pv]), dom([hvm]), dom([hvm])]);
    expect(s.delivered[0]![0]).toBeCloseTo(s.delivered[2]![0]!); // the scheduler is fair to both…
    const usefulPv = (s.delivered[0]![0]! / pv) * 0.6;
    const usefulHvm = (s.delivered[2]![0]! / hvm) * 0.6;
    expect(usefulPv).toBeGreaterThan(usefulHvm * 1.05); // …but PV turns its share into more work
  });

  it('water-filling conserves capacity and never exceeds demand', () => {
    const entities = [0.2, 0.9, 0.4, 1, 0.05].map((demand, i) => ({ demand, weight: 1 + i, got: 0 }));
    const used = waterFill(entities, 1.5);
    expect(used).toBeCloseTo(1.5);
    for (const e of entities) expect(e.got).toBeLessThanOrEqual(e.demand + 1e-12);
  });

  it('reads VCPUs_params as xapi does', () => {
    expect(parseVcpuParams({}, 2, 8)).toEqual({ weight: 256, cap: 0, masks: undefined });
    expect(parseVcpuParams({ weight: '512', cap: '50' }, 2, 8)).toMatchObject({ weight: 512, cap: 50 });
    expect(parseVcpuParams({ weight: 'heavy', cap: '-3' }, 2, 8)).toMatchObject({ weight: 256, cap: 0 });
    expect(parseVcpuParams({ mask: '1,2' }, 2, 8).masks).toEqual([[1, 2], [1, 2]]);
    // Per-vCPU masks; unlisted vCPUs take the first.
    expect(parseVcpuParams({ mask: '0; 5,6' }, 3, 8).masks).toEqual([[0], [5, 6], [0]]);
    // A mask of every pCPU is no pinning; pCPUs the host lacks are dropped.
    expect(parseVcpuParams({ mask: '0,1,2,3' }, 1, 4).masks).toBeUndefined();
    expect(parseVcpuParams({ mask: '2,99' }, 1, 4).masks).toEqual([[2]]);
  });
});
