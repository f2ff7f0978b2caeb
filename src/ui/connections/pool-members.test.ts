// Several pools in one console: the Lab Pool (a, b), the Green Pool (g1, g2),
// and a standalone server s. Each pool's servers, the pool of a selection,
// HA's "two servers" check and the pool header count are per pool.
import { afterEach, describe, expect, it } from 'vitest';
import { configureHa } from '../actions/ha-actions';
import { poolOfSelection } from '../actions/object-actions';
import { headerText } from '../tabs/header-text';
import { focusedObject } from '../tabs/object-kind';
import { cacheWith } from '../tabs/tab-fixture';
import { prerequisites } from '../wizards/configure-ha/ha-wizard-model';
import { useConnections, type Connection } from './connections';
import { onlyPool, poolMembers, poolOfServer } from './pool-members';

const NULL = 'OpaqueRef:NULL';
const host = (name: string) => ['host', name, { name_label: name, metrics: 'm', resident_VMs: [], address: name, enabled: true }] as const;
const cache = cacheWith([
  ['host_metrics', 'm', { live: true }],
  host('a'), host('b'), host('g1'), host('g2'), host('s'),
  ['pool', 'lab', { name_label: 'Lab Pool', master: 'a', ha_enabled: false }],
  ['pool', 'green', { name_label: 'Green Pool', master: 'g1', ha_enabled: false }],
  ['pool', 'alone', { name_label: '', master: 's', ha_enabled: false }],
  ['VM', 'vm-g2', { name_label: 'web', is_a_template: false, is_a_snapshot: false, is_control_domain: false, power_state: 'Running', resident_on: 'g2', affinity: NULL, VBDs: [], VIFs: [] }],
]);
const connections: Connection[] = [
  { pool: 'lab', master: 'a', hosts: ['a', 'b'], state: 'connected' },
  { pool: 'green', master: 'g1', hosts: ['g1', 'g2'], state: 'connected' },
  { pool: 'alone', master: 's', hosts: ['s'], state: 'connected' },
];
const history = { canGoBack: false, canGoForward: false };

afterEach(() => useConnections.setState({ connections: undefined }));

describe('pool members with several pools', () => {
  it('lists each pool’s servers from the console’s connections', () => {
    expect(poolMembers('lab', cache, connections)).toEqual(['a', 'b']);
    expect(poolMembers('green', cache, connections)).toEqual(['g1', 'g2']);
    expect(poolMembers('alone', cache, connections)).toEqual(['s']);
    expect(poolOfServer('g2', cache, connections)).toBe('green');
    expect(poolOfServer('s', cache, connections)).toBe('alone');
  });

  it('without connections, a pool holds its coordinator and the named pool the servers that coordinate none', () => {
    expect(poolMembers('green', cache, undefined)).toEqual(['g1']);
    expect(poolMembers('alone', cache, undefined)).toEqual(['s']);
    expect(poolMembers('lab', cache, undefined)).toEqual(['a', 'b', 'g2']);
    expect(poolOfServer('s', cache, undefined)).toBe('alone');
  });

  it('the Pool menu finds the pool of the selected server or VM; with nothing selected, only a single shown pool', () => {
    useConnections.getState().set(connections);
    expect(poolOfSelection(['g2'], cache)).toBe('green');
    expect(poolOfSelection(['vm-g2'], cache)).toBe('green');
    expect(poolOfSelection(['b'], cache)).toBe('lab');
    expect(poolOfSelection(['green'], cache)).toBe('green');
    expect(poolOfSelection([], cache)).toBeUndefined();
    expect(onlyPool(cache, connections.filter((c) => c.pool !== 'green'))).toBe('lab');
  });

  it('HA’s two-server check counts the pool’s own servers', () => {
    useConnections.getState().set(connections);
    expect(configureHa.canRun(['green'], cache, history)).toEqual({ ok: true });
    expect(configureHa.canRun(['s'], cache, history)).toEqual({ ok: false, reason: 'HA needs a pool of at least two servers.' });
    useConnections.getState().set([{ pool: 'lab', master: 'a', hosts: ['a', 'b', 'g2'], state: 'connected' }, { pool: 'green', master: 'g1', hosts: ['g1'], state: 'connected' }, connections[2]!]);
    expect(configureHa.canRun(['green'], cache, history)).toEqual({ ok: false, reason: 'HA needs a pool of at least two servers.' });
    expect(prerequisites(cache, poolMembers('green', cache))[0]).toMatchObject({ ok: false, detail: '1 server(s)' });
    expect(prerequisites(cache, poolMembers('lab', cache))[0]).toMatchObject({ ok: true, detail: '3 server(s)' });
  });

  it('the pool header counts the pool’s servers', () => {
    useConnections.getState().set(connections);
    expect(headerText(cache, focusedObject(cache, 'green')).state).toBe('2 servers, coordinator g1');
    expect(headerText(cache, focusedObject(cache, 'alone')).state).toBe('1 server, coordinator s');
  });
});
