// Above a VM's graphs: what drives them (the workload the guest runs) and
// why the same work costs this VM more or less host CPU than another (its
// virtualization mode) — the course notes' point, kept to a line or two.
import { useObject } from '../../cache/use-cache';
import { virtualizationMode } from '../../format/vm-words';
import { VIRT_MODE_NOTES, virtModeKind } from '../../workload/virt-mode-note';
import { useVmWorkload } from '../../workload/workload-queries';

export function VmPerformanceNote({ vmRef }: { vmRef: string }) {
  const vm = useObject('VM', vmRef);
  const gm = useObject('VM_guest_metrics', vm?.guest_metrics);
  const workload = useVmWorkload(vmRef).data;
  if (vm === undefined) return null;
  return (
    <div role="note" aria-label="What drives these graphs" className="rounded-sm border border-slate-300 bg-slate-50 px-3 py-1.5 text-xs text-slate-700">
      <p className="m-0">
        {workload !== undefined && workload !== null && (
          <>
            <span className="font-semibold text-slate-800">Workload:</span> {workload.label}
            {workload.explicit ? '' : ' (default)'} ·{' '}
          </>
        )}
        <span className="font-semibold text-slate-800">Virtualization mode:</span> {virtualizationMode(vm, gm)}
      </p>
      <p className="m-0 mt-0.5">{VIRT_MODE_NOTES[virtModeKind(vm, gm)]}</p>
    </div>
  );
}
