// What one VM's workload asks for at a given time, computed exactly as the
// sampler does (same noise key, same context), before the CPU, storage and
// network are shared out. For models that need a guest's demand outside a
// metrics tick, live migration above all: its page-dirtying rate and hot
// (writable) working set decide how many pre-copy rounds a move takes.
import type { Engine } from '../../engine';
import { hashKey } from './noise';
import { guestOsMemory, resolveWorkload } from './workload-of-vm';
import { emptyDemand, type WorkloadDemand } from './workloads';

/**
 * The demand of `vmRef` over (t − dt, t] (defaults: now, a 5-second step),
 * or undefined for an unknown VM or the control domain.
 */
export function vmDemandAt(engine: Engine, vmRef: string, t = engine.now, dt = 5): WorkloadDemand | undefined {
  const vm = engine.world.find('VM', vmRef);
  if (vm === undefined || vm.is_control_domain) return undefined;
  const metrics = engine.world.find('VM_metrics', vm.metrics);
  const vcpus = Math.max(1, metrics?.VCPUs_number || vm.VCPUs_at_startup);
  const workload = resolveWorkload(vm);
  const out = emptyDemand();
  workload.def.evaluate(
    workload.params,
    { key: hashKey(engine.config.seed, vm.uuid), t, dt, epoch: engine.config.epoch, vcpus, memory: vm.memory_dynamic_max, osMemory: guestOsMemory(vm) },
    out,
  );
  return out;
}
