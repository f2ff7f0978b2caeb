import { describe, expect, it } from 'vitest';
import type { ObjectCache } from '../../cache/object-cache';
import { labCache } from '../tab-fixture';
import { queryRows, type GridQuery } from './search-model';
import { buildSearchRows, type SearchRow, type SearchScope } from './search-rows';
import { makeGridQuery } from './grid-query';
import { IncrementalSearchRows, makeSearchSelector } from './incremental-rows';
import { poolSearchSource } from './search-source';
import { warmPoolSearch, type IdleScheduler } from './warm-search';

const base: GridQuery = { text: '', types: 'all', showDefaultTemplates: true, sort: undefined, now: undefined };

function change(cache: ObjectCache, events: { operation: 'add' | 'mod' | 'del'; class: string; ref: string; snapshot?: unknown }[]): void {
  cache.enqueue({ kind: 'events', token: 'x', events: events.map((e) => ({ ...e, snapshot: e.snapshot })) });
  cache.flush();
}

function mod(cache: ObjectCache, cls: string, ref: string, over: Record<string, unknown>) {
  const old = (cache.get(cls as 'VM', ref) ?? {}) as Record<string, unknown>;
  return { operation: 'mod' as const, class: cls, ref, snapshot: { ...old, ...over } };
}

const byRef = (rows: readonly SearchRow[]) => new Map(rows.map((r) => [r.ref, r]));
/** The incremental rows equal a fresh build's (order aside). */
function expectFresh(cache: ObjectCache, scope: SearchScope, rows: readonly SearchRow[]) {
  const sortByRef = (a: readonly SearchRow[]) => [...a].sort((x, y) => x.ref.localeCompare(y.ref));
  expect(sortByRef(rows)).toEqual(sortByRef(buildSearchRows(cache, scope)));
}

describe('incremental Search rows', () => {
  it('follows adds, deletes and changes to the records a row reads', () => {
    const cache = labCache();
    const select = makeSearchSelector({ kind: 'all' });
    const first = select(cache);
    // A server renamed: every VM row that names it changes, the others keep their identity.
    change(cache, [mod(cache, 'host', 'h1', { name_label: 'r750-a' })]);
    const second = select(cache);
    expectFresh(cache, { kind: 'all' }, second);
    expect(byRef(second).get('web')?.host).toBe('r750-a');
    expect(byRef(second).get('vm10')?.host).toBe('r750-a');
    expect(byRef(second).get('game')).toBe(byRef(first).get('game'));
    // A new VM with a disk, a deleted VM, guest metrics that arrived later.
    change(cache, [
      { operation: 'add', class: 'VM', ref: 'new', snapshot: { ...cache.get('VM', 'vm10'), name_label: 'new-01', VBDs: ['vbd-new'] } },
      { operation: 'add', class: 'VBD', ref: 'vbd-new', snapshot: { VM: 'new', VDI: 'vdi-suspend', type: 'Disk' } },
      { operation: 'del', class: 'VM', ref: 'game' },
      mod(cache, 'VM_guest_metrics', 'gm', { networks: { '0/ip': '10.0.0.7' } }),
    ]);
    const third = select(cache);
    expectFresh(cache, { kind: 'all' }, third);
    expect(byRef(third).get('new')?.disks).toBe(1);
    expect(byRef(third).has('game')).toBe(false);
    expect(byRef(third).get('web')?.ip).toBe('10.0.0.7');
    // An event for an object no row reads changes nothing: the same array.
    change(cache, [mod(cache, 'PIF', 'pif1', { MTU: 9000 })]);
    expect(select(cache)).toBe(third);
  });

  it('moves a VM in and out of a server’s scope as it starts elsewhere', () => {
    const cache = labCache();
    const scope: SearchScope = { kind: 'host', host: 'h2' };
    const select = makeSearchSelector(scope);
    expect(select(cache).map((r) => r.name).sort()).toEqual(['game-01', 'xenserver-02']);
    change(cache, [mod(cache, 'VM', 'web', { resident_on: 'h2' })]);
    expect(select(cache).map((r) => r.name).sort()).toEqual(['game-01', 'web-01', 'xenserver-02']);
    change(cache, [mod(cache, 'VM', 'game', { affinity: 'h1' })]);
    const rows = select(cache);
    expect(rows.map((r) => r.name).sort()).toEqual(['web-01', 'xenserver-02']);
    expectFresh(cache, scope, rows);
  });

  it('rebuilds everything after a resync', () => {
    const cache = labCache();
    const select = makeSearchSelector({ kind: 'all' });
    select(cache);
    const records = ['pool', 'host', 'host_metrics', 'VM', 'VBD', 'VDI', 'SR', 'PBD', 'network'].flatMap((cls) => [...cache.all(cls as 'VM').entries()].map(([ref, snapshot]) => ({ operation: 'add' as const, class: cls, ref, snapshot: cls === 'VM' && ref === 'web' ? { ...snapshot, name_label: 'web-renamed' } : snapshot })));
    cache.enqueue({ kind: 'resync', token: 'r', events: records });
    cache.flush();
    const rows = select(cache);
    expect(byRef(rows).get('web')?.name).toBe('web-renamed');
    expectFresh(cache, { kind: 'all' }, rows);
  });

  it('stays equal to a fresh build over random changes (seeded)', () => {
    const seed = Number(process.env['SEARCH_SEED'] ?? Date.now() % 100_000);
    console.log(`search-source random changes: seed ${String(seed)}`);
    let state = seed;
    const rand = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % n;
    };
    const cache = labCache();
    const select = makeSearchSelector({ kind: 'all' });
    const hostSelect = makeSearchSelector({ kind: 'host', host: 'h1' });
    const vms = ['web', 'game', 'vm10', 'tpl'];
    for (let step = 0; step < 200; step++) {
      const events = [];
      for (let k = rand(3) + 1; k > 0; k--) {
        const vm = vms[rand(vms.length)] ?? 'web';
        switch (rand(6)) {
          case 0:
            events.push(mod(cache, 'VM', vm, { power_state: rand(2) === 0 ? 'Running' : 'Halted', resident_on: rand(2) === 0 ? 'h1' : 'h2' }));
            break;
          case 1:
            events.push(mod(cache, 'host', rand(2) === 0 ? 'h1' : 'h2', { name_label: `server-${String(rand(100))}` }));
            break;
          case 2:
            events.push(mod(cache, 'VDI', 'vdi-web', { virtual_size: rand(50) * 1024 ** 3 }));
            break;
          case 3:
            events.push(mod(cache, 'VM_metrics', 'vmm', { memory_actual: rand(8) * 1024 ** 3 }));
            break;
          case 4:
            events.push(mod(cache, 'PBD', 'pbd3', { host: rand(2) === 0 ? 'h1' : 'h2' }));
            break;
          default:
            events.push(mod(cache, 'VM', vm, { VBDs: rand(2) === 0 ? [] : ['vbd-disk'] }));
        }
      }
      change(cache, events);
      if (rand(3) > 0) expectFresh(cache, { kind: 'all' }, select(cache));
      if (rand(3) > 0) expectFresh(cache, { kind: 'host', host: 'h1' }, hostSelect(cache));
    }
  });
});

describe('the grid query memo', () => {
  it('keeps the order (and the answer) when changed rows did not move', () => {
    const cache = labCache();
    const select = makeSearchSelector({ kind: 'all' });
    const query = makeGridQuery();
    const first = query(select(cache), base);
    expect(query(select(cache), base)).toBe(first);
    change(cache, [mod(cache, 'VM_metrics', 'vmm', { memory_actual: 3 * 1024 ** 3 })]);
    const second = query(select(cache), base);
    expect(second.map((r) => r.ref)).toEqual(first.map((r) => r.ref));
    expect(second.find((r) => r.ref === 'web')?.memory).toBe(3 * 1024 ** 3);
  });

  it('sorts again when a changed row moves or leaves the filter', () => {
    const cache = labCache();
    const select = makeSearchSelector({ kind: 'all' });
    const query = makeGridQuery();
    const q: GridQuery = { ...base, types: 'vms', sort: { column: 'memory', direction: 'descending' } };
    query(select(cache), q);
    change(cache, [mod(cache, 'VM', 'vm10', { name_label: 'aaa-first' })]);
    const renamed = query(select(cache), { ...base, types: 'vms' });
    expect(renamed.map((r) => r.name)).toEqual(queryRows(select(cache), { ...base, types: 'vms' }).map((r) => r.name));
    expect(renamed[0]?.name).toBe('aaa-first');
    change(cache, [mod(cache, 'VM', 'game', { is_a_template: true })]);
    expect(query(select(cache), { ...base, types: 'vms' }).map((r) => r.name)).toEqual(['aaa-first', 'web-01']);
    change(cache, [mod(cache, 'VM_metrics', 'vmm', { memory_actual: 1 })]);
    const sorted = query(select(cache), q);
    expect(sorted.map((r) => r.name)).toEqual(queryRows(select(cache), q).map((r) => r.name));
  });
});

describe('building the rows ahead in slices', () => {
  /** A time budget that allows `n` rows per slice. */
  const rowsPerSlice = (n: number) => {
    let left = n;
    return () => left--;
  };

  it('builds a few rows per slice, then catches up with what changed meanwhile', () => {
    const cache = labCache();
    const rows = new IncrementalSearchRows({ kind: 'all' });
    let slices = 0;
    while (!rows.warm(cache, rowsPerSlice(3))) {
      slices++;
      // The pool goes on changing between slices.
      if (slices === 1) change(cache, [mod(cache, 'VM', 'web', { name_label: 'web-renamed' })]);
      if (slices === 2) change(cache, [{ operation: 'del', class: 'VM', ref: 'vm10' }, mod(cache, 'host', 'h1', { name_label: 'r750-a' })]);
    }
    expect(slices).toBeGreaterThan(2);
    const got = rows.select(cache);
    expectFresh(cache, { kind: 'all' }, got);
    expect(byRef(got).get('web')?.name).toBe('web-renamed');
    expect(rows.warm(cache, rowsPerSlice(1))).toBe(true); // already built
  });

  it('gives the rows at once when asked before the slices are done', () => {
    const cache = labCache();
    const rows = new IncrementalSearchRows({ kind: 'all' });
    expect(rows.warm(cache, rowsPerSlice(2))).toBe(false);
    change(cache, [mod(cache, 'VM', 'game', { name_label: 'game-02' })]);
    const got = rows.select(cache);
    expectFresh(cache, { kind: 'all' }, got);
  });
});

describe('warmPoolSearch', () => {
  it('builds the pool source in idle slices, keeps it current, and the Search tab finds it ready', () => {
    const cache = labCache();
    let queued: ((timeLeft: () => number) => void)[] = [];
    const idle: IdleScheduler = (work) => {
      queued.push(work);
      return () => {
        queued = queued.filter((w) => w !== work);
      };
    };
    const runIdle = () => {
      const due = queued;
      queued = [];
      let left = 4;
      for (const w of due) w(() => left--);
    };
    const stop = warmPoolSearch(cache, idle);
    for (let i = 0; i < 20 && queued.length > 0; i++) runIdle();
    expect(queued).toHaveLength(0);
    const source = poolSearchSource(cache);
    const ready = source.select(cache);
    expectFresh(cache, { kind: 'all' }, ready);
    // A batch is applied in idle time: the selector then has nothing left to do.
    change(cache, [mod(cache, 'VM', 'web', { name_label: 'web-02' })]);
    expect(queued).toHaveLength(1);
    runIdle();
    const after = source.select(cache);
    expect(byRef(after).get('web')?.name).toBe('web-02');
    stop();
    change(cache, [mod(cache, 'VM', 'web', { name_label: 'web-03' })]);
    expect(queued).toHaveLength(0);
  });
});
