// Scheduled job kinds and their handlers. Jobs are data in the scheduler; this
// table turns a due job back into code.
import type { Engine } from './engine';
import { VM_LIFECYCLE_JOBS } from './vm/lifecycle-jobs';

export type JobHandler = (engine: Engine, args: Readonly<Record<string, unknown>>) => void;

export const JOB_HANDLERS: ReadonlyMap<string, JobHandler> = new Map<string, JobHandler>([
  ['task.progress', (engine, args) => engine.tasks.progress(args['task'] as string, args['progress'] as number)],
  ...VM_LIFECYCLE_JOBS,
]);
