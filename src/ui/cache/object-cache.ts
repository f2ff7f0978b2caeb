// The console's copy of the pool: every object by class and ref, fed by the
// XenAPI event loop. It lives outside React; components subscribe with narrow
// selectors. Records are immutable snapshots, so a selector that returns the
// same record (or an equal list) costs its component no render. Event batches
// are buffered and applied at most once per animation frame, and held back
// while the console builds a page in the background (see hold()).
import type { ClassName } from '../../xapi/datamodel/classes';
import type { EventBatch } from '../../xapi/event-loop';
import type { RecordOf } from '../../xapi/types';

type AnyRecord = Readonly<Record<string, unknown>>;
type Listener = () => void;
/** Sees every applied batch's events (e.g. tasks that are created and destroyed within one frame). */
export type EventsListener = (events: EventBatch['events'], kind: EventBatch['kind']) => void;

export type FrameScheduler = (flush: () => void) => void;

/** One object added, changed or deleted by an applied batch. */
export interface CacheChange {
  readonly cls: string;
  readonly ref: string;
}

/**
 * How far the change log reaches back: at most this many applied batches
 * (ten seconds of frames) and this many changes. A reader further behind,
 * or from before a resync, is told to rebuild from scratch.
 */
export const CHANGE_LOG_REVISIONS = 600;
export const CHANGE_LOG_CHANGES = 20_000;

/**
 * The most frames a hold may keep batches back (about half a second): a
 * background render that is not done by then gets the store change anyway
 * (and React finishes it at once) rather than showing a stale pool longer.
 */
export const MAX_HELD_FRAMES = 30;

const browserFrames: FrameScheduler = (flush) => {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
    requestAnimationFrame(flush);
  } else {
    setTimeout(flush, 16);
  }
};

export class ObjectCache {
  private readonly tables = new Map<string, Map<string, AnyRecord>>();
  private readonly listeners = new Set<Listener>();
  private readonly eventListeners = new Set<EventsListener>();
  private pending: EventBatch[] = [];
  private scheduled = false;
  private loaded = false;
  private holds = 0;
  private heldFrames = 0;
  /** Bumped on every applied batch: a cheap "something changed" for memoized selectors. */
  revision = 0;
  /** What each recent revision changed, oldest first, for readers that rebuild only what changed. */
  private changeLog: { readonly revision: number; readonly changes: readonly CacheChange[] }[] = [];
  /** The last revision that replaced everything (load, resync, clear): no change list reaches past it. */
  private resetRevision = 0;
  private changesLogged = 0;

  constructor(private readonly schedule: FrameScheduler = browserFrames) {}

  get isLoaded(): boolean {
    return this.loaded;
  }

  get<C extends ClassName>(cls: C, ref: string): RecordOf<C> | undefined {
    return this.tables.get(cls)?.get(ref) as RecordOf<C> | undefined;
  }

  /** All objects of a class (a live map: read it, never keep it across renders). */
  all<C extends ClassName>(cls: C): ReadonlyMap<string, RecordOf<C>> {
    return (this.tables.get(cls) ?? new Map()) as ReadonlyMap<string, RecordOf<C>>;
  }

  /** The class of an object, looked up by ref. */
  classOf(ref: string): ClassName | undefined {
    for (const [cls, table] of this.tables) if (table.has(ref)) return cls as ClassName;
    return undefined;
  }

  /**
   * The objects changed after `revision` (each once per batch that touched
   * it), or undefined when that is unknown: the revision is older than the
   * log or before a load/resync. A reader that gets undefined rebuilds all.
   */
  changesSince(revision: number): readonly CacheChange[] | undefined {
    if (revision === this.revision) return [];
    if (revision < this.resetRevision || revision > this.revision) return undefined;
    const first = this.changeLog[0];
    if (first === undefined || first.revision > revision + 1) return undefined;
    const out: CacheChange[] = [];
    for (const entry of this.changeLog) if (entry.revision > revision) out.push(...entry.changes);
    return out;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every event as it is applied, before subscribers re-render. */
  subscribeEvents(listener: EventsListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * Keep queued batches back until the returned release is called. React
   * builds a big page from a deferred value in slices between frames; a store
   * change in the middle of that render (every frame at 10×) makes React
   * throw the slices away and build the page again in one long task, lest it
   * show two versions of the pool at once. Holding the batches for those few
   * frames lets the slices finish; the batches then apply together.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0) {
        this.heldFrames = 0;
        if (this.pending.length > 0) this.scheduleFlush();
      }
    };
  }

  /** Queue a batch from the event loop; applied on the next frame with any others. */
  enqueue(batch: EventBatch): void {
    this.pending.push(batch);
    this.scheduleFlush();
  }

  /** Apply queued batches now (tests, and the frame callback), unless held. */
  flush(): void {
    this.scheduled = false;
    if (this.holds > 0 && this.heldFrames < MAX_HELD_FRAMES) {
      this.heldFrames++;
      if (this.pending.length > 0) this.scheduleFlush();
      return;
    }
    this.applyPending();
  }

  private scheduleFlush(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  private applyPending(): void {
    const batches = this.pending;
    this.pending = [];
    if (batches.length === 0) return;
    const changes: CacheChange[] = [];
    let reset = false;
    for (const batch of batches) {
      this.apply(batch);
      if (batch.kind === 'events') for (const ev of batch.events) changes.push({ cls: ev.class, ref: ev.ref });
      else reset = true;
      for (const listener of [...this.eventListeners]) listener(batch.events, batch.kind);
    }
    this.revision++;
    this.logChanges(reset, changes);
    for (const listener of [...this.listeners]) listener();
  }

  private logChanges(reset: boolean, changes: readonly CacheChange[]): void {
    if (reset) {
      this.resetRevision = this.revision;
      this.changeLog = [];
      this.changesLogged = 0;
      return;
    }
    this.changeLog.push({ revision: this.revision, changes });
    this.changesLogged += changes.length;
    while (this.changeLog.length > CHANGE_LOG_REVISIONS || (this.changesLogged > CHANGE_LOG_CHANGES && this.changeLog.length > 1)) {
      this.changesLogged -= this.changeLog.shift()?.changes.length ?? 0;
    }
  }

  clear(): void {
    this.tables.clear();
    this.pending = [];
    this.loaded = false;
    this.revision++;
    this.logChanges(true, []);
    for (const listener of [...this.listeners]) listener();
  }

  private apply(batch: EventBatch): void {
    if (batch.kind === 'resync') this.tables.clear();
    if (batch.kind !== 'events') this.loaded = true;
    for (const ev of batch.events) {
      let table = this.tables.get(ev.class);
      if (table === undefined) {
        table = new Map();
        this.tables.set(ev.class, table);
      }
      if (ev.operation === 'del') table.delete(ev.ref);
      else if (ev.snapshot !== undefined) table.set(ev.ref, ev.snapshot as AnyRecord);
    }
  }
}
