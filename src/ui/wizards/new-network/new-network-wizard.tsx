// The New Network wizard (XenCenter's NewNetworkWizard): Type → Name →
// Network settings (NIC and VLAN, bond members and mode, or the SR-IOV NIC;
// MTU) → Finish. Each field is checked as it is typed; Finish makes the calls
// of new-network-model.networkCalls, and shows the server's refusal if any.
import { useMemo, useState } from 'react';
import { INPUT, INPUT_BOX, LABEL } from '../../dialogs/dialog-styles';
import { failureText } from '../new-sr/new-sr-model';
import { useLab } from '../../lab/lab-context';
import { useUi } from '../../state/ui-store';
import { FieldMessages, describedBy, invalid } from '../common/field-messages';
import { LinearWizard } from '../common/linear-wizard';
import { BOND_MODES, NETWORK_KINDS, networkCalls, networkErrors, poolNics, type NetworkForm, type NetworkKind } from './new-network-model';

type StepId = 'type' | 'name' | 'settings' | 'finish';
const ORDER: readonly StepId[] = ['type', 'name', 'settings', 'finish'];
const STEP_NAMES: Readonly<Record<StepId, string>> = { type: 'Type', name: 'Name', settings: 'Network settings', finish: 'Finish' };
const TITLES: Readonly<Record<StepId, string>> = {
  type: 'Choose the type of network to create',
  name: 'What do you want to call this network?',
  settings: 'Configure the new network',
  finish: 'Create the new network',
};

function TextField(p: { id: string; label: string; value: string; error: string | undefined; hint?: string; width: string; onChange(v: string): void }) {
  const issue = p.error === undefined ? undefined : { error: p.error };
  return (
    <div className="mb-3">
      <label htmlFor={p.id} className={LABEL}>
        {p.label}
      </label>
      <div className="mt-1">
        <input id={p.id} className={`${INPUT_BOX} ${p.width}`} value={p.value} aria-invalid={invalid(issue)} aria-describedby={describedBy(p.id, issue, p.hint !== undefined)} onChange={(e) => p.onChange(e.target.value)} />
        <FieldMessages id={p.id} issue={issue} {...(p.hint === undefined ? {} : { hint: p.hint })} />
      </div>
    </div>
  );
}

export function NewNetworkWizard({ onClose }: { onClose: () => void }) {
  const lab = useLab();
  const { cache } = lab;
  const nics = useMemo(() => poolNics(cache), [cache]);
  const [step, setStep] = useState<StepId>('type');
  const [nameEdited, setNameEdited] = useState(false);
  const [form, setForm] = useState<NetworkForm>({ kind: 'external', name: 'New Network', description: '', nic: nics.find((n) => !n.management)?.device ?? '', vlan: '0', mtu: '1500', members: [], mode: 'active-backup' });
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const selectObjects = useUi((s) => s.selectObjects);
  const errors = networkErrors(form, nics);
  const update = (patch: Partial<NetworkForm>) => setForm((f) => ({ ...f, ...patch }));

  const blocked = (id: StepId): string | undefined =>
    id === 'name' ? errors.name : id === 'settings' ? (errors.nic ?? errors.vlan ?? errors.members ?? errors.mtu) : undefined;

  const chooseKind = (kind: NetworkKind) => {
    const info = NETWORK_KINDS.find((k) => k.kind === kind);
    const nic = kind === 'sriov' ? (nics.find((n) => n.sriov)?.device ?? '') : form.nic;
    update({ kind, nic, ...(nameEdited || info === undefined ? {} : { name: info.defaultName }) });
  };

  const finish = async () => {
    setFailure(undefined);
    setRunning(true);
    try {
      let network = '';
      for (const call of networkCalls(form, nics, cache)) {
        const args = call.args.map((a) => (a === '$network' ? network : a));
        const result = await lab.client.callAsync<string>(call.method, ...args);
        if (call.method === 'network.create') network = result;
      }
      onClose();
      if (network !== '') selectObjects([network]);
    } catch (e) {
      setFailure(failureText(e));
    } finally {
      setRunning(false);
    }
  };

  const kindInfo = NETWORK_KINDS.find((k) => k.kind === form.kind);
  const choosable = form.kind === 'sriov' ? nics.filter((n) => n.sriov) : nics;
  return (
    <LinearWizard
      title="New Network"
      order={ORDER}
      stepNames={STEP_NAMES}
      titles={TITLES}
      step={step}
      setStep={setStep}
      blocked={blocked}
      running={running ? 'Creating the network…' : undefined}
      onFinish={() => void finish()}
      onCancel={onClose}
    >
      {step === 'type' && (
        <fieldset className="text-[13px]">
          <legend className="sr-only">Network type</legend>
          {NETWORK_KINDS.map((k) => (
            <label key={k.kind} className="flex items-start gap-2 py-1">
              <input type="radio" name="network-kind" className="mt-1" checked={form.kind === k.kind} disabled={k.kind === 'sriov' && !nics.some((n) => n.sriov)} onChange={() => chooseKind(k.kind)} />
              <span>
                <span className="font-medium">{k.label}</span>
                <span className="block text-xs text-slate-600">{k.kind === 'sriov' && !nics.some((n) => n.sriov) ? 'No NIC in the pool supports SR-IOV.' : k.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {step === 'name' && (
        <div className="max-w-xl text-[13px]">
          <TextField id="net-name" label="Name" value={form.name} error={errors.name} width="w-full" onChange={(name) => { update({ name }); setNameEdited(true); }} />
          <label htmlFor="net-description" className={LABEL}>
            Description
          </label>
          <textarea id="net-description" className={`${INPUT} mt-1 h-20`} value={form.description} onChange={(e) => update({ description: e.target.value })} />
        </div>
      )}
      {step === 'settings' && (
        <div className="text-[13px]">
          {(form.kind === 'external' || form.kind === 'sriov') && (
            <div className="mb-3">
              <label htmlFor="net-nic" className={LABEL}>
                NIC
              </label>
              <div className="mt-1">
                <select id="net-nic" className={`${INPUT_BOX} w-56`} value={form.nic} aria-invalid={invalid(errors.nic === undefined ? undefined : { error: errors.nic })} onChange={(e) => update({ nic: e.target.value })}>
                  <option value="">Choose a NIC</option>
                  {choosable.map((n) => (
                    <option key={n.device} value={n.device} disabled={n.unusable !== undefined}>
                      {n.device}
                      {n.management ? ' (management)' : ''}
                      {n.unusable !== undefined ? ` — ${n.unusable}` : ''}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
          {form.kind === 'external' && <TextField id="net-vlan" label="VLAN" value={form.vlan} error={errors.vlan} hint="0 for the untagged NIC itself; 1–4094 for a VLAN on it." width="w-24" onChange={(vlan) => update({ vlan })} />}
          {form.kind === 'bond' && (
            <>
              <fieldset className="mb-3" aria-describedby={errors.members !== undefined ? 'net-members-error' : undefined}>
                <legend className={LABEL}>Bond members</legend>
                {nics.map((n) => (
                  <label key={n.device} className={`flex items-center gap-2 py-0.5 ${n.unusable !== undefined ? 'text-slate-500' : ''}`}>
                    <input
                      type="checkbox"
                      checked={form.members.includes(n.device)}
                      disabled={n.unusable !== undefined}
                      onChange={(e) => update({ members: e.target.checked ? [...form.members, n.device] : form.members.filter((d) => d !== n.device) })}
                    />
                    {n.device}
                    {n.management ? ' (management: it moves to the bond)' : ''}
                    {n.unusable !== undefined ? ` — ${n.unusable}` : ''}
                  </label>
                ))}
                <FieldMessages id="net-members" issue={errors.members === undefined ? undefined : { error: errors.members }} />
              </fieldset>
              <fieldset className="mb-3">
                <legend className={LABEL}>Bond mode</legend>
                {BOND_MODES.map((m) => (
                  <label key={m.mode} className="flex items-center gap-2 py-0.5">
                    <input type="radio" name="bond-mode" checked={form.mode === m.mode} onChange={() => update({ mode: m.mode })} />
                    {m.label}
                  </label>
                ))}
              </fieldset>
            </>
          )}
          {form.kind === 'private' && <p className="mb-3 text-slate-700">This network has no NIC: only VMs on the same server can reach each other on it.</p>}
          <TextField id="net-mtu" label="MTU" value={form.mtu} error={errors.mtu} hint="1500 by default; up to 9216 for jumbo frames." width="w-24" onChange={(mtu) => update({ mtu })} />
        </div>
      )}
      {step === 'finish' && (
        <div className="text-[13px]">
          <dl className="grid grid-cols-[10rem_1fr] gap-y-1">
            <dt className="text-slate-600">Type:</dt>
            <dd className="m-0">{kindInfo?.label}</dd>
            <dt className="text-slate-600">Name:</dt>
            <dd className="m-0">{form.name}</dd>
            {form.kind === 'external' || form.kind === 'sriov' ? (
              <>
                <dt className="text-slate-600">NIC:</dt>
                <dd className="m-0">
                  {form.nic}
                  {form.kind === 'external' && form.vlan !== '0' ? `, VLAN ${form.vlan}` : ''}
                </dd>
              </>
            ) : null}
            {form.kind === 'bond' ? (
              <>
                <dt className="text-slate-600">Bond members:</dt>
                <dd className="m-0">{form.members.join(', ')}</dd>
                <dt className="text-slate-600">Bond mode:</dt>
                <dd className="m-0">{BOND_MODES.find((m) => m.mode === form.mode)?.label}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">MTU:</dt>
            <dd className="m-0">{form.mtu}</dd>
          </dl>
          {running ? (
            <p role="status" className="mt-3">
              Creating the network on every server…
            </p>
          ) : null}
          {failure !== undefined ? (
            <p role="alert" className="mt-3 text-red-700">
              {failure}
            </p>
          ) : null}
        </div>
      )}
    </LinearWizard>
  );
}
