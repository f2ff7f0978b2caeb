// The right pane for a lab machine chosen in the tree (bare, or installing):
// what it is, its power and install state with the installer's progress, and
// what a learner does next — install XenServer (or watch the installer) and
// power it on or off. A server it becomes is shown as a server once added.
import { useState } from 'react';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD_ERROR } from '../dialogs/dialog-styles';
import { machineCommands } from './machine-commands';
import { formatSize, machineState, machineSummary } from './machine-words';
import { useLabView } from './use-lab-view';
import { useMachineCommand } from './use-machine-command';

export function MachinePanel({ machineId }: { machineId: string }) {
  const view = useLabView();
  const runCommand = useMachineCommand();
  const [error, setError] = useState<string | undefined>(undefined);
  const m = view?.machines.find((x) => x.id === machineId);
  if (m === undefined) return <p className="p-4 text-slate-600">{view === undefined ? 'Asking the lab…' : 'This machine is no longer in the lab, or now runs XenServer: add it with Add Server.'}</p>;
  const progress = Math.round((m.install?.progress ?? 0) * 100);
  const { cpu } = m.spec;
  const rows: [string, string][] = [
    ['Machine', `${m.spec.manufacturer} ${m.spec.product} (${m.spec.firmware})`],
    ['CPU', `${cpu.modelname}, ${cpu.arch}, ${(cpu.mhz / 1000).toFixed(2)} GHz, ${String(cpu.sockets)} × ${String(cpu.coresPerSocket)} cores × ${String(cpu.threadsPerCore)} thread${cpu.threadsPerCore === 1 ? '' : 's'} per core${cpu.hardwareAssist ? ', VT-x/AMD-V' : ', no VT-x/AMD-V'}${cpu.iommu ? ', IOMMU' : ''}`],
    ['Memory', formatSize(m.spec.memory)],
    ['Disks', m.spec.disks.map((d) => `${formatSize(d.size)} ${d.kind}`).join(', ') || 'none'],
    ['NICs', m.spec.nics.map((n) => `${n.speed >= 1000 ? `${String(n.speed / 1000)} Gbit/s` : `${String(n.speed)} Mbit/s`}${n.pxe ? ' (PXE)' : ''}`).join(', ') || 'none'],
    ['Power', m.power === 'on' ? 'On' : 'Off'],
    ['State', machineState(m)],
  ];
  return (
    <section className="flex min-h-0 flex-1 flex-col bg-white" aria-label={`Lab machine ${m.name}`}>
      <div className="shrink-0 border-b border-slate-300 bg-gradient-to-b from-white to-slate-100 px-3 py-2">
        <h2 className="m-0 truncate text-base leading-tight font-semibold text-slate-900">{m.name}</h2>
        <p className="m-0 truncate text-xs text-slate-600">Lab machine · {machineState(m)} · {machineSummary(m)}</p>
      </div>
      <div className="space-y-3 overflow-auto p-4 text-[13px]">
        <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}:</dt>
              <dd className="m-0">{v}</dd>
            </div>
          ))}
        </dl>
        {m.state === 'installing' && (
          <div>
            <p className="m-0">{m.install?.phase ?? 'Installing'}</p>
            <progress className="w-80" max={100} value={progress} aria-label={`Installing XenServer on ${m.name}`} />
          </div>
        )}
        <div className="space-x-2">
          {machineCommands(m).map((command) => (
            <button key={command.id} type="button" className={command.id === 'install' ? BUTTON_PRIMARY : BUTTON_SECONDARY} onClick={() => void runCommand(m.id, command).then(setError)}>
              {command.label}
            </button>
          ))}
        </div>
        {error !== undefined && (
          <p className={FIELD_ERROR} role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
