// The pool's RRDs: one per host and one per VM (dom0 included), each a list
// of recorded data sources over the shared archives (rrd-archives.ts).
// Lifecycle as in xcp-rrdd (rrdd_monitor.ml, rrdd_server.ml):
//  - an RRD is created when its object first reports, with the standard
//    data sources it reports, in name order; a standard source reported
//    later is added then (merge_new_dss), with unknown history;
//  - non-standard sources (runnable_vcpus) are known but not recorded until
//    record_data_source; forget_data_source_archives drops a source's
//    history (a standard one comes back at the next report, empty);
//  - a source an object stops reporting stays, unknown from then on;
//  - a VM's RRD is archived when it halts or suspends (out of rrd_updates
//    and get_data_sources) and comes back when it runs again, the time in
//    between unknown; it goes when the VM is destroyed. A host's stays.
import { dsInfo } from './ds-catalog';
import { ARCHIVES, hasMinMax } from './rrd-layout';
import { RrdArchives, type Cf } from './rrd-archives';

export type RrdKind = 'host' | 'vm';

export interface Rrd {
  readonly kind: RrdKind;
  readonly uuid: string;
  /** The object's ref in the world. */
  readonly ref: string;
  /** Whether this RRD keeps MIN and MAX (hosts; VMs when the pool asks). */
  readonly minMax: boolean;
  readonly controlDomain: boolean;
  /** Recorded data sources in column order, with their slots. */
  readonly names: string[];
  readonly slots: number[];
  readonly mmSlots: number[];
  readonly column: Map<string, number>;
  /** Sources reported since the RRD was (re)loaded, recorded or not. */
  readonly reported: Set<string>;
  /** Non-standard sources the user asked to record. */
  readonly extra: Set<string>;
  archived: boolean;
  /** Fast path: the keys of the last sample, in order (the models' interned array itself), and the slot each fills (-1: not recorded). */
  lastKeys: readonly string[];
  lastSlots: number[];
}

export type RrdKey = `${RrdKind}:${string}`;
export const rrdKey = (kind: RrdKind, uuid: string): RrdKey => `${kind}:${uuid}`;

export class RrdStore {
  readonly archives = new RrdArchives();
  private readonly byKey = new Map<RrdKey, Rrd>();
  private readonly hosts = new Map<string, Rrd>();
  private readonly vms = new Map<string, Rrd>();

  get(kind: RrdKind, uuid: string): Rrd | undefined {
    return (kind === 'host' ? this.hosts : this.vms).get(uuid);
  }

  /** Make room at once for what a first tick will record (growing slot by slot copies the archives many times). */
  reserveFor(samples: readonly { readonly kind: RrdKind; readonly sources: number }[], vmMinMax: boolean): void {
    let slots = 0;
    let mm = 0;
    for (const s of samples) {
      const n = s.sources;
      slots += n;
      if (s.kind === 'host' || vmMinMax) mm += n;
    }
    this.archives.ensure(this.archives.used + slots, this.archives.mmUsed + mm);
  }

  /** Every RRD, in creation order. */
  all(): IterableIterator<Rrd> {
    return this.byKey.values();
  }

  get size(): number {
    return this.byKey.size;
  }

  create(kind: RrdKind, uuid: string, ref: string, options: { minMax: boolean; controlDomain?: boolean }): Rrd {
    const existing = this.get(kind, uuid);
    if (existing !== undefined) return existing;
    const rrd: Rrd = {
      kind,
      uuid,
      ref,
      minMax: options.minMax,
      controlDomain: options.controlDomain === true,
      names: [],
      slots: [],
      mmSlots: [],
      column: new Map(),
      reported: new Set(),
      extra: new Set(),
      archived: false,
      lastKeys: [],
      lastSlots: [],
    };
    this.byKey.set(rrdKey(kind, uuid), rrd);
    (kind === 'host' ? this.hosts : this.vms).set(uuid, rrd);
    return rrd;
  }

  /** Forget an RRD and its history (the object is gone). */
  delete(rrd: Rrd): void {
    for (let i = rrd.names.length - 1; i >= 0; i--) this.dropColumn(rrd, i);
    this.byKey.delete(rrdKey(rrd.kind, rrd.uuid));
    (rrd.kind === 'host' ? this.hosts : this.vms).delete(rrd.uuid);
  }

  /** The object stopped running: its RRD leaves the live set; what it reported is forgotten. */
  archive(rrd: Rrd): void {
    rrd.archived = true;
    rrd.reported.clear();
    rrd.lastKeys = [];
    rrd.lastSlots = [];
  }

  unarchive(rrd: Rrd): void {
    rrd.archived = false;
  }

  /** Start recording `name` (no-op if it is recorded). */
  addColumn(rrd: Rrd, name: string): number {
    const have = rrd.column.get(name);
    if (have !== undefined) return have;
    const info = dsInfo(rrd.kind, name, rrd.controlDomain);
    const slot = this.archives.allocate(info.min, info.max);
    rrd.names.push(name);
    rrd.slots.push(slot);
    rrd.mmSlots.push(rrd.minMax ? this.archives.allocateMinMax(slot) : -1);
    rrd.column.set(name, rrd.names.length - 1);
    rrd.lastKeys = [];
    return rrd.names.length - 1;
  }

  /** Stop recording `name` and drop its history (no-op if it is not recorded). */
  dropColumn(rrd: Rrd, index: number): void {
    const name = rrd.names[index];
    if (name === undefined) return;
    this.archives.release(rrd.slots[index]!);
    const mm = rrd.mmSlots[index]!;
    if (mm >= 0) this.archives.releaseMinMax(mm);
    rrd.names.splice(index, 1);
    rrd.slots.splice(index, 1);
    rrd.mmSlots.splice(index, 1);
    rrd.column.clear();
    rrd.names.forEach((n, i) => rrd.column.set(n, i));
    rrd.lastKeys = [];
  }

  // ---- a tick ---------------------------------------------------------------------

  beginTick(): void {
    this.archives.beginTick();
  }

  /** One object's sample for this tick, as an object (tests' samplers). */
  ingest(rrd: Rrd, values: Readonly<Record<string, number>>): void {
    const pending = this.archives.pending;
    const keys = rrd.lastKeys;
    const slots = rrd.lastSlots;
    const n = keys.length;
    let i = 0;
    if (n > 0) {
      for (const k in values) {
        if (i === n || keys[i] !== k) {
          i = -1;
          break;
        }
        const s = slots[i++]!;
        if (s >= 0) pending[s] = values[k]!;
      }
      if (i === n) return;
    }
    const names = Object.keys(values);
    this.learn(rrd, names);
    this.ingestColumns(rrd, names, names.map((k) => values[k]!));
  }

  /**
   * One object's sample for this tick, as the models give it (visitSamples):
   * names interned, so the same array as last tick means the same layout and
   * the values go straight to their slots.
   */
  ingestColumns(rrd: Rrd, names: readonly string[], values: ArrayLike<number>): void {
    if (rrd.lastKeys !== names) this.learn(rrd, names);
    const pending = this.archives.pending;
    const slots = rrd.lastSlots;
    for (let i = 0, n = slots.length; i < n; i++) {
      const s = slots[i]!;
      if (s >= 0) pending[s] = values[i]!;
    }
  }

  /** New names (or a new order): note them reported, add standard sources, and map each name to its slot (-1: not recorded). */
  private learn(rrd: Rrd, names: readonly string[]): void {
    const fresh = rrd.names.length === 0 && rrd.reported.size === 0;
    const toAdd: string[] = [];
    for (const k of names) {
      rrd.reported.add(k);
      if (!rrd.column.has(k) && (dsInfo(rrd.kind, k, rrd.controlDomain).standard || rrd.extra.has(k))) toAdd.push(k);
    }
    // A new RRD takes its sources in name order (xcp-rrdd builds it from a
    // map); sources that appear later are appended.
    if (fresh) toAdd.sort(byteOrder);
    for (const k of toAdd) this.addColumn(rrd, k);
    rrd.lastSlots = names.map((k) => {
      const c = rrd.column.get(k);
      return c === undefined ? -1 : rrd.slots[c]!;
    });
    rrd.lastKeys = names;
  }

  /** The tick's values stand for the `n` PDPs ending at Unix time `unix` (a multiple of 5). */
  endTick(unix: number, n: number): void {
    this.archives.endTick(Math.round(unix / 5), n);
  }

  /** Unix time of the last PDP, if any. */
  get lastUpdate(): number | undefined {
    const k = this.archives.lastPdp;
    return k === undefined ? undefined : k * 5;
  }

  // ---- reading --------------------------------------------------------------------

  /** The newest 5-s value of a recorded source (what query_data_source answers). */
  latest(rrd: Rrd, name: string): number | undefined {
    const c = rrd.column.get(name);
    const t = this.archives.lastRowTime(0);
    if (c === undefined || t === undefined) return undefined;
    return this.archives.value(0, 0, rrd.slots[c]!, t);
  }

  /** A column's value in archive `a`, consolidation `cf`, at the row ending at `time`; NaN where not kept. */
  value(rrd: Rrd, column: number, a: number, cf: Cf, time: number): number {
    if (cf === 0) return this.archives.value(a, 0, rrd.slots[column]!, time);
    const mm = rrd.mmSlots[column]!;
    if (mm < 0 || !hasMinMax(a)) return NaN;
    return this.archives.value(a, cf, mm, time);
  }

  /** Consolidation functions archive `a` keeps for this RRD, in xapi's order. */
  cfsOf(rrd: Rrd, a: number): readonly Cf[] {
    return rrd.minMax && hasMinMax(a) ? [0, 1, 2] : [0];
  }

  byteSize(): number {
    return this.archives.byteSize();
  }

  /** Rows the archives hold per slot (for the memory figures). */
  static rowsPerSlot(): { average: number; minMax: number } {
    let average = 0;
    let minMax = 0;
    ARCHIVES.forEach((spec, a) => {
      average += spec.rows;
      if (hasMinMax(a)) minMax += 2 * spec.rows;
    });
    return { average, minMax };
  }

  /** For snapshots: replace the RRD table wholesale. */
  replaceAll(rrds: readonly Rrd[]): void {
    this.byKey.clear();
    this.hosts.clear();
    this.vms.clear();
    for (const rrd of rrds) {
      this.byKey.set(rrdKey(rrd.kind, rrd.uuid), rrd);
      (rrd.kind === 'host' ? this.hosts : this.vms).set(rrd.uuid, rrd);
    }
  }
}

function byteOrder(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
