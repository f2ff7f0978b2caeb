// Charts are built one per task. Building a uPlot plot measures its box (a
// forced style and layout pass), creates its canvases and draws the axes'
// text: 10–20 ms each. A Performance page mounts 4–8 graphs in one commit,
// and building them all in that commit's effects was one task of 50–80 ms
// of main-thread CPU (bench:ui). Queued, each plot is its own short task and
// the browser can paint and answer input between them.

type Job = () => void;

export type TaskScheduler = (run: () => void) => void;

/** A new macrotask (a MessageChannel message: not clamped like nested timeouts). */
const nextTask: TaskScheduler = (() => {
  if (typeof MessageChannel !== 'function') return (run) => void setTimeout(run, 0);
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (run) => {
    waiting.push(run);
    channel.port2.postMessage(null);
  };
})();

export class BuildQueue {
  private readonly jobs: Job[] = [];
  private running = false;

  constructor(private readonly schedule: TaskScheduler = nextTask) {}

  /** Run `job` in a task of its own, after those queued before it. Returns a cancel function. */
  add(job: Job): () => void {
    this.jobs.push(job);
    this.kick();
    return () => {
      const i = this.jobs.indexOf(job);
      if (i >= 0) this.jobs.splice(i, 1);
    };
  }

  get size(): number {
    return this.jobs.length;
  }

  private kick(): void {
    if (this.running || this.jobs.length === 0) return;
    this.running = true;
    this.schedule(() => {
      this.running = false;
      this.jobs.shift()?.();
      this.kick();
    });
  }
}

/** The console's queue, shared by every chart on screen. */
export const chartBuilds = new BuildQueue();
