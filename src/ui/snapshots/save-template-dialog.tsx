// Save as Template… (XenCenter's NewTemplateFromSnapshotCommand): a name,
// suggested as "Template from snapshot '…'" and unique, and a description;
// then VM.clone of the snapshot makes the custom template (shown in Events,
// selected when made).
import * as Dialog from '@radix-ui/react-dialog';
import { useState, type FormEvent } from 'react';
import { useMakeActionContext } from '../actions/use-actions';
import { useObject } from '../cache/use-cache';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, INPUT, LABEL, OVERLAY, PANEL } from '../dialogs/dialog-styles';
import { useLab } from '../lab/lab-context';
import { useUi } from '../state/ui-store';
import { FieldMessages, describedBy, invalid } from '../wizards/common/field-messages';
import { templateFromSnapshot } from './snapshot-runs';
import { templateNameFor } from './snapshot-rules';

export function SaveTemplateDialog({ snapRef, onClose }: { snapRef: string; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const snap = useObject('VM', snapRef);
  const [name, setName] = useState(() => templateNameFor(lab.cache.get('VM', snapRef)?.name_label ?? '', lab.cache));
  const [description, setDescription] = useState('');
  const nameError = name.trim() === '' ? 'Enter a name for the new template.' : undefined;
  const valid = snap !== undefined && nameError === undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    onClose();
    void templateFromSnapshot(makeContext([snapRef]), snapRef, name.trim(), description).then((made) => {
      if (made !== undefined) useUi.getState().selectObjects([made]);
    });
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[min(30rem,calc(100vw-2rem))]`} aria-describedby="save-template-rubric">
          <form onSubmit={submit} noValidate className="flex min-h-0 flex-col">
            <Dialog.Title className="border-b border-slate-200 px-5 py-3 text-base font-semibold">Save as Template</Dialog.Title>
            <div className="flex flex-col gap-3 px-5 py-4">
              <p id="save-template-rubric" className="text-[13px] text-slate-700">
                Enter a name for the new template made from the snapshot “{snap?.name_label ?? ''}”.
              </p>
              <div>
                <label htmlFor="template-name" className={LABEL}>
                  Name
                </label>
                <input id="template-name" autoFocus className={`${INPUT} mt-1`} value={name} aria-invalid={invalid({ error: nameError })} aria-describedby={describedBy('template-name', { error: nameError }, false)} onChange={(e) => setName(e.target.value)} />
                <FieldMessages id="template-name" issue={{ error: nameError }} />
              </div>
              <div>
                <label htmlFor="template-description" className={LABEL}>
                  Description
                </label>
                <textarea id="template-description" rows={2} className={`${INPUT} mt-1 resize-y`} value={description} onChange={(e) => setDescription(e.target.value)} />
              </div>
            </div>
            <div className={FOOTER}>
              <button type="submit" className={BUTTON_PRIMARY} aria-disabled={!valid || undefined}>
                Save
              </button>
              <Dialog.Close className={BUTTON_SECONDARY}>Cancel</Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
