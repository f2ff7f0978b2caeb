// Save as Template… (XenCenter's NewTemplateFromSnapshotCommand): a name,
// suggested as "Template from snapshot '…'" and unique, and a description;
// then VM.clone of the snapshot makes the custom template (shown in Events,
// selected when made).
import { useState } from 'react';
import { useMakeActionContext } from '../actions/use-actions';
import { useObject } from '../cache/use-cache';
import { FormDialog, NameDescriptionFields } from '../dialogs/form-dialog';
import { useLab } from '../lab/lab-context';
import { useUi } from '../state/ui-store';
import { templateFromSnapshot } from './snapshot-runs';
import { templateNameFor } from './snapshot-rules';

export function SaveTemplateDialog({ snapRef, onClose }: { snapRef: string; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const snap = useObject('VM', snapRef);
  const [name, setName] = useState(() => templateNameFor(lab.cache.get('VM', snapRef)?.name_label ?? '', lab.cache));
  const [description, setDescription] = useState('');
  const nameError = name.trim() === '' ? 'Enter a name for the new template.' : undefined;

  const save = () => {
    onClose();
    void templateFromSnapshot(makeContext([snapRef]), snapRef, name.trim(), description).then((made) => {
      if (made !== undefined) useUi.getState().selectObjects([made]);
    });
  };

  return (
    <FormDialog
      title="Save as Template"
      submitLabel="Save"
      blocked={nameError ?? (snap === undefined ? 'The snapshot no longer exists.' : undefined)}
      sayBlocked={false}
      width="w-[min(30rem,calc(100vw-2rem))]"
      rubric={{ id: 'save-template-rubric', text: `Enter a name for the new template made from the snapshot “${snap?.name_label ?? ''}”.` }}
      onSubmit={save}
      onClose={onClose}
    >
      <NameDescriptionFields id="template" autoFocus name={name} nameError={nameError} description={description} onName={setName} onDescription={setDescription} />
    </FormDialog>
  );
}
