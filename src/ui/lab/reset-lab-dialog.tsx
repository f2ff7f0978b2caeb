// "Reset lab": throw the current world away and start the default pool afresh
// (confirmed first: it cannot be undone). The dialog host renders this when
// useUi().dialog is { kind: 'reset-lab' }; closing (Cancel, Escape, or the
// confirmed action) calls onClose.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useUi } from '../state/ui-store';
import { useLab } from './lab-context';

const BUTTON = 'rounded-sm border px-3 py-1 text-[13px] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600';

export function ResetLabDialog({ onClose }: { onClose: () => void }) {
  const lab = useLab();
  const reset = () => {
    lab.send('reset');
    // The objects of the old world are gone: start again at the top of the tree.
    const { place, arriveAt } = useUi.getState();
    arriveAt({ ...place, view: place.view === 'notifications' ? 'infrastructure' : place.view, selection: [], tab: undefined });
  };
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/30" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-sm border border-slate-300 bg-white text-sm text-slate-900 shadow-lg">
          <div className="px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">Reset lab</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-slate-700">
              Reset the lab to a fresh default pool? Everything in the current lab — its VMs, settings, tasks and virtual clock — is discarded. This cannot be undone.
            </AlertDialog.Description>
          </div>
          <div className="flex justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">
            <AlertDialog.Cancel className={`${BUTTON} border-slate-400 bg-white hover:bg-slate-100`}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action onClick={reset} className={`${BUTTON} border-red-800 bg-red-700 text-white hover:bg-red-800`}>
              Reset lab
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
