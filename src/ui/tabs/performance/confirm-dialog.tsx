// A Yes/No question before something that cannot be undone (XenCenter's
// ThreeButtonDialog with Yes and No): deleting a graph, restoring defaults.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, OVERLAY } from '../../dialogs/dialog-styles';

export function ConfirmDialog({ title, message, onYes, onClose }: { title: string; message: string; onYes: () => void; onClose: () => void }) {
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-sm border border-slate-300 bg-white text-sm text-slate-900 shadow-lg">
          <div className="px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-slate-700">{message}</AlertDialog.Description>
          </div>
          <div className={FOOTER}>
            <AlertDialog.Action onClick={onYes} className={BUTTON_PRIMARY}>
              Yes
            </AlertDialog.Action>
            <AlertDialog.Cancel className={BUTTON_SECONDARY}>No</AlertDialog.Cancel>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
