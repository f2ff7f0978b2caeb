// The Workload page of a VM's Properties (XenLab): which workload the guest
// runs in the simulation and its parameters, each checked as it is typed;
// and why the same work costs this VM more or less than another (its
// virtualization mode).
import { useId } from 'react';
import { useObject } from '../cache/use-cache';
import { virtualizationMode } from '../format/vm-words';
import { paramLabel } from '../workload/workload-form';
import type { WorkloadEditor } from '../workload/use-workload-editor';
import { VIRT_MODE_NOTES, virtModeKind } from '../workload/virt-mode-note';
import { BUTTON_SECONDARY, FIELD_ERROR, FIELD_HINT, INPUT, LABEL } from './dialog-styles';

export function WorkloadPage({ vmRef, editor }: { vmRef: string; editor: WorkloadEditor }) {
  const id = useId();
  const vm = useObject('VM', vmRef);
  const gm = useObject('VM_guest_metrics', vm?.guest_metrics);
  const { form, def } = editor;
  if (form === undefined || vm === undefined) return <p className="text-slate-700">Loading the workload…</p>;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-slate-600">
        What the guest runs in the simulation. It drives this VM&apos;s CPU, memory, disk and network use, which the Performance tab shows.
      </p>
      <div>
        <label htmlFor={`${id}-name`} className={LABEL}>
          Workload
        </label>
        <select id={`${id}-name`} className={`${INPUT} mt-1`} value={form.name} aria-describedby={`${id}-description`} onChange={(e) => editor.choose(e.target.value)}>
          {editor.catalogue.map((d) => (
            <option key={d.name} value={d.name}>
              {d.label}
            </option>
          ))}
        </select>
        <p id={`${id}-description`} className={FIELD_HINT}>
          {def?.description}
          {editor.current?.explicit === false && form.name === editor.current.name ? ' (The default for this VM, chosen from its name and template.)' : ''}
        </p>
      </div>
      {def !== undefined && (
        <fieldset className="rounded-sm border border-slate-300 px-3 pt-1 pb-3">
          <legend className="px-1 text-[13px] font-medium text-slate-800">Parameters</legend>
          <div className="grid grid-cols-2 gap-x-4 gap-y-2">
            {Object.entries(def.params).map(([name, spec]) => {
              const fieldId = `${id}-p-${name}`;
              const error = editor.errors[name];
              return (
                <div key={name}>
                  <label htmlFor={fieldId} className={LABEL}>
                    {paramLabel(name)}
                    {spec.unit !== '' && <span className="font-normal text-slate-600"> ({spec.unit})</span>}
                  </label>
                  <input
                    id={fieldId}
                    className={`${INPUT} mt-1`}
                    inputMode="decimal"
                    value={form.params[name] ?? ''}
                    aria-invalid={error !== undefined || undefined}
                    aria-describedby={`${fieldId}-msg`}
                    onChange={(e) => editor.setParam(name, e.target.value)}
                  />
                  <p id={`${fieldId}-msg`} className={error !== undefined ? FIELD_ERROR : FIELD_HINT}>
                    {error ?? `${spec.description} (${String(spec.min)}–${String(spec.max)})`}
                  </p>
                </div>
              );
            })}
          </div>
          <button type="button" className={`${BUTTON_SECONDARY} mt-3`} onClick={editor.resetParams}>
            Restore Defaults
          </button>
        </fieldset>
      )}
      <div role="note" aria-label="Virtualization mode" className="rounded-sm border border-slate-300 bg-slate-50 px-3 py-2 text-xs text-slate-700">
        <p className="font-semibold text-slate-800">Virtualization mode: {virtualizationMode(vm, gm)}</p>
        <p className="mt-0.5">{VIRT_MODE_NOTES[virtModeKind(vm, gm)]}</p>
      </div>
    </div>
  );
}
