// The pre-copy round arithmetic against cases worked by hand.
import { describe, expect, it } from 'vitest';
import { pagesDirtied, profileFromRates } from './dirty-model';
import { ACTIVATION_SECONDS, PAGE_SIZE, planPrecopy, precopyStep, SUSPEND_SECONDS } from './precopy';

const PAGES_PER_SEC = (n: number) => n * PAGE_SIZE; // a bandwidth of n pages/s, in bytes/s

describe('Xen pre-copy policy (xg_sr_save.c)', () => {
  it('stops after the 5th round, or sends fewer than 50 dirty pages live once more and then stops', () => {
    expect(precopyStep(1, 49)).toBe('last-live-round');
    expect(precopyStep(2, 49, true)).toBe('stop-and-copy');
    expect(precopyStep(1, 0)).toBe('stop-and-copy');
    expect(precopyStep(1, 50)).toBe('next-round');
    expect(precopyStep(4, 10_000)).toBe('next-round');
    expect(precopyStep(4, 10)).toBe('last-live-round');
    expect(precopyStep(5, 10_000)).toBe('stop-and-copy');
    expect(precopyStep(5, 10)).toBe('stop-and-copy');
  });

  it('converges: 1000 pages at 100 pages/s, 40 hot pages + 2 pages/s', () => {
    // Round 1: 1000 pages in 10 s; dirtied 40 + 2·10 = 60 (≥ 50: go on).
    // Round 2: 60 pages in 0.6 s; dirtied 40 + 1.2 = 41.2 → 41 (< 50: send them live, then stop).
    // Round 3: 41 pages in 0.41 s; dirtied 40 + 0.82 = 40.82 → 41.
    // Stop-and-copy: 41 pages in 0.41 s, plus suspend and activation.
    const profile = { hotPages: 40, hotRewriteSeconds: 0, coldPagesPerSec: 2 };
    const plan = planPrecopy(1000, PAGES_PER_SEC(100), (s) => pagesDirtied(profile, s, 1000));
    expect(plan.rounds.map((r) => [r.pages, r.dirtied])).toEqual([
      [1000, 60],
      [60, 41],
      [41, 41],
    ]);
    expect(plan.rounds[0]!.seconds).toBeCloseTo(10);
    expect(plan.rounds[1]!.seconds).toBeCloseTo(0.6);
    expect(plan.rounds[2]!.seconds).toBeCloseTo(0.41);
    expect(plan.finalPages).toBe(41);
    expect(plan.downtime).toBeCloseTo(SUSPEND_SECONDS + 0.41 + ACTIVATION_SECONDS);
    expect(plan.bytes).toBe((1000 + 60 + 41 + 41) * PAGE_SIZE);
    expect(plan.seconds).toBeCloseTo(10 + 0.6 + 0.41 + plan.downtime);
  });

  it('a guest that stops writing ends with an empty stop-and-copy', () => {
    // Round 1: 1000 pages; nothing dirtied: straight to stop-and-copy of 0 pages.
    const plan = planPrecopy(1000, PAGES_PER_SEC(100), () => 0);
    expect(plan.rounds.map((r) => r.pages)).toEqual([1000]);
    expect(plan.finalPages).toBe(0);
    expect(plan.downtime).toBeCloseTo(SUSPEND_SECONDS + ACTIVATION_SECONDS);
  });

  it('is capped at 5 rounds when the hot set never shrinks', () => {
    // 200 pages always dirty: rounds of 1000, 200, 200, 200, 200, then 200 paused (2 s).
    const profile = { hotPages: 200, hotRewriteSeconds: 0, coldPagesPerSec: 0 };
    const plan = planPrecopy(1000, PAGES_PER_SEC(100), (s) => pagesDirtied(profile, s, 1000));
    expect(plan.rounds.map((r) => r.pages)).toEqual([1000, 200, 200, 200, 200]);
    expect(plan.finalPages).toBe(200);
    expect(plan.downtime).toBeCloseTo(SUSPEND_SECONDS + 2 + ACTIVATION_SECONDS);
  });

  it('a hot set rewritten slowly is only partly dirty in a short round', () => {
    // 1000 hot pages rewritten every 10 s: 1 s dirties 100 of them, plus 5 cold.
    expect(pagesDirtied({ hotPages: 1000, hotRewriteSeconds: 10, coldPagesPerSec: 5 }, 1, 1e6)).toBe(105);
    // Never more than the guest has.
    expect(pagesDirtied({ hotPages: 1000, hotRewriteSeconds: 0, coldPagesPerSec: 5000 }, 10, 2000)).toBe(2000);
  });

  it('reads a workload rate with the 90/10 locality rule', () => {
    const p = profileFromRates(1000, 900);
    expect(p.hotRewriteSeconds).toBeCloseTo(1);
    expect(p.coldPagesPerSec).toBeCloseTo(100);
  });
});
