// The scheduled jobs of snapshots: taking and reverting (snapshot-api.ts),
// the VHD garbage collector (vhd-gc.ts), guest writes (vhd-writes.ts) and
// snapshot schedules (vmss-run.ts), in one list for the job table.
import type { JobHandler } from '../jobs';
import { VHD_GC_JOBS } from '../storage/vhd-gc';
import { VHD_WRITE_JOBS } from '../storage/vhd-writes';
import { VMSS_JOBS } from '../vmss/vmss-run';
import { VM_SNAPSHOT_JOBS } from './snapshot-api';

export const SNAPSHOT_JOBS: readonly (readonly [string, JobHandler])[] = [...VM_SNAPSHOT_JOBS, ...VHD_GC_JOBS, ...VHD_WRITE_JOBS, ...VMSS_JOBS];
