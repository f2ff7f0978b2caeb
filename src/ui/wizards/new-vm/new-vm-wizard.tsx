// The New VM wizard (XenCenter's NewVMWizard): eight pages in a dialog, each
// a thin view over the pure rules in this folder. Next leaves a page once its
// fields are valid and fills in the next one from the template and the pool;
// Finish is enabled as soon as every page (filled in with its defaults where
// not yet shown) is valid. Finishing closes the wizard and makes the VM in
// the background: its tasks show in Events, and the new VM is selected.
import { useCallback, useMemo, useState } from 'react';
import type { ObjectCache } from '../../cache/object-cache';
import { useCacheSelector } from '../../cache/use-cache';
import { useLab } from '../../lab/lab-context';
import { useUi } from '../../state/ui-store';
import { WizardFrame } from '../common/wizard-frame';
import { createPlan } from './create-plan';
import { enterStep } from './page-defaults';
import { PageCpuMem } from './pages/page-cpu-mem';
import { PageFinish } from './pages/page-finish';
import { PageHome } from './pages/page-home';
import { PageInstall } from './pages/page-install';
import { PageName } from './pages/page-name';
import type { PageProps } from './pages/page-props';
import { PageNetworking } from './pages/page-networking';
import { PageStorage } from './pages/page-storage';
import { PageTemplate } from './pages/page-template';
import { runNewVm } from './run-new-vm';
import { canStartNow, firstInvalidStep, pageErrors, validate } from './validate';
import { sameFacts, wizardFacts } from './wizard-facts';
import { STEPS, STEP_NAMES, STEP_TITLES, initialState, type Step, type WizardFacts, type WizardState } from './wizard-state';

const WIZARD_STEPS = STEPS.map((id) => ({ id, name: STEP_NAMES[id] }));

const PAGES: Readonly<Record<Step, (p: PageProps) => React.ReactNode>> = {
  template: PageTemplate,
  name: PageName,
  install: PageInstall,
  home: PageHome,
  cpumem: PageCpuMem,
  storage: PageStorage,
  networking: PageNetworking,
  finish: PageFinish,
};

/** Every page filled in (those not yet shown with their defaults), staying on the current one. */
function completed(s: WizardState, facts: WizardFacts): WizardState {
  let out = s;
  for (const step of STEPS) out = enterStep(out, step, facts);
  return { ...out, step: s.step, startAfter: out.startAfter && canStartNow(out, facts) };
}

export function NewVmWizard({ template, host, onClose }: { template?: string | undefined; host?: string | undefined; onClose: () => void }) {
  const lab = useLab();
  const [state, setState] = useState(() => initialState(template, host));
  const selectFacts = useCallback((c: ObjectCache) => wizardFacts(c, state.template), [state.template]);
  const facts = useCacheSelector(selectFacts, sameFacts);
  const issues = useMemo(() => validate(state, facts), [state, facts]);
  const whole = useMemo(() => completed(state, facts), [state, facts]);
  const wholeIssues = useMemo(() => validate(whole, facts), [whole, facts]);

  const index = STEPS.indexOf(state.step);
  const errors = pageErrors(state.step, issues);
  const nextBlocked = errors.length > 0 ? errors[0] : undefined;
  const invalidStep = firstInvalidStep(wholeIssues);
  const finishBlocked = invalidStep === undefined ? undefined : `Finish is available when every page is complete: see ${STEP_NAMES[invalidStep]}.`;

  const update = useCallback((edit: (s: WizardState) => WizardState) => setState(edit), []);
  const go = (step: Step | undefined) => {
    if (step !== undefined) setState((s) => enterStep(s, step, facts));
  };
  const finish = () => {
    if (facts.template === undefined) return;
    const plan = createPlan(whole, facts);
    const t = { ref: facts.template.ref, name: facts.template.name };
    onClose();
    void runNewVm({ api: lab.client, cache: lab.cache, plan, template: t, show: (vm) => useUi.getState().selectObjects([vm]) });
  };

  const Page = PAGES[state.step];
  return (
    <WizardFrame
      title={facts.template === undefined ? 'New VM' : `New VM - ${facts.template.name}`}
      steps={WIZARD_STEPS}
      current={state.step}
      pageTitle={STEP_TITLES[state.step]}
      nextBlocked={nextBlocked}
      finishBlocked={finishBlocked}
      finishLabel={state.step === 'finish' ? 'Create Now' : 'Finish'}
      onBack={() => go(STEPS[index - 1])}
      onNext={() => go(STEPS[index + 1])}
      onFinish={finish}
      onCancel={onClose}
    >
      <Page state={state} facts={facts} issues={issues} update={update} />
    </WizardFrame>
  );
}
