// The console's yes/no question before an operation that loses something:
// a title, what will happen, Cancel and the operation's own button (an
// alert dialog, so a screen reader announces it and Escape cancels).
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { BUTTON_DANGER, BUTTON_SECONDARY, FOOTER, OVERLAY } from './dialog-styles';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly text: string;
  readonly button: string;
  onConfirm(): void;
  onClose(): void;
}

export function ConfirmDialog({ title, text, button, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-sm border border-slate-300 bg-white text-sm text-slate-900 shadow-lg">
          <div className="px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-slate-700">{text}</AlertDialog.Description>
          </div>
          <div className={FOOTER}>
            <AlertDialog.Cancel className={BUTTON_SECONDARY}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action onClick={onConfirm} className={BUTTON_DANGER}>
              {button}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
