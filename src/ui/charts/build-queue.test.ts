import { describe, expect, it } from 'vitest';
import { BuildQueue } from './build-queue';

/** A scheduler the test drives: each call is one "task". */
function manualTasks() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (run: () => void) => void tasks.push(run),
    runOne: () => tasks.shift()?.(),
    get queued() {
      return tasks.length;
    },
  };
}

describe('BuildQueue', () => {
  it('runs one job per task, in the order they were added', () => {
    const tasks = manualTasks();
    const q = new BuildQueue(tasks.schedule);
    const ran: string[] = [];
    for (const name of ['cpu', 'memory', 'network', 'disk']) q.add(() => ran.push(name));
    expect(ran).toEqual([]);
    expect(tasks.queued).toBe(1); // never more than one task waiting
    tasks.runOne();
    expect(ran).toEqual(['cpu']);
    tasks.runOne();
    tasks.runOne();
    tasks.runOne();
    expect(ran).toEqual(['cpu', 'memory', 'network', 'disk']);
    expect(tasks.queued).toBe(0);
  });

  it('a cancelled job never runs (a graph removed before it was built)', () => {
    const tasks = manualTasks();
    const q = new BuildQueue(tasks.schedule);
    const ran: string[] = [];
    q.add(() => ran.push('a'));
    const cancelB = q.add(() => ran.push('b'));
    q.add(() => ran.push('c'));
    cancelB();
    expect(q.size).toBe(2);
    while (tasks.queued > 0) tasks.runOne();
    expect(ran).toEqual(['a', 'c']);
  });

  it('a job added after the queue ran dry starts a new task', () => {
    const tasks = manualTasks();
    const q = new BuildQueue(tasks.schedule);
    const ran: number[] = [];
    q.add(() => ran.push(1));
    tasks.runOne();
    expect(tasks.queued).toBe(0);
    q.add(() => ran.push(2));
    expect(tasks.queued).toBe(1);
    tasks.runOne();
    expect(ran).toEqual([1, 2]);
  });
});
