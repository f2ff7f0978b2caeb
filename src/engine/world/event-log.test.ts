// The event log's journal compaction: it bounds the journal, and never
// loses the change being recorded when it runs.
import { describe, expect, it } from 'vitest';
import { EventLog, type ObjectStamp } from './event-log';

/** A log over `n` objects stamped as the world stamps them (after touch returns). */
function logOver(n: number) {
  const stamps = new Map<string, ObjectStamp>();
  const log = new EventLog(
    (_cls, ref) => stamps.get(ref),
    () => stamps.size,
  );
  const change = (ref: string) => {
    const gen = log.touch('VM', ref);
    const s = stamps.get(ref);
    if (s === undefined) stamps.set(ref, { created: gen, changed: gen });
    else s.changed = gen;
    return gen;
  };
  for (let i = 0; i < n; i++) change(`vm${String(i)}`);
  return { log, change };
}

describe('the event journal', () => {
  it('delivers every change, including the one whose touch compacts the journal', () => {
    const { log, change } = logOver(10);
    // 10 objects: the journal compacts once it holds 4096 + 20 entries. Check after every change.
    for (let i = 0; i < 10_000; i++) {
      const ref = `vm${String(i % 10)}`;
      const gen = change(ref);
      const { objects } = log.changesSince(gen - 1, () => true);
      expect(objects.map((o) => o.ref)).toEqual([ref]);
    }
  });

  it('keeps one entry per object after compacting', () => {
    const { log, change } = logOver(3);
    for (let i = 0; i < 5000; i++) change('vm0');
    expect(log.changesSince(0, () => true).objects.map((o) => o.ref).sort()).toEqual(['vm0', 'vm1', 'vm2']);
  });
});
