// After HA declares hosts dead: restart their VMs on the survivors, as xapi's
// master does — protected VMs ("restart") first, by `order` and with each
// VM's `start_delay` before the next, placed by the failover planner;
// best-effort VMs after them, once, only where room is left. A VM that cannot
// be restarted raises HA_PROTECTED_VM_RESTART_FAILED.
import { isXenApiError } from '../../xapi/errors';
import { internalCall } from '../api/internal-call';
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { raiseMessage } from '../messages';
import { biggestFitDecreasing } from './binpack';
import { BEST_EFFORT, planInputs, restartSize, RESTART } from './ha-plan';
import { chooseHost } from '../vm/placement';

/** Schedule the restarts of `vms` (just halted with their host). */
export function restartFailedVms(engine: Engine, vms: readonly string[]): void {
  const records = vms.map((ref) => ({ ref, vm: engine.world.get('VM', ref) }));
  const byOrder = (a: (typeof records)[number], b: (typeof records)[number]) =>
    a.vm.order - b.vm.order || (a.vm.name_label < b.vm.name_label ? -1 : a.vm.name_label > b.vm.name_label ? 1 : 0);
  const protectedVms = records.filter((r) => r.vm.ha_restart_priority === RESTART).sort(byOrder);
  const bestEffort = records.filter((r) => r.vm.ha_restart_priority === BEST_EFFORT).sort(byOrder);
  const { hosts } = planInputs(engine);
  const plan = biggestFitDecreasing(hosts, protectedVms.map((r) => ({ id: r.ref, size: restartSize(r.vm), host: '' }))) ?? new Map<string, string>();
  let delay = 0;
  for (const { ref, vm } of [...protectedVms, ...bestEffort]) {
    engine.scheduler.after(delay, 'ha.restart', { vm: ref, host: plan.get(ref) ?? '', bestEffort: vm.ha_restart_priority === BEST_EFFORT });
    delay += Math.max(0, vm.start_delay);
  }
}

const restartJob: JobHandler = (engine, args) => {
  const vm = args['vm'] as string;
  const record = engine.world.find('VM', vm);
  if (record === undefined || record.power_state !== 'Halted' || record.ha_restart_priority === '') return;
  let host = args['host'] as string;
  if (host === '') {
    try {
      host = chooseHost(engine, vm);
    } catch (e) {
      const reason = isXenApiError(e) ? e.code : String(e);
      if (args['bestEffort'] !== true) {
        raiseMessage(engine, 'HA_PROTECTED_VM_RESTART_FAILED', 2, 'VM', vm, `HA could not restart VM '${record.name_label}': ${reason}.`);
      }
      return;
    }
  }
  const error = internalCall(engine, 'VM.start_on', [vm, host, false, false], `HA restart of ${record.name_label}`);
  if (error !== undefined && args['bestEffort'] !== true) {
    raiseMessage(engine, 'HA_PROTECTED_VM_RESTART_FAILED', 2, 'VM', vm, `HA could not restart VM '${record.name_label}': ${error.code}.`);
  }
};

export const HA_RESTART_JOBS: readonly (readonly [string, JobHandler])[] = [['ha.restart', restartJob]];
