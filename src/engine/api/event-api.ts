// event.from / event.inject as xapi has them. The token is the world's event
// generation as a decimal string, so it stays valid across client restarts
// and (with the saved world) across reloads. Class names match without regard
// to case; events name their class in lower case, as xapi does.
import { CLASSES } from '../../xapi/datamodel/classes';
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { define, type MethodTable } from './registry';

const LOWER_TO_CLASS = new Map(Object.keys(CLASSES).map((c) => [c.toLowerCase(), c]));

function parseToken(token: string): number {
  if (token === '') return 0;
  const gen = Number(token.split(',')[0]);
  if (!Number.isInteger(gen) || gen < 0) throw xenError('EVENT_FROM_TOKEN_PARSE_FAILURE', token);
  return gen;
}

function formatToken(gen: number): string {
  return String(gen).padStart(20, '0');
}

function classFilter(classes: readonly string[]): { want: (cls: string) => boolean; counted: string[] } {
  const all = classes.includes('*');
  const wanted = new Set(classes.map((c) => c.toLowerCase()));
  const counted = all ? [...LOWER_TO_CLASS.values()] : [...wanted].map((c) => LOWER_TO_CLASS.get(c)).filter((c): c is string => c !== undefined);
  return { want: all ? () => true : (cls) => wanted.has(cls.toLowerCase()), counted };
}

function collect(engine: Engine, since: number, want: (cls: string) => boolean) {
  const { objects, tombstones } = engine.world.events.changesSince(since, want);
  const timestamp = engine.datetime();
  const events = objects.map((o) => ({
    id: o.generation,
    timestamp,
    class: o.cls.toLowerCase(),
    operation: o.operation,
    ref: o.ref,
    snapshot: engine.world.find(o.cls as never, o.ref),
  }));
  for (const t of tombstones) {
    events.push({ id: t.deleted, timestamp, class: t.cls.toLowerCase(), operation: 'del', ref: t.ref, snapshot: t.snapshot as never });
  }
  return events.sort((a, b) => a.id - b.id);
}

function hasChanges(engine: Engine, since: number, want: (cls: string) => boolean): boolean {
  const { objects, tombstones } = engine.world.events.changesSince(since, want);
  return objects.length > 0 || tombstones.length > 0;
}

export function defineEventApi(table: MethodTable): void {
  define(table, {
    name: 'event.from',
    params: [
      { name: 'classes', type: 'string_set' },
      { name: 'token', type: 'string' },
      { name: 'timeout', type: 'float' },
    ],
    run: async (call, [classes, token, timeout]) => {
      const { engine } = call;
      const since = parseToken(token as string);
      if (engine.world.events.isLost(since)) throw xenError('EVENTS_LOST');
      const { want, counted } = classFilter(classes as string[]);
      let events = collect(engine, since, want);
      if (events.length === 0 && (timeout as number) > 0) {
        await engine.waitFor(timeout as number, () => hasChanges(engine, since, want));
        if (!engine.world.has('session', call.session)) throw xenError('SESSION_INVALID', call.session);
        events = collect(engine, since, want);
      }
      const valid_ref_counts = Object.fromEntries(counted.map((c) => [c.toLowerCase(), engine.world.count(c as never)]));
      return { events, valid_ref_counts, token: formatToken(engine.world.events.generation) };
    },
  });
  define(table, {
    name: 'event.inject',
    params: [
      { name: 'class', type: 'string' },
      { name: 'ref', type: 'string' },
    ],
    run: ({ engine }, [cls, r]) => {
      const name = LOWER_TO_CLASS.get((cls as string).toLowerCase());
      if (name === undefined || !engine.world.has(name as never, r as string)) throw xenError('HANDLE_INVALID', cls as string, r as string);
      engine.world.update(name as never, r as string, {});
      return formatToken(engine.world.events.generation);
    },
  });
}
