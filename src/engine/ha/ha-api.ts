// HA's XenAPI: pool.enable_ha / disable_ha, the failure count and the
// planner's counterfactual queries, and the per-VM restart policy
// (ha_restart_priority, order, start_delay). Checks follow xapi_ha.ml and
// xapi_ha_vm_failover.ml: HA needs every host live and a shared statefile SR;
// a VM can be protected only if it is agile; a change that would leave no
// failover plan for the configured failures is refused.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { define, PENDING, ref, refs, type MethodTable } from '../api/registry';
import { createVdi, destroyVdi } from '../storage/vdi-space';
import { specificPlan } from './binpack';
import { assertPlanHolds, BEST_EFFORT, computeMaxFailures, hostIsLive, planExists, planInputs, RESTART } from './ha-plan';
import { assertAgile } from './agility';
import { DEFAULT_HA_TIMEOUT } from './liveness';
import { refreshPlanFields } from './plan-fields';

/** SR types whose shared block or file storage can hold xhad's statefile. */
const STATEFILE_SR_TYPES = new Set(['lvmoiscsi', 'lvmohba', 'nfs', 'gfs2', 'lvmofcoe', 'smb']);
const STATEFILE_SIZE = 4 * 1024 * 1024;
const REDO_LOG_SIZE = 4 * 1024 * 1024;
/** Seconds xapi takes to enable HA: write the statefile, start xhad on every host, form the liveset. */
const ENABLE_SECONDS = 20;
const PRIORITIES = new Set([RESTART, BEST_EFFORT, '']);

function assertHaEnabled(engine: Engine, wanted: boolean): void {
  const [, pool] = [...engine.world.entries('pool')][0] ?? [];
  if (pool === undefined) return;
  if (wanted && !pool.ha_enabled) throw xenError('HA_NOT_ENABLED');
  if (!wanted && pool.ha_enabled) throw xenError('HA_IS_ENABLED');
}

export function defineHaApi(table: MethodTable): void {
  define(table, {
    name: 'pool.enable_ha',
    params: [{ name: 'heartbeat_srs', type: refs('SR') }, { name: 'configuration', type: 'string_map' }],
    async: true,
    run: ({ engine, task }, [srsArg, configuration]) => {
      assertHaEnabled(engine, false);
      const srs = srsArg as string[];
      const config = configuration as Record<string, string>;
      const timeout = config['timeout'];
      if (timeout !== undefined && !(Number(timeout) > 10)) throw xenError('INVALID_VALUE', 'timeout', timeout);
      for (const [host] of engine.world.entries('host')) if (!hostIsLive(engine, host)) throw xenError('HOST_OFFLINE', host);
      const sr = srs[0];
      if (sr === undefined) throw xenError('CANNOT_CREATE_STATE_FILE');
      const record = engine.world.get('SR', sr);
      if (!STATEFILE_SR_TYPES.has(record.type)) throw xenError('INCOMPATIBLE_STATEFILE_SR', record.type);
      if (!record.shared) throw xenError('HA_CONSTRAINT_VIOLATION_SR_NOT_SHARED', sr);
      for (const [host] of engine.world.entries('host')) {
        const attached = record.PBDs.some((p) => {
          const pbd = engine.world.find('PBD', p);
          return pbd?.host === host && pbd.currently_attached;
        });
        if (!attached) throw xenError('HA_HOST_CANNOT_ACCESS_STATEFILE');
      }
      engine.scheduler.after(ENABLE_SECONDS, 'ha.enable.done', { task, sr, configuration: config });
      engine.tasks.progressOver(task, ENABLE_SECONDS);
      return PENDING;
    },
  });

  define(table, {
    name: 'pool.disable_ha',
    params: [],
    async: true,
    run: ({ engine }) => {
      assertHaEnabled(engine, true);
      const [entry] = engine.world.entries('pool');
      if (entry === undefined) return;
      const [poolRef, pool] = entry;
      for (const vdi of pool.ha_statefiles) if (engine.world.has('VDI', vdi)) destroyVdi(engine, vdi);
      const redo = pool.other_config['xenlab-ha-redo-log'];
      if (redo !== undefined && engine.world.has('VDI', redo)) destroyVdi(engine, redo);
      const other = { ...pool.other_config };
      delete other['xenlab-ha-redo-log'];
      delete other['xenlab-ha-enabled-at'];
      engine.world.update('pool', poolRef, { ha_enabled: false, ha_statefiles: [], ha_configuration: {}, ha_cluster_stack: '', ha_plan_exists_for: 0, ha_overcommitted: false, other_config: other });
      for (const host of engine.world.refs('host')) engine.world.update('host', host, { ha_statefiles: [], ha_network_peers: [] });
      engine.runJob('ha.evaluate', {});
    },
  });

  define(table, {
    name: 'pool.set_ha_host_failures_to_tolerate',
    params: [{ name: 'self', type: ref('pool') }, { name: 'value', type: 'int' }],
    run: ({ engine }, [pool, value]) => {
      const n = value as number;
      if (n < 0) throw xenError('INVALID_VALUE', 'ha_host_failures_to_tolerate', String(n));
      const record = engine.world.get('pool', pool as string);
      if (record.ha_enabled && !record.ha_allow_overcommit && !planExists(engine, n)) throw xenError('HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN');
      engine.world.update('pool', pool as string, { ha_host_failures_to_tolerate: n });
      refreshPlanFields(engine);
    },
  });

  define(table, {
    name: 'pool.ha_compute_max_host_failures_to_tolerate',
    params: [],
    run: ({ engine }) => computeMaxFailures(engine),
  });

  define(table, {
    name: 'pool.ha_compute_hypothetical_max_host_failures_to_tolerate',
    params: [{ name: 'configuration', type: 'string_map' }],
    run: ({ engine }, [configuration]) => {
      const priorities = new Map<string, string>();
      for (const [vm, priority] of Object.entries(configuration as Record<string, string>)) {
        if (!engine.world.has('VM', vm)) throw xenError('HANDLE_INVALID', 'VM', vm);
        if (!PRIORITIES.has(priority)) throw xenError('INVALID_VALUE', 'ha_restart_priority', priority);
        priorities.set(vm, priority);
      }
      return computeMaxFailures(engine, { priorities });
    },
  });

  define(table, {
    name: 'pool.ha_failover_plan_exists',
    params: [{ name: 'n', type: 'int' }],
    run: ({ engine }, [n]) => planExists(engine, n as number),
  });

  define(table, {
    name: 'pool.ha_compute_vm_failover_plan',
    params: [{ name: 'failed_hosts', type: refs('host') }, { name: 'failed_vms', type: refs('VM') }],
    run: ({ engine }, [failedHosts, failedVms]) => {
      const { hosts, vms } = planInputs(engine);
      const failed = new Set(failedHosts as string[]);
      const extra = (failedVms as string[]).filter((vm) => !vms.some((v) => v.id === vm));
      const plan = specificPlan(hosts, [...vms, ...extra.map((id) => ({ id, size: engine.world.get('VM', id).memory_static_max, host: [...failed][0] ?? '' }))], failed);
      const answer: Record<string, Record<string, string>> = {};
      for (const vm of [...vms.filter((v) => failed.has(v.host)).map((v) => v.id), ...extra]) {
        const host = plan?.get(vm);
        answer[vm] = host === undefined ? { error_code: 'HA_NO_PLAN' } : { host };
      }
      return answer;
    },
  });

  define(table, {
    name: 'VM.set_ha_restart_priority',
    params: [{ name: 'self', type: ref('VM') }, { name: 'value', type: 'string' }],
    run: ({ engine }, [vm, value]) => {
      const priority = value as string;
      if (!PRIORITIES.has(priority)) throw xenError('INVALID_VALUE', 'ha_restart_priority', priority);
      const record = engine.world.get('VM', vm as string);
      if (record.is_a_template || record.is_control_domain) throw xenError('VM_IS_TEMPLATE', vm as string);
      const [, pool] = [...engine.world.entries('pool')][0] ?? [];
      if (priority === RESTART && pool?.ha_enabled === true) {
        assertAgile(engine, vm as string);
        assertPlanHolds(engine, { priorities: new Map([[vm as string, priority]]) });
      }
      engine.world.update('VM', vm as string, { ha_restart_priority: priority, ha_always_run: priority !== '' });
      refreshPlanFields(engine);
    },
  });

  for (const field of ['order', 'start_delay'] as const) {
    define(table, {
      name: `VM.set_${field}`,
      params: [{ name: 'self', type: ref('VM') }, { name: 'value', type: 'int' }],
      run: ({ engine }, [vm, value]) => {
        if ((value as number) < 0) throw xenError('INVALID_VALUE', field, String(value));
        engine.world.update('VM', vm as string, { [field]: value as number });
      },
    });
  }
}

const enableDone: JobHandler = (engine, args) => {
  const task = args['task'] as string;
  if (!engine.tasks.isPending(task)) return;
  const sr = args['sr'] as string;
  if (!engine.world.has('SR', sr)) {
    engine.tasks.fail(task, xenError('CANNOT_CREATE_STATE_FILE'));
    return;
  }
  const statefile = createVdi(engine, sr, { name_label: 'Statefile for HA', name_description: 'Used for storage heartbeating', type: 'ha_statefile', virtual_size: STATEFILE_SIZE, read_only: false, sharable: true });
  const redo = createVdi(engine, sr, { name_label: 'Metadata for HA', name_description: 'Used for master failover', type: 'redo_log', virtual_size: REDO_LOG_SIZE, read_only: false, sharable: true });
  const [poolRef, pool] = [...engine.world.entries('pool')][0] ?? [NULL_REF, undefined];
  if (pool === undefined) return;
  const configuration = { timeout: String(DEFAULT_HA_TIMEOUT), ...(args['configuration'] as Record<string, string>) };
  engine.world.update('pool', poolRef, {
    ha_enabled: true,
    ha_statefiles: [statefile],
    ha_configuration: configuration,
    ha_cluster_stack: 'xhad',
    other_config: { ...pool.other_config, 'xenlab-ha-redo-log': redo, 'xenlab-ha-enabled-at': String(engine.unixTime()) },
  });
  const hosts = engine.world.refs('host');
  for (const host of hosts) {
    engine.world.update('host', host, { ha_statefiles: [statefile], ha_network_peers: hosts.filter((h) => h !== host).map((h) => engine.world.get('host', h).uuid) });
  }
  refreshPlanFields(engine);
  engine.runJob('ha.evaluate', {});
  engine.tasks.succeed(task);
};

export const HA_API_JOBS: readonly (readonly [string, JobHandler])[] = [['ha.enable.done', enableDone]];
