// Making the VM once the wizard is finished: the plan run against the pool,
// each task shown in the Events view against the new VM, the new VM selected
// in the tree when it is made, and a failure told in plain words (with what
// was cleaned up).
import type { CacheReader, XenApiCaller } from '../../actions/action-types';
import { reportFailure } from '../../actions/report';
import { rememberTaskObject } from '../../notifications/task-log-store';
import { showToast } from '../../notifications/toast-store';
import type { CreatePlan } from './create-plan';
import { runPlan } from './run-plan';

export interface NewVmRun {
  readonly api: XenApiCaller;
  readonly cache: CacheReader;
  readonly plan: CreatePlan;
  readonly template: { readonly ref: string; readonly name: string };
  /** Show the VM (select it in the tree). */
  show(vm: string): void;
}

export async function runNewVm({ api, cache, plan, template, show }: NewVmRun): Promise<boolean> {
  const outcome = await runPlan(api, plan, {
    onTask: (task, vm) => rememberTaskObject(task, vm === undefined ? { cls: 'VM', ref: template.ref, name: template.name } : { cls: 'VM', ref: vm, name: plan.name }),
  });
  if (outcome.ok) {
    show(outcome.vm);
    return true;
  }
  if (outcome.vm !== undefined) {
    // Made, but not started (e.g. VM.start refused): the VM stays.
    show(outcome.vm);
    reportFailure(`VM '${plan.name}' was created, but ${outcome.label.toLowerCase()} failed`, outcome.error, cache);
    return false;
  }
  reportFailure(`Could not create VM '${plan.name}' (${outcome.label.toLowerCase()} failed)`, outcome.error, cache);
  if (!outcome.cleanedUp) showToast({ kind: 'info', title: `Part of '${plan.name}' may be left over`, detail: 'The half-made VM or one of its disks could not be deleted; look for it in the tree and delete it.' });
  return false;
}
