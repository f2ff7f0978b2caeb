// Before an operation that disables a server with HA on (reboot, shut down,
// maintenance mode), lower the failures HA must tolerate so host.disable is
// not refused.
import type { ActionContext } from './action-types';
import { reportFailure } from './report';
import { runTaskCall } from './run-xenapi';

/**
 * XenCenter's MaybeReduceNtolBeforeOp: with HA on, host.disable is refused if
 * the pool could no longer tolerate its configured failures without the
 * server (HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN), so the failures to tolerate
 * go down first to one less than the pool tolerates now.
 */
export async function reduceFailuresToTolerate(context: ActionContext): Promise<boolean> {
  const entry = [...context.cache.all('pool')].find(([, p]) => p.ha_enabled);
  if (entry === undefined) return true;
  const [ref, pool] = entry;
  const target = { cls: 'pool', ref, kind: 'pool', name: pool.name_label } as const;
  try {
    const max = Number(await context.api.call('pool.ha_compute_max_host_failures_to_tolerate'));
    const lower = Math.max(0, max - 1);
    if (pool.ha_host_failures_to_tolerate <= lower) return true;
    return await runTaskCall(context, { method: 'pool.set_ha_host_failures_to_tolerate', args: [ref, lower], target, failure: 'Could not lower the number of server failures HA tolerates' });
  } catch (e) {
    reportFailure('Could not compute how many server failures HA can tolerate', e, context.cache);
    return false;
  }
}
