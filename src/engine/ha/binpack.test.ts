import { describe, expect, it } from 'vitest';
import { biggestFitDecreasing, maxFailuresTolerated, planAlwaysPossible, specificPlan, type PlanHost, type PlanVm } from './binpack';

const GiB = 1024 ** 3;
const host = (id: string, freeGiB: number): PlanHost => ({ id, free: freeGiB * GiB });
const vm = (id: string, sizeGiB: number, on: string): PlanVm => ({ id, size: sizeGiB * GiB, host: on });

describe('biggest-fit-decreasing (hand-worked)', () => {
  it('places the biggest VM first on the host with most room', () => {
    // a: 10 free, b: 6 free. VMs 5, 4, 3 → 5→a (5 left), 4→b... no: after 5→a, a has 5, b 6 → 4→b (2), 3→a (2).
    const plan = biggestFitDecreasing([host('a', 10), host('b', 6)], [vm('v3', 3, 'x'), vm('v5', 5, 'x'), vm('v4', 4, 'x')]);
    expect(plan && Object.fromEntries(plan)).toEqual({ v5: 'a', v4: 'b', v3: 'a' });
  });

  it('fails when the biggest VM fits nowhere even though the total would', () => {
    expect(biggestFitDecreasing([host('a', 4), host('b', 4)], [vm('big', 6, 'x')])).toBeUndefined();
  });
});

describe('failover plans', () => {
  // Three hosts with 8 GiB free each; each runs two protected 4 GiB VMs.
  const hosts = [host('h1', 8), host('h2', 8), host('h3', 8)];
  const vms = [vm('a1', 4, 'h1'), vm('a2', 4, 'h1'), vm('b1', 4, 'h2'), vm('b2', 4, 'h2'), vm('c1', 4, 'h3'), vm('c2', 4, 'h3')];

  it('restarts one failed host on the others', () => {
    const plan = specificPlan(hosts, vms, new Set(['h1']));
    expect(plan?.size).toBe(2);
    expect([...(plan?.values() ?? [])].sort()).toEqual(['h2', 'h3']);
  });

  it('tolerates one failure but not two (2 × 8 GiB of VMs onto one 8 GiB host)', () => {
    expect(planAlwaysPossible(hosts, vms, 1)).toBe(true);
    expect(planAlwaysPossible(hosts, vms, 2)).toBe(false);
    expect(maxFailuresTolerated(hosts, vms)).toBe(1);
  });

  it('tolerates n − 1 failures with no protected VMs, and zero failures always', () => {
    expect(maxFailuresTolerated(hosts, [])).toBe(2);
    expect(planAlwaysPossible(hosts, vms, 0)).toBe(true);
  });

  it('an unbalanced pool is judged by its worst failure', () => {
    // h1 holds a 7 GiB VM; h2 and h3 have 6 GiB free each: losing h1 leaves no home for it.
    const lopsided = [host('h1', 8), host('h2', 6), host('h3', 6)];
    expect(maxFailuresTolerated(lopsided, [vm('big', 7, 'h1')])).toBe(0);
    expect(maxFailuresTolerated(lopsided, [vm('mid', 5, 'h1')])).toBe(2);
  });

  it('large pools use the pessimistic approximation (never more optimistic than exhaustive)', () => {
    const many = Array.from({ length: 64 }, (_, i) => host(`h${String(i).padStart(2, '0')}`, 16));
    const protectedVms = many.map((h, i) => vm(`v${String(i)}`, 4, h.id));
    // 3 of 64 failing is C(64,3) = 41,664 choices: approximated. Each failure loses one 4 GiB VM; 61 hosts × 16 GiB take 3 easily.
    expect(planAlwaysPossible(many, protectedVms, 3)).toBe(true);
    expect(planAlwaysPossible(many.slice(0, 2), [vm('x', 17, 'h00')], 1)).toBe(false);
  });
});
