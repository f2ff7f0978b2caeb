// Delete VM (confirmed): names the objects, and — when the server has
// VDI.destroy (asked once with system.listMethods) — offers to delete their
// virtual disks too, as XenCenter does. Confirming closes the dialog and
// runs VM.destroy for each (then VDI.destroy for the disks chosen); the tasks
// show in the Events view and failures are toasted.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ActionContext } from '../actions/action-types';
import { apiKeys } from '../actions/query-keys';
import { runTaskCall } from '../actions/run-xenapi';
import { selectedTargets, type Target } from '../actions/targets';
import { useMakeActionContext } from '../actions/use-actions';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { formatBytes } from '../format/bytes';
import { useLab } from '../lab/lab-context';
import { deleteTitle, diskChoices, initiallyChosen, type DiskChoice } from './delete-plan';
import { BUTTON_DANGER, BUTTON_SECONDARY, FOOTER, OVERLAY, PANEL } from './dialog-styles';

type Deletable = Target & { readonly kind: 'vm' | 'template' };

function sameList<T extends { readonly ref?: string; readonly vdi?: string; readonly name: string }>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x.ref === b[i]?.ref && x.vdi === b[i]?.vdi && x.name === b[i]?.name);
}

function useServerHas(method: string): boolean | undefined {
  const lab = useLab();
  const methods = useQuery({ queryKey: apiKeys.methods(), queryFn: () => lab.client.request<string[]>('system.listMethods', []), staleTime: Infinity });
  return methods.data === undefined ? (methods.isError ? false : undefined) : methods.data.includes(method);
}

async function destroyWithDisks(context: ActionContext, vm: Target, disks: readonly DiskChoice[]): Promise<void> {
  const ok = await runTaskCall(context, { method: 'VM.destroy', args: [vm.ref], target: vm, failure: `Could not delete ${vm.name}` });
  if (!ok) return;
  for (const d of disks) {
    const target: Target = { cls: 'VDI', ref: d.vdi, kind: 'vdi', name: d.name };
    await runTaskCall(context, { method: 'VDI.destroy', args: [d.vdi], target, failure: `Could not delete the disk ${d.name} of ${vm.name}` });
  }
}

export function DeleteDialog({ refs, onClose }: { refs: readonly string[]; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const selectTargets = useCallback((c: ObjectCache) => selectedTargets(refs, c).filter((t): t is Deletable => t.kind === 'vm' || t.kind === 'template'), [refs]);
  const targets = useCacheSelector(selectTargets, sameList);
  const selectDisks = useCallback((c: ObjectCache) => diskChoices(refs, c), [refs]);
  const disks = useCacheSelector(selectDisks, sameList);
  const [chosen, setChosen] = useState(() => initiallyChosen(diskChoices(refs, lab.cache)));
  const canDeleteDisks = useServerHas('Async.VDI.destroy');

  const confirm = () => {
    const context = makeContext(targets.map((t) => t.ref));
    for (const vm of targets) {
      const own = canDeleteDisks === true ? disks.filter((d) => d.vm === vm.ref && chosen.has(d.vdi)) : [];
      void destroyWithDisks(context, vm, own);
    }
  };
  const toggle = (vdi: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(vdi);
      else next.delete(vdi);
      return next;
    });

  const only = targets.length === 1 ? targets[0] : undefined;
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className={`${PANEL} w-[min(30rem,calc(100vw-2rem))]`}>
          <div className="min-h-0 overflow-y-auto px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">{deleteTitle(targets.map((t) => t.kind))}</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-slate-700">
              {targets.length === 0
                ? 'The selected objects no longer exist.'
                : only !== undefined
                  ? `Are you sure you want to delete “${only.name}”? This cannot be undone.`
                  : `Are you sure you want to delete these ${String(targets.length)} items? This cannot be undone.`}
            </AlertDialog.Description>
            {targets.length > 1 && (
              <ul aria-label="Objects to delete" className="mt-2 max-h-32 list-disc overflow-y-auto pl-6 text-slate-800">
                {targets.map((t) => (
                  <li key={t.ref}>{t.name}</li>
                ))}
              </ul>
            )}
            {canDeleteDisks === true && disks.length > 0 && (
              <fieldset className="mt-3 rounded-sm border border-slate-200 px-3 pt-1 pb-2">
                <legend className="px-1 text-[13px] font-medium">Also delete these virtual disks</legend>
                <ul className="flex flex-col gap-1">
                  {disks.map((d) => (
                    <li key={d.vdi}>
                      <label className="flex items-start gap-2 text-[13px]">
                        <input type="checkbox" className="mt-0.5" checked={chosen.has(d.vdi)} onChange={(e) => toggle(d.vdi, e.target.checked)} />
                        <span>
                          {d.name} <span className="text-slate-600">({formatBytes(d.size)} on {d.srName})</span>
                          {d.sharedWith.length > 0 && <span className="block text-xs text-amber-800">Also used by {d.sharedWith.join(', ')}</span>}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
          </div>
          <div className={FOOTER}>
            <AlertDialog.Cancel className={BUTTON_SECONDARY}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={BUTTON_DANGER} onClick={confirm} disabled={targets.length === 0}>
              Delete
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
