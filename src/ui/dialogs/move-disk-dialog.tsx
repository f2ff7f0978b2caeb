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
import { formatBytes } from '../format/bytes';
import { useLab } from '../lab/lab-context';
import { FieldMessages, describedBy } from '../wizards/common/field-messages';
import { LABEL } from './dialog-styles';
import { srLabel } from '../format/sr-label';
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
      <fieldset>
        <legend className={LABEL}>Destination</legend>
        <div role="radiogroup" aria-label="Storage repository" aria-describedby={describedBy('move-sr', { error: srError }, false)} className="mt-1 max-h-56 overflow-y-auto rounded-sm border border-slate-300">
          {targets.map((t) => (
            <label key={t.sr.ref} className={`flex items-start gap-2 border-b border-slate-100 px-2 py-1 last:border-b-0 ${t.reason === undefined ? '' : 'text-slate-400'}`}>
              <input type="radio" name="move-sr" className="mt-0.5" checked={sr === t.sr.ref} disabled={t.reason !== undefined} onChange={() => setSr(t.sr.ref)} />
              <span>
                {srLabel(lab.cache, t.sr.ref)}
                <span className="block text-xs">
                  {formatBytes(t.sr.free)} free of {formatBytes(t.sr.size)}
                  {t.sr.thin ? ' (thin provisioned)' : ''}
                  {t.reason === undefined ? '' : ` — ${t.reason}`}
                </span>
              </span>
            </label>
          ))}
        </div>
        <FieldMessages id="move-sr" issue={{ error: chosen === undefined ? undefined : srError }} />
      </fieldset>
    </FormDialog>
  );
}
