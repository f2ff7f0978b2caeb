// The size of a suspend image as xapi allocates it (xapi_xenops.ml): the
// guest's static_max with 20 % headroom, 5 % for the image format, plus
// 100 MiB for device state, rounded up to whole MiB; and the SR it goes to
// (VM.suspend and a disks-and-memory VM.checkpoint both write one).
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';

const MiB = 1024 * 1024;

export function suspendImageSize(staticMax: number): number {
  return Math.ceil((staticMax * 1.2 * 1.05 + 100 * MiB) / MiB) * MiB;
}

/** Where a suspend image goes: the VM's suspend_SR, else the pool's, else its first disk's SR. */
export function suspendSr(engine: Engine, vm: string): string {
  const record = engine.world.get('VM', vm);
  if (engine.world.has('SR', record.suspend_SR)) return record.suspend_SR;
  const [pool] = engine.world.entries('pool');
  if (pool !== undefined && engine.world.has('SR', pool[1].suspend_image_SR)) return pool[1].suspend_image_SR;
  for (const vbd of record.VBDs) {
    const vdi = engine.world.find('VBD', vbd)?.VDI;
    const sr = vdi !== undefined ? engine.world.find('VDI', vdi)?.SR : undefined;
    if (sr !== undefined) return sr;
  }
  throw xenError('VM_NO_SUSPEND_SR', vm);
}
