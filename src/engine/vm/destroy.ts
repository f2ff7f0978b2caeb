// VM.destroy removes the VM and what belongs only to it (VBDs, VIFs, consoles,
// metrics, a suspend image) but not its disks: VDIs outlive the VM, as in xapi.
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { destroyVdi } from '../storage/vdi-space';

export function destroyVm(engine: Engine, vm: string): void {
  const record = engine.world.get('VM', vm);
  // In a snapshot tree, the children of a destroyed snapshot (or VM) hang from its parent (xapi_vm.ml destroy).
  for (const child of record.children) if (engine.world.has('VM', child)) engine.world.update('VM', child, { parent: engine.world.has('VM', record.parent) ? record.parent : NULL_REF });
  for (const vbd of record.VBDs) engine.world.destroy('VBD', vbd);
  for (const vif of record.VIFs) engine.world.destroy('VIF', vif);
  for (const console of record.consoles) engine.world.destroy('console', console);
  if (record.suspend_VDI !== NULL_REF && engine.world.has('VDI', record.suspend_VDI)) destroyVdi(engine, record.suspend_VDI);
  if (engine.world.has('VM_metrics', record.metrics)) engine.world.destroy('VM_metrics', record.metrics);
  if (engine.world.has('VM_guest_metrics', record.guest_metrics)) engine.world.destroy('VM_guest_metrics', record.guest_metrics);
  engine.world.destroy('VM', vm);
}
