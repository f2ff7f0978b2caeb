// Move Virtual Disk (XenCenter's MoveVirtualDiskDialog): the SRs the disk may
// go to, each with its free space or why it cannot take the disk; Move runs
// VDI.pool_migrate for a running VM's disk, else VDI.copy, the VM's drives
// re-made on the copy, and VDI.destroy of the original (move-disk-plan.ts).
import { useCallback, useState } from 'react';
import type { ActionContext } from '../actions/action-types';
import { runTaskCall, runTaskCallFor } from '../actions/run-xenapi';
import { useMakeActionContext } from '../actions/use-actions';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { SrChoiceField } from './sr-choice-field';
import { FormDialog } from './form-dialog';
import { diskVm, moveDiskCheck, moveMode, moveTargets, replacementVbd } from './move-disk-plan';

const sameJson = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/** VDI.copy to `sr`, the drives re-made on the copy at their positions, the original destroyed. */
async function moveByCopy(context: ActionContext, vdiRef: string, sr: string, target: Parameters<typeof runTaskCall>[1]['target']): Promise<void> {
  const failure = `Could not move ${target.name}`;
  const copy = await runTaskCallFor<string>(context, { method: 'VDI.copy', args: [vdiRef, sr], target, failure });
  if (!copy.ok) return;
  // The drives as they are now (refs and records), before any is destroyed.
  const drives = (context.cache.get('VDI', vdiRef)?.VBDs ?? []).flatMap((ref) => {
    const record = context.cache.get('VBD', ref);
    return record === undefined ? [] : [{ ref, record }];
  });
  for (const old of drives) {
    if (!(await runTaskCall(context, { method: 'VBD.destroy', args: [old.ref], target, failure }))) return;
    if (!(await runTaskCall(context, { method: 'VBD.create', args: [replacementVbd(old.record, copy.result)], target, failure }))) return;
  }
  await runTaskCall(context, { method: 'VDI.destroy', args: [vdiRef], target, failure });
}

export function MoveDiskDialog({ vdiRef, onClose }: { vdiRef: string; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const select = useCallback((c: ObjectCache) => moveTargets(c, vdiRef), [vdiRef]);
  const targets = useCacheSelector(select, sameJson);
  const [sr, setSr] = useState(() => targets.find((t) => t.reason === undefined)?.sr.ref ?? '');
  const vdi = lab.cache.get('VDI', vdiRef);
  const name = vdi?.name_label ?? 'the disk';
  const mode = moveMode(lab.cache, vdiRef);
  const vmName = lab.cache.get('VM', diskVm(lab.cache, vdiRef) ?? '')?.name_label;

  const check = moveDiskCheck(lab.cache, vdiRef);
  const chosen = targets.find((t) => t.sr.ref === sr);
  const srError = chosen === undefined ? 'Choose the SR to move the disk to.' : chosen.reason;
  const blocked = (check.ok ? undefined : check.reason) ?? srError;

  const move = async () => {
    const context = makeContext([vdiRef]);
    const target = { cls: 'VDI' as const, ref: vdiRef, kind: 'other' as const, name };
    if (mode === 'live') await runTaskCall(context, { method: 'VDI.pool_migrate', args: [vdiRef, sr, {}], target, failure: `Could not move ${name}` });
    else await moveByCopy(context, vdiRef, sr, target);
  };

  return (
    <FormDialog
      title="Move Virtual Disk"
      submitLabel="Move"
      blocked={blocked}
      rubric={{
        id: 'move-disk-rubric',
        text:
          mode === 'live'
            ? `Move ‘${name}’ to another SR while ${vmName ?? 'its VM'} keeps running (Storage XenMotion).`
            : `Move ‘${name}’ to another SR: it is copied there${vmName === undefined ? '' : `, ${vmName}'s drive is moved to the copy`}, and the original is deleted.`,
      }}
      onClose={onClose}
      onSubmit={() => {
        onClose();
        void move();
      }}
    >
      <SrChoiceField id="move-sr" legend="Destination" targets={targets} cache={lab.cache} value={sr} onChange={setSr} error={srError} maxHeight="max-h-56" />
    </FormDialog>
  );
}
