// The console's question before an operation that loses something: a title,
// what will happen, and two buttons (an alert dialog, so a screen reader
// announces it and Escape cancels). Two wordings, as XenCenter has them:
// Cancel and the operation's own (danger) button, or its ThreeButtonDialog's
// Yes and No (deleting a graph, restoring the default graphs).
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { BUTTON_DANGER, BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, OVERLAY } from './dialog-styles';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly text: string;
  /** The operation's button ('Yes' with yesNo). */
  readonly button: string;
  /** XenCenter's Yes/No question: Yes first and not in danger colours, No to cancel. */
  readonly yesNo?: boolean;
  onConfirm(): void;
  onClose(): void;
}

export function ConfirmDialog({ title, text, button, yesNo = false, onConfirm, onClose }: ConfirmDialogProps) {
  const cancel = <AlertDialog.Cancel className={BUTTON_SECONDARY}>{yesNo ? 'No' : 'Cancel'}</AlertDialog.Cancel>;
  const action = (
    <AlertDialog.Action onClick={onConfirm} className={yesNo ? BUTTON_PRIMARY : BUTTON_DANGER}>
      {button}
    </AlertDialog.Action>
  );
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content
          className={`fixed top-1/2 left-1/2 z-50 ${yesNo ? 'w-[min(28rem,calc(100vw-2rem))]' : 'w-[min(30rem,calc(100vw-2rem))]'} -translate-x-1/2 -translate-y-1/2 rounded-sm border border-slate-300 bg-white text-sm text-slate-900 shadow-lg`}
        >
          <div className="px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-slate-700">{text}</AlertDialog.Description>
          </div>
          <div className={FOOTER}>
            {yesNo ? action : cancel}
            {yesNo ? cancel : action}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
