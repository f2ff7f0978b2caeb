// A network's Properties from the Networking tab (XenCenter's network
// property pages, in one form): name, description, MTU (68–9216, as the
// engine's network.set_MTU checks) and "Automatically add this network to new
// virtual machines" (other_config:automatic, which the New VM wizard reads).
import { useState } from 'react';
import { reportFailure } from '../actions/report';
import { useObject } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { FieldMessages, describedBy, invalid } from '../wizards/common/field-messages';
import { INPUT_BOX, LABEL } from './dialog-styles';
import { FormDialog, NameDescriptionFields } from './form-dialog';

const MTU_MIN = 68;
const MTU_MAX = 9216;

export function mtuError(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return 'Enter the MTU as a whole number of bytes.';
  const n = Number(t);
  return n < MTU_MIN || n > MTU_MAX ? `The MTU must be between ${String(MTU_MIN)} and ${String(MTU_MAX)}.` : undefined;
}

export function NetworkPropertiesDialog({ networkRef, onClose }: { networkRef: string; onClose: () => void }) {
  const lab = useLab();
  const network = useObject('network', networkRef);
  const [name, setName] = useState(network?.name_label ?? '');
  const [description, setDescription] = useState(network?.name_description ?? '');
  const [mtu, setMtu] = useState(String(network?.MTU ?? 1500));
  const [auto, setAuto] = useState(network?.other_config['automatic'] !== 'false');
  if (network === undefined) return null;
  const nameError = name.trim() === '' ? 'Enter a name for the network.' : undefined;
  const mtuIssue = mtuError(mtu);

  const save = async () => {
    const api = lab.client;
    try {
      if (name.trim() !== network.name_label) await api.call('network.set_name_label', networkRef, name.trim());
      if (description !== network.name_description) await api.call('network.set_name_description', networkRef, description);
      if (Number(mtu) !== network.MTU) await api.call('network.set_MTU', networkRef, Number(mtu));
      if (auto !== (network.other_config['automatic'] !== 'false')) {
        await api.call('network.remove_from_other_config', networkRef, 'automatic');
        await api.call('network.add_to_other_config', networkRef, 'automatic', auto ? 'true' : 'false');
      }
    } catch (e) {
      reportFailure(`Could not change ${network.name_label}`, e, lab.cache);
    }
  };

  return (
    <FormDialog title={`‘${network.name_label}’ Properties`} submitLabel="OK" blocked={nameError ?? mtuIssue} onClose={onClose} onSubmit={() => { onClose(); void save(); }}>
      <NameDescriptionFields id="net-prop" name={name} nameError={nameError} description={description} onName={setName} onDescription={setDescription} />
      <div>
        <label htmlFor="net-prop-mtu" className={LABEL}>
          MTU
        </label>
        <div className="mt-1">
          <input id="net-prop-mtu" inputMode="numeric" className={`${INPUT_BOX} w-28`} value={mtu} aria-invalid={invalid({ error: mtuIssue })} aria-describedby={describedBy('net-prop-mtu', { error: mtuIssue }, true)} onChange={(e) => setMtu(e.target.value)} />
        </div>
        <FieldMessages id="net-prop-mtu" issue={{ error: mtuIssue }} hint="Interfaces pick up a new MTU when they are next plugged." />
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
        Automatically add this network to new virtual machines
      </label>
    </FormDialog>
  );
}
