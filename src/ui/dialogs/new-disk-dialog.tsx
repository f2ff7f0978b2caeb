// Add… on a VM's or an SR's Storage tab (XenCenter's NewDiskDialog): name,
// description, size and the SR, each SR listed with its free space and, when it
// cannot take the disk, why. For a VM the disk is attached at its next free
// position (VBD.create) and, if the VM is running and can hot-plug, activated
// (VBD.plug). The engine re-checks every step (SR_FULL, VM_MISSING_PV_DRIVERS …).
import { useCallback, useState } from 'react';
import { hotplugCheck } from '../actions/device-checks';
import { runTaskCall, runTaskCallFor } from '../actions/run-xenapi';
import { useMakeActionContext } from '../actions/use-actions';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { newDiskName, newDiskTargets, newVbdRecord, newVdiRecord, parseSize, type SizeUnit } from './disk-plan';
import { SrChoiceField } from './sr-choice-field';
import { FormDialog, NameDescriptionFields } from './form-dialog';
import { SizeField } from './size-field';

const sameJson = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

export function NewDiskDialog({ vmRef, srRef, onClose }: { vmRef?: string | undefined; srRef?: string | undefined; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const [name, setName] = useState(() => newDiskName(lab.cache));
  const [description, setDescription] = useState('');
  const [sizeText, setSizeText] = useState('8');
  const [unit, setUnit] = useState<SizeUnit>('GiB');
  const size = parseSize(sizeText, unit);
  const bytes = size.bytes ?? 0;
  const select = useCallback((c: ObjectCache) => newDiskTargets(c, vmRef, bytes), [vmRef, bytes]);
  const targets = useCacheSelector(select, sameJson);
  const [sr, setSr] = useState(() => srRef ?? targets.find((t) => t.reason === undefined)?.sr.ref ?? '');
  const vmName = vmRef === undefined ? undefined : lab.cache.get('VM', vmRef)?.name_label;

  const nameError = name.trim() === '' ? 'Enter a name for the disk.' : undefined;
  const chosen = targets.find((t) => t.sr.ref === sr);
  const srError = chosen === undefined ? 'Choose the SR for the disk.' : chosen.reason;
  const blocked = nameError ?? size.error ?? srError;

  const create = async () => {
    const context = makeContext(vmRef === undefined ? [sr] : [vmRef]);
    const target = vmRef === undefined ? { cls: 'SR' as const, ref: sr, kind: 'sr' as const, name: chosen?.sr.name ?? sr } : { cls: 'VM' as const, ref: vmRef, kind: 'vm' as const, name: vmName ?? vmRef };
    const failure = `Could not add a disk to ${target.name}`;
    const vdi = await runTaskCallFor<string>(context, { method: 'VDI.create', args: [newVdiRecord(sr, name.trim(), description, bytes)], target, failure });
    if (!vdi.ok || vmRef === undefined) return;
    const vbd = await runTaskCallFor<string>(context, { method: 'VBD.create', args: [newVbdRecord(vmRef, vdi.result, false)], target, failure });
    const vm = context.cache.get('VM', vmRef);
    if (vbd.ok && vm !== undefined && hotplugCheck(vm, context.cache, 'disk').ok) await runTaskCall(context, { method: 'VBD.plug', args: [vbd.result], target, failure: `Could not activate the new disk of ${target.name}` });
  };

  return (
    <FormDialog title={vmName === undefined ? 'New Virtual Disk' : `Add Virtual Disk to ${vmName}`} submitLabel={vmName === undefined ? 'Create' : 'Add'} blocked={blocked} onClose={onClose} onSubmit={() => { onClose(); void create(); }}>
      <NameDescriptionFields id="disk" name={name} nameError={nameError} description={description} onName={setName} onDescription={setDescription} />
      <SizeField id="disk-size" value={sizeText} unit={unit} error={size.error} onChange={(v, u) => { setSizeText(v); setUnit(u); }} />
      <SrChoiceField id="disk-sr" legend="Location" targets={targets} cache={lab.cache} value={sr} onChange={setSr} error={srError} maxHeight="max-h-48" />
    </FormDialog>
  );
}
