// The hash ↔ place sync in a jsdom window, over a real object cache.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ObjectCache } from '../cache/object-cache';
import { useTabMemory } from '../tabs/tab-memory';
import { INITIAL_PLACE, useUi } from './ui-store';
import { startHashSync } from './use-hash-sync';

const VM = { ref: 'OpaqueRef:vm1', uuid: '11111111-1111-4111-8111-111111111111' };
const HOST = { ref: 'OpaqueRef:host1', uuid: '22222222-2222-4222-8222-222222222222' };

const initialBatch = () =>
  ({
    kind: 'initial',
    token: '1',
    events: [
      { class: 'VM', operation: 'add', ref: VM.ref, snapshot: { uuid: VM.uuid, name_label: 'web-01', is_a_template: false, is_a_snapshot: false } },
      { class: 'host', operation: 'add', ref: HOST.ref, snapshot: { uuid: HOST.uuid, name_label: 'xenserver-01', metrics: 'OpaqueRef:m1' } },
      { class: 'host_metrics', operation: 'add', ref: 'OpaqueRef:m1', snapshot: { uuid: 'm1', live: true } },
    ],
  }) as never;

function loadedCache(): ObjectCache {
  const cache = new ObjectCache((flush) => flush());
  cache.enqueue(initialBatch());
  return cache;
}

let stop: (() => void) | undefined;

beforeEach(() => {
  useUi.setState({ place: INITIAL_PLACE, back: [], forward: [] });
  useTabMemory.setState({ lastTab: {} });
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('startHashSync', () => {
  it('writes nothing until the cache has loaded, then lands where the hash says', () => {
    window.history.replaceState(null, '', `/#/vm/${VM.uuid}/storage`);
    const cache = new ObjectCache((flush) => flush());
    stop = startHashSync(cache, window);
    expect(useUi.getState().place.selection).toEqual([]);
    expect(window.location.hash).toBe(`#/vm/${VM.uuid}/storage`);

    cache.enqueue(initialBatch());
    expect(useUi.getState().place).toMatchObject({ selection: [VM.ref], tab: 'storage' });
    expect(window.location.hash).toBe(`#/vm/${VM.uuid}/storage`);
  });

  it('pushes an entry for a new object and rewrites it for another tab', () => {
    stop = startHashSync(loadedCache(), window);
    expect(window.location.hash).toBe('#/');
    const start = window.history.length;

    useUi.getState().selectObjects([HOST.ref]);
    expect(window.location.hash).toBe(`#/host/${HOST.uuid}/general`);
    expect(window.history.length).toBe(start + 1);

    useUi.getState().chooseTab('nics');
    expect(window.location.hash).toBe(`#/host/${HOST.uuid}/nics`);
    expect(window.history.length).toBe(start + 1);

    useUi.getState().switchView('objects');
    expect(window.location.hash).toBe(`#/host/${HOST.uuid}/nics?view=objects`);
    expect(window.history.length).toBe(start + 2);

    useUi.getState().showNotifications('events');
    expect(window.location.hash).toBe('#/notifications/events');
  });

  it('writes the tab the object view shows when none was chosen (the one remembered for the kind)', () => {
    stop = startHashSync(loadedCache(), window);
    useTabMemory.getState().rememberTab('vm', 'memory');
    useUi.getState().selectObjects([VM.ref]);
    expect(window.location.hash).toBe(`#/vm/${VM.uuid}/memory`);
  });

  it('arrives at the place of a changed hash (Back/Forward, an edited link)', () => {
    stop = startHashSync(loadedCache(), window);
    window.history.replaceState(null, '', `/#/host/${HOST.uuid}/storage`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useUi.getState().place).toMatchObject({ view: 'infrastructure', selection: [HOST.ref], tab: 'storage' });
    // Not a step of the console's own Back/Forward.
    expect(useUi.getState().back).toEqual([]);

    window.history.replaceState(null, '', '/#/vm/00000000-0000-4000-8000-000000000000/general');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useUi.getState().place.selection).toEqual([]);
    expect(window.location.hash).toBe('#/');
  });

  it('keeps the link while the focused object is not in the pool', () => {
    const cache = loadedCache();
    stop = startHashSync(cache, window);
    useUi.getState().selectObjects([VM.ref]);
    const hash = window.location.hash;
    cache.enqueue({ kind: 'events', token: '2', events: [{ class: 'VM', operation: 'del', ref: VM.ref }] } as never);
    expect(window.location.hash).toBe(hash);
  });
});
