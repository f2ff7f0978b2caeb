// Revert To… (XenCenter's RevertToSnapshotCommand): a warning that the VM's
// current state will be lost, with "Take a snapshot of the current state
// before reverting" (ticked, when the VM can be snapshotted). Yes with the
// box ticked opens Take Snapshot, which reverts once the snapshot is taken;
// without it, the revert runs at once (then the VM is started or resumed if
// it was running when the snapshot was taken).
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useState } from 'react';
import { useMakeActionContext } from '../actions/use-actions';
import { useObject } from '../cache/use-cache';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, OVERLAY, PANEL } from '../dialogs/dialog-styles';
import { formatDateTime } from '../format/datetime';
import { useUi } from '../state/ui-store';
import { revertToSnapshot } from './snapshot-runs';

export function RevertSnapshotDialog({ snapRef, onClose }: { snapRef: string; onClose: () => void }) {
  const makeContext = useMakeActionContext();
  const snap = useObject('VM', snapRef);
  const vm = useObject('VM', snap?.snapshot_of ?? '');
  const canSnapshot = (vm?.allowed_operations as readonly string[] | undefined)?.includes('snapshot') === true;
  const [first, setFirst] = useState(canSnapshot);
  const running = snap?.snapshot_info['power-state-at-snapshot'] === 'Running';
  const memory = snap?.power_state === 'Suspended';

  const confirm = () => {
    if (snap === undefined || vm === undefined) return;
    if (first && canSnapshot) {
      // Replaces this dialog (closing it first would close the next one too).
      useUi.getState().openDialog({ kind: 'snapshot', op: 'take', refs: [snap.snapshot_of], revertTo: snapRef });
      return;
    }
    onClose();
    void revertToSnapshot(makeContext([snap.snapshot_of]), snapRef);
  };

  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className={`${PANEL} w-[min(30rem,calc(100vw-2rem))]`}>
          <div className="px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">Revert to Snapshot</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-slate-700">
              {snap === undefined || vm === undefined
                ? 'The snapshot or its VM no longer exists.'
                : `Are you sure you want to revert ${vm.name_label} to the snapshot “${snap.name_label}” (${formatDateTime(snap.snapshot_time)})? The VM’s current state will be lost.`}
            </AlertDialog.Description>
            {snap !== undefined && vm !== undefined && (
              <p className="mt-2 text-[13px] text-slate-600">
                {memory
                  ? `This snapshot holds the VM’s memory: ${vm.name_label} comes back running as it was at that moment.`
                  : running
                    ? `${vm.name_label} was running when this snapshot was taken: its disks come back and it is started again.`
                    : `${vm.name_label} was shut down when this snapshot was taken: it stays shut down after the revert.`}
              </p>
            )}
            {canSnapshot && (
              <label className="mt-3 flex items-center gap-2 text-[13px]">
                <input type="checkbox" checked={first} onChange={(e) => setFirst(e.target.checked)} />
                Take a snapshot of the current state before reverting
              </label>
            )}
          </div>
          <div className={FOOTER}>
            <button type="button" className={BUTTON_PRIMARY} onClick={confirm} disabled={snap === undefined || vm === undefined}>
              Yes
            </button>
            <AlertDialog.Cancel className={BUTTON_SECONDARY}>No</AlertDialog.Cancel>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
