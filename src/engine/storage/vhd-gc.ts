// SM's garbage collector for VHD chains, in virtual time. When a VDI in a
// chain goes, its parent base copy may be left with no children (it is
// deleted) or with one (it is coalesced: the child's blocks and the parent's
// become one VHD, the child keeps its identity and takes the parent's place).
// A coalesce moves the child's data at the SR's bandwidth and shows as a task
// ("Coalescing"), as the SM GC's work shows in the SR's background activity.
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { emptyVhdFileSize, isThinSr, lvhdSize, resizeVdiSpace, srBandwidth } from './vdi-space';
import { nodeData, vhdChildren, vhdParent, VHD_PARENT } from './vhd-chain';

import { COALESCE_DONE, requestGc, VHD_GC } from './gc-request';
/** Checking the chains, locking the VHDs and relinking after a merge. */
const COALESCE_SETUP_SECONDS = 5;


/** Base copies on `sr` (hidden VHD parents). */
function baseCopies(engine: Engine, sr: string): string[] {
  return engine.world.get('SR', sr).VDIs.filter((v) => engine.world.find('VDI', v)?.managed === false && engine.world.find('VDI', v)?.sm_config['vdi_type'] === 'vhd');
}

function removeVdi(engine: Engine, vdi: string): void {
  const record = engine.world.get('VDI', vdi);
  engine.world.destroy('VDI', vdi);
  const sr = engine.world.get('SR', record.SR);
  engine.world.update('SR', record.SR, {
    physical_utilisation: sr.physical_utilisation - record.physical_utilisation,
    virtual_allocation: sr.virtual_allocation - record.virtual_size,
  });
}

const gcPass: JobHandler = (engine, a) => {
  const sr = a['sr'] as string;
  if (!engine.world.has('SR', sr)) return;
  // Unreferenced base copies go at once (and may leave their own parent childless).
  for (let again = true; again; ) {
    again = false;
    for (const base of baseCopies(engine, sr)) {
      if (vhdChildren(engine, base).length === 0) {
        removeVdi(engine, base);
        again = true;
      }
    }
  }
  const single = baseCopies(engine, sr).find((b) => vhdChildren(engine, b).length === 1);
  if (single === undefined) return;
  const child = vhdChildren(engine, single)[0] as string;
  const record = engine.world.get('VDI', child);
  const type = engine.world.get('SR', sr).type;
  const seconds = COALESCE_SETUP_SECONDS + nodeData(type, record) / srBandwidth(type);
  const task = engine.tasks.create('Coalescing', `Coalescing ${record.name_label} into its parent on ${engine.world.get('SR', sr).name_label}`, false);
  engine.world.update('task', task, { other_config: { applies_to: sr } });
  engine.tasks.progressOver(task, seconds);
  engine.scheduler.after(seconds, COALESCE_DONE, { sr, parent: single, child, task });
};

const coalesceDone: JobHandler = (engine, a) => {
  const sr = a['sr'] as string;
  const parent = a['parent'] as string;
  const child = a['child'] as string;
  engine.tasks.succeed(a['task'] as string);
  if (!engine.world.has('SR', sr)) return;
  const stillSingle = engine.world.has('VDI', parent) && engine.world.has('VDI', child) && vhdParent(engine, child) === parent && vhdChildren(engine, parent).length === 1;
  if (stillSingle) merge(engine, parent, child);
  requestGc(engine, sr);
};

/** The child takes the parent's place with the blocks of both. */
function merge(engine: Engine, parent: string, child: string): void {
  const p = engine.world.get('VDI', parent);
  const c = engine.world.get('VDI', child);
  const type = engine.world.get('SR', c.SR).type;
  const size = c.virtual_size;
  const data = Math.min(size, nodeData(type, p) + nodeData(type, c));
  const writableLeaf = c.managed && !c.is_a_snapshot;
  const physical = isThinSr(type) ? emptyVhdFileSize(size) + data : writableLeaf ? c.physical_utilisation : lvhdSize(size);
  const sm: Record<string, string> = { ...c.sm_config };
  const grand = p.sm_config[VHD_PARENT];
  if (grand === undefined) delete sm[VHD_PARENT];
  else sm[VHD_PARENT] = grand;
  removeVdi(engine, parent); // first, so the merged child never needs room the parent still holds
  resizeVdiSpace(engine, child, size, physical);
  engine.world.update('VDI', child, { sm_config: sm });
}

export const VHD_GC_JOBS: readonly (readonly [string, JobHandler])[] = [
  [VHD_GC, gcPass],
  [COALESCE_DONE, coalesceDone],
];
