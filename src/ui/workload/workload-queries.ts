// The workload a VM runs in the simulation (Simulator.list_workloads,
// Simulator.get_workload, Simulator.set_workload). These are XenLab's calls:
// a real pool does not know them (MESSAGE_METHOD_UNKNOWN), and the console
// then shows no workload at all (null), never an error.
import { useQuery } from '@tanstack/react-query';
import type { XenApiClient } from '../../xapi/client';
import { isXenApiError } from '../../xapi/errors';
import { useObject } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';

export interface WorkloadParamSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly description: string;
}

export interface WorkloadDef {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly params: Readonly<Record<string, WorkloadParamSpec>>;
}

export interface VmWorkload {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** Every parameter, defaults filled in. */
  readonly params: Readonly<Record<string, number>>;
  /** Whether someone chose it (false: the default for this guest). */
  readonly explicit: boolean;
}

/** Where the simulator keeps a VM's workload (VM.other_config), so a change by anyone refetches. */
export const WORKLOAD_KEYS = ['xenlab-workload', 'xenlab-workload-params'] as const;

export const workloadKeys = {
  all: ['workload'] as const,
  catalogue: () => [...workloadKeys.all, 'catalogue'] as const,
  /** A VM's workload, keyed by what other_config says of it. */
  ofVm: (vmRef: string, stored: readonly (string | undefined)[]) => [...workloadKeys.all, 'vm', vmRef, ...stored] as const,
};

async function unlessUnknown<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (e) {
    if (isXenApiError(e) && e.code === 'MESSAGE_METHOD_UNKNOWN') return null;
    throw e;
  }
}

export async function listWorkloads(client: XenApiClient): Promise<WorkloadDef[] | null> {
  const list = await unlessUnknown(() => client.call<unknown>('Simulator.list_workloads'));
  return Array.isArray(list) ? (list as WorkloadDef[]) : null;
}

export async function getWorkload(client: XenApiClient, vmRef: string): Promise<VmWorkload | null> {
  const raw = await unlessUnknown(() => client.call<Omit<VmWorkload, 'params'> & { params: string }>('Simulator.get_workload', vmRef));
  if (raw === null || typeof raw !== 'object') return null;
  let params: Record<string, number> = {};
  try {
    params = JSON.parse(raw.params) as Record<string, number>;
  } catch {
    // an unreadable answer shows the workload without its parameters
  }
  return { ...raw, params };
}

/** The workload catalogue (null: not a simulated pool). It never changes while the console runs. */
export function useWorkloadCatalogue() {
  const { client } = useLab();
  return useQuery({ queryKey: workloadKeys.catalogue(), queryFn: () => listWorkloads(client), staleTime: Infinity });
}

/** A guest's workload (null: not a simulated pool, or a control domain); refetched when its other_config keys change. */
export function useVmWorkload(vmRef: string) {
  const { client } = useLab();
  const vm = useObject('VM', vmRef);
  const stored = WORKLOAD_KEYS.map((k) => vm?.other_config[k]);
  const guest = vm !== undefined && !vm.is_control_domain && !vm.is_a_template && !vm.is_a_snapshot;
  return useQuery({
    queryKey: workloadKeys.ofVm(vmRef, stored),
    queryFn: () => getWorkload(client, vmRef),
    enabled: guest,
    staleTime: Infinity,
  });
}
