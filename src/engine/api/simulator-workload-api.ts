// Simulator.* calls for the workload a guest runs (what drives its metrics):
//   Simulator.set_workload(session, vm, name, params_json)
//   Simulator.get_workload(session, vm) → { name, label, description, params, explicit }
//   Simulator.list_workloads(session) → [{ name, label, description, params: {…specs} }]
// The workload lives in VM.other_config ('xenlab-workload',
// 'xenlab-workload-params'), so a console's Properties dialog can set it
// with VM.add_to_other_config too; reading other_config is the truth.
// set_workload checks its input (INVALID_VALUE naming the bad argument);
// an unknown VM is HANDLE_INVALID (the dispatcher's ref check).
import { xenError } from '../../xapi/errors';
import { resolveWorkload, WORKLOAD_KEY, WORKLOAD_PARAMS_KEY } from '../metrics/models/workload-of-vm';
import { parseParams, WORKLOADS, workloadByName } from '../metrics/models/workloads';
import { define, ref, type MethodTable } from './registry';

const vmParam = { name: 'vm', type: ref('VM') } as const;

function assertGuest(vm: { is_control_domain: boolean }, vmRef: string): void {
  if (vm.is_control_domain) throw xenError('OPERATION_NOT_ALLOWED', `${vmRef} is a control domain: dom0's load follows its guests`);
}

export function defineSimulatorWorkloadApi(table: MethodTable): void {
  define(table, {
    name: 'Simulator.set_workload',
    params: [vmParam, { name: 'name', type: 'string' }, { name: 'params', type: 'string' }],
    run: ({ engine }, [vm, name, params]) => {
      const record = engine.world.get('VM', vm as string);
      assertGuest(record, vm as string);
      const def = workloadByName((name as string).trim());
      if (def === undefined) throw xenError('INVALID_VALUE', 'name', name as string);
      const parsed = parseParams(def, params as string);
      if (!parsed.ok) throw xenError('INVALID_VALUE', 'params', `${params as string}: ${parsed.reason}`);
      const other: Record<string, string> = { ...record.other_config, [WORKLOAD_KEY]: def.name };
      if (Object.keys(parsed.params).length > 0) other[WORKLOAD_PARAMS_KEY] = JSON.stringify(parsed.params);
      else delete other[WORKLOAD_PARAMS_KEY];
      engine.world.update('VM', vm as string, { other_config: other });
    },
  });

  define(table, {
    name: 'Simulator.get_workload',
    params: [vmParam],
    run: ({ engine }, [vm]) => {
      const record = engine.world.get('VM', vm as string);
      assertGuest(record, vm as string);
      const w = resolveWorkload(record);
      return { name: w.def.name, label: w.def.label, description: w.def.description, params: JSON.stringify(w.params), explicit: w.explicit };
    },
  });

  define(table, {
    name: 'Simulator.list_workloads',
    params: [],
    run: () =>
      [...WORKLOADS.values()].map((w) => ({
        name: w.name,
        label: w.label,
        description: w.description,
        params: Object.fromEntries(Object.entries(w.params).map(([k, p]) => [k, { ...p }])),
      })),
  });
}
