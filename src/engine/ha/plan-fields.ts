// pool.ha_plan_exists_for and pool.ha_overcommitted follow the pool: xapi
// recomputes them whenever the set of running protected VMs or live hosts
// changes, and raises an alert when the pool falls below its target.
import type { Engine } from '../engine';
import { raiseMessage } from '../messages';
import { computeMaxFailures } from './ha-plan';

export function refreshPlanFields(engine: Engine): void {
  const [entry] = engine.world.entries('pool');
  if (entry === undefined) return;
  const [ref, pool] = entry;
  if (!pool.ha_enabled) return;
  const planFor = computeMaxFailures(engine);
  const overcommitted = planFor < pool.ha_host_failures_to_tolerate;
  if (planFor === pool.ha_plan_exists_for && overcommitted === pool.ha_overcommitted) return;
  if (overcommitted && !pool.ha_overcommitted) {
    raiseMessage(engine, 'HA_POOL_OVERCOMMITTED', 2, 'pool', ref, `The pool can now tolerate ${String(planFor)} server failure(s), fewer than the ${String(pool.ha_host_failures_to_tolerate)} configured: protected VMs may not all restart.`);
  } else if (planFor < pool.ha_plan_exists_for) {
    raiseMessage(engine, 'HA_POOL_DROP_IN_PLAN_EXISTS_FOR', 3, 'pool', ref, `The number of server failures the pool can tolerate dropped to ${String(planFor)}.`);
  }
  engine.world.update('pool', ref, { ha_plan_exists_for: planFor, ha_overcommitted: overcommitted });
}
