// The Configure HA wizard (XenCenter's HAWizard): Prerequisites → Heartbeat
// SR → HA Plan → Finish. On a pool with HA already on, it edits the plan
// (no heartbeat SR page). The plan page asks the pool, as the user changes
// priorities, how many server failures that plan would tolerate
// (pool.ha_compute_hypothetical_max_host_failures_to_tolerate), and offers
// at most that many. Finish makes the calls in ha-wizard-model.finishCalls.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { describeError } from '../../../xapi/error-descriptions';
import { isXenApiError } from '../../../xapi/errors';
import { poolMembers } from '../../connections/pool-members';
import { INPUT_BOX, LABEL } from '../../dialogs/dialog-styles';
import { useLab } from '../../lab/lab-context';
import { VmPriorityTable } from '../../tabs/ha/vm-priority-table';
import { WizardFrame, type WizardStepInfo } from '../common/wizard-frame';
import { finishCalls, heartbeatChoices, policyErrors, prerequisites, priorityMap, vmPolicies, type VmPolicy } from './ha-wizard-model';

type StepId = 'prerequisites' | 'heartbeat' | 'plan' | 'finish';

const STEP_NAMES: Readonly<Record<StepId, string>> = { prerequisites: 'Prerequisites', heartbeat: 'Heartbeat SR', plan: 'HA Plan', finish: 'Finish' };
const PAGE_TITLES: Readonly<Record<StepId, string>> = {
  prerequisites: 'Check that the pool can use HA',
  heartbeat: 'Choose a heartbeat storage repository',
  plan: 'Choose which VMs HA restarts, and in what order',
  finish: 'Review and finish',
};

export function ConfigureHaWizard({ poolRef, onClose }: { poolRef: string; onClose: () => void }) {
  const lab = useLab();
  // The wizard's facts are read once, when it opens (as XenCenter's wizard pages do).
  const { cache } = lab;
  const pool = cache.get('pool', poolRef);
  const haEnabled = pool?.ha_enabled === true;
  const steps: StepId[] = haEnabled ? ['prerequisites', 'plan', 'finish'] : ['prerequisites', 'heartbeat', 'plan', 'finish'];
  const [step, setStep] = useState<StepId>('prerequisites');
  // The pool's own servers: the console may know other pools and standalone servers.
  const members = useMemo(() => poolMembers(poolRef, cache), [poolRef, cache]);
  const checks = useMemo(() => prerequisites(cache, members), [cache, members]);
  const srChoices = useMemo(() => heartbeatChoices(cache, members), [cache, members]);
  const initialPolicies = useMemo(() => vmPolicies(cache, members), [cache, members]);
  const [sr, setSr] = useState<string | undefined>(() => srChoices.find((c) => c.unsuitable === undefined)?.ref);
  const [policies, setPolicies] = useState<VmPolicy[]>(initialPolicies);
  const [ntolText, setNtolText] = useState(String(Math.max(pool?.ha_host_failures_to_tolerate ?? 1, haEnabled ? 0 : 1)));
  const [running, setRunning] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const errors = policyErrors(policies);
  const map = priorityMap(policies);
  const maxQuery = useQuery({
    queryKey: ['ha', 'hypothetical-max', poolRef, JSON.stringify(map)],
    queryFn: () => lab.client.call<number>('pool.ha_compute_hypothetical_max_host_failures_to_tolerate', map),
    enabled: errors.size === 0,
  });
  const max = maxQuery.data;
  const ntol = Number(ntolText);
  const ntolError = !/^\d+$/.test(ntolText) ? 'Enter a whole number of server failures.' : max !== undefined && ntol > max ? `This plan tolerates at most ${String(max)} failure(s).` : undefined;

  const blocked = (id: StepId): string | undefined => {
    if (id === 'prerequisites') return checks.every((c) => c.ok) ? undefined : 'The pool does not meet the prerequisites.';
    if (id === 'heartbeat') return sr === undefined ? 'Choose a heartbeat SR.' : undefined;
    if (id === 'plan') return errors.size > 0 ? [...errors.values()][0] : ntolError ?? (max === undefined ? 'Computing the failure capacity…' : undefined);
    return running !== undefined ? running : undefined;
  };
  const index = steps.indexOf(step);
  const firstBlocked = steps.slice(0, steps.length - 1).map(blocked).find((b) => b !== undefined);

  const setPolicy = (ref: string, patch: Partial<VmPolicy>) => setPolicies((list) => list.map((p) => (p.ref === ref ? { ...p, ...patch } : p)));

  const finish = async () => {
    setFailure(undefined);
    const calls = finishCalls({ pool: poolRef, haEnabled, sr, ntol, before: initialPolicies, after: policies });
    try {
      for (const c of calls) {
        setRunning(c.method === 'pool.enable_ha' ? 'Enabling HA: writing the statefile and starting the heartbeats…' : 'Saving the HA plan…');
        if (c.async === true) await lab.client.callAsync(c.method, ...c.args);
        else await lab.client.call(c.method, ...c.args);
      }
      onClose();
    } catch (e) {
      setFailure(isXenApiError(e) ? `${describeError(e.code) ?? 'The pool refused the change.'} (${e.code})` : String(e));
    } finally {
      setRunning(undefined);
    }
  };

  const stepInfo: WizardStepInfo[] = steps.map((id) => ({ id, name: STEP_NAMES[id] }));
  return (
    <WizardFrame
      title={`Configure HA on '${pool?.name_label ?? ''}'`}
      steps={stepInfo}
      current={step}
      pageTitle={PAGE_TITLES[step]}
      nextBlocked={blocked(step)}
      finishBlocked={step !== 'finish' ? 'Go through every page first.' : firstBlocked ?? blocked('finish')}
      onBack={() => setStep(steps[Math.max(0, index - 1)] ?? step)}
      onNext={() => setStep(steps[Math.min(steps.length - 1, index + 1)] ?? step)}
      onFinish={() => void finish()}
      onCancel={onClose}
    >
      {step === 'prerequisites' && (
        <ul className="space-y-2 text-[13px]" aria-label="Prerequisites">
          {checks.map((c) => (
            <li key={c.label} className="flex gap-2">
              <span aria-hidden="true" className={c.ok ? 'text-green-700' : 'text-red-700'}>{c.ok ? '✔' : '✖'}</span>
              <span>
                <span className="font-medium">{c.label}</span>
                <span className="sr-only">{c.ok ? ': met' : ': not met'}</span>
                <span className="block text-slate-600">{c.detail}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {step === 'heartbeat' && (
        <fieldset className="text-[13px]">
          <legend className="mb-2 text-slate-700">HA writes a small statefile on this SR; every server heartbeats into it. It must be shared by every server.</legend>
          {srChoices.length === 0 ? <p>No shared storage repository in the pool.</p> : null}
          {srChoices.map((c) => (
            <label key={c.ref} className={`flex items-center gap-2 py-1 ${c.unsuitable !== undefined ? 'text-slate-500' : ''}`}>
              <input type="radio" name="heartbeat-sr" value={c.ref} checked={sr === c.ref} disabled={c.unsuitable !== undefined} onChange={() => setSr(c.ref)} />
              <span>{c.name}</span>
              <span className="text-slate-500">({c.type})</span>
              {c.unsuitable !== undefined ? <span className="text-xs">— {c.unsuitable}</span> : null}
            </label>
          ))}
        </fieldset>
      )}
      {step === 'plan' && (
        <div className="text-[13px]">
          <VmPriorityTable rows={policies} editing={{ onChange: setPolicy, errors }} />
          {errors.size > 0 ? (
            <p role="alert" className="mt-2 text-xs text-red-700">
              {[...errors.values()][0]}
            </p>
          ) : null}
          <div className="mt-3 flex items-start gap-3">
            <label htmlFor="ha-ntol" className={LABEL}>
              Failures to tolerate
            </label>
            <div>
              <input id="ha-ntol" className={`${INPUT_BOX} w-20`} inputMode="numeric" value={ntolText} aria-invalid={ntolError !== undefined || undefined} aria-describedby={ntolError !== undefined ? "ha-ntol-hint ha-ntol-error" : "ha-ntol-hint"} onChange={(e) => setNtolText(e.target.value)} />
              <p id="ha-ntol-hint" className="mt-1 text-xs text-slate-600" aria-live="polite">
                {max === undefined ? 'Computing how many server failures this plan tolerates…' : `With this plan the pool can tolerate up to ${String(max)} server failure(s) and still restart every protected VM.`}
              </p>
              {ntolError !== undefined ? <p id="ha-ntol-error" className="mt-1 text-xs text-red-700">{ntolError}</p> : null}
            </div>
          </div>
        </div>
      )}
      {step === 'finish' && (
        <div className="text-[13px]">
          <dl className="grid grid-cols-[12rem_1fr] gap-y-1">
            <dt className="text-slate-600">Heartbeat SR:</dt>
            <dd className="m-0">{haEnabled ? 'unchanged' : (srChoices.find((c) => c.ref === sr)?.name ?? '—')}</dd>
            <dt className="text-slate-600">Failures to tolerate:</dt>
            <dd className="m-0">{ntolText}</dd>
            <dt className="text-slate-600">Protected VMs:</dt>
            <dd className="m-0">{policies.filter((p) => p.priority === 'restart').map((p) => p.name).join(', ') || 'none'}</dd>
            <dt className="text-slate-600">Restarted if possible:</dt>
            <dd className="m-0">{policies.filter((p) => p.priority === 'best-effort').map((p) => p.name).join(', ') || 'none'}</dd>
          </dl>
          {running !== undefined ? <p role="status" className="mt-3">{running}</p> : null}
          {failure !== undefined ? <p role="alert" className="mt-3 text-red-700">{failure}</p> : null}
        </div>
      )}
    </WizardFrame>
  );
}
