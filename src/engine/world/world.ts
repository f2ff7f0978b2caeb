// The world: every record of the simulated pool, keyed by class and opaque ref.
// This is the one place that mutates records. Each mutation keeps both ends of
// the datamodel's links equal and stamps the objects it touched in the event
// log, so event.from can never miss a change. Records are frozen: a change
// replaces the record, so a snapshot handed out earlier never moves.
import { CLASSES, type ClassName } from '../../xapi/datamodel/classes';
import type { RecordOf } from '../../xapi/types';
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import { EventLog, type EventLogState, type ObjectStamp } from './event-log';
import { deriveLinks, refsOf, type LinkField } from './links';

export type AnyRecord = Readonly<Record<string, unknown>>;

const LINKS = deriveLinks(CLASSES);

const DEFAULTS: ReadonlyMap<string, AnyRecord> = new Map(
  Object.values(CLASSES).map((spec) => [spec.name, Object.fromEntries(spec.fields.map((f) => [f.name, f.default]))]),
);

interface Row {
  record: AnyRecord;
  stamp: ObjectStamp;
}

export interface WorldState {
  readonly tables: Readonly<Record<string, Readonly<Record<string, { record: AnyRecord; created: number; changed: number }>>>>;
  readonly events: EventLogState;
}

function freeze(record: Record<string, unknown>): AnyRecord {
  for (const v of Object.values(record)) if (typeof v === 'object' && v !== null) Object.freeze(v);
  return Object.freeze(record);
}

export class World {
  private readonly tables = new Map<string, Map<string, Row>>();
  private readonly classOfRef = new Map<string, string>();
  private readonly refOfUuid = new Map<string, string>();
  private objects = 0;
  private readonly derivers = new Map<string, (record: AnyRecord) => AnyRecord>();
  readonly events: EventLog;

  constructor(private readonly newUuid: () => string, state?: WorldState) {
    for (const name of Object.keys(CLASSES)) this.tables.set(name, new Map());
    const stampOf = (cls: string, ref: string) => this.tables.get(cls)?.get(ref)?.stamp;
    const count = () => this.objects;
    if (state === undefined) {
      this.events = new EventLog(stampOf, count);
      return;
    }
    const stamps: { cls: string; ref: string; stamp: ObjectStamp }[] = [];
    for (const [cls, rows] of Object.entries(state.tables)) {
      const table = this.table(cls);
      for (const [ref, row] of Object.entries(rows)) {
        const stamp = { created: row.created, changed: row.changed };
        table.set(ref, { record: freeze({ ...row.record }), stamp });
        this.index(cls, ref, row.record);
        this.objects++;
        stamps.push({ cls, ref, stamp });
      }
    }
    this.events = EventLog.restore(state.events, stamps, stampOf, count);
  }

  state(): WorldState {
    const tables: Record<string, Record<string, { record: AnyRecord; created: number; changed: number }>> = {};
    for (const [cls, rows] of this.tables) {
      const out: Record<string, { record: AnyRecord; created: number; changed: number }> = {};
      for (const [ref, row] of rows) out[ref] = { record: row.record, created: row.stamp.created, changed: row.stamp.changed };
      tables[cls] = out;
    }
    return { tables, events: this.events.state() };
  }

  // ---- reading -------------------------------------------------------------

  has(cls: ClassName, ref: string): boolean {
    return this.tables.get(cls)?.has(ref) ?? false;
  }

  find<C extends ClassName>(cls: C, ref: string): RecordOf<C> | undefined {
    return this.tables.get(cls)?.get(ref)?.record as RecordOf<C> | undefined;
  }

  /** The record, or HANDLE_INVALID as xapi answers for an unknown ref. */
  get<C extends ClassName>(cls: C, ref: string): RecordOf<C> {
    const record = this.find(cls, ref);
    if (record === undefined) throw xenError('HANDLE_INVALID', cls, ref);
    return record;
  }

  refs(cls: ClassName): string[] {
    return [...this.table(cls).keys()];
  }

  *entries<C extends ClassName>(cls: C): IterableIterator<[string, RecordOf<C>]> {
    for (const [ref, row] of this.table(cls)) yield [ref, row.record as RecordOf<C>];
  }

  count(cls: ClassName): number {
    return this.table(cls).size;
  }

  classOf(ref: string): ClassName | undefined {
    return this.classOfRef.get(ref) as ClassName | undefined;
  }

  refByUuid(cls: ClassName, uuid: string): string | undefined {
    const ref = this.refOfUuid.get(uuid);
    return ref !== undefined && this.classOfRef.get(ref) === cls ? ref : undefined;
  }

  // ---- the one mutation path -------------------------------------------------

  /**
   * Fields computed from a record's other fields (allowed_operations from
   * power_state and current_operations), refreshed on every create and update
   * so they can never disagree.
   */
  derive(cls: ClassName, deriver: (record: AnyRecord) => AnyRecord): void {
    this.derivers.set(cls, deriver);
  }

  private withDerived(cls: string, record: Record<string, unknown>): AnyRecord {
    const deriver = this.derivers.get(cls);
    return freeze(deriver === undefined ? record : { ...record, ...deriver(record) });
  }

  /** Create a record with the datamodel's defaults for fields not given; returns its ref. */
  create<C extends ClassName>(cls: C, fields: Partial<RecordOf<C>>): string {
    const ref = `OpaqueRef:${this.newUuid()}`;
    const given = fields as AnyRecord;
    const uuid = typeof given['uuid'] === 'string' && given['uuid'] !== '' ? given['uuid'] : this.newUuid();
    const record = this.withDerived(cls, { ...DEFAULTS.get(cls), ...cloneValues(given), uuid });
    const gen = this.events.touch(cls, ref);
    this.table(cls).set(ref, { record, stamp: { created: gen, changed: gen } });
    this.index(cls, ref, record);
    this.objects++;
    for (const link of LINKS.get(cls) ?? []) {
      for (const target of refsOf(record[link.field])) this.linkBack(link, target, ref, true);
    }
    return ref;
  }

  /** Change fields of a record; links whose ends moved are mended on the other side. */
  update<C extends ClassName>(cls: C, ref: string, patch: Partial<RecordOf<C>>): void {
    const row = this.row(cls, ref);
    const old = row.record;
    const next = this.withDerived(cls, { ...old, ...cloneValues(patch as AnyRecord) });
    row.record = next;
    row.stamp.changed = this.events.touch(cls, ref);
    for (const link of LINKS.get(cls) ?? []) {
      if (!(link.field in (patch as object))) continue;
      const before = new Set(refsOf(old[link.field]));
      const after = new Set(refsOf(next[link.field]));
      for (const t of before) if (!after.has(t)) this.linkBack(link, t, ref, false);
      for (const t of after) if (!before.has(t)) this.linkBack(link, t, ref, true);
    }
  }

  destroy(cls: ClassName, ref: string): void {
    const row = this.row(cls, ref);
    this.table(cls).delete(ref);
    this.classOfRef.delete(ref);
    const uuid = row.record['uuid'];
    if (typeof uuid === 'string') this.refOfUuid.delete(uuid);
    this.objects--;
    this.events.deleted(cls, ref, row.stamp.created, row.record);
    for (const link of LINKS.get(cls) ?? []) {
      for (const target of refsOf(row.record[link.field])) this.linkBack(link, target, ref, false);
    }
  }

  // ---- internals ----------------------------------------------------------------

  /** Add (or remove) `ref` at the far end of `link` on object `target`. */
  private linkBack(link: LinkField, target: string, ref: string, add: boolean): void {
    const row = this.tables.get(link.target)?.get(target);
    if (row === undefined) return; // dangling: nothing to mend
    const current = row.record[link.inverse];
    let value: unknown;
    if (link.inverseMany) {
      const list = Array.isArray(current) ? (current as string[]) : [];
      const present = list.includes(ref);
      if (add === present) return;
      value = add ? [...list, ref] : list.filter((r) => r !== ref);
    } else {
      if (add ? current === ref : current !== ref) return;
      value = add ? ref : NULL_REF;
    }
    row.record = freeze({ ...row.record, [link.inverse]: value });
    row.stamp.changed = this.events.touch(link.target, target);
  }

  private table(cls: string): Map<string, Row> {
    let table = this.tables.get(cls);
    if (table === undefined) {
      table = new Map();
      this.tables.set(cls, table);
    }
    return table;
  }

  private row(cls: string, ref: string): Row {
    const row = this.tables.get(cls)?.get(ref);
    if (row === undefined) throw xenError('HANDLE_INVALID', cls, ref);
    return row;
  }

  private index(cls: string, ref: string, record: AnyRecord): void {
    this.classOfRef.set(ref, cls);
    const uuid = record['uuid'];
    if (typeof uuid === 'string') this.refOfUuid.set(uuid, ref);
  }
}

/** Copy arrays and maps so a caller's later edits cannot reach into the world. */
function cloneValues(fields: AnyRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? [...(v as unknown[])] : typeof v === 'object' && v !== null ? { ...(v as object) } : v;
  }
  return out;
}
