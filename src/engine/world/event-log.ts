// XAPI's event.from semantics over the world's changes.
//
// Every mutation stamps the object with a new generation number. A token is a
// generation; event.from(token) answers with each object changed since then,
// once, in its current state ("changes to one object between two calls are
// merged into one event"): `add` if it was created after the token, `del` if it
// is gone, else `mod`. Deleted objects are remembered as tombstones for a while;
// a token older than the oldest forgotten deletion gets EVENTS_LOST.

export type EventOperation = 'add' | 'mod' | 'del';

export interface ObjectStamp {
  /** Generation at which the object was created. */
  created: number;
  /** Generation of its latest change. */
  changed: number;
}

export interface Tombstone {
  readonly cls: string;
  readonly ref: string;
  readonly created: number;
  readonly deleted: number;
  readonly snapshot: unknown;
}

export interface ChangedObject {
  readonly cls: string;
  readonly ref: string;
  readonly operation: EventOperation;
  readonly generation: number;
}

export interface EventLogState {
  readonly generation: number;
  readonly forgottenBefore: number;
  readonly tombstones: readonly Tombstone[];
}

const MAX_TOMBSTONES = 20_000;

export class EventLog {
  generation = 0;
  /** Tokens below this generation may have missed deletions. */
  private forgottenBefore = 0;
  /** Change journal: [generation, class, ref], in generation order; may hold stale entries. */
  private journal: { gen: number; cls: string; ref: string }[] = [];
  private tombstones: Tombstone[] = [];

  constructor(
    private readonly stampOf: (cls: string, ref: string) => ObjectStamp | undefined,
    /** How many live objects there are: each has exactly one current journal entry. */
    private readonly objectCount: () => number,
  ) {}

  /** Rebuild the journal of a restored world from the stamps kept on its objects. */
  static restore(
    state: EventLogState,
    stamps: Iterable<{ cls: string; ref: string; stamp: ObjectStamp }>,
    stampOf: (cls: string, ref: string) => ObjectStamp | undefined,
    objectCount: () => number,
  ): EventLog {
    const log = new EventLog(stampOf, objectCount);
    log.generation = state.generation;
    log.forgottenBefore = state.forgottenBefore;
    log.tombstones = [...state.tombstones];
    for (const { cls, ref, stamp } of stamps) log.journal.push({ gen: stamp.changed, cls, ref });
    log.journal.sort((x, y) => x.gen - y.gen);
    return log;
  }

  state(): EventLogState {
    return { generation: this.generation, forgottenBefore: this.forgottenBefore, tombstones: this.tombstones };
  }

  /** Record a change to an object; returns the new generation for its stamp. */
  touch(cls: string, ref: string): number {
    // Compact before the new entry goes in: the caller stamps the object with
    // the returned generation only afterwards, so a compaction now would drop
    // the entry as stale and the change would never reach event.from.
    if (this.journal.length >= 4096 + 2 * this.objectCount()) this.compact();
    const gen = ++this.generation;
    this.journal.push({ gen, cls, ref });
    return gen;
  }

  /** Record a deletion with the object's last state. */
  deleted(cls: string, ref: string, created: number, snapshot: unknown): number {
    const gen = ++this.generation;
    this.tombstones.push({ cls, ref, created, deleted: gen, snapshot });
    if (this.tombstones.length > MAX_TOMBSTONES) {
      const dropped = this.tombstones.splice(0, this.tombstones.length - MAX_TOMBSTONES);
      const last = dropped[dropped.length - 1];
      if (last !== undefined) this.forgottenBefore = last.deleted;
    }
    return gen;
  }

  /** Whether a client holding `token` can be answered without loss. */
  isLost(token: number): boolean {
    return token < this.forgottenBefore;
  }

  /** Objects changed after generation `since`, each once, oldest change first. */
  changesSince(since: number, wantClass: (cls: string) => boolean): { objects: ChangedObject[]; tombstones: Tombstone[] } {
    const objects: ChangedObject[] = [];
    for (let i = this.firstAfter(since); i < this.journal.length; i++) {
      const entry = this.journal[i]!;
      if (!wantClass(entry.cls)) continue;
      const stamp = this.stampOf(entry.cls, entry.ref);
      // Only the newest journal entry of a live object counts (older ones are stale).
      if (stamp === undefined || stamp.changed !== entry.gen) continue;
      objects.push({
        cls: entry.cls,
        ref: entry.ref,
        operation: stamp.created > since ? 'add' : 'mod',
        generation: entry.gen,
      });
    }
    // An object both created and deleted since the token was never seen: skip it.
    const tombstones = this.tombstones.filter((t) => t.deleted > since && t.created <= since && wantClass(t.cls));
    return { objects, tombstones };
  }

  private firstAfter(since: number): number {
    let lo = 0;
    let hi = this.journal.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.journal[mid]!.gen <= since) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    this.journal = this.journal.filter((e) => this.stampOf(e.cls, e.ref)?.changed === e.gen);
  }
}
