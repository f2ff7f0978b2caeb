import { describe, expect, it } from 'vitest';
import { labCache } from '../tab-fixture';
import { nextSort, queryRows, type GridQuery } from './search-model';
import { buildSearchRows, type SearchRow } from './search-rows';
import { makeSearchSelector } from './incremental-rows';

const base: GridQuery = { text: '', types: 'servers-and-vms', showDefaultTemplates: false, sort: undefined, now: undefined };

describe('search grid', () => {
  const cache = labCache();
  const rows = buildSearchRows(cache, { kind: 'all' });
  const names = (q: Partial<GridQuery>) => queryRows(rows, { ...base, ...q }).map((r) => r.name);

  it('shows the pool, its servers and VMs by default, in XenCenter’s order', () => {
    expect(names({})).toEqual(['Lab Pool', 'xenserver-01', 'xenserver-02', 'game-01', 'vm-10', 'web-01']);
  });
  it('filters by type and by text (name, tag, IP, OS, state)', () => {
    expect(names({ types: 'servers' })).toEqual(['xenserver-01', 'xenserver-02']);
    expect(names({ types: 'templates' })).toEqual(['Debian Bookworm 12']);
    expect(names({ types: 'all' })).not.toContain('Debian Bookworm 12');
    expect(names({ types: 'srs' })).toEqual(['Local storage', 'NFS virtual disk storage']);
    expect(names({ text: 'web' })).toEqual(['web-01']);
    expect(names({ text: '192.168.10.101' })).toEqual(['web-01']);
    expect(names({ text: 'halted', types: 'vms' })).toEqual(['game-01', 'vm-10']);
  });
  it('sorts by a column, naturally, empty values last either way', () => {
    expect(names({ types: 'vms', sort: { column: 'name', direction: 'ascending' } })).toEqual(['game-01', 'vm-10', 'web-01']);
    expect(names({ types: 'vms', sort: { column: 'name', direction: 'descending' } })).toEqual(['web-01', 'vm-10', 'game-01']);
    expect(names({ types: 'vms', sort: { column: 'cpu', direction: 'descending' } })).toEqual(['game-01', 'web-01', 'vm-10']);
    expect(names({ sort: { column: 'uptime', direction: 'descending' }, now: 100_000 })).toEqual(['xenserver-01', 'xenserver-02', 'web-01', 'Lab Pool', 'game-01', 'vm-10']);
  });
  it('flips the direction when the same header is clicked again', () => {
    expect(nextSort(undefined, 'name')).toEqual({ column: 'name', direction: 'ascending' });
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({ column: 'name', direction: 'descending' });
    expect(nextSort({ column: 'name', direction: 'descending' }, 'cpu')).toEqual({ column: 'cpu', direction: 'ascending' });
  });
  it('scopes a server’s search to the server and its VMs', () => {
    expect(queryRows(buildSearchRows(cache, { kind: 'host', host: 'h1' }), { ...base, types: 'all' }).map((r) => r.name)).toEqual(['xenserver-01', 'vm-10', 'web-01', 'Local storage']);
  });
  it('keeps row identities while nothing changes', () => {
    const select = makeSearchSelector({ kind: 'all' });
    const first = select(cache);
    expect(select(cache)).toBe(first);
  });
  it('rebuilds only the row whose records changed (here a disk of web-01 grew)', () => {
    const own = labCache();
    const select = makeSearchSelector({ kind: 'all' });
    const first = select(own);
    const vdi = own.get('VDI', 'vdi-web');
    own.enqueue({ kind: 'events', token: '2', events: [{ operation: 'mod', class: 'VDI', ref: 'vdi-web', snapshot: { ...vdi, virtual_size: 40 * 1024 ** 3 } }] });
    own.flush();
    const second = select(own);
    const byRef = (rows: readonly SearchRow[], ref: string) => rows.find((r) => r.ref === ref);
    expect(byRef(second, 'web')).not.toBe(byRef(first, 'web'));
    expect(byRef(second, 'web')?.diskSize).toBe(40 * 1024 ** 3);
    expect(byRef(second, 'game')).toBe(byRef(first, 'game'));
  });
});
