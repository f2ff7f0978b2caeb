// Copy VM… / Copy… (XenCenter's CopyVMDialog): a name and description, and the
// copy mode — a fast clone (VM.clone: the copy shares the original's disk
// blocks on its SR) or a full copy to a chosen SR (VM.copy: every disk copied,
// taking time by their size). Each SR shows its free space; one without room
// for the disks cannot be chosen. The task shows in Events; a refusal is toasted.
import { useCallback, useState } from 'react';
import { reportFailure } from '../actions/report';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector, useObject } from '../cache/use-cache';
import { formatBytes } from '../format/bytes';
import { useLab } from '../lab/lab-context';
import { rememberTaskObject } from '../notifications/task-log-store';
import { useUi } from '../state/ui-store';
import { FieldMessages, describedBy, invalid } from '../wizards/common/field-messages';
import { copyChoices, copyName } from './copy-vm-plan';
import { INPUT, LABEL } from './dialog-styles';
import { FormDialog, NameDescriptionFields } from './form-dialog';

export function CopyVmDialog({ vmRef, onClose }: { vmRef: string; onClose: () => void }) {
  const lab = useLab();
  const vm = useObject('VM', vmRef);
  const select = useCallback((c: ObjectCache) => copyChoices(c, vmRef), [vmRef]);
  const choices = useCacheSelector(select, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  const [name, setName] = useState(() => copyName(lab.cache.get('VM', vmRef)?.name_label ?? '', lab.cache));
  const [description, setDescription] = useState(() => lab.cache.get('VM', vmRef)?.name_description ?? '');
  const [mode, setMode] = useState<'clone' | 'copy'>(choices.fastClone ? 'clone' : 'copy');
  const [sr, setSr] = useState(() => choices.targets.find((t) => t.reason === undefined)?.sr.ref ?? '');
  const template = vm?.is_a_template === true;
  const noun = template ? 'template' : 'VM';

  const nameError = name.trim() === '' ? 'Enter a name for the copy.' : undefined;
  const target = choices.targets.find((t) => t.sr.ref === sr);
  const srError = mode !== 'copy' ? undefined : target === undefined ? 'Choose the SR to copy the disks to.' : target.reason;
  const modeError = (mode === 'clone' ? choices.fastClone : choices.fullCopy) ? undefined : 'This copy mode is not available here.';
  const blocked = nameError ?? srError ?? modeError;

  const copy = () => {
    if (vm === undefined) return;
    onClose();
    const run = async () => {
      const task = mode === 'clone' ? await lab.client.startAsync('VM.clone', vmRef, name.trim()) : await lab.client.startAsync('VM.copy', vmRef, name.trim(), sr);
      rememberTaskObject(task, { cls: 'VM', ref: vmRef, name: vm.name_label });
      const made = await lab.client.waitForTask<string>(task);
      if (description !== '') await lab.client.call('VM.set_name_description', made, description);
      useUi.getState().selectObjects([made]);
    };
    run().catch((error: unknown) => reportFailure(`Could not copy ${vm.name_label}`, error, lab.cache));
  };

  return (
    <FormDialog
      title={template ? 'Copy Template' : 'Copy Virtual Machine'}
      submitLabel="Copy"
      blocked={blocked}
      sayBlocked={false}
      rubric={{ id: 'copy-vm-rubric', text: `Provide a name and a description (optional) for the new ${noun} and then select a copy mode.` }}
      onSubmit={copy}
      onClose={onClose}
    >
      <NameDescriptionFields id="copy" name={name} nameError={nameError} description={description} onName={setName} onDescription={setDescription} />
      <fieldset className="flex flex-col gap-2">
        <legend className={LABEL}>Copy mode</legend>
        <label className={`flex items-start gap-2 text-[13px] ${choices.fastClone ? '' : 'text-slate-400'}`}>
          <input type="radio" name="copy-mode" className="mt-0.5" checked={mode === 'clone'} disabled={!choices.fastClone} aria-describedby="copy-clone-hint" onChange={() => setMode('clone')} />
          <span>
            Fast clone
            <span id="copy-clone-hint" className="block text-xs text-slate-600">
              {choices.fastClone ? `Clone the existing ${noun}, using a storage-level fast disk clone operation.` : 'Fast clone is not supported by this storage type.'}
            </span>
          </span>
        </label>
        <label className={`flex items-start gap-2 text-[13px] ${choices.fullCopy ? '' : 'text-slate-400'}`}>
          <input type="radio" name="copy-mode" className="mt-0.5" checked={mode === 'copy'} disabled={!choices.fullCopy} onChange={() => setMode('copy')} />
          <span>Full copy — create a full copy of the existing {noun} on this storage repository:</span>
        </label>
        <div className="ml-6">
          <label htmlFor="copy-sr" className="sr-only">
            Storage repository for the full copy
          </label>
          <select id="copy-sr" className={INPUT} disabled={mode !== 'copy'} value={sr} aria-invalid={invalid({ error: srError })} aria-describedby={describedBy('copy-sr', { error: srError }, true)} onChange={(e) => setSr(e.target.value)}>
            {sr === '' && <option value="">(choose an SR)</option>}
            {choices.targets.map((t) => (
              <option key={t.sr.ref} value={t.sr.ref} disabled={t.reason !== undefined}>
                {t.sr.name} — {formatBytes(t.sr.free)} free{t.reason !== undefined ? ' (not enough room)' : ''}
              </option>
            ))}
          </select>
          <FieldMessages id="copy-sr" issue={{ error: srError }} hint={`The disks to copy: ${formatBytes(choices.disks.reduce((a, d) => a + d.size, 0))} in all.`} />
        </div>
      </fieldset>
    </FormDialog>
  );
}
