// Disable HA (confirmed): the pool stops heartbeating, the statefile is
// removed, and no VM will be restarted automatically any more.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useLab } from '../lab/lab-context';
import { runTaskCall } from '../actions/run-xenapi';
import { useMakeActionContext } from '../actions/use-actions';
import { BUTTON_DANGER, BUTTON_SECONDARY, FOOTER, OVERLAY } from './dialog-styles';

export function DisableHaDialog({ poolRef, onClose }: { poolRef: string; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const name = lab.cache.get('pool', poolRef)?.name_label ?? '';
  const disable = () => {
    void runTaskCall(makeContext([poolRef]), { method: 'pool.disable_ha', args: [], target: { cls: 'pool', ref: poolRef, kind: 'pool', name }, failure: `Could not disable HA on ${name}` });
  };
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-sm border border-slate-300 bg-white text-sm text-slate-900 shadow-lg">
          <div className="px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">Disable HA</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-slate-700">
              Disable HA on ‘{name}’? The servers stop heartbeating and, if a server fails, its VMs will not be restarted elsewhere. The VMs keep their restart priorities for when HA is enabled again.
            </AlertDialog.Description>
          </div>
          <div className={FOOTER}>
            <AlertDialog.Cancel className={BUTTON_SECONDARY}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action onClick={disable} className={BUTTON_DANGER}>
              Disable HA
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
