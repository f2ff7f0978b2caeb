// A XenCenter-style wizard in a dialog: the steps listed on the left (the
// current one marked, later ones dimmed), the page's title above its content,
// and Back / Next / Finish / Cancel below. Next and Finish are disabled (with
// the reason, for a screen reader and as a tooltip) until the pages are valid.
// Generic: any wizard passes its steps and renders its page as children.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, OVERLAY, PANEL } from '../../dialogs/dialog-styles';

export interface WizardStepInfo {
  readonly id: string;
  readonly name: string;
}

export interface WizardFrameProps {
  readonly title: string;
  readonly steps: readonly WizardStepInfo[];
  readonly current: string;
  readonly pageTitle: string;
  /** Why Next is disabled (undefined: it is enabled). */
  readonly nextBlocked: string | undefined;
  /** Why Finish is disabled (undefined: it is enabled). */
  readonly finishBlocked: string | undefined;
  readonly finishLabel?: string;
  onBack(): void;
  onNext(): void;
  onFinish(): void;
  onCancel(): void;
  readonly children: ReactNode;
}

export function WizardFrame(props: WizardFrameProps) {
  const { steps, current } = props;
  const index = steps.findIndex((s) => s.id === current);
  const last = index === steps.length - 1;
  const pageId = `wizard-page-${current}`;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content
          className={`${PANEL} h-[min(40rem,calc(100vh-2rem))] w-[min(56rem,calc(100vw-2rem))]`}
          aria-describedby={undefined}
          onInteractOutside={(e) => e.preventDefault()}
        >
          <Dialog.Title className="border-b border-slate-200 px-5 py-2.5 text-base font-semibold">{props.title}</Dialog.Title>
          <div className="flex min-h-0 flex-1">
            <nav aria-label="Wizard steps" className="w-44 shrink-0 border-r border-slate-200 bg-slate-50 py-3">
              <ol>
                {steps.map((s, i) => (
                  <li
                    key={s.id}
                    aria-current={s.id === current ? 'step' : undefined}
                    className={`px-4 py-1 text-[13px] ${s.id === current ? 'border-l-4 border-blue-700 bg-white pl-3 font-semibold text-slate-900' : i < index ? 'text-slate-800' : 'text-slate-500'}`}
                  >
                    {s.name}
                  </li>
                ))}
              </ol>
            </nav>
            <section aria-labelledby={`${pageId}-title`} className="flex min-w-0 flex-1 flex-col">
              <h2 id={`${pageId}-title`} className="px-5 pt-4 pb-2 text-[15px] font-semibold text-slate-900">
                {props.pageTitle}
              </h2>
              <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-4">{props.children}</div>
            </section>
          </div>
          <div className="flex items-center gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">
            <span className="mr-auto text-xs text-slate-600" aria-live="polite">
              {props.nextBlocked !== undefined && !last ? props.nextBlocked : ''}
            </span>
            <button type="button" className={BUTTON_SECONDARY} disabled={index <= 0} onClick={props.onBack}>
              &lt; Back
            </button>
            {!last && (
              <button
                type="button"
                className={BUTTON_PRIMARY}
                aria-disabled={props.nextBlocked !== undefined || undefined}
                aria-description={props.nextBlocked}
                title={props.nextBlocked}
                onClick={() => props.nextBlocked === undefined && props.onNext()}
              >
                Next &gt;
              </button>
            )}
            <button
              type="button"
              className={last ? BUTTON_PRIMARY : BUTTON_SECONDARY}
              aria-disabled={props.finishBlocked !== undefined || undefined}
              aria-description={props.finishBlocked}
              title={props.finishBlocked}
              onClick={() => props.finishBlocked === undefined && props.onFinish()}
            >
              {props.finishLabel ?? 'Finish'}
            </button>
            <Dialog.Close className={BUTTON_SECONDARY}>Cancel</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
