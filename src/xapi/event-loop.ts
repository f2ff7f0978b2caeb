// Keep a view of the pool up to date, as XenCenter and Xen Orchestra do:
//   1. take a token (event.inject on the pool object; else event.from with ''),
//   2. load <Class>.get_all_records for each class → one 'initial' batch of adds,
//   3. loop event.from(classes, token, timeout) → 'events' batches of add/mod/del.
// Changes made between 1 and 2 come again as 'mod' events, which is harmless.
// EVENTS_LOST (the token fell out of the server's window) → start over and
// deliver a 'resync' batch holding the complete state; transport failures are
// retried after a delay; the loop ends when the signal aborts.
import { CLASS_NAMES, canonicalClassName } from './datamodel/classes';
import { XenApiError } from './errors';
import type { Ref } from './refs';
import { isTransportError, type AbortSignalLike, type SendOptions } from './transport';
import type { Delay } from './delay';
import type { XenApiClient } from './client';

export type EventOperation = 'add' | 'mod' | 'del';

export interface ObjectEvent {
  readonly operation: EventOperation;
  /** The datamodel's spelling ('VM', 'host') when known; xapi sends lower case. */
  readonly class: string;
  readonly ref: Ref;
  /** The object's record; for 'del' the last record, or undefined if the server sent none. */
  readonly snapshot: unknown;
}

export interface EventBatch {
  /**
   * 'initial' and 'resync' batches hold the complete state of the watched
   * classes (all 'add'); on 'resync' drop whatever the batch does not name.
   */
  readonly kind: 'initial' | 'resync' | 'events';
  readonly events: readonly ObjectEvent[];
  readonly token: string;
  /** event.from's valid_ref_counts (object counts per class), when the server sent them. */
  readonly validRefCounts?: Readonly<Record<string, number>>;
}

export type EventListener = (batch: EventBatch) => void | Promise<void>;

export interface WatchOptions {
  readonly signal?: AbortSignalLike;
  /** Seconds each event.from may block; default 30. */
  readonly timeout?: number;
  /** How to wait before retrying after a transport failure (injected: the contract reads no timer). */
  readonly delay: Delay;
  /** Milliseconds to wait before retrying after a transport failure; default 2000. */
  readonly retryDelay?: number;
  /** Told of each transport failure before the retry (attempt counts from 1). */
  readonly onTransportError?: (error: unknown, attempt: number) => void;
}

/** What the loop needs of a client (a XenApiClient fits). */
export type EventClient = Pick<XenApiClient, 'callWith'>;

interface WireEvent {
  readonly class?: unknown;
  readonly operation?: unknown;
  readonly ref?: unknown;
  readonly snapshot?: unknown;
}

interface EventFromResult {
  readonly events?: readonly WireEvent[];
  readonly valid_ref_counts?: Readonly<Record<string, number>>;
  readonly token: string;
}

function normalize(ev: WireEvent): ObjectEvent | undefined {
  const op = ev.operation;
  if (typeof ev.class !== 'string' || typeof ev.ref !== 'string') return undefined;
  if (op !== 'add' && op !== 'mod' && op !== 'del') return undefined;
  return { operation: op, class: canonicalClassName(ev.class) ?? ev.class, ref: ev.ref, snapshot: ev.snapshot };
}

function isCode(e: unknown, code: string): boolean {
  return e instanceof XenApiError && e.code === code;
}

function isAbort(e: unknown, signal: AbortSignalLike | undefined): boolean {
  return signal?.aborted === true || (isTransportError(e) && e.aborted);
}

/** The classes to load with get_all_records: '*' means every class we know. */
function classesToLoad(classes: readonly string[]): string[] {
  if (classes.includes('*')) return [...CLASS_NAMES];
  return [...new Set(classes.map((c) => canonicalClassName(c) ?? c))];
}

async function takeToken(client: EventClient, so: SendOptions): Promise<string | undefined> {
  try {
    const pools = await client.callWith<readonly Ref[]>(so, 'pool.get_all');
    const pool = pools[0];
    if (pool === undefined) return undefined;
    return await client.callWith<string>(so, 'event.inject', 'pool', pool);
  } catch (e) {
    if (e instanceof XenApiError) return undefined; // no event.inject (or no pool): use event.from('')
    throw e;
  }
}

/** A token and the complete state of the watched classes. */
async function loadAll(client: EventClient, classes: readonly string[], so: SendOptions): Promise<{ token: string; events: ObjectEvent[] }> {
  const token = await takeToken(client, so);
  if (token === undefined) {
    const res = await client.callWith<EventFromResult>(so, 'event.from', classes, '', 0);
    const events = (res.events ?? []).map(normalize).filter((e): e is ObjectEvent => e !== undefined && e.operation !== 'del');
    return { token: res.token, events: events.map((e) => ({ ...e, operation: 'add' as const })) };
  }
  const events: ObjectEvent[] = [];
  for (const cls of classesToLoad(classes)) {
    let records: Readonly<Record<Ref, unknown>>;
    try {
      records = await client.callWith<Readonly<Record<Ref, unknown>>>(so, `${cls}.get_all_records`);
    } catch (e) {
      if (isCode(e, 'MESSAGE_METHOD_UNKNOWN')) continue; // a class this server does not have
      throw e;
    }
    for (const [ref, snapshot] of Object.entries(records)) events.push({ operation: 'add', class: cls, ref, snapshot });
  }
  return { token, events };
}

/**
 * Watch `classes` (datamodel names, any case, or ['*']) and feed `listener`
 * batches until the signal aborts (the promise then resolves). Rejects on a
 * XenAPI error other than EVENTS_LOST (e.g. SESSION_INVALID), or if the
 * initial load fails.
 */
export async function watchEvents(
  client: EventClient,
  classes: readonly string[],
  listener: EventListener,
  options: WatchOptions,
): Promise<void> {
  const { signal } = options;
  const so: SendOptions = signal === undefined ? {} : { signal };
  const timeout = options.timeout ?? 30;
  const { delay } = options;
  const retryDelay = options.retryDelay ?? 2000;
  const aborted = (): boolean => signal?.aborted === true;

  let state: { token: string; events: ObjectEvent[] };
  try {
    state = await loadAll(client, classes, so);
  } catch (e) {
    if (isAbort(e, signal)) return;
    throw e;
  }
  if (aborted()) return;
  await listener({ kind: 'initial', events: state.events, token: state.token });
  let token = state.token;
  let failures = 0;
  let resync = false;

  while (!aborted()) {
    try {
      if (resync) {
        const fresh = await loadAll(client, classes, so);
        resync = false;
        failures = 0;
        token = fresh.token;
        if (aborted()) return;
        await listener({ kind: 'resync', events: fresh.events, token });
        continue;
      }
      const res = await client.callWith<EventFromResult>(so, 'event.from', classes, token, timeout);
      failures = 0;
      token = res.token;
      const events = (res.events ?? []).map(normalize).filter((e): e is ObjectEvent => e !== undefined);
      if (events.length > 0 && !aborted()) {
        await listener({
          kind: 'events',
          events,
          token,
          ...(res.valid_ref_counts === undefined ? {} : { validRefCounts: res.valid_ref_counts }),
        });
      }
    } catch (e) {
      if (isAbort(e, signal)) return;
      if (isCode(e, 'EVENTS_LOST')) {
        resync = true;
        continue;
      }
      if (!isTransportError(e)) throw e;
      failures++;
      options.onTransportError?.(e, failures);
      try {
        await delay(retryDelay, signal);
      } catch (waitError) {
        if (isAbort(waitError, signal)) return;
        throw waitError;
      }
    }
  }
}
