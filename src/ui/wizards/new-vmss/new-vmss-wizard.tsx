// The New VM Snapshot Schedule wizard (XenCenter's NewPolicyWizard for VMSS):
// Name → Virtual Machines → Snapshot Type → Snapshot Schedule (frequency,
// time, days, snapshots to keep) → Finish (a summary and "run the schedule
// now"). Fields are checked as they change; Finish makes the real calls
// (VMSS.create, VM.set_snapshot_schedule per VM, VMSS.snapshot_now) and shows
// the server's refusal if any, keeping the user's choices.
import { useCallback, useMemo, useState } from 'react';
import { failureText } from '../new-sr/new-sr-model';
import type { ObjectCache } from '../../cache/object-cache';
import { useCacheSelector } from '../../cache/use-cache';
import { formatDateTime } from '../../format/datetime';
import { useLab } from '../../lab/lab-context';
import { useVirtualNow } from '../../tabs/use-virtual-time';
import { formatDateTime as xenDateTime } from '../../../xapi/datetime';
import { LinearWizard } from '../common/linear-wizard';
import { createCalls, describeSchedule, NEW_FORM, nextRun, parseRetained, scheduleOf, TYPE_LABELS, vmChoices, vmssErrors, type VmChoice, type VmssForm } from './vmss-model';
import { NamePage, SchedulePage, TypePage, VmsPage } from './vmss-pages';

type StepId = 'name' | 'vms' | 'type' | 'schedule' | 'finish';
const ORDER: readonly StepId[] = ['name', 'vms', 'type', 'schedule', 'finish'];
const STEP_NAMES: Readonly<Record<StepId, string>> = { name: 'Name', vms: 'Virtual Machines', type: 'Snapshot Type', schedule: 'Snapshot Schedule', finish: 'Finish' };
const TITLES: Readonly<Record<StepId, string>> = {
  name: 'Name the new snapshot schedule',
  vms: 'Choose the VMs in this snapshot schedule',
  type: 'Choose the type of snapshots to take',
  schedule: 'When should snapshots be taken, and how many kept?',
  finish: 'Create the snapshot schedule',
};

const sameChoices = (a: readonly VmChoice[], b: readonly VmChoice[]) =>
  a.length === b.length && a.every((c, i) => c.ref === b[i]?.ref && c.name === b[i]?.name && c.powerState === b[i]?.powerState && c.currentPolicy === b[i]?.currentPolicy);

export function useVmChoices(editing: string | undefined): VmChoice[] {
  return useCacheSelector(
    useCallback((c: ObjectCache) => vmChoices(c, editing), [editing]),
    sameChoices,
  );
}

export function NewVmssWizard({ vms, onClose }: { vms?: readonly string[]; onClose: () => void }) {
  const lab = useLab();
  const choices = useVmChoices(undefined);
  const now = useVirtualNow();
  const [step, setStep] = useState<StepId>('name');
  const [form, setForm] = useState<VmssForm>(() => ({ ...NEW_FORM, name: 'New snapshot schedule', vms: vms ?? [] }));
  const [runNow, setRunNow] = useState(false);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  // The cache changes as other schedules come and go: the name check follows it.
  const policies = useCacheSelector(useCallback((c: ObjectCache) => c.all('VMSS'), []));
  const errors = useMemo(() => vmssErrors(form, lab.cache), [form, lab.cache, policies]); // eslint-disable-line react-hooks/exhaustive-deps -- policies: recheck names when schedules change
  const update = (patch: Partial<VmssForm>) => setForm((f) => ({ ...f, ...patch }));

  const blocked = (id: StepId): string | undefined =>
    id === 'name' ? errors.name : id === 'type' ? errors.type : id === 'schedule' ? (errors.days ?? errors.retained) : undefined;

  const finish = async () => {
    setFailure(undefined);
    setRunning(true);
    let vmss: string | undefined;
    try {
      for (const call of createCalls(form, runNow)) {
        const args = call.args.map((a) => (a === '$vmss' ? vmss : a));
        if (call.method === 'VMSS.create') vmss = await lab.client.callAsync<string>(call.method, ...args);
        // snapshot_now runs on: its tasks show in the Events view; the wizard need not wait.
        else if (call.method === 'VMSS.snapshot_now') void lab.client.callAsync(call.method, ...args).catch(() => undefined);
        else await lab.client.call(call.method, ...args);
      }
      onClose();
    } catch (e) {
      // A schedule made before a later call failed stays (it is real): say so, so the user edits it rather than makes another.
      setFailure(vmss === undefined ? failureText(e) : `The schedule was created, but not all of its VMs could be added: ${failureText(e)}`);
    } finally {
      setRunning(false);
    }
  };

  const names = choices.filter((c) => form.vms.includes(c.ref)).map((c) => c.name);
  return (
    <LinearWizard
      title="New VM Snapshot Schedule"
      order={ORDER}
      stepNames={STEP_NAMES}
      titles={TITLES}
      step={step}
      setStep={setStep}
      blocked={blocked}
      running={running ? 'Creating the snapshot schedule…' : undefined}
      onFinish={() => void finish()}
      onCancel={onClose}
    >
      {step === 'name' && <NamePage form={form} errors={errors} update={update} />}
      {step === 'vms' && <VmsPage form={form} errors={errors} update={update} choices={choices} />}
      {step === 'type' && <TypePage form={form} errors={errors} update={update} />}
      {step === 'schedule' && <SchedulePage form={form} errors={errors} update={update} />}
      {step === 'finish' && (
        <div className="text-[13px]">
          <dl className="grid grid-cols-[11rem_1fr] gap-y-1">
            <dt className="text-slate-600">Name:</dt>
            <dd className="m-0">{form.name.trim()}</dd>
            {form.description.trim() !== '' && (
              <>
                <dt className="text-slate-600">Description:</dt>
                <dd className="m-0">{form.description}</dd>
              </>
            )}
            <dt className="text-slate-600">VMs:</dt>
            <dd className="m-0">{names.length > 0 ? names.join(', ') : 'None'}</dd>
            <dt className="text-slate-600">Snapshot type:</dt>
            <dd className="m-0">{TYPE_LABELS[form.type]}</dd>
            <dt className="text-slate-600">Schedule:</dt>
            <dd className="m-0">{describeSchedule(form.frequency, scheduleOf(form))}</dd>
            <dt className="text-slate-600">First scheduled run:</dt>
            <dd className="m-0">{now === undefined ? '—' : formatDateTime(xenDateTime(nextRun(form.frequency, scheduleOf(form), now)))}</dd>
            <dt className="text-slate-600">Snapshots to keep:</dt>
            <dd className="m-0">{parseRetained(form.retained) ?? form.retained} per VM</dd>
          </dl>
          <label className={`mt-4 flex items-center gap-2 ${form.vms.length === 0 ? 'text-slate-500' : ''}`}>
            <input type="checkbox" checked={runNow && form.vms.length > 0} disabled={form.vms.length === 0} onChange={(e) => setRunNow(e.target.checked)} />
            Run the snapshot schedule now (take the first snapshots when I click Finish)
          </label>
          {running ? (
            <p role="status" className="mt-3">
              Creating the snapshot schedule…
            </p>
          ) : null}
          {failure !== undefined ? (
            <p role="alert" className="mt-3 text-red-700">
              {failure}
            </p>
          ) : null}
        </div>
      )}
    </LinearWizard>
  );
}
