// The VMSS class (VM snapshot schedules, xapi_vmss.ml) and VM.set_snapshot_schedule.
// Setters check values as xapi does (INVALID_VALUE naming the field or
// schedule key) and re-plan the policy's next run on the virtual clock.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import type { Engine } from '../engine';
import { readCreateRecord } from '../api/create-record';
import { toInt } from '../api/param-check';
import { define, PENDING, ref, type MethodTable } from '../api/registry';
import { VMSS_FREQUENCY, VMSS_TYPE } from '../../xapi/datamodel/enums';
import { planVmss, startRun } from './vmss-run';
import { assertRetained, assertScheduleKeys, normalizeSchedule } from './vmss-schedule';

const self = { name: 'self', type: ref('VMSS') } as const;
const value = (type: 'string' | 'int' | 'bool' | 'string_map' | 'datetime') => ({ name: 'value', type }) as const;

function assertEnum(field: string, allowed: readonly string[], v: string): void {
  if (!allowed.includes(v)) throw xenError('INVALID_VALUE', field, v);
}

function create(engine: Engine, args: unknown): string {
  const r = readCreateRecord(engine, 'VMSS', args);
  const frequency = r['frequency'] as string;
  const type = r['type'] as string;
  const retained = (r['retained_snapshots'] as number | undefined) ?? 7;
  assertRetained(retained);
  const schedule = normalizeSchedule(frequency, (r['schedule'] as Record<string, string> | undefined) ?? {});
  const vmss = engine.world.create('VMSS', {
    name_label: (r['name_label'] as string | undefined) ?? '',
    name_description: (r['name_description'] as string | undefined) ?? '',
    enabled: (r['enabled'] as boolean | undefined) ?? true,
    type: type as never,
    retained_snapshots: retained,
    frequency: frequency as never,
    schedule,
  });
  planVmss(engine, vmss);
  return vmss;
}

function destroy(engine: Engine, vmss: string): void {
  if (engine.world.get('VMSS', vmss).VMs.length > 0) throw xenError('VMSS_HAS_VM');
  const uuid = engine.world.get('VMSS', vmss).uuid;
  for (const [m, msg] of [...engine.world.entries('message')]) if (msg.obj_uuid === uuid) engine.world.destroy('message', m);
  engine.world.destroy('VMSS', vmss);
  planVmss(engine, vmss); // drops its planned run
}

function update(engine: Engine, vmss: string, fields: Record<string, unknown>): void {
  engine.world.update('VMSS', vmss, fields as never);
  planVmss(engine, vmss);
}

export function defineVmssApi(table: MethodTable): void {
  define(table, { name: 'VMSS.create', params: [{ name: 'args', type: 'any' }], async: true, run: ({ engine }, [args]) => create(engine, args) });
  define(table, { name: 'VMSS.destroy', params: [self], async: true, run: ({ engine }, [s]) => destroy(engine, s as string) });
  define(table, {
    name: 'VMSS.snapshot_now',
    params: [{ name: 'vmss', type: ref('VMSS') }],
    async: true,
    run: ({ engine, task }, [s]) => {
      startRun(engine, s as string, task);
      return PENDING;
    },
  });
  define(table, {
    name: 'VMSS.set_enabled',
    params: [self, value('bool')],
    run: ({ engine }, [s, v]) => update(engine, s as string, { enabled: v }),
  });
  define(table, {
    name: 'VMSS.set_frequency',
    params: [self, value('string')],
    run: ({ engine }, [s, v]) => {
      assertEnum('frequency', VMSS_FREQUENCY, v as string);
      const schedule = normalizeSchedule(v as string, engine.world.get('VMSS', s as string).schedule);
      update(engine, s as string, { frequency: v, schedule });
    },
  });
  define(table, {
    name: 'VMSS.set_schedule',
    params: [self, value('string_map')],
    run: ({ engine }, [s, v]) => {
      assertScheduleKeys(v as Record<string, string>);
      update(engine, s as string, { schedule: { ...(v as Record<string, string>) } });
    },
  });
  define(table, {
    name: 'VMSS.add_to_schedule',
    params: [self, { name: 'key', type: 'string' }, value('string')],
    run: ({ engine }, [s, k, v]) => {
      const current = engine.world.get('VMSS', s as string);
      if (Object.hasOwn(current.schedule, k as string)) throw xenError('MAP_DUPLICATE_KEY', 'VMSS', 'schedule', current.uuid, k as string);
      assertScheduleKeys({ [k as string]: v as string });
      update(engine, s as string, { schedule: { ...current.schedule, [k as string]: v } });
    },
  });
  define(table, {
    name: 'VMSS.remove_from_schedule',
    params: [self, { name: 'key', type: 'string' }],
    run: ({ engine }, [s, k]) => {
      const schedule = { ...engine.world.get('VMSS', s as string).schedule };
      delete schedule[k as string];
      update(engine, s as string, { schedule });
    },
  });
  define(table, {
    name: 'VMSS.set_retained_snapshots',
    params: [self, value('int')],
    run: ({ engine }, [s, v]) => {
      assertRetained(toInt(v));
      engine.world.update('VMSS', s as string, { retained_snapshots: toInt(v) });
    },
  });
  define(table, {
    name: 'VMSS.set_type',
    params: [self, value('string')],
    run: ({ engine }, [s, v]) => {
      assertEnum('type', VMSS_TYPE, v as string);
      engine.world.update('VMSS', s as string, { type: v as never });
    },
  });
  define(table, {
    name: 'VMSS.set_last_run_time',
    params: [self, value('datetime')],
    run: ({ engine }, [s, v]) => engine.world.update('VMSS', s as string, { last_run_time: v as string }),
  });
  define(table, {
    name: 'VM.set_snapshot_schedule',
    params: [
      { name: 'self', type: ref('VM') },
      { name: 'value', type: 'string' }, // a VMSS ref or NULL
    ],
    run: ({ engine }, [vm, v]) => {
      const target = v as string;
      if (target !== NULL_REF && !engine.world.has('VMSS', target)) throw xenError('HANDLE_INVALID', 'VMSS', target);
      const record = engine.world.get('VM', vm as string);
      if (record.is_a_template || record.is_a_snapshot || record.is_control_domain) throw xenError('VM_IS_TEMPLATE', vm as string);
      engine.world.update('VM', vm as string, { snapshot_schedule: target });
    },
  });
}
