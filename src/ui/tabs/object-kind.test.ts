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
