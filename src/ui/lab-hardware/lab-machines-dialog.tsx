// Lab ▸ Machines: the lab's bare machines (add from the catalogue, power,
// install XenServer), and the PXE boot service the lab offers, or not.
import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isXenApiError } from '../../xapi/errors';
import type { MachineView, PresetView } from '../../xapi/simulator/lab-view';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD_ERROR, FOOTER, INPUT, LABEL, OVERLAY, PANEL } from '../dialogs/dialog-styles';
import { useLab } from '../lab/lab-context';
import { useUi } from '../state/ui-store';
import { CustomMachineFields } from './custom-machine-fields';
import { EMPTY_DRAFT, customMachineErrors, customMachineSpec, type CustomMachineDraft } from './custom-machine-model';
import { machineState, machineSummary } from './machine-words';
import { JoinPoolForm } from './join-pool-form';
import { PxeSettings } from './pxe-settings';
import { useLabView } from './use-lab-view';

const CUSTOM = 'custom';

function errorText(e: unknown): string {
  return isXenApiError(e) ? `${e.code}: ${e.params.join(' ')}` : String(e);
}

export function LabMachinesDialog({ onClose }: { onClose: () => void }) {
  const lab = useLab();
  const view = useLabView();
  const openDialog = useUi((s) => s.openDialog);
  // Hosts whose join is under way or done: their Join form (and its outcome) stays shown.
  const [joining, setJoining] = useState<ReadonlySet<string>>(() => new Set());
  const presets = useQuery({ queryKey: ['simulator', 'presets'], queryFn: () => lab.client.call<PresetView[]>('Simulator.machine_presets'), staleTime: Infinity });
  const [preset, setPreset] = useState('2u-server');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState<CustomMachineDraft>(EMPTY_DRAFT);
  const custom = preset === CUSTOM;
  const draftErrors = custom ? customMachineErrors(draft) : {};
  const invalid = Object.keys(draftErrors).length > 0;
  const add = async () => {
    if (invalid) return;
    try {
      if (custom) await lab.client.call('Simulator.add_custom_machine', name, customMachineSpec(draft));
      else await lab.client.call('Simulator.add_machine', preset, name);
      setName('');
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  };
  // How the console sees the server installed on a machine (XenCenter lists a server only once it is added).
  const connectionOf = (m: MachineView) => (m.host === undefined ? undefined : view?.servers.find((sv) => sv.hosts.includes(m.host ?? ''))?.state);
  const power = (id: string, on: boolean) => void lab.client.call('Simulator.set_machine_power', id, on).catch((e: unknown) => setError(errorText(e)));
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[min(56rem,calc(100vw-2rem))]`}>
          <Dialog.Title className="px-5 pt-4 text-base font-semibold">Lab machines</Dialog.Title>
          <Dialog.Description className="px-5 text-slate-700">Bare machines of the lab: install XenServer on them from a CD or over the network (PXE).</Dialog.Description>
          <div className="space-y-4 overflow-auto px-5 py-3">
            <table className="w-full text-left text-[13px]" aria-label="Machines">
              <thead>
                <tr className="border-b border-slate-300">
                  <th className="py-1">Name</th>
                  <th>Hardware</th>
                  <th>Power</th>
                  <th>State</th>
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(view?.machines ?? []).length === 0 && (
                  <tr>
                    <td colSpan={5} className="py-2 text-slate-600">No machines yet: add one below.</td>
                  </tr>
                )}
                {(view?.machines ?? []).map((m) => (
                  <tr key={m.id} className="border-b border-slate-200 align-top">
                    <td className="py-1 font-medium">{m.name}</td>
                    <td className="pr-2">{m.spec.manufacturer} {m.spec.product}: {machineSummary(m)}</td>
                    <td>{m.power === 'on' ? 'On' : 'Off'}</td>
                    <td>
                      {machineState(m)}
                      {connectionOf(m) === 'not_added' && (
                        <p className="mt-1 text-xs text-slate-700">
                          Installed, not added to XenLab yet: the console shows a server only once you add it.{' '}
                          <button type="button" className="text-blue-700 underline" onClick={() => openDialog({ kind: 'add-server', address: m.address ?? '' })} aria-label={`Add Server ${m.name}`}>
                            Add Server…
                          </button>
                        </p>
                      )}
                      {connectionOf(m) === 'disconnected' && <p className="mt-1 text-xs text-slate-700">Disconnected from the console: Server ▸ Reconnect.</p>}
                      {m.host !== undefined && (joining.has(m.host) || view?.servers.some((sv) => sv.master === m.host && sv.hosts.length === 1 && sv.state === 'connected') === true) && (
                        <JoinPoolForm host={m.host} name={m.name} onJoining={(h) => setJoining((set) => new Set(set).add(h))} />
                      )}
                    </td>
                    <td className="space-x-1 whitespace-nowrap py-1">
                      {m.state !== 'installed' && (
                        <button type="button" className={BUTTON_PRIMARY} onClick={() => openDialog({ kind: 'installer', machine: m.id })} aria-label={`Install XenServer on ${m.name}`}>
                          {m.state === 'installing' ? 'Show installer' : 'Install XenServer…'}
                        </button>
                      )}
                      {m.state !== 'installing' && (
                        <button type="button" className={BUTTON_SECONDARY} onClick={() => power(m.id, m.power !== 'on')} aria-label={`Power ${m.power === 'on' ? 'off' : 'on'} ${m.name}`} disabled={m.state === 'installed' && m.power === 'on'}>
                          {m.power === 'on' ? 'Power off' : 'Power on'}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form
              className="flex flex-wrap items-end gap-2"
              aria-label="Add machine"
              onSubmit={(e) => {
                e.preventDefault();
                void add();
              }}
            >
              <label className="flex flex-col">
                <span className={LABEL}>Machine type</span>
                <select className={INPUT} value={preset} onChange={(e) => setPreset(e.target.value)}>
                  {(presets.data ?? []).map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}: {p.description}
                    </option>
                  ))}
                  <option value={CUSTOM}>Custom machine: choose the CPU, memory, disks, NICs and firmware</option>
                </select>
              </label>
              <label className="flex flex-col">
                <span className={LABEL}>Name (optional)</span>
                <input className={INPUT} value={name} onChange={(e) => setName(e.target.value)} />
              </label>
              <button type="submit" className={BUTTON_PRIMARY} aria-disabled={invalid} aria-describedby={invalid ? 'custom-machine-invalid' : undefined}>
                Add machine
              </button>
              {custom && (
                <div className="w-full">
                  <CustomMachineFields draft={draft} errors={draftErrors} onChange={setDraft} />
                  {invalid && (
                    <p id="custom-machine-invalid" className="mt-1 text-xs text-slate-700">
                      Correct the fields marked in red to add the machine.
                    </p>
                  )}
                </div>
              )}
            </form>
            {error !== undefined && <p className={FIELD_ERROR} role="alert">{error}</p>}
            {view !== undefined && <PxeSettings pxe={view.pxe} />}
          </div>
          <div className={FOOTER}>
            <Dialog.Close className={BUTTON_SECONDARY}>Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
