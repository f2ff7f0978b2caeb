import { describe, expect, it } from 'vitest';
import type { BootCheck } from './host-choice';
import { bestRated, homeServerPick, optimalServerPick, parseRatings, planFirstItem, ratingWords, sortByRating, starGlyphs } from './placement-choice';
import { PlainCache } from './testing/plain-cache';

const OK: BootCheck = { status: 'ok' };
const vmA = { cls: 'VM' as const, kind: 'vm' as const, ref: 'vm-a', name: 'web-01' };
const vmB = { cls: 'VM' as const, kind: 'vm' as const, ref: 'vm-b', name: 'web-02' };

describe('Optimal Server and Home Server', () => {
  it('reads VM.retrieve_wlb_recommendations: rated hosts only, errors left out', () => {
    const ratings = parseRatings({ h1: ['WLB', '2.5'], h2: ['WLB', '4.0'], h3: ['HOST_NOT_ENOUGH_FREE_MEMORY', '1073741824', '0'] });
    expect([...ratings]).toEqual([
      ['h1', 2.5],
      ['h2', 4],
    ]);
  });

  it('picks the best-rated host that passed the check; ties go to the first in the menu', () => {
    const ratings = new Map([
      ['h1', 3],
      ['h2', 4.5],
      ['h3', 4.5],
    ]);
    expect(bestRated(ratings, () => true, ['h1', 'h2', 'h3'])).toBe('h2');
    expect(bestRated(ratings, (h) => h !== 'h2', ['h1', 'h2', 'h3'])).toBe('h3');
    expect(bestRated(ratings, () => false, ['h1', 'h2', 'h3'])).toBeUndefined();
  });

  it('waits for the checks, then excludes the current server (Migrate) and says when WLB recommends nothing', () => {
    const ratings = new Map([
      ['h1', 5],
      ['h2', 3],
    ]);
    const pending: BootCheck = { status: 'pending' };
    expect(optimalServerPick(ratings, vmA, ['h1', 'h2'], () => pending)).toBeUndefined();
    expect(optimalServerPick(undefined, vmA, ['h1', 'h2'], () => OK)).toBeUndefined();
    const current = (_vm: string, h: string): BootCheck => (h === 'h1' ? { status: 'failed', reason: 'Current server' } : OK);
    expect(optimalServerPick(ratings, vmA, ['h1', 'h2'], current)).toEqual({ host: 'h2' });
    expect(optimalServerPick(new Map([['h1', 5]]), vmA, ['h1', 'h2'], current)).toEqual({ reason: 'Workload Balancing recommends no server for this VM.' });
  });

  it('sends each VM to its own host, and names why none can go', () => {
    const plan = planFirstItem([vmA, vmB], (vm) => ({ host: vm === vmA ? 'h1' : 'h2' }));
    expect(plan.status === 'ok' && [...plan.moves.entries()]).toEqual([
      ['h1', [vmA]],
      ['h2', [vmB]],
    ]);
    expect(planFirstItem([vmA], () => undefined)).toEqual({ status: 'pending' });
    expect(planFirstItem([vmA], () => ({ reason: 'This VM has no home server.' }))).toEqual({ status: 'none', reason: 'This VM has no home server.' });
  });

  it('Home Server is the VM’s affinity when it passed the check there', () => {
    const cache = new PlainCache();
    const home = cache.add('host', { name_label: 'xenserver-02' });
    cache.add('VM', { name_label: 'web-01', affinity: home }, 'vm-a');
    cache.add('VM', { name_label: 'web-02' }, 'vm-b');
    expect(homeServerPick(cache, vmA, () => OK)).toEqual({ host: home });
    expect(homeServerPick(cache, vmA, () => ({ status: 'failed', reason: 'Not enough memory.' }))).toEqual({ reason: 'Not enough memory.' });
    expect(homeServerPick(cache, vmB, () => OK)).toEqual({ reason: 'This VM has no home server.' });
  });

  it('lists hosts best-rated first, hosts that cannot take the VM last, and draws stars', () => {
    const hosts = [{ ref: 'h1' }, { ref: 'h2' }, { ref: 'h3' }];
    const stars: Record<string, number> = { h1: 1, h2: 4, h3: 5 };
    expect(sortByRating(hosts, (h) => stars[h], (h) => h !== 'h3').map((h) => h.ref)).toEqual(['h2', 'h1', 'h3']);
    expect(starGlyphs(3.6)).toBe('★★★★☆');
    expect(starGlyphs(0)).toBe('☆☆☆☆☆');
    expect(ratingWords(3.6)).toBe('WLB rating 3.6 of 5 stars');
  });
});
