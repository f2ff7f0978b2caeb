// Take Snapshot (XenCenter's VmSnapshotDialog): a name, a description, and
// the mode — the VM's disks (VM.snapshot, any power state), or its disks and
// memory (VM.checkpoint, a running VM only; off with the reason otherwise).
// Take closes the dialog; the task shows in Events and the failure, if any, is
// said in plain words (SR_FULL, SR_BACKEND_FAILURE_109 / _46). Opened from the
// Revert confirmation, it reverts once the snapshot has been taken.
import { useCallback, useState } from 'react';
import { useMakeActionContext } from '../actions/use-actions';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector, useObject } from '../cache/use-cache';
import { LABEL } from '../dialogs/dialog-styles';
import { FormDialog, NameDescriptionFields } from '../dialogs/form-dialog';
import { revertToSnapshot, takeSnapshotOf } from './snapshot-runs';
import { canTake, initialMode, snapshotModes, snapshotNameError, type SnapshotModes } from './snapshot-rules';

const sameModes = (a: SnapshotModes, b: SnapshotModes) => JSON.stringify(a) === JSON.stringify(b);

function ModeChoice({ id, label, mode, state, checked, onChoose }: { id: string; label: string; mode: 'disks' | 'memory'; state: SnapshotModes['disks']; checked: boolean; onChoose: (m: 'disks' | 'memory') => void }) {
  return (
    <label className={`flex items-start gap-2 text-[13px] ${state.ok ? '' : 'text-slate-400'}`}>
      <input type="radio" name="snapshot-mode" className="mt-0.5" checked={checked} disabled={!state.ok} aria-describedby={state.ok ? undefined : `${id}-reason`} onChange={() => onChoose(mode)} />
      <span>
        {label}
        {!state.ok && (
          <span id={`${id}-reason`} className="block text-xs text-slate-600">
            {state.reason}
          </span>
        )}
      </span>
    </label>
  );
}

export function TakeSnapshotDialog({ vmRef, revertTo, onClose }: { vmRef: string; revertTo?: string | undefined; onClose: () => void }) {
  const makeContext = useMakeActionContext();
  const vm = useObject('VM', vmRef);
  const revertSnap = useObject('VM', revertTo ?? '');
  const select = useCallback((c: ObjectCache) => snapshotModes(c, vmRef), [vmRef]);
  const modes = useCacheSelector(select, sameModes);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [mode, setMode] = useState<'disks' | 'memory'>(() => initialMode(modes));
  const [touched, setTouched] = useState(false);
  const nameError = touched ? snapshotNameError(name) : undefined;
  const ready = canTake(name, mode, modes);

  const take = () => {
    if (vm === undefined) return;
    onClose();
    const context = makeContext([vmRef]);
    void takeSnapshotOf(context, vmRef, { name: name.trim(), description, memory: mode === 'memory' }).then(async (snap) => {
      // XenCenter's Revert with "take a snapshot first": revert only when the snapshot succeeded.
      if (snap !== undefined && revertTo !== undefined) await revertToSnapshot(context, revertTo);
    });
  };
  const rubric = (
    <>
      Take a snapshot of {vm?.name_label ?? 'this VM'}: enter a name and an optional description, and choose what to save.
      {revertSnap !== undefined && ` Once it is taken, ${vm?.name_label ?? 'the VM'} is reverted to “${revertSnap.name_label}”.`}
    </>
  );

  return (
    <FormDialog title="Take Snapshot" submitLabel="Take Snapshot" blocked={ready.ok ? undefined : ready.reason} sayBlocked={touched} rubric={{ id: 'take-snapshot-rubric', text: rubric }} onAttempt={() => setTouched(true)} onSubmit={take} onClose={onClose}>
      <NameDescriptionFields id="snapshot" autoFocus name={name} nameError={nameError} description={description} onName={setName} onNameBlur={() => setTouched(true)} onDescription={setDescription} />
      <fieldset className="flex flex-col gap-2">
        <legend className={`${LABEL} mb-1`}>Snapshot mode</legend>
        <ModeChoice id="snapshot-mode-disks" label="Snapshot the virtual machine’s disks" mode="disks" state={modes.disks} checked={mode === 'disks'} onChoose={setMode} />
        <ModeChoice id="snapshot-mode-memory" label="Snapshot the virtual machine’s disks and memory" mode="memory" state={modes.memory} checked={mode === 'memory'} onChoose={setMode} />
        <p className="text-xs text-slate-600">
          {mode === 'memory'
            ? 'The VM’s memory is saved too; reverting to this snapshot brings it back running at this moment.'
            : 'Only the disks are saved; reverting brings the disks back (a VM running now is started again afterwards).'}
        </p>
      </fieldset>
    </FormDialog>
  );
}
