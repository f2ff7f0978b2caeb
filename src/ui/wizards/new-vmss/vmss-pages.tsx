// The pages of a snapshot schedule, shared by the New Snapshot Schedule
// wizard and the schedule's Properties dialog: Name, VMs, Snapshot Type and
// Schedule (frequency, time, days, snapshots to keep). Each field shows its
// error or warning beside it.
import { INPUT, INPUT_BOX, LABEL } from '../../dialogs/dialog-styles';
import { FieldMessages, describedBy, invalid } from '../common/field-messages';
import { DAYS, MINUTES, QUIESCE_BLOCKED, RETAINED_MAX, RETAINED_MIN, TYPE_LABELS, vmsWarning, type Frequency, type SnapshotKind, type VmChoice, type VmssErrors, type VmssForm } from './vmss-model';

export interface PageProps {
  readonly form: VmssForm;
  readonly errors: VmssErrors;
  update(patch: Partial<VmssForm>): void;
}

const issue = (error: string | undefined) => (error === undefined ? undefined : { error });

export function NamePage({ form, errors, update }: PageProps) {
  const nameIssue = issue(errors.name);
  return (
    <div className="max-w-xl text-[13px]">
      <p className="mb-3 text-slate-700">A snapshot schedule takes snapshots of the VMs in it at the times you choose, and keeps a number of the newest ones.</p>
      <label htmlFor="vmss-name" className={LABEL}>
        Name
      </label>
      <div className="mt-1 mb-3">
        <input id="vmss-name" className={INPUT} value={form.name} aria-invalid={invalid(nameIssue)} aria-describedby={describedBy('vmss-name', nameIssue, false)} onChange={(e) => update({ name: e.target.value })} />
        <FieldMessages id="vmss-name" issue={nameIssue} />
      </div>
      <label htmlFor="vmss-description" className={LABEL}>
        Description (optional)
      </label>
      <textarea id="vmss-description" className={`${INPUT} mt-1 h-20`} value={form.description} onChange={(e) => update({ description: e.target.value })} />
    </div>
  );
}

const POWER_WORDS: Readonly<Record<string, string>> = { Running: 'Running', Halted: 'Shut down', Suspended: 'Suspended', Paused: 'Paused' };

export function VmsPage({ form, update, choices }: PageProps & { readonly choices: readonly VmChoice[] }) {
  const warning = vmsWarning(form, choices);
  const toggle = (ref: string, on: boolean) => update({ vms: on ? [...form.vms, ref] : form.vms.filter((v) => v !== ref) });
  const all = choices.length > 0 && choices.every((c) => form.vms.includes(c.ref));
  return (
    <div className="text-[13px]">
      <p className="mb-2 text-slate-700">Choose the VMs this schedule snapshots. A VM is in one snapshot schedule at most: choosing one that is in another moves it here.</p>
      <table className="w-full border border-slate-300 text-left" aria-describedby={warning !== undefined ? 'vmss-vms-warning' : undefined}>
        <caption className="sr-only">VMs in the snapshot schedule</caption>
        <thead className="bg-slate-100 text-xs text-slate-700">
          <tr>
            <th scope="col" className="w-8 px-2 py-1">
              <input type="checkbox" aria-label="Choose all VMs" checked={all} onChange={(e) => update({ vms: e.target.checked ? choices.map((c) => c.ref) : [] })} />
            </th>
            <th scope="col" className="px-2 py-1 font-medium">VM</th>
            <th scope="col" className="px-2 py-1 font-medium">State</th>
            <th scope="col" className="px-2 py-1 font-medium">Current schedule</th>
          </tr>
        </thead>
        <tbody>
          {choices.map((c) => (
            <tr key={c.ref} className="border-t border-slate-200">
              <td className="px-2 py-1">
                <input type="checkbox" aria-label={c.name} checked={form.vms.includes(c.ref)} onChange={(e) => toggle(c.ref, e.target.checked)} />
              </td>
              <td className="px-2 py-1">{c.name}</td>
              <td className="px-2 py-1 text-slate-700">{POWER_WORDS[c.powerState] ?? c.powerState}</td>
              <td className="px-2 py-1 text-slate-700">{c.currentPolicy ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {choices.length === 0 ? <p className="mt-2 text-slate-700">There are no VMs in this pool.</p> : null}
      <p className="mt-2 text-xs text-slate-600">
        {form.vms.length} of {choices.length} VMs chosen.
      </p>
      <FieldMessages id="vmss-vms" issue={warning === undefined ? undefined : { warning }} />
    </div>
  );
}

const TYPE_DETAILS: Readonly<Record<SnapshotKind, string>> = {
  snapshot: "The VMs' disks, as they are at the time. Reverting starts the VM from these disks.",
  checkpoint: "The disks and the memory of running VMs: reverting brings the VM back as it was, running programs included. VMs that are not running get disk snapshots. Saving the memory takes longer and needs room for it on storage.",
  snapshot_with_quiesce: 'Disk snapshots taken after the guest has flushed its writes (Windows VSS).',
};

export function TypePage({ form, errors, update }: PageProps) {
  return (
    <fieldset className="text-[13px]">
      <legend className="mb-2 text-slate-700">What should each scheduled snapshot hold?</legend>
      {(['snapshot', 'checkpoint', 'snapshot_with_quiesce'] as const).map((t) => {
        const blocked = t === 'snapshot_with_quiesce' ? QUIESCE_BLOCKED : undefined;
        return (
          <label key={t} className={`flex items-start gap-2 py-1.5 ${blocked !== undefined ? 'text-slate-500' : ''}`}>
            <input type="radio" name="vmss-type" className="mt-1" checked={form.type === t} disabled={blocked !== undefined} aria-describedby={`vmss-type-${t}`} onChange={() => update({ type: t })} />
            <span>
              <span className="font-medium">{TYPE_LABELS[t]}</span>
              <span id={`vmss-type-${t}`} className="block text-xs text-slate-600">
                {blocked ?? TYPE_DETAILS[t]}
              </span>
            </span>
          </label>
        );
      })}
      <FieldMessages id="vmss-type" issue={issue(errors.type)} />
    </fieldset>
  );
}

const FREQUENCIES: readonly { value: Frequency; label: string }[] = [
  { value: 'hourly', label: 'Hourly' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
];

export function SchedulePage({ form, errors, update }: PageProps) {
  const daysIssue = issue(errors.days);
  const retainedIssue = issue(errors.retained);
  return (
    <div className="text-[13px]">
      <fieldset className="mb-3">
        <legend className={LABEL}>Take snapshots</legend>
        <div className="mt-1 flex gap-4">
          {FREQUENCIES.map((f) => (
            <label key={f.value} className="flex items-center gap-1.5">
              <input type="radio" name="vmss-frequency" checked={form.frequency === f.value} onChange={() => update({ frequency: f.value })} />
              {f.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mb-3 flex items-end gap-3">
        {form.frequency !== 'hourly' && (
          <div>
            <label htmlFor="vmss-hour" className={LABEL}>
              Hour (UTC)
            </label>
            <select id="vmss-hour" className={`${INPUT_BOX} mt-1 block w-20`} value={form.hour} onChange={(e) => update({ hour: Number(e.target.value) })}>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {String(h).padStart(2, '0')}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="vmss-minute" className={LABEL}>
            {form.frequency === 'hourly' ? 'Minutes past the hour' : 'Minute'}
          </label>
          <select id="vmss-minute" className={`${INPUT_BOX} mt-1 block w-20`} value={form.minute} onChange={(e) => update({ minute: Number(e.target.value) })}>
            {MINUTES.map((m) => (
              <option key={m} value={m}>
                {String(m).padStart(2, '0')}
              </option>
            ))}
          </select>
        </div>
      </div>
      {form.frequency === 'weekly' && (
        <fieldset className="mb-3" aria-describedby={describedBy('vmss-days', daysIssue, false)}>
          <legend className={LABEL}>Days</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {DAYS.map((d) => (
              <label key={d} className="flex items-center gap-1.5">
                <input type="checkbox" checked={form.days.includes(d)} onChange={(e) => update({ days: e.target.checked ? [...form.days, d] : form.days.filter((x) => x !== d) })} />
                {d}
              </label>
            ))}
          </div>
          <FieldMessages id="vmss-days" issue={daysIssue} />
        </fieldset>
      )}
      <label htmlFor="vmss-retained" className={LABEL}>
        Number of snapshots to keep
      </label>
      <div className="mt-1">
        <input
          id="vmss-retained"
          type="number"
          min={RETAINED_MIN}
          max={RETAINED_MAX}
          className={`${INPUT_BOX} w-20`}
          value={form.retained}
          aria-invalid={invalid(retainedIssue)}
          aria-describedby={describedBy('vmss-retained', retainedIssue, true)}
          onChange={(e) => update({ retained: e.target.value })}
        />
        <FieldMessages id="vmss-retained" issue={retainedIssue} hint={`${String(RETAINED_MIN)} to ${String(RETAINED_MAX)}. After each run, older scheduled snapshots of each VM are deleted; snapshots you take yourself are kept.`} />
      </div>
    </div>
  );
}
