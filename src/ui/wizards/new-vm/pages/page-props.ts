// What every page of the New VM wizard gets: the state, the pool's facts, the
// field issues, and one way to change the state (a pure edit).
import type { Issues } from '../validate';
import type { WizardFacts, WizardState } from '../wizard-state';

export interface PageProps {
  readonly state: WizardState;
  readonly facts: WizardFacts;
  readonly issues: Issues;
  update(edit: (s: WizardState) => WizardState): void;
}

export const RUBRIC = 'mb-3 text-[13px] text-slate-700';
export const LEGEND = 'text-[13px] font-medium text-slate-800';
