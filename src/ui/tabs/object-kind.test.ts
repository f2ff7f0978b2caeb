import { describe, expect, it } from 'vitest';
import { headerText } from './header-text';
import { focusedObject, ROOT } from './object-kind';
import { labCache } from './tab-fixture';

describe('focusedObject', () => {
  const cache = labCache();
  it('tells the kind of the focused object from the cache', () => {
    expect(focusedObject(cache, undefined)).toBe(ROOT);
    expect(focusedObject(cache, 'pool').kind).toBe('pool');
    expect(focusedObject(cache, 'h1')).toMatchObject({ kind: 'host', cls: 'host', live: true });
    expect(focusedObject(cache, 'web').kind).toBe('vm');
    expect(focusedObject(cache, 'tpl').kind).toBe('template');
    expect(focusedObject(cache, 'nfs').kind).toBe('sr');
    expect(focusedObject(cache, 'vdi-web').kind).toBe('vdi');
    expect(focusedObject(cache, 'net0').kind).toBe('network');
    expect(focusedObject(cache, 'pif0').kind).toBe('other');
    expect(focusedObject(cache, 'gone').kind).toBe('missing');
  });
});

describe('headerText', () => {
  const cache = labCache();
  const header = (ref: string | undefined) => headerText(cache, focusedObject(cache, ref));
  it('says where a VM runs', () => {
    expect(header('web')).toEqual({ name: 'web-01', type: 'Virtual machine', state: 'Running on xenserver-01' });
    expect(header('game').state).toBe('Halted');
  });
  it('says what a server, pool and SR are', () => {
    expect(header('h1')).toEqual({ name: 'xenserver-01', type: 'Server (pool coordinator)', state: 'Connected, 192.168.10.11' });
    expect(header('h2').state).toBe('Maintenance mode, 192.168.10.12');
    expect(header('pool')).toEqual({ name: 'Lab Pool', type: 'Pool', state: '2 servers, coordinator xenserver-01' });
    expect(header('nfs')).toEqual({ name: 'NFS virtual disk storage', type: 'NFS storage', state: 'Shared, 3 TB free of 4 TB' });
    expect(header(undefined).name).toBe('XenLab');
  });
});

describe('headerText with simulated faults', () => {
  // The header says what the tree says: a cut network, a dead server, a failed SR.
  function faulted(changes: readonly (readonly [cls: string, ref: string, patch: Record<string, unknown>])[]) {
    const cache = labCache();
    cache.enqueue({
      kind: 'events',
      token: '2',
      events: changes.map(([cls, ref, patch]) => ({ operation: 'mod', class: cls, ref, snapshot: { ...(cache.get(cls as 'host', ref) as object), ...patch } })),
    });
    cache.flush();
    return (ref: string) => headerText(cache, focusedObject(cache, ref)).state;
  }

  it('names a cut storage or management network after Connected', () => {
    const header = faulted([['host', 'h1', { other_config: { 'xenlab-fault-storage-network': '100' } }]]);
    expect(header('h1')).toBe('Connected, storage network cut, 192.168.10.11');
    const both = faulted([['host', 'h1', { other_config: { 'xenlab-fault-storage-network': '100', 'xenlab-fault-management-network': '90' } }]]);
    expect(both('h1')).toBe('Connected, management network cut, storage network cut, 192.168.10.11');
  });

  it('says a powered-off server is powered off, and its VM still recorded running there', () => {
    const header = faulted([
      ['host', 'h1', { other_config: { 'xenlab-down': 'power' } }],
      ['host_metrics', 'hm1', { live: false }],
    ]);
    expect(header('h1')).toBe('Powered off, 192.168.10.11');
    expect(header('web')).toBe('Running on xenserver-01, server powered off');
  });

  it('says a VM whose server does not answer is still recorded running there', () => {
    const header = faulted([['host_metrics', 'hm1', { live: false }]]);
    expect(header('h1')).toBe('Disconnected, 192.168.10.11');
    expect(header('web')).toBe('Running on xenserver-01, server not responding');
  });

  it('says a failed SR failed', () => {
    const header = faulted([['SR', 'nfs', { other_config: { 'xenlab-fault-failed': '100' } }]]);
    expect(header('nfs')).toBe('Shared, failed, 3 TB free of 4 TB');
  });
});
