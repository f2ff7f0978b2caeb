// Running an action's XenAPI call: an Async.* call followed to the end of its
// task, as a TanStack Query mutation (keyed by method and object, so the
// console can see what is in flight). The task shows in the Events view,
// which is told the object up front (it learns it from current_operations
// otherwise, which a call refused at once never reaches). A failure is
// toasted with its plain-language explanation and XenAPI code.
import { MutationObserver } from '@tanstack/react-query';
import { isXenApiError } from '../../xapi/errors';
import { rememberTaskObject } from '../notifications/task-log-store';
import type { ActionContext } from './action-types';
import { actionKeys } from './query-keys';
import { reportFailure } from './report';
import type { Target } from './targets';

export interface TaskCall {
  readonly method: string;
  readonly args: readonly unknown[];
  readonly target: Target;
  /** The toast's title when it fails ("Could not start game-01"). */
  readonly failure: string;
}

/** Run the call; resolves true when its task succeeded (a failure has been reported). */
export async function runTaskCall(context: ActionContext, call: TaskCall): Promise<boolean> {
  return (await runTaskCallFor(context, call)).ok;
}

/**
 * Run the call and give its task's result (the new snapshot, the clone …).
 * A failure is reported by `report` when given (a command with its own
 * words for some errors), else toasted as any other.
 */
export async function runTaskCallFor<T = unknown>(context: ActionContext, call: TaskCall, report?: (error: unknown) => void): Promise<{ ok: true; result: T } | { ok: false }> {
  const observer = new MutationObserver(context.queryClient, {
    mutationKey: actionKeys.call(call.method, call.target.ref),
    mutationFn: async () => {
      const task = await context.api.startAsync(call.method, ...call.args);
      rememberTaskObject(task, { cls: call.target.cls, ref: call.target.ref, name: call.target.name });
      return context.api.waitForTask<T>(task);
    },
  });
  try {
    return { ok: true, result: await observer.mutate() };
  } catch (e) {
    // A cancelled task was cancelled by the user (Events view, or Force Shut Down): not a failure to announce.
    if (!(isXenApiError(e) && e.code === 'TASK_CANCELLED')) {
      if (report !== undefined) report(e);
      else reportFailure(call.failure, e, context.cache);
    }
    return { ok: false };
  } finally {
    observer.reset();
  }
}

/** Fire and forget, for menu and toolbar handlers (the outcome is reported). */
export function startTaskCall(context: ActionContext, call: TaskCall): void {
  void runTaskCall(context, call);
}
