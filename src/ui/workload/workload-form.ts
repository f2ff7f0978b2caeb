// The Workload page of a VM's Properties: a workload from the catalogue and
// its parameters as typed (text, so a half-typed number stays on screen),
// each checked against the catalogue's bounds as the user types. Saving
// sends only the parameters that differ from the workload's defaults, so a
// default the simulator later changes still applies to the rest.
import type { VmWorkload, WorkloadDef } from './workload-queries';

export interface WorkloadForm {
  readonly name: string;
  /** Parameter → text as typed. */
  readonly params: Readonly<Record<string, string>>;
}

export function defaultsOf(def: WorkloadDef): Record<string, string> {
  return Object.fromEntries(Object.entries(def.params).map(([k, p]) => [k, String(p.default)]));
}

/** The form for a VM's current workload. */
export function formFromWorkload(current: VmWorkload, catalogue: readonly WorkloadDef[]): WorkloadForm {
  const def = catalogue.find((d) => d.name === current.name);
  const params = def === undefined ? {} : defaultsOf(def);
  for (const [k, v] of Object.entries(current.params)) if (k in params) params[k] = String(v);
  return { name: current.name, params };
}

/** Another workload chosen: its defaults. */
export function chooseWorkload(def: WorkloadDef): WorkloadForm {
  return { name: def.name, params: defaultsOf(def) };
}

/** The error of one parameter as typed, or undefined. */
export function paramError(text: string, spec: WorkloadDef['params'][string]): string | undefined {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) return `Enter a number between ${String(spec.min)} and ${String(spec.max)}.`;
  if (value < spec.min || value > spec.max) return `Enter a number between ${String(spec.min)} and ${String(spec.max)}.`;
  return undefined;
}

export function formErrors(form: WorkloadForm, def: WorkloadDef | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  if (def === undefined) return { name: 'Choose a workload.' };
  for (const [k, spec] of Object.entries(def.params)) {
    const error = paramError(form.params[k] ?? '', spec);
    if (error !== undefined) errors[k] = error;
  }
  return errors;
}

/** Simulator.set_workload's name and params_json: only what differs from the defaults. */
export function workloadCall(form: WorkloadForm, def: WorkloadDef): { name: string; paramsJson: string } {
  const params: Record<string, number> = {};
  for (const [k, spec] of Object.entries(def.params)) {
    const value = Number((form.params[k] ?? '').trim());
    if (Number.isFinite(value) && value !== spec.default) params[k] = value;
  }
  return { name: def.name, paramsJson: Object.keys(params).length === 0 ? '' : JSON.stringify(params) };
}

/** Whether the form differs from what the VM runs (an untouched default stays a default). */
export function workloadChanged(form: WorkloadForm, current: VmWorkload): boolean {
  if (form.name !== current.name) return true;
  return Object.entries(form.params).some(([k, text]) => Number(text.trim()) !== current.params[k]);
}

const ACRONYMS: Readonly<Record<string, string>> = { kib: 'KiB', mib: 'MiB', utc: 'UTC', io: 'IO', tps: 'TPS', cpu: 'CPU' };

/** "requests" → "Requests", "response_kib" → "Response KiB", "io_kib" → "IO KiB". */
export function paramLabel(name: string): string {
  return name
    .split('_')
    .map((w, i) => ACRONYMS[w] ?? (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}
