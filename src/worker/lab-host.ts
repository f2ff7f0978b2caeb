// The lab inside the worker: loads the saved world (or builds the default
// one), serves XenAPI over the port, runs the clock in real time × speed, and
// saves the world — debounced after changes, at once when asked, soon after a
// setting (the clock's speed) changes, and every few seconds while the clock
// runs. The last two matter because the page cannot count on a save it asks
// for as it unloads: the browser ends the worker with the page.
//
// The RRDs (the Performance tab's history) are saved with the world but less
// often: they are large (tens of MB for the large world), so a clock save
// takes them along only every RRD_SAVE_MS and within the same duty share.
// Asked-for saves (and a fresh world's first) always take them, and so does
// the first check after the clock stops. RRDs that cannot be saved never
// keep the world from being saved, and saved RRDs that cannot be used never
// stop the lab: it runs with empty graphs.
import type { FromWorker, LabAction, LabState, ToWorker } from '../xapi/lab-protocol';
import { LAB_PROTOCOL_VERSION } from '../xapi/lab-protocol';
import { answerJsonRpc } from '../engine/api/json-rpc-endpoint';
import { Engine } from '../engine/engine';
import { RealTimeDriver, type TickSource } from '../engine/real-time-driver';
import { WORLDS, type WorldName } from '../engine/worlds/world-by-name';
import type { WorldStore } from './world-store';
import { answerHttpGet } from './http-get';
import { answerHttpBinary } from './http-binary';
import { restoreRrds, rrdSnapshot } from '../engine/metrics/rrd/rrd-snapshot';

export interface LabHostOptions {
  readonly store: WorldStore;
  readonly ticks: TickSource;
  /** Send to the console; `transfer`: buffers moved with the message (binary HTTP bodies). */
  readonly post: (message: FromWorker, transfer?: ArrayBuffer[]) => void;
  /** Wait in real time (event.from's timeout). */
  readonly sleep: (seconds: number) => Promise<void>;
  /** Run `fn` after `ms` unless called again first (debounced saving). */
  readonly debounce: (ms: number, fn: () => void) => void;
  readonly world?: WorldName;
  readonly seed?: number;
  readonly speed?: number;
}

/** Saves wait this long after the last change (and happen at least this often while things change). */
export const SAVE_DEBOUNCE_MS = 2000;
/** While only the clock moves, the lab is saved this often (real time), so a reload loses little virtual time. */
export const CLOCK_SAVE_MS = 2000;
/** How often the clock and the settings are checked for a save. */
export const SAVE_CHECK_MS = 1000;
/** Clock saves take at most this share of the worker's time (a large world takes longer to save). */
const CLOCK_SAVE_DUTY = 0.05;
/** Clock saves take the RRDs along at most this often (real time). */
export const RRD_SAVE_MS = 10_000;

interface LastSave {
  /** Virtual time and settings saved. */
  readonly now: number;
  readonly config: Engine['config'];
  /** Real time (ticks.now) the save started, and how long it took. */
  readonly at: number;
  readonly tookMs: number;
}

export class LabHost {
  private engine: Engine | undefined;
  private driver: RealTimeDriver | undefined;
  private status: LabState = { state: 'loading' };
  private queue: Extract<ToWorker, { kind: 'rpc' }>[] = [];
  private unsubscribe: (() => void) | undefined;
  private stopSaveChecks: (() => void) | undefined;
  private lastSave: LastSave | undefined;
  /** When the RRDs were last saved (real time), how long that save took, and the virtual time they reached. */
  private lastRrdSave: { readonly at: number; readonly tookMs: number; readonly now: number } | undefined;
  private saving = 0;

  constructor(private readonly options: LabHostOptions) {}

  async boot(): Promise<void> {
    this.setStatus({ state: 'loading' });
    const loaded = await this.options.store.load();
    if (loaded.kind === 'corrupt') {
      this.setStatus({ state: 'corrupt', reason: loaded.reason });
      return;
    }
    if (loaded.kind === 'ok') {
      let engine: Engine;
      try {
        engine = Engine.restore(loaded.snapshot);
      } catch (e) {
        this.setStatus({ state: 'corrupt', reason: `the saved world could not be restored (${e instanceof Error ? e.message : String(e)})` });
        return;
      }
      await this.loadRrds(engine);
      this.run(engine, 'restored');
      return;
    }
    this.run(this.freshEngine(), 'fresh');
    await this.save(true);
  }

  /** Put the saved RRDs back; anything unusable leaves the graphs empty (restoreRrds never throws). */
  private async loadRrds(engine: Engine): Promise<void> {
    let saved: unknown;
    try {
      saved = await this.options.store.loadRrds();
    } catch {
      saved = undefined;
    }
    restoreRrds(engine, saved);
  }

  async receive(message: ToWorker): Promise<void> {
    if (message.kind === 'init') return; // handled by the worker's entry
    if (message.kind === 'rpc') {
      if (this.engine === undefined) this.queue.push(message);
      else await this.answer(this.engine, message);
      return;
    }
    if (message.kind === 'http-get') {
      // While the lab loads the answer is 503, as a server coming up would say.
      this.options.post(answerHttpGet(this.engine, message));
      return;
    }
    if (message.kind === 'http-binary') {
      const reply = answerHttpBinary(this.engine, message);
      this.options.post(reply, [reply.body]);
      return;
    }
    await this.act(message.action);
  }

  /** Save the world; the RRDs too when `withRrds`, or when they are due. */
  async save(withRrds = false): Promise<void> {
    const engine = this.engine;
    if (engine === undefined) return;
    const started = this.options.ticks.now();
    const saving = { now: engine.now, config: engine.config };
    const rrds = withRrds || this.rrdsDue(started) ? rrdSnapshot(engine) : undefined;
    this.saving++;
    try {
      const world = engine.snapshot();
      try {
        await this.options.store.save(world, rrds);
      } catch (e) {
        if (rrds === undefined) throw e;
        // The RRDs did not fit (the browser's storage quota, say): the world
        // must still be saved; the graphs' history waits for its next turn.
        await this.options.store.save(world);
      }
      const tookMs = this.options.ticks.now() - started;
      this.lastSave = { ...saving, at: started, tookMs };
      if (rrds !== undefined) this.lastRrdSave = { at: started, tookMs, now: saving.now };
      this.options.post({ kind: 'saved', virtualTime: saving.now });
    } catch (e) {
      this.options.post({ kind: 'save-failed', reason: e instanceof Error ? e.message : String(e) });
    } finally {
      this.saving--;
    }
  }

  private rrdsDue(now: number): boolean {
    const last = this.lastRrdSave;
    return last === undefined || now - last.at >= Math.max(RRD_SAVE_MS, last.tookMs / CLOCK_SAVE_DUTY);
  }

  /** Save when a setting changed (Simulator.set_speed is not a change of the world), or the clock has run on for a while. */
  private checkSave(): void {
    const engine = this.engine;
    if (engine === undefined || this.saving > 0) return;
    const last = this.lastSave;
    if (last !== undefined && last.config === engine.config) {
      // The clock stopped: the RRDs catch up with the world once, so a pause
      // keeps every graph point across a reload.
      if (last.now === engine.now) {
        if (this.lastRrdSave?.now !== engine.now) void this.save(true);
        return;
      }
      if (this.options.ticks.now() - last.at < Math.max(CLOCK_SAVE_MS, last.tookMs / CLOCK_SAVE_DUTY)) return;
    }
    void this.save();
  }

  private async act(action: LabAction): Promise<void> {
    switch (action) {
      case 'save-now':
        await this.save(true);
        return;
      case 'get-stored': {
        const loaded = await this.options.store.load();
        const raw = loaded.kind === 'corrupt' ? loaded.raw : loaded.kind === 'ok' ? JSON.stringify({ schema: 1, snapshot: loaded.snapshot }) : '';
        this.options.post({ kind: 'stored', raw });
        return;
      }
      case 'reset':
      case 'start-fresh':
        this.stop();
        this.run(this.freshEngine(), 'fresh');
        await this.save(true);
        return;
    }
  }

  private freshEngine(): Engine {
    const build = WORLDS[this.options.world ?? 'default'];
    return Engine.create({ seed: this.options.seed ?? 1, speed: this.options.speed ?? 1, build });
  }

  private run(engine: Engine, origin: 'restored' | 'fresh'): void {
    this.engine = engine;
    engine.setRealTimer(this.options.sleep);
    this.driver = new RealTimeDriver(engine, this.options.ticks);
    this.driver.start();
    this.unsubscribe = engine.onChange(() => this.options.debounce(SAVE_DEBOUNCE_MS, () => void this.save()));
    this.stopSaveChecks = this.options.ticks.every(SAVE_CHECK_MS, () => this.checkSave());
    this.setStatus({ state: 'ready', origin, virtualTime: engine.now });
    const queued = this.queue;
    this.queue = [];
    for (const m of queued) void this.answer(engine, m);
  }

  private stop(): void {
    this.driver?.stop();
    this.stopSaveChecks?.();
    this.unsubscribe?.();
    this.engine = undefined;
  }

  private async answer(engine: Engine, message: Extract<ToWorker, { kind: 'rpc' }>): Promise<void> {
    const response = await answerJsonRpc(engine, message.request);
    this.options.post({ kind: 'rpc', id: message.id, response });
  }

  private setStatus(status: LabState): void {
    this.status = status;
    this.options.post({ kind: 'status', version: LAB_PROTOCOL_VERSION, status });
  }

  get state(): LabState {
    return this.status;
  }
}
