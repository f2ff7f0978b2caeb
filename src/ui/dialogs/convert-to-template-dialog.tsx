// Convert to Template (XenCenter's ConvertVMToTemplateCommand): confirmed,
// since it cannot be undone, then VM.set_is_a_template(vm, true) — a field
// setter, so a plain call, its refusal toasted in plain words.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { reportFailure } from '../actions/report';
import { useObject } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { showToast } from '../notifications/toast-store';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, OVERLAY, PANEL } from './dialog-styles';

export function ConvertToTemplateDialog({ vmRef, onClose }: { vmRef: string; onClose: () => void }) {
  const lab = useLab();
  const vm = useObject('VM', vmRef);
  const name = vm?.name_label ?? 'this VM';
  const convert = () => {
    lab.client.call('VM.set_is_a_template', vmRef, true).then(
      () => showToast({ kind: 'success', title: `${name} is now a template`, detail: 'Find it under the pool with View ▸ Custom Templates, or start a New VM from it.' }),
      (e: unknown) => reportFailure(`Could not convert ${name} to a template`, e, lab.cache),
    );
  };
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={OVERLAY} />
        <AlertDialog.Content className={`${PANEL} w-[min(28rem,calc(100vw-2rem))]`}>
          <div className="px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">Convert VM to Template</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-slate-700">
              Are you sure you want to convert VM “{name}” to a template? This cannot be undone.
            </AlertDialog.Description>
          </div>
          <div className={FOOTER}>
            <AlertDialog.Action className={BUTTON_PRIMARY} onClick={convert} disabled={vm === undefined}>
              Convert
            </AlertDialog.Action>
            <AlertDialog.Cancel className={BUTTON_SECONDARY}>Cancel</AlertDialog.Cancel>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
