// VM memory and vCPU settings, with xapi's constraints: static_min ≤
// dynamic_min ≤ dynamic_max ≤ static_max, dynamic_min ≥ static_max / 4,
// static ranges and vCPU counts only while halted, and XenServer 8's limits.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { hostMemoryFree, vmMemoryOverhead } from '../host/memory';
import { balanceHostMemory, canBalloon, hostReclaimableMemory } from '../metrics/models/memory-dmc';
import { toInt } from '../api/param-check';
import { define, ref, type MethodTable } from '../api/registry';
import { assertVmOperation } from './checks';
import { isHvm } from './placement';

/** XenServer 8: 1.5 TiB per VM; 32 vCPUs for most guests, 64 where the guest supports it. */
export const MAX_VM_MEMORY = 1.5 * 1024 ** 4;
export const MAX_VCPUS = 64;
/** The limit for a guest whose template says nothing (XenServer 8's general limit). */
export const DEFAULT_MAX_VCPUS = 32;

/**
 * The vCPU limit of a VM: its template's <restriction field="vcpus-max"> in
 * VM.recommendations (64 for the current HVM templates, 32 for older ones),
 * else 32, never above 64. xapi itself leaves this to clients (XenCenter reads
 * the recommendation); the simulator checks it so that no client can exceed it.
 */
export function vcpusLimit(recommendations: string): number {
  const m = /<restriction\s+field="vcpus-max"\s+max="(\d+)"/.exec(recommendations);
  const n = m === null ? DEFAULT_MAX_VCPUS : Number(m[1]);
  return Math.min(MAX_VCPUS, n);
}

interface Limits {
  static_min: number;
  dynamic_min: number;
  dynamic_max: number;
  static_max: number;
}

export function assertMemoryLimits(l: Limits): void {
  if (!(l.static_min <= l.dynamic_min && l.dynamic_min <= l.dynamic_max && l.dynamic_max <= l.static_max)) {
    throw xenError('MEMORY_CONSTRAINT_VIOLATION', 'Memory limits must satisfy: static_min ≤ dynamic_min ≤ dynamic_max ≤ static_max');
  }
  if (l.static_min < 0) throw xenError('MEMORY_CONSTRAINT_VIOLATION', 'Memory limits must not be negative');
  if (l.dynamic_min * 4 < l.static_max) {
    throw xenError('MEMORY_CONSTRAINT_VIOLATION', 'dynamic_min must be at least a quarter of static_max');
  }
  if (l.static_max > MAX_VM_MEMORY) throw xenError('MEMORY_CONSTRAINT_VIOLATION', 'static_max exceeds the 1.5 TiB a VM may have');
}

function setLimits(engine: Engine, vm: string, patch: Partial<Limits>): void {
  const r = engine.world.get('VM', vm);
  const next: Limits = {
    static_min: patch.static_min ?? r.memory_static_min,
    dynamic_min: patch.dynamic_min ?? r.memory_dynamic_min,
    dynamic_max: patch.dynamic_max ?? r.memory_dynamic_max,
    static_max: patch.static_max ?? r.memory_static_max,
  };
  assertMemoryLimits(next);
  const running = r.power_state === 'Running' || r.power_state === 'Paused';
  if (running) assertFloorFits(engine, vm, next.dynamic_min);
  const target = r.power_state === 'Running' ? Math.min(Math.max(r.memory_target, next.dynamic_min), next.dynamic_max) : next.dynamic_max;
  engine.world.update('VM', vm, {
    memory_static_min: next.static_min,
    memory_dynamic_min: next.dynamic_min,
    memory_dynamic_max: next.dynamic_max,
    memory_static_max: next.static_max,
    memory_target: target,
    memory_overhead: vmMemoryOverhead(next.static_max, r.VCPUs_max, isHvm(r), r.HVM_shadow_multiplier || 1),
  });
  if (running) balanceHostMemory(engine, r.resident_on); // squeezed moves the guest into its new range
}

/**
 * A running VM's dynamic_min raised above what it has must still fit on its
 * host with every other ballooning guest squeezed to its own dynamic_min
 * (the floor admission keeps; balancing relies on it).
 */
function assertFloorFits(engine: Engine, vm: string, dynamicMin: number): void {
  const r = engine.world.get('VM', vm);
  const actual = engine.world.find('VM_metrics', r.metrics)?.memory_actual ?? r.memory_target;
  if (dynamicMin <= actual) return;
  const own = canBalloon(engine, vm) ? actual - r.memory_dynamic_min : 0;
  const available = hostMemoryFree(engine, r.resident_on) + hostReclaimableMemory(engine, r.resident_on) - own;
  if (dynamicMin - actual > available) throw xenError('HOST_NOT_ENOUGH_FREE_MEMORY', dynamicMin - actual, available);
}

export function defineVmConfigApi(table: MethodTable): void {
  const vm = { name: 'self', type: ref('VM') } as const;
  const int = (name: string) => ({ name, type: 'int' }) as const;

  define(table, {
    name: 'VM.set_memory_limits',
    params: [vm, int('static_min'), int('static_max'), int('dynamic_min'), int('dynamic_max')],
    async: true,
    run: ({ engine }, [self, smin, smax, dmin, dmax]) => {
      assertVmOperation(engine, self as string, 'changing_memory_limits');
      setLimits(engine, self as string, { static_min: toInt(smin), static_max: toInt(smax), dynamic_min: toInt(dmin), dynamic_max: toInt(dmax) });
    },
  });
  define(table, {
    name: 'VM.set_memory_static_range',
    params: [vm, int('min'), int('max')],
    async: true,
    run: ({ engine }, [self, min, max]) => {
      assertVmOperation(engine, self as string, 'changing_static_range');
      setLimits(engine, self as string, { static_min: toInt(min), static_max: toInt(max) });
    },
  });
  define(table, {
    name: 'VM.set_memory_dynamic_range',
    params: [vm, int('min'), int('max')],
    async: true,
    run: ({ engine }, [self, min, max]) => {
      assertVmOperation(engine, self as string, 'changing_dynamic_range');
      setLimits(engine, self as string, { dynamic_min: toInt(min), dynamic_max: toInt(max) });
    },
  });
  for (const [field, key] of [
    ['memory_static_max', 'static_max'],
    ['memory_static_min', 'static_min'],
  ] as const) {
    define(table, {
      name: `VM.set_${field}`,
      params: [vm, int('value')],
      async: true,
      run: ({ engine }, [self, value]) => {
        assertVmOperation(engine, self as string, 'changing_static_range');
        setLimits(engine, self as string, { [key]: toInt(value) });
      },
    });
  }
  for (const [field, key] of [
    ['memory_dynamic_max', 'dynamic_max'],
    ['memory_dynamic_min', 'dynamic_min'],
  ] as const) {
    define(table, {
      name: `VM.set_${field}`,
      params: [vm, int('value')],
      async: true,
      run: ({ engine }, [self, value]) => {
        assertVmOperation(engine, self as string, 'changing_dynamic_range');
        setLimits(engine, self as string, { [key]: toInt(value) });
      },
    });
  }
  define(table, {
    name: 'VM.set_memory',
    params: [vm, int('value')],
    async: true,
    run: ({ engine }, [self, value]) => {
      assertVmOperation(engine, self as string, 'changing_memory_limits');
      const v = toInt(value);
      const r = engine.world.get('VM', self as string);
      setLimits(engine, self as string, { static_min: Math.min(r.memory_static_min, v), dynamic_min: v, dynamic_max: v, static_max: v });
    },
  });
  define(table, {
    name: 'VM.set_VCPUs_max',
    params: [vm, int('value')],
    async: true,
    run: ({ engine }, [self, value]) => {
      assertVmOperation(engine, self as string, 'changing_VCPUs');
      const n = toInt(value);
      const r = engine.world.get('VM', self as string);
      if (n < 1) throw xenError('VM_NO_VCPUS', self as string);
      if (n > vcpusLimit(r.recommendations)) throw xenError('VM_TOO_MANY_VCPUS', self as string);
      if (n < r.VCPUs_at_startup) throw xenError('VALUE_NOT_SUPPORTED', 'VCPUs_max', String(n), 'VCPUs_max must be at least VCPUs_at_startup');
      engine.world.update('VM', self as string, {
        VCPUs_max: n,
        memory_overhead: vmMemoryOverhead(r.memory_static_max, n, isHvm(r), r.HVM_shadow_multiplier || 1),
      });
    },
  });
  define(table, {
    name: 'VM.set_VCPUs_at_startup',
    params: [vm, int('value')],
    async: true,
    run: ({ engine }, [self, value]) => {
      assertVmOperation(engine, self as string, 'changing_VCPUs');
      const n = toInt(value);
      const r = engine.world.get('VM', self as string);
      if (n < 1) throw xenError('VM_NO_VCPUS', self as string);
      if (n > r.VCPUs_max) throw xenError('VALUE_NOT_SUPPORTED', 'VCPUs_at_startup', String(n), 'VCPUs_at_startup must not exceed VCPUs_max');
      engine.world.update('VM', self as string, { VCPUs_at_startup: n });
    },
  });
}
