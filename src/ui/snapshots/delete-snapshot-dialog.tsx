// Delete (XenCenter's DeleteSnapshotCommand, confirmed): "Are you sure you
// want to delete the snapshot …? This cannot be undone." Each snapshot goes
// with its disks and memory image; the space comes back as the storage
// merges the base copies left behind (Coalescing, in Events).
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useCallback } from 'react';
import { useMakeActionContext } from '../actions/use-actions';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { BUTTON_DANGER, BUTTON_SECONDARY, FOOTER, OVERLAY, PANEL } from '../dialogs/dialog-styles';
import { formatBytes } from '../format/bytes';
import { totalSnapshotSize } from '../tabs/snapshots/snapshot-size';
import { deleteSnapshotWithDisks } from './snapshot-runs';

interface Chosen {
  readonly refs: readonly string[];
  readonly names: readonly string[];
  readonly size: number;
}

const sameChosen = (a: Chosen, b: Chosen) => a.size === b.size && a.refs.join() === b.refs.join() && a.names.join('\n') === b.names.join('\n');

export function DeleteSnapshotDialog({ refs, onClose }: { refs: readonly string[]; onClose: () => void }) {
  const makeContext = useMakeActionContext();
  const select = useCallback((c: ObjectCache): Chosen => {
    const live = refs.filter((r) => c.get('VM', r)?.is_a_snapshot === true);
    return { refs: live, names: live.map((r) => c.get('VM', r)?.name_label ?? r), size: totalSnapshotSize(c, live) };
  }, [refs]);
  const chosen = useCacheSelector(select, sameChosen);
  const one = chosen.names.length === 1 ? chosen.names[0] : undefined;

  const confirm = () => {
    const context = makeContext(chosen.refs);
    // One after another, as XenCenter's RunMultipleActions does for a selection.
    void (async () => {
      for (const ref of chosen.refs) await deleteSnapshotWithDisks(context, ref);
    })();
  };

  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className={`${PANEL} w-[min(30rem,calc(100vw-2rem))]`}>
          <div className="min-h-0 overflow-y-auto px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">{one !== undefined ? 'Delete Snapshot' : 'Delete Snapshots'}</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-slate-700">
              {chosen.refs.length === 0
                ? 'The selected snapshots no longer exist.'
                : one !== undefined
                  ? `Are you sure you want to delete the snapshot “${one}”? This cannot be undone.`
                  : `Are you sure you want to delete these ${String(chosen.refs.length)} snapshots? This cannot be undone.`}
            </AlertDialog.Description>
            {chosen.names.length > 1 && (
              <ul aria-label="Snapshots to delete" className="mt-2 max-h-32 list-disc overflow-y-auto pl-6 text-slate-800">
                {chosen.names.map((n, i) => (
                  <li key={chosen.refs[i]}>{n}</li>
                ))}
              </ul>
            )}
            {chosen.refs.length > 0 && (
              <p className="mt-2 text-[13px] text-slate-600">
                Their disks and memory images are deleted with them ({formatBytes(chosen.size)} on storage, base copies included). The storage merges what the VM still needs back into its disks in the background.
              </p>
            )}
          </div>
          <div className={FOOTER}>
            <AlertDialog.Cancel className={BUTTON_SECONDARY}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={BUTTON_DANGER} onClick={confirm} disabled={chosen.refs.length === 0}>
              Delete
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
