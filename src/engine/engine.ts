// The simulated pool: world + virtual clock + seeded RNG + API. Pure and
// deterministic: it never reads the wall clock, unseeded randomness or timers. A host
// (the browser worker, the Node server, a test) drives time with advance() and
// may inject a real-time timer so that event.from can wait in real seconds.
import { formatDateTime } from '../xapi/datetime';
import { NULL_REF } from '../xapi/refs';
import { dispatch } from './api/dispatcher';
import { buildMethodTable } from './api/methods';
import type { MethodTable } from './api/registry';
import { JOB_HANDLERS, type JobHandler } from './jobs';
import { Operations, type RunningOperation } from './operations';
import { Tasks } from './tasks';
import { Rng, type RngState } from './time/rng';
import { Scheduler, type SchedulerState } from './time/scheduler';
import { World, type WorldState } from './world/world';
import { installDerivedFields } from './derived-fields';
import { LabStore, type LabState } from './lab/lab-store';
import { planFastForward, startMetrics } from './metrics/metrics-tick';

export const SNAPSHOT_VERSION = 1;

export interface EngineConfig {
  /** root's password for session.login_with_password. */
  readonly password: string;
  /** Unix time (s) of virtual time 0: where datetimes and RRD timestamps start. */
  readonly epoch: number;
  /** Real-time speed factor the host should run the clock at (Simulator.set_speed). */
  readonly speed: number;
  readonly seed: number;
}

export interface EngineSnapshot {
  readonly version: number;
  readonly config: EngineConfig;
  readonly rng: RngState;
  readonly scheduler: SchedulerState;
  readonly world: WorldState;
  readonly operations: Readonly<Record<string, RunningOperation>>;
  /** The Simulator's non-XenAPI records (bare machines, PXE, console servers); absent in older saves. */
  readonly lab?: LabState;
}

/** A host's way to wait in real time (event.from's timeout); absent in tests. */
export type RealTimer = (seconds: number) => Promise<void>;

export type WorldBuilder = (engine: Engine) => void;

export const DEFAULT_EPOCH = Date.UTC(2026, 0, 5, 8, 0, 0) / 1000; // a Monday morning; fixed, never the wall clock

export class Engine {
  readonly world: World;
  readonly scheduler: Scheduler;
  readonly rng: Rng;
  readonly tasks: Tasks;
  readonly operations: Operations;
  readonly methods: MethodTable;
  readonly lab: LabStore;
  config: EngineConfig;
  private readonly listeners = new Set<() => void>();
  private notifiedGeneration = 0;
  private realTimer: RealTimer | undefined;
  private virtualWaits: { until: number; wake: () => void }[] = [];

  private constructor(snapshot: Omit<EngineSnapshot, 'version' | 'world' | 'scheduler' | 'operations' | 'lab'> & Partial<EngineSnapshot>) {
    this.config = snapshot.config;
    this.lab = new LabStore(snapshot.lab);
    this.rng = Rng.fromState(snapshot.rng);
    this.scheduler = snapshot.scheduler ? Scheduler.fromState(snapshot.scheduler) : new Scheduler();
    this.world = new World(() => this.rng.uuid(), snapshot.world);
    installDerivedFields(this.world);
    this.tasks = new Tasks(this);
    this.operations = new Operations(this, snapshot.operations);
    this.methods = buildMethodTable();
    this.notifiedGeneration = this.world.events.generation;
  }

  static create(options: Partial<EngineConfig> & { build?: WorldBuilder } = {}): Engine {
    const config: EngineConfig = {
      password: options.password ?? 'xenlab',
      epoch: options.epoch ?? DEFAULT_EPOCH,
      speed: options.speed ?? 1,
      seed: options.seed ?? 1,
    };
    const engine = new Engine({ config, rng: Rng.fromSeed(config.seed).state() });
    options.build?.(engine);
    startMetrics(engine);
    engine.notifiedGeneration = engine.world.events.generation;
    return engine;
  }

  static restore(snapshot: EngineSnapshot): Engine {
    if (snapshot.version !== SNAPSHOT_VERSION) {
      throw new Error(`saved world has version ${String(snapshot.version)}; this XenLab reads version ${SNAPSHOT_VERSION}`);
    }
    const engine = new Engine(snapshot);
    startMetrics(engine); // a world saved before metrics existed gets its clock
    return engine;
  }

  snapshot(): EngineSnapshot {
    return {
      version: SNAPSHOT_VERSION,
      config: this.config,
      rng: this.rng.state(),
      scheduler: this.scheduler.state(),
      world: this.world.state(),
      operations: this.operations.state(),
      lab: this.lab.state,
    };
  }

  // ---- the API ----------------------------------------------------------------

  /** Run one XenAPI call; resolves with its value or rejects with a XenApiError. */
  async call(method: string, params: readonly unknown[]): Promise<unknown> {
    try {
      return await dispatch(this, method, params);
    } finally {
      this.notify();
    }
  }

  // ---- time ---------------------------------------------------------------------

  get now(): number {
    return this.scheduler.now;
  }

  /** Run virtual time forward by `seconds`, executing every job that falls due. */
  advance(seconds: number): void {
    this.advanceTo(this.scheduler.now + Math.max(0, seconds));
  }

  advanceTo(t: number): void {
    // A long jump fills each archive at its own resolution (metrics-tick.ts).
    planFastForward(this, t);
    for (;;) {
      const job = this.scheduler.popDue(t);
      if (job === undefined) break;
      this.scheduler.now = Math.max(this.scheduler.now, job.at);
      this.runJob(job.kind, job.args);
      this.wakeVirtualWaits();
      this.notify();
    }
    this.scheduler.now = Math.max(this.scheduler.now, t);
    this.wakeVirtualWaits();
    this.notify();
  }

  runJob(kind: string, args: Readonly<Record<string, unknown>>): void {
    const handler: JobHandler | undefined = JOB_HANDLERS.get(kind);
    if (handler === undefined) throw new Error(`no handler for scheduled job ${kind}`);
    handler(this, args);
  }

  /** XenAPI datetime of a virtual time (now by default). */
  datetime(t = this.scheduler.now): string {
    return formatDateTime(this.config.epoch + t);
  }

  unixTime(t = this.scheduler.now): number {
    return this.config.epoch + t;
  }

  masterRef(): string {
    const [pool] = this.world.entries('pool');
    return pool?.[1].master ?? NULL_REF;
  }

  // ---- waiting and change notification ---------------------------------------

  /** Let a host provide real-time waits for event.from. */
  setRealTimer(timer: RealTimer | undefined): void {
    this.realTimer = timer;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once `ready()` holds after a change of the world, or after
   * `seconds`: real seconds where the host gave a timer, else virtual seconds
   * (tests drive the clock).
   */
  waitFor(seconds: number, ready: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        off();
        resolve();
      };
      const off = this.onChange(() => {
        if (ready()) finish();
      });
      if (this.realTimer !== undefined) void this.realTimer(seconds).then(finish);
      else this.virtualWaits.push({ until: this.scheduler.now + seconds, wake: finish });
    });
  }

  private wakeVirtualWaits(): void {
    if (this.virtualWaits.length === 0) return;
    const due = this.virtualWaits.filter((w) => w.until <= this.scheduler.now);
    this.virtualWaits = this.virtualWaits.filter((w) => w.until > this.scheduler.now);
    for (const w of due) w.wake();
  }

  private notify(): void {
    const gen = this.world.events.generation;
    if (gen === this.notifiedGeneration) return;
    this.notifiedGeneration = gen;
    for (const listener of [...this.listeners]) listener();
  }
}
