// A small form in a dialog (New virtual disk, Attach Disk, a disk's or a
// network's properties, a network interface): the title, the fields, and the
// submit button, which stays focusable but disabled (with the first reason)
// until the form is valid. Enter submits; Escape or Cancel closes.
import * as Dialog from '@radix-ui/react-dialog';
import type { FormEvent, ReactNode } from 'react';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, OVERLAY, PANEL } from './dialog-styles';

export interface FormDialogProps {
  readonly title: string;
  readonly submitLabel: string;
  /** Why the form cannot be submitted yet (undefined: it can). */
  readonly blocked: string | undefined;
  readonly width?: string;
  onSubmit(): void;
  onClose(): void;
  readonly children: ReactNode;
}

export function FormDialog({ title, submitLabel, blocked, width = 'w-[min(32rem,calc(100vw-2rem))]', onSubmit, onClose, children }: FormDialogProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocked === undefined) onSubmit();
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} ${width}`} aria-describedby={undefined}>
          <form onSubmit={submit} noValidate className="flex min-h-0 flex-col">
            <Dialog.Title className="border-b border-slate-200 px-5 py-3 text-base font-semibold">{title}</Dialog.Title>
            <div className="flex flex-col gap-3 overflow-y-auto px-5 py-4 text-[13px]">{children}</div>
            <div className={FOOTER}>
              <span className="mr-auto text-xs text-slate-600" aria-live="polite">
                {blocked ?? ''}
              </span>
              <button type="submit" className={BUTTON_PRIMARY} aria-disabled={blocked !== undefined || undefined} aria-description={blocked}>
                {submitLabel}
              </button>
              <Dialog.Close className={BUTTON_SECONDARY}>Cancel</Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
