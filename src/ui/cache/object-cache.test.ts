import { describe, expect, it } from 'vitest';
import type { EventBatch } from '../../xapi/event-loop';
import { CHANGE_LOG_CHANGES, CHANGE_LOG_REVISIONS, MAX_HELD_FRAMES, ObjectCache } from './object-cache';

/** A cache whose frames run when the test says so. */
function cacheWithFrames() {
  let frames: (() => void)[] = [];
  const cache = new ObjectCache((flush) => frames.push(flush));
  const nextFrame = () => {
    const due = frames;
    frames = [];
    for (const f of due) f();
  };
  return { cache, nextFrame, scheduled: () => frames.length };
}

const vm = (ref: string, name: string): EventBatch => ({
  kind: 'events',
  token: '1',
  events: [{ operation: 'mod', class: 'VM', ref, snapshot: { uuid: ref, name_label: name } }],
});

describe('ObjectCache', () => {
  it('applies queued batches together on the next frame and tells subscribers once', () => {
    const { cache, nextFrame } = cacheWithFrames();
    let calls = 0;
    cache.subscribe(() => calls++);
    cache.enqueue(vm('a', 'one'));
    cache.enqueue(vm('b', 'two'));
    expect(cache.get('VM', 'a')).toBeUndefined();
    nextFrame();
    expect(cache.get('VM', 'a')?.name_label).toBe('one');
    expect(cache.get('VM', 'b')?.name_label).toBe('two');
    expect(calls).toBe(1);
  });

  it('keeps batches back while held and applies them when released', () => {
    const { cache, nextFrame, scheduled } = cacheWithFrames();
    const release = cache.hold();
    cache.enqueue(vm('a', 'one'));
    nextFrame();
    nextFrame();
    expect(cache.get('VM', 'a')).toBeUndefined();
    release();
    release(); // a second call is harmless
    expect(scheduled()).toBe(1);
    nextFrame();
    expect(cache.get('VM', 'a')?.name_label).toBe('one');
  });

  it('stays held until every hold is released', () => {
    const { cache, nextFrame } = cacheWithFrames();
    const first = cache.hold();
    const second = cache.hold();
    cache.enqueue(vm('a', 'one'));
    first();
    nextFrame();
    expect(cache.get('VM', 'a')).toBeUndefined();
    second();
    nextFrame();
    expect(cache.get('VM', 'a')?.name_label).toBe('one');
  });

  it('applies batches anyway when a hold lasts too many frames', () => {
    const { cache, nextFrame } = cacheWithFrames();
    const release = cache.hold();
    cache.enqueue(vm('a', 'one'));
    for (let i = 0; i < MAX_HELD_FRAMES; i++) nextFrame();
    expect(cache.get('VM', 'a')).toBeUndefined();
    nextFrame();
    expect(cache.get('VM', 'a')?.name_label).toBe('one');
    // Still held: later batches are not kept back again.
    cache.enqueue(vm('a', 'two'));
    nextFrame();
    expect(cache.get('VM', 'a')?.name_label).toBe('two');
    release();
  });

  it('tells a reader what changed since the revision it saw, or that it must rebuild', () => {
    const { cache, nextFrame } = cacheWithFrames();
    expect(cache.changesSince(0)).toEqual([]);
    cache.enqueue({ kind: 'initial', token: '0', events: [{ operation: 'add', class: 'VM', ref: 'a', snapshot: { uuid: 'a' } }] });
    nextFrame();
    expect(cache.changesSince(0)).toBeUndefined(); // the load replaced everything
    const loaded = cache.revision;
    cache.enqueue(vm('a', 'one'));
    nextFrame();
    cache.enqueue(vm('b', 'two'));
    cache.enqueue({ kind: 'events', token: '3', events: [{ operation: 'del', class: 'VM', ref: 'a', snapshot: undefined }] });
    nextFrame();
    expect(cache.changesSince(loaded)).toEqual([
      { cls: 'VM', ref: 'a' },
      { cls: 'VM', ref: 'b' },
      { cls: 'VM', ref: 'a' },
    ]);
    expect(cache.changesSince(loaded + 1)).toEqual([
      { cls: 'VM', ref: 'b' },
      { cls: 'VM', ref: 'a' },
    ]);
    expect(cache.changesSince(cache.revision)).toEqual([]);
    const seen = cache.revision;
    for (let i = 0; i < CHANGE_LOG_REVISIONS; i++) {
      cache.enqueue(vm('a', String(i)));
      nextFrame();
    }
    expect(cache.changesSince(seen)).toHaveLength(CHANGE_LOG_REVISIONS);
    cache.enqueue(vm('a', 'once more'));
    nextFrame();
    expect(cache.changesSince(seen)).toBeUndefined(); // older than the log
    const before = cache.revision;
    cache.enqueue({ kind: 'resync', token: '9', events: [] });
    nextFrame();
    expect(cache.changesSince(before)).toBeUndefined();
    cache.clear();
    expect(cache.changesSince(before)).toBeUndefined();
  });

  it('keeps at most CHANGE_LOG_CHANGES changes in the log', () => {
    const { cache, nextFrame } = cacheWithFrames();
    cache.enqueue({ kind: 'initial', token: '0', events: [] });
    nextFrame();
    const start = cache.revision;
    const big = (n: number): EventBatch => ({ kind: 'events', token: 'b', events: Array.from({ length: n }, (_, i) => ({ operation: 'mod' as const, class: 'VM', ref: `vm${String(i)}`, snapshot: { uuid: String(i) } })) });
    const third = Math.ceil(CHANGE_LOG_CHANGES / 2.5);
    for (let i = 0; i < 3; i++) {
      cache.enqueue(big(third));
      nextFrame();
    }
    expect(cache.changesSince(start)).toBeUndefined(); // the first batch fell out
    expect(cache.changesSince(start + 1)).toHaveLength(2 * third);
  });
});
