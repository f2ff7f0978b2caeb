// A discrete-event scheduler on the virtual clock. Jobs are data (a kind and
// JSON arguments), not closures, so the pending work of a world can be saved
// and restored with it; the engine maps each kind to its handler.

export interface Job {
  readonly at: number;
  readonly seq: number;
  readonly kind: string;
  readonly args: Readonly<Record<string, unknown>>;
}

export interface SchedulerState {
  readonly now: number;
  readonly nextSeq: number;
  readonly jobs: readonly Job[];
}

function before(x: Job, y: Job): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}

export class Scheduler {
  private heap: Job[] = [];
  private nextSeq = 1;
  /** Virtual seconds since the world began. */
  now = 0;

  static fromState(state: SchedulerState): Scheduler {
    const s = new Scheduler();
    s.now = state.now;
    s.nextSeq = state.nextSeq;
    for (const job of state.jobs) s.push(job);
    return s;
  }

  state(): SchedulerState {
    const jobs = [...this.heap].sort((x, y) => (before(x, y) ? -1 : 1));
    return { now: this.now, nextSeq: this.nextSeq, jobs };
  }

  /** Schedule `kind` to run `delay` virtual seconds from now; returns its sequence number. */
  after(delay: number, kind: string, args: Record<string, unknown>): number {
    const seq = this.nextSeq++;
    this.push({ at: this.now + Math.max(0, delay), seq, kind, args });
    return seq;
  }

  get size(): number {
    return this.heap.length;
  }

  nextAt(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Remove and return the earliest job due at or before `t`, if any. */
  popDue(t: number): Job | undefined {
    const top = this.heap[0];
    if (top === undefined || top.at > t) return undefined;
    const last = this.heap.pop();
    if (last !== undefined && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Drop every job the predicate selects (e.g. the rest of a cancelled task). */
  remove(predicate: (job: Job) => boolean): number {
    const kept = this.heap.filter((job) => !predicate(job));
    const removed = this.heap.length - kept.length;
    if (removed > 0) {
      this.heap = [];
      for (const job of kept) this.push(job);
    }
    return removed;
  }

  jobs(): readonly Job[] {
    return this.heap;
  }

  private push(job: Job): void {
    this.heap.push(job);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.heap[parent]!;
      if (!before(job, p)) break;
      this.heap[i] = p;
      i = parent;
    }
    this.heap[i] = job;
  }

  private siftDown(i: number): void {
    const n = this.heap.length;
    const job = this.heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(this.heap[r]!, this.heap[l]!) ? r : l;
      if (!before(this.heap[child]!, job)) break;
      this.heap[i] = this.heap[child]!;
      i = child;
    }
    this.heap[i] = job;
  }
}
