// Asking SM's garbage collector (vhd-gc.ts) for a pass over an SR's VHD
// chains: a scheduled job, so a pending pass survives a save and reload.
import type { Engine } from '../engine';

export const VHD_GC = 'vhd.gc';
export const COALESCE_DONE = 'vhd.coalesce.done';

/** Whether a GC pass or a coalesce is pending on `sr`. */
export function gcPending(engine: Engine, sr: string): boolean {
  return engine.scheduler.jobs().some((j) => (j.kind === VHD_GC || j.kind === COALESCE_DONE) && j.args['sr'] === sr);
}

/** Ask for a GC pass on `sr` (one pending pass or coalesce at a time). */
export function requestGc(engine: Engine, sr: string): void {
  if (!gcPending(engine, sr)) engine.scheduler.after(0, VHD_GC, { sr });
}
