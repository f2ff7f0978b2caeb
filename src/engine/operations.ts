// Operations in progress on objects: while a task runs, its operation sits in
// the object's current_operations (task ref -> op), which in turn drives
// allowed_operations and refuses conflicting calls with
// OTHER_OPERATION_IN_PROGRESS. Each operation may name the scheduled job kind
// that undoes it when its task is cancelled.
import type { ClassName } from '../xapi/datamodel/classes';
import { xenError } from '../xapi/errors';
import type { Engine } from './engine';

export interface OperationTarget {
  readonly cls: ClassName;
  readonly ref: string;
  readonly op: string;
}

export interface RunningOperation {
  readonly targets: readonly OperationTarget[];
  /** Job kind (and its args) that rolls the operation back on task.cancel. */
  readonly onCancel?: { readonly kind: string; readonly args: Readonly<Record<string, unknown>> };
}

/** Only copy-like operations may overlap (xapi's rule for VMs and disks). */
const OVERLAPPING = new Set(['clone', 'copy', 'export', 'snapshot', 'checkpoint']);

export class Operations {
  private running: Record<string, RunningOperation>;
  /** How many running operations hold each object, by class (an index over `running`). */
  private readonly held = new Map<string, Map<string, number>>();

  constructor(
    private readonly engine: Engine,
    state: Readonly<Record<string, RunningOperation>> = {},
  ) {
    this.running = { ...state };
    for (const op of Object.values(this.running)) this.index(op.targets, 1);
  }

  private index(targets: readonly OperationTarget[], delta: 1 | -1): void {
    for (const t of targets) {
      let byRef = this.held.get(t.cls);
      if (byRef === undefined) this.held.set(t.cls, (byRef = new Map()));
      const n = (byRef.get(t.ref) ?? 0) + delta;
      if (n > 0) byRef.set(t.ref, n);
      else byRef.delete(t.ref);
    }
  }

  state(): Readonly<Record<string, RunningOperation>> {
    return this.running;
  }

  /** Refuse `op` on an object if another operation holds it (OTHER_OPERATION_IN_PROGRESS). */
  assertFree(cls: ClassName, ref: string, op: string): void {
    const current = currentOps(this.engine, cls, ref);
    for (const [task, other] of Object.entries(current)) {
      if (OVERLAPPING.has(op) && OVERLAPPING.has(other)) continue;
      throw xenError('OTHER_OPERATION_IN_PROGRESS', cls, ref, other, task);
    }
  }

  /** Put the task's operation on each target (after checking they are free). */
  begin(task: string, targets: readonly OperationTarget[], onCancel?: RunningOperation['onCancel']): void {
    for (const t of targets) this.assertFree(t.cls, t.ref, t.op);
    for (const t of targets) {
      const current = currentOps(this.engine, t.cls, t.ref);
      this.engine.world.update(t.cls, t.ref, { current_operations: { ...current, [task]: t.op } } as never);
    }
    this.running[task] = onCancel === undefined ? { targets } : { targets, onCancel };
    this.index(targets, 1);
  }

  /** Objects of a class that some running operation holds (each once). */
  targetsOf(cls: ClassName): Iterable<string> {
    return this.held.get(cls)?.keys() ?? [];
  }

  isCancellable(task: string): boolean {
    return this.running[task]?.onCancel !== undefined;
  }

  /** Roll back the task's operation; the caller marks the task cancelled. */
  cancel(task: string): void {
    const op = this.running[task];
    if (op?.onCancel === undefined) return;
    this.engine.scheduler.remove((job) => job.args['task'] === task);
    this.engine.runJob(op.onCancel.kind, op.onCancel.args);
  }

  /** Clear the task's operation from its objects (called when the task ends). */
  end(task: string): void {
    const op = this.running[task];
    if (op === undefined) return;
    delete this.running[task];
    this.index(op.targets, -1);
    for (const t of op.targets) {
      if (!this.engine.world.has(t.cls, t.ref)) continue;
      const current = { ...currentOps(this.engine, t.cls, t.ref) };
      delete current[task];
      this.engine.world.update(t.cls, t.ref, { current_operations: current } as never);
    }
  }
}

function currentOps(engine: Engine, cls: ClassName, ref: string): Readonly<Record<string, string>> {
  const record = engine.world.get(cls, ref) as unknown as { current_operations?: Record<string, string> };
  return record.current_operations ?? {};
}
