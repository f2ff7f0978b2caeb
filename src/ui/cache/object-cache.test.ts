import { describe, expect, it } from 'vitest';
import type { EventBatch } from '../../xapi/event-loop';
import { MAX_HELD_FRAMES, ObjectCache } from './object-cache';

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
});
