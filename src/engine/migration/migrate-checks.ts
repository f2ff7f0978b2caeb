// The checks xapi makes before a migration (VM.assert_can_migrate, and the
// same ones at the start of VM.pool_migrate / VM.migrate_send), in its
// order: the VM and its operation (control domain, template, power state,
// passed-through PCI device, other operations), the guest's tools, then the
// destination as for a boot there (live, enabled, HVM capable, pCPUs, the
// VM's SRs and networks reachable, free memory), then its CPU.
import { XenApiError, xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { assertVmOperation } from '../vm/checks';
import { bootError, isHvm } from '../vm/placement';

import type { VdiMap, VifMap } from './migrate-maps';

function catchXen(f: () => void): XenApiError | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof XenApiError) return e;
    throw e;
  }
}

/**
 * A running guest can only be suspended or migrated when its drivers say
 * they can (xapi_vm_lifecycle.ml check_op_for_feature): a guest agent that
 * reports 'data-cant-suspend-reason' refuses with VM_NON_SUSPENDABLE [vm,
 * reason] (PV guests too); otherwise an HVM guest needs 'feature-suspend'
 * in VM_guest_metrics.other (VM_LACKS_FEATURE [vm]), while PV guests carry
 * their drivers in the kernel.
 */
export function toolsError(engine: Engine, vmRef: string): XenApiError | undefined {
  const vm = engine.world.get('VM', vmRef);
  if (vm.power_state !== 'Running') return undefined;
  const gm = engine.world.find('VM_guest_metrics', vm.guest_metrics);
  const cannot = gm?.other['data-cant-suspend-reason'];
  if (cannot !== undefined) return xenError('VM_NON_SUSPENDABLE', vmRef, cannot);
  if (!isHvm(vm)) return undefined;
  if (gm === undefined || gm.other['feature-suspend'] !== '1') return xenError('VM_LACKS_FEATURE', vmRef);
  return undefined;
}

/** The resident host's CPU must not offer features the destination lacks (xapi's cpuid_helpers). */
function cpuError(engine: Engine, vmRef: string, host: string): XenApiError | undefined {
  const vm = engine.world.get('VM', vmRef);
  const from = engine.world.find('host', vm.resident_on);
  if (from === undefined) return undefined;
  const to = engine.world.get('host', host);
  const key = isHvm(vm) ? 'features_hvm' : 'features_pv';
  if ((from.cpu_info['vendor'] ?? '') !== (to.cpu_info['vendor'] ?? '')) {
    return xenError('VM_INCOMPATIBLE_WITH_THIS_HOST', vmRef, host, `VM last booted on a CPU from vendor ${from.cpu_info['vendor'] ?? ''}; this host's CPU is from vendor ${to.cpu_info['vendor'] ?? ''}.`);
  }
  const a = (from.cpu_info[key] ?? '').split('-');
  const b = (to.cpu_info[key] ?? '').split('-');
  for (let i = 0; i < a.length; i++) {
    const have = parseInt(a[i] ?? '0', 16) >>> 0;
    const can = parseInt(b[i] ?? '0', 16) >>> 0;
    if ((have & ~can) >>> 0 !== 0) {
      return xenError('VM_INCOMPATIBLE_WITH_THIS_HOST', vmRef, host, 'VM last booted on a host which had a CPU with features this host\'s CPU does not have.');
    }
  }
  return undefined;
}

/** The first reason `vm` cannot migrate to `host` by `op`, or undefined. */
export function migrateError(engine: Engine, vmRef: string, host: string, op: 'pool_migrate' | 'migrate_send', vdiMap: VdiMap = {}, vifMap: VifMap = {}): XenApiError | undefined {
  const vm = engine.world.get('VM', vmRef);
  const early = catchXen(() => assertVmOperation(engine, vmRef, op));
  if (early !== undefined) return early;
  if (vm.resident_on === host) return xenError('VM_MIGRATE_FAILED', vmRef, vm.resident_on, host, 'The VM is already resident on the destination host.');
  const tools = toolsError(engine, vmRef);
  if (tools !== undefined) return tools;
  // Memory is counted as for a start (dynamic_max + overhead): what the reservation holds.
  // A halted or suspended VM (migrate_send) needs no memory there now.
  const running = vm.power_state === 'Running';
  const boot = bootError(engine, vmRef, host, running ? undefined : 0, vdiMap, vifMap);
  if (boot !== undefined) return boot;
  return running ? cpuError(engine, vmRef, host) : undefined;
}

export function assertCanMigrate(engine: Engine, vmRef: string, host: string, op: 'pool_migrate' | 'migrate_send', vdiMap: VdiMap = {}, vifMap: VifMap = {}): void {
  const error = migrateError(engine, vmRef, host, op, vdiMap, vifMap);
  if (error !== undefined) throw error;
}
