// Guest writes into snapshotted disks. While any VHD chain exists, a job
// every minute of virtual time lets each running VM's workload write into the
// writable leaves of its chained disks: a new content version, and a thin
// leaf grows by the blocks the writes touch for the first time since the
// snapshot. Disks never snapshotted keep the fixed footprint the storage
// model gives them, so worlds without snapshots do not change.
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { vmDemandAt } from '../metrics/models/vm-demand';
import { VHD_PARENT, writeToLeaf } from './vhd-chain';

const WRITES = 'vhd.writes';
const STEP_SECONDS = 60;
/**
 * Share of written bytes that land in blocks the leaf does not hold yet
 * (simulator's estimate: most writes rewrite hot blocks — logs, databases,
 * filesystem metadata — that the leaf already has after the first minutes).
 */
const NEW_BLOCK_FRACTION = 0.1;

function chainedLeaves(engine: Engine): boolean {
  for (const [, vdi] of engine.world.entries('VDI')) if (vdi.managed && vdi.sm_config[VHD_PARENT] !== undefined) return true;
  return false;
}

/** Start the write clock (once) when a chain appears. */
export function startWrites(engine: Engine): void {
  if (!engine.scheduler.jobs().some((j) => j.kind === WRITES)) engine.scheduler.after(STEP_SECONDS, WRITES, {});
}

const writes: JobHandler = (engine) => {
  for (const [ref, vm] of engine.world.entries('VM')) {
    if (vm.power_state !== 'Running' || vm.is_control_domain) continue;
    const leaves: string[] = [];
    for (const vbd of vm.VBDs) {
      const r = engine.world.find('VBD', vbd);
      const vdi = r === undefined ? undefined : engine.world.find('VDI', r.VDI);
      if (r?.type === 'Disk' && vdi !== undefined && vdi.sm_config[VHD_PARENT] !== undefined && !vdi.is_a_snapshot) leaves.push(r.VDI);
    }
    if (leaves.length === 0) continue;
    const bps = vmDemandAt(engine, ref, engine.now, STEP_SECONDS)?.diskWriteBps ?? 0;
    const bytes = (bps * STEP_SECONDS) / leaves.length;
    for (const leaf of leaves) writeToLeaf(engine, leaf, bytes, bytes * NEW_BLOCK_FRACTION);
  }
  if (chainedLeaves(engine)) engine.scheduler.after(STEP_SECONDS, WRITES, {});
};

export const VHD_WRITE_JOBS: readonly (readonly [string, JobHandler])[] = [[WRITES, writes]];
