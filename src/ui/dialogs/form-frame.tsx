// The pieces every form dialog of the console is built from, so that they
// look and behave alike: the panel with its form (Enter submits, Escape or
// Cancel closes), a title with an optional line under it, the server's
// refusal above the footer, and the footer itself (a status on the left, the
// submit button, which stays focusable but aria-disabled with its reason, and
// Cancel). FormDialog puts them together for the simple forms; dialogs with
// pages or lists of their own (Properties, Graph Details) use them directly.
import * as Dialog from '@radix-ui/react-dialog';
import type { FormEvent, ReactNode } from 'react';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, OVERLAY, PANEL } from './dialog-styles';

export interface FormFrameProps {
  /** A Tailwind width class for the panel. */
  readonly width: string;
  /** The id of what describes the dialog (undefined: nothing does). */
  readonly describedBy: string | undefined;
  onSubmit(e: FormEvent): void;
  onClose(): void;
  readonly children: ReactNode;
}

export function FormFrame({ width, describedBy, onSubmit, onClose, children }: FormFrameProps) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} ${width}`} aria-describedby={describedBy}>
          <form onSubmit={onSubmit} noValidate className="flex min-h-0 flex-col">
            {children}
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The title, with a smaller line under it when there is one (its id describes the dialog). */
export function FormHeader({ title, subtitle }: { title: string; subtitle?: { readonly id?: string; readonly text: ReactNode } | undefined }) {
  if (subtitle === undefined) return <Dialog.Title className="border-b border-slate-200 px-5 py-3 text-base font-semibold">{title}</Dialog.Title>;
  return (
    <div className="border-b border-slate-200 px-5 pt-4 pb-3">
      <Dialog.Title className="truncate text-base font-semibold">{title}</Dialog.Title>
      <p id={subtitle.id} className="text-xs text-slate-600">
        {subtitle.text}
      </p>
    </div>
  );
}

/** Why the server refused, between the form and its footer (the dialog stays open with the user's edits). */
export function FormFailure({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="mx-5 mb-3 rounded-sm border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-900">
      {children}
    </div>
  );
}

export interface FormFooterProps {
  readonly submitLabel: string;
  /** Whether the submit button is off (it stays focusable; submitting does nothing). */
  readonly disabled: boolean;
  /** Why it is off, for a screen reader. */
  readonly reason?: string | undefined;
  /** Said on the left (a reason, "Saving…"); announced as it changes. */
  readonly status?: ReactNode;
}

export function FormFooter({ submitLabel, disabled, reason, status }: FormFooterProps) {
  return (
    <div className={FOOTER}>
      <span className="mr-auto text-xs text-slate-600" aria-live="polite">
        {status}
      </span>
      <button type="submit" className={BUTTON_PRIMARY} aria-disabled={disabled || undefined} aria-description={reason}>
        {submitLabel}
      </button>
      <Dialog.Close className={BUTTON_SECONDARY}>Cancel</Dialog.Close>
    </div>
  );
}
