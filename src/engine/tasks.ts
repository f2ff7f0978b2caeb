// XenAPI tasks: every async-capable call runs under one. Progress moves in
// virtual time; the end sets status, finished, result or error_info, wakes the
// synchronous callers waiting on it, and ends the operation on its object.
import { XenApiError, xenError } from '../xapi/errors';
import { encodeTaskResult } from '../xapi/xmlrpc-value';
import type { Engine } from './engine';

export interface TaskOutcome {
  readonly result?: unknown;
  readonly error?: XenApiError;
  readonly cancelled?: boolean;
}

type Waiter = (outcome: TaskOutcome) => void;

export class Tasks {
  private readonly waiters = new Map<string, Waiter[]>();

  constructor(private readonly engine: Engine) {}

  create(name: string, description: string, cancellable: boolean): string {
    const { world } = this.engine;
    return world.create('task', {
      name_label: name,
      name_description: description,
      status: 'pending',
      progress: 0,
      created: this.engine.datetime(),
      allowed_operations: cancellable ? ['cancel'] : [],
      resident_on: this.engine.masterRef(),
    });
  }

  isPending(task: string): boolean {
    const status = this.engine.world.find('task', task)?.status;
    return status === 'pending' || status === 'cancelling';
  }

  progress(task: string, fraction: number): void {
    if (!this.isPending(task)) return;
    this.engine.world.update('task', task, { progress: Math.min(1, Math.max(0, fraction)) });
  }

  /** Schedule progress updates across `seconds` of virtual time, from `from` to `to`. */
  progressOver(task: string, seconds: number, from = 0, to = 0.99, steps = 5): void {
    for (let i = 1; i <= steps; i++) {
      this.engine.scheduler.after((seconds * i) / (steps + 1), 'task.progress', {
        task,
        progress: from + ((to - from) * i) / (steps + 1),
      });
    }
  }

  succeed(task: string, result?: unknown): void {
    this.finish(task, { status: 'success', progress: 1, result: encodeTaskResult(result), allowed_operations: [] }, { result });
  }

  fail(task: string, error: XenApiError): void {
    this.finish(task, { status: 'failure', error_info: error.toArray(), allowed_operations: [] }, { error });
  }

  cancelled(task: string): void {
    const error = xenError('TASK_CANCELLED', task);
    this.finish(task, { status: 'cancelled', error_info: error.toArray(), allowed_operations: [] }, { error, cancelled: true });
  }

  /** Resolves when the task ends (at once if it already has). */
  wait(task: string): Promise<TaskOutcome> {
    const record = this.engine.world.find('task', task);
    if (record !== undefined && !this.isPending(task)) return Promise.resolve(outcomeOf(record));
    return new Promise((resolve) => {
      const list = this.waiters.get(task) ?? [];
      list.push(resolve);
      this.waiters.set(task, list);
    });
  }

  private finish(task: string, fields: Record<string, unknown>, outcome: TaskOutcome): void {
    if (!this.engine.world.has('task', task) || !this.isPending(task)) return;
    this.engine.world.update('task', task, { ...fields, finished: this.engine.datetime() });
    this.engine.scheduler.remove((job) => job.kind === 'task.progress' && job.args['task'] === task);
    this.engine.operations.end(task);
    const list = this.waiters.get(task);
    this.waiters.delete(task);
    for (const w of list ?? []) w(outcome);
  }
}

function outcomeOf(record: { status: string; error_info: readonly string[] }): TaskOutcome {
  if (record.status === 'success') return {};
  const error = XenApiError.fromArray(record.error_info);
  return record.status === 'cancelled' ? { error, cancelled: true } : { error };
}
