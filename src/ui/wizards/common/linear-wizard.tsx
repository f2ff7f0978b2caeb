// The frame of a wizard whose pages come one after another (New SR, New
// Network, New VM Snapshot Schedule): Back and Next walk the fixed order,
// Next waits for the page to be valid, and Finish is offered only on the last
// page once every earlier page is valid and nothing is running.
import type { ReactNode } from 'react';
import { WizardFrame } from './wizard-frame';

export interface LinearWizardProps<Step extends string> {
  readonly title: string;
  readonly order: readonly Step[];
  /** The name each step has in the list on the left. */
  readonly stepNames: Readonly<Record<Step, string>>;
  /** The title above each page. */
  readonly titles: Readonly<Record<Step, string>>;
  readonly step: Step;
  setStep(step: Step): void;
  /** Why a page may not be left forward (undefined: it is valid). */
  blocked(step: Step): string | undefined;
  /** Set while Finish's calls run: what is being done, e.g. "Creating the SR…". */
  readonly running: string | undefined;
  readonly finishLabel?: string;
  onFinish(): void;
  onCancel(): void;
  readonly children: ReactNode;
}

/** Why Finish is disabled on `step` (undefined: it may be pressed). */
export function linearFinishBlocked<Step extends string>(
  order: readonly Step[],
  step: Step,
  blocked: (s: Step) => string | undefined,
  running: string | undefined,
): string | undefined {
  if (step !== order[order.length - 1]) return 'Go through every page first.';
  return order.slice(0, -1).map(blocked).find((b) => b !== undefined) ?? running;
}

export function LinearWizard<Step extends string>(props: LinearWizardProps<Step>) {
  const { order, step, setStep } = props;
  const index = order.indexOf(step);
  return (
    <WizardFrame
      title={props.title}
      steps={order.map((id) => ({ id, name: props.stepNames[id] }))}
      current={step}
      pageTitle={props.titles[step]}
      nextBlocked={props.blocked(step)}
      finishBlocked={linearFinishBlocked(order, step, props.blocked, props.running)}
      {...(props.finishLabel === undefined ? {} : { finishLabel: props.finishLabel })}
      onBack={() => setStep(order[Math.max(0, index - 1)] ?? step)}
      onNext={() => setStep(order[Math.min(order.length - 1, index + 1)] ?? step)}
      onFinish={props.onFinish}
      onCancel={props.onCancel}
    >
      {props.children}
    </WizardFrame>
  );
}
