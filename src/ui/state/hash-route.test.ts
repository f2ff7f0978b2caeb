import { describe, expect, it } from 'vitest';
import type { ClassName } from '../../xapi/datamodel/classes';
import { formatRoute, hashToPlace, isNewPlace, parseHash, placeToRoute, routeToPlace, type Route, type RouteLookup } from './hash-route';
import { INITIAL_PLACE, type Place } from './ui-store';

const VM_UUID = '0f7e2c1a-1111-4222-8333-444455556666';
const HOST_UUID = '9a1c0000-aaaa-4bbb-8ccc-dddddddddddd';
const objects: { ref: string; cls: ClassName; uuid: string }[] = [
  { ref: 'OpaqueRef:vm1', cls: 'VM', uuid: VM_UUID },
  { ref: 'OpaqueRef:host1', cls: 'host', uuid: HOST_UUID },
  { ref: 'OpaqueRef:sr1', cls: 'SR', uuid: 'sr-uuid-1' },
  { ref: 'OpaqueRef:pool1', cls: 'pool', uuid: 'pool-uuid-1' },
];
const lookup: RouteLookup = {
  refOf: (cls, uuid) => objects.find((o) => o.cls === cls && o.uuid === uuid)?.ref,
  describe: (ref) => objects.find((o) => o.ref === ref),
};

const place = (p: Partial<Place>): Place => ({ ...INITIAL_PLACE, ...p });

describe('parseHash', () => {
  it('reads the root in its spellings', () => {
    for (const hash of ['', '#', '#/', '/', '#//']) expect(parseHash(hash)).toEqual({ kind: 'root', view: 'infrastructure', tab: undefined });
    expect(parseHash('#/home')).toEqual({ kind: 'root', view: 'infrastructure', tab: 'home' });
    expect(parseHash('#/search?view=objects')).toEqual({ kind: 'root', view: 'objects', tab: 'search' });
  });

  it('reads an object with its XenAPI class in lower case, its uuid and tab', () => {
    expect(parseHash(`#/vm/${VM_UUID}/general`)).toEqual({ kind: 'object', view: 'infrastructure', cls: 'VM', uuid: VM_UUID, tab: 'general' });
    expect(parseHash(`#/host/${HOST_UUID}/nics`)).toMatchObject({ cls: 'host', tab: 'nics' });
    expect(parseHash('#/sr/sr-uuid-1/storage')).toMatchObject({ cls: 'SR', uuid: 'sr-uuid-1', tab: 'storage' });
    expect(parseHash('#/pool/pool-uuid-1/search')).toMatchObject({ cls: 'pool', tab: 'search' });
    expect(parseHash(`#/VM/${VM_UUID}`)).toMatchObject({ cls: 'VM', tab: undefined });
    expect(parseHash(`#/vm/${VM_UUID}/General?view=folders`)).toMatchObject({ view: 'folders', tab: 'general' });
  });

  it('reads the Notifications view', () => {
    expect(parseHash('#/notifications/events')).toEqual({ kind: 'notifications', which: 'events' });
    expect(parseHash('#/notifications/alerts')).toEqual({ kind: 'notifications', which: 'alerts' });
    expect(parseHash('#/notifications')).toEqual({ kind: 'notifications', which: 'alerts' });
  });

  it('rejects what is not a route', () => {
    for (const hash of [
      '#/vm',
      '#/nosuchclass/abc/general',
      `#/vm/${VM_UUID}/general/extra`,
      `#/vm/${VM_UUID}/gen<b>`,
      '#/vm/<img src=x>/general',
      '#/notifications/bogus',
      '#/notifications/events/more',
      '#/?view=notifications',
      '#/?view=nope',
      '#/%E0%A4%A',
      '#/home/more',
    ]) {
      expect(parseHash(hash), hash).toBeUndefined();
    }
  });
});

describe('formatRoute', () => {
  it('writes each kind of route', () => {
    expect(formatRoute({ kind: 'root', view: 'infrastructure', tab: undefined })).toBe('#/');
    expect(formatRoute({ kind: 'root', view: 'infrastructure', tab: 'home' })).toBe('#/');
    expect(formatRoute({ kind: 'root', view: 'objects', tab: 'search' })).toBe('#/search?view=objects');
    expect(formatRoute({ kind: 'object', view: 'infrastructure', cls: 'VM', uuid: VM_UUID, tab: 'general' })).toBe(`#/vm/${VM_UUID}/general`);
    expect(formatRoute({ kind: 'object', view: 'tags', cls: 'SR', uuid: 'sr-uuid-1', tab: undefined })).toBe('#/sr/sr-uuid-1?view=tags');
    expect(formatRoute({ kind: 'notifications', which: 'events' })).toBe('#/notifications/events');
  });

  it('round-trips through parseHash', () => {
    const routes: Route[] = [
      { kind: 'root', view: 'folders', tab: 'search' },
      { kind: 'object', view: 'objects', cls: 'host', uuid: HOST_UUID, tab: 'nics' },
      { kind: 'object', view: 'infrastructure', cls: 'VM_guest_metrics', uuid: 'x-1', tab: undefined },
      { kind: 'notifications', which: 'alerts' },
    ];
    for (const r of routes) expect(parseHash(formatRoute(r))).toEqual(r);
  });
});

describe('place ↔ route', () => {
  it('links to the focused (last selected) object by class and uuid', () => {
    const p = place({ selection: ['OpaqueRef:host1', 'OpaqueRef:vm1'], tab: 'memory' });
    expect(placeToRoute(p, lookup)).toEqual({ kind: 'object', view: 'infrastructure', cls: 'VM', uuid: VM_UUID, tab: 'memory' });
  });

  it('has no route for an object that is not in the pool', () => {
    expect(placeToRoute(place({ selection: ['OpaqueRef:gone'] }), lookup)).toBeUndefined();
  });

  it('writes the Notifications view without the selection', () => {
    expect(placeToRoute(place({ view: 'notifications', notifications: 'events', selection: ['OpaqueRef:vm1'] }), lookup)).toEqual({ kind: 'notifications', which: 'events' });
  });

  it('arrives at the object a route names, or nowhere while it is missing', () => {
    const route = parseHash(`#/host/${HOST_UUID}/nics?view=objects`);
    expect(route).toBeDefined();
    expect(routeToPlace(route!, lookup, INITIAL_PLACE)).toEqual(place({ view: 'objects', selection: ['OpaqueRef:host1'], tab: 'nics' }));
    expect(hashToPlace('#/vm/not-there/general', lookup, INITIAL_PLACE)).toBeUndefined();
  });

  it('keeps a multi-selection whose focused object the route names', () => {
    const base = place({ selection: ['OpaqueRef:host1', 'OpaqueRef:vm1'] });
    expect(hashToPlace(`#/vm/${VM_UUID}/storage`, lookup, base)?.selection).toEqual(['OpaqueRef:host1', 'OpaqueRef:vm1']);
    expect(hashToPlace(`#/host/${HOST_UUID}`, lookup, base)?.selection).toEqual(['OpaqueRef:host1']);
  });

  it('keeps the selection under Notifications, and reads junk as the root', () => {
    const base = place({ selection: ['OpaqueRef:vm1'], tab: 'general' });
    expect(hashToPlace('#/notifications/events', lookup, base)).toEqual({ ...base, view: 'notifications', notifications: 'events' });
    expect(hashToPlace('#/what/ever/this/is', lookup, base)).toEqual({ ...base, selection: [], tab: undefined });
  });

  it('round-trips places that have a route', () => {
    const places = [
      INITIAL_PLACE,
      place({ view: 'tags', tab: 'search' }),
      place({ selection: ['OpaqueRef:sr1'], tab: 'storage' }),
      place({ view: 'folders', selection: ['OpaqueRef:pool1'], tab: 'search' }),
      place({ view: 'notifications', notifications: 'events' }),
    ];
    for (const p of places) expect(hashToPlace(formatRoute(placeToRoute(p, lookup)!), lookup, p)).toEqual(p);
  });
});

describe('isNewPlace', () => {
  const vm = (tab: string, view: 'infrastructure' | 'objects' = 'infrastructure'): Route => ({ kind: 'object', view, cls: 'VM', uuid: VM_UUID, tab });
  it('is a new place for another object, view or kind of route', () => {
    expect(isNewPlace(undefined, vm('general'))).toBe(true);
    expect(isNewPlace(vm('general'), { kind: 'object', view: 'infrastructure', cls: 'host', uuid: HOST_UUID, tab: 'general' })).toBe(true);
    expect(isNewPlace(vm('general'), vm('general', 'objects'))).toBe(true);
    expect(isNewPlace(vm('general'), { kind: 'notifications', which: 'alerts' })).toBe(true);
    expect(isNewPlace({ kind: 'notifications', which: 'alerts' }, { kind: 'notifications', which: 'events' })).toBe(true);
  });
  it('is the same place for another tab of the same object', () => {
    expect(isNewPlace(vm('general'), vm('storage'))).toBe(false);
    expect(isNewPlace({ kind: 'root', view: 'infrastructure', tab: undefined }, { kind: 'root', view: 'infrastructure', tab: 'search' })).toBe(false);
  });
});
