// The installer fills the screen, as the server's console would.
import * as Dialog from '@radix-ui/react-dialog';
import { InstallerScreen } from './installer/installer-screen';

export function InstallerDialog({ machine, onClose }: { machine: string; onClose: () => void }) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Content className="fixed inset-4 z-50 outline-none" onEscapeKeyDown={(e) => e.preventDefault()} aria-describedby={undefined}>
          <Dialog.Title className="sr-only">XenServer installer</Dialog.Title>
          <InstallerScreen machineId={machine} onClose={onClose} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
