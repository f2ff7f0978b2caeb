// Scheduled job kinds and their handlers. Jobs are data in the scheduler; this
// table turns a due job back into code.
import type { Engine } from './engine';
import { HOST_POWER_JOBS } from './faults/host-power';
import { HA_API_JOBS } from './ha/ha-api';
import { LIVENESS_JOBS } from './ha/liveness';
import { HA_RESTART_JOBS } from './ha/restart';
import { VDI_COPY_JOBS } from './storage/vdi-copy';
import { VDI_POOL_MIGRATE_JOBS } from './storage/vdi-pool-migrate';
import { VM_CLONE_JOBS } from './vm/clone-api';
import { MIGRATION_JOBS } from './migration/migrate-run';
import { METRICS_JOBS } from './metrics/metrics-tick';
import { MEMORY_DMC_JOBS } from './metrics/models/memory-dmc';
import { VM_LIFECYCLE_JOBS } from './vm/lifecycle-jobs';
import { GUEST_INSTALL_JOBS } from './guest/install';
import { GUEST_UP_JOBS } from './guest/guest-up';
import { WLB_JOBS } from './wlb/wlb-api';
import { LAB_JOBS } from './lab/install-job';
import { HOST_POWER_API_JOBS } from './host/host-power-api';
import { SNAPSHOT_JOBS } from './vm/snapshot-jobs';

export type JobHandler = (engine: Engine, args: Readonly<Record<string, unknown>>) => void;

export const JOB_HANDLERS: ReadonlyMap<string, JobHandler> = new Map<string, JobHandler>([
  ['task.progress', (engine, args) => engine.tasks.progress(args['task'] as string, args['progress'] as number)],
  ...VM_LIFECYCLE_JOBS,
  ...HOST_POWER_JOBS,
  ...LIVENESS_JOBS,
  ...HA_RESTART_JOBS,
  ...HA_API_JOBS,
  ...WLB_JOBS,
  ...VDI_COPY_JOBS,
  ...VDI_POOL_MIGRATE_JOBS,
  ...VM_CLONE_JOBS,
  ...MIGRATION_JOBS,
  ...LAB_JOBS,
  ...HOST_POWER_API_JOBS,
  ...GUEST_INSTALL_JOBS,
  ...GUEST_UP_JOBS,
  ...METRICS_JOBS,
  ...MEMORY_DMC_JOBS,
  ...SNAPSHOT_JOBS,
]);
