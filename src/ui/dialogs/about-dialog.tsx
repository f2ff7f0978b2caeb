// Help ▸ About XenLab: what this console is and what it talks to.
import * as Dialog from '@radix-ui/react-dialog';
import { BUTTON_PRIMARY, FOOTER, OVERLAY, PANEL } from './dialog-styles';

export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[min(28rem,calc(100vw-2rem))]`}>
          <div className="px-5 pt-4 pb-3">
            <Dialog.Title className="text-base font-semibold">About XenLab</Dialog.Title>
            <Dialog.Description className="mt-2 text-slate-700">
              XenLab is a XenCenter-like management console that runs entirely in your browser.
            </Dialog.Description>
            <p className="mt-2 text-slate-700">
              It manages a simulated XenServer pool — servers, VMs, storage, networks and tasks — that runs in a Web Worker and speaks XenAPI: the same
              classes, methods, errors and events as a real pool. The console is a XenAPI client, so what you learn here is how XenServer and XCP-ng
              behave.
            </p>
            <p className="mt-2 text-slate-700">Time in the lab is virtual; your lab is saved in this browser and survives a reload.</p>
          </div>
          <div className={FOOTER}>
            <Dialog.Close className={BUTTON_PRIMARY}>Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
