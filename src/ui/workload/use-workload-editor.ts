// The Workload page's state inside the Properties dialog: the VM's current
// workload as the starting point (kept once the user edits), validation,
// and the Simulator.set_workload call Save makes when something changed.
import { useState } from 'react';
import type { XenApiClient } from '../../xapi/client';
import { chooseWorkload, formErrors, formFromWorkload, workloadCall, workloadChanged, type WorkloadForm } from './workload-form';
import { useVmWorkload, useWorkloadCatalogue, type VmWorkload, type WorkloadDef } from './workload-queries';

export interface WorkloadEditor {
  /** False until loaded, and on a real pool (no workloads there). */
  readonly available: boolean;
  readonly catalogue: readonly WorkloadDef[];
  readonly current: VmWorkload | undefined;
  readonly form: WorkloadForm | undefined;
  readonly def: WorkloadDef | undefined;
  readonly errors: Readonly<Record<string, string>>;
  readonly valid: boolean;
  choose(name: string): void;
  setParam(name: string, text: string): void;
  resetParams(): void;
  /** Set the workload if the form changed it. */
  save(client: XenApiClient, vmRef: string): Promise<void>;
}

export function useWorkloadEditor(vmRef: string, enabled: boolean): WorkloadEditor {
  const catalogueQuery = useWorkloadCatalogue();
  const currentQuery = useVmWorkload(vmRef);
  const catalogue = enabled ? (catalogueQuery.data ?? []) : [];
  const current = enabled ? (currentQuery.data ?? undefined) : undefined;
  const [edited, setEdited] = useState<WorkloadForm | undefined>(undefined);
  const form = edited ?? (current === undefined || catalogue.length === 0 ? undefined : formFromWorkload(current, catalogue));
  const def = catalogue.find((d) => d.name === form?.name);
  const errors = form === undefined ? {} : formErrors(form, def);
  const available = form !== undefined && current !== undefined;
  return {
    available,
    catalogue,
    current,
    form,
    def,
    errors,
    valid: !available || Object.keys(errors).length === 0,
    choose(name) {
      const chosen = catalogue.find((d) => d.name === name);
      if (chosen !== undefined) setEdited(name === current?.name ? formFromWorkload(current, catalogue) : chooseWorkload(chosen));
    },
    setParam(name, text) {
      if (form !== undefined) setEdited({ ...form, params: { ...form.params, [name]: text } });
    },
    resetParams() {
      if (def !== undefined) setEdited(chooseWorkload(def));
    },
    async save(client, ref) {
      if (form === undefined || def === undefined || current === undefined || !workloadChanged(form, current)) return;
      const call = workloadCall(form, def);
      await client.call('Simulator.set_workload', ref, call.name, call.paramsJson);
    },
  };
}
