// Properties of a snapshot schedule (XenCenter's VMSS Properties): General
// (name, description, enabled), Virtual Machines, Snapshot Type and Snapshot
// Schedule — the wizard's pages over the schedule's record. OK makes only the
// calls for what changed (VMSS.set_*, VM.set_snapshot_schedule); a refusal
// keeps the dialog open with the user's edits.
import * as Dialog from '@radix-ui/react-dialog';
import * as Tabs from '@radix-ui/react-tabs';
import { useMemo, useState, type FormEvent } from 'react';
import { useObject } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { failureText } from '../wizards/new-sr/new-sr-model';
import { useVmChoices } from '../wizards/new-vmss/new-vmss-wizard';
import { editCalls, formFromRecord, vmssErrors, type VmssErrors, type VmssForm } from '../wizards/new-vmss/vmss-model';
import { NamePage, SchedulePage, TypePage, VmsPage } from '../wizards/new-vmss/vmss-pages';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, OVERLAY, PANEL } from './dialog-styles';

const PAGE_TAB =
  'rounded-sm px-2 py-1 text-left text-[13px] text-slate-800 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600 data-[state=active]:bg-blue-700 data-[state=active]:text-white';
const PAGES = [
  { value: 'general', label: 'General', has: (e: VmssErrors) => e.name !== undefined },
  { value: 'vms', label: 'Virtual Machines', has: () => false },
  { value: 'type', label: 'Snapshot Type', has: (e: VmssErrors) => e.type !== undefined },
  { value: 'schedule', label: 'Snapshot Schedule', has: (e: VmssErrors) => e.days !== undefined || e.retained !== undefined },
] as const;

export function VmssPropertiesDialog({ vmssRef, onClose }: { vmssRef: string; onClose: () => void }) {
  const lab = useLab();
  const record = useObject('VMSS', vmssRef);
  const choices = useVmChoices(vmssRef);
  // The form starts from the record as it was when the dialog opened.
  const [form, setForm] = useState<VmssForm | undefined>(() => (record === undefined ? undefined : formFromRecord(record)));
  const [title] = useState(() => record?.name_label ?? '');
  const [page, setPage] = useState<string>('general');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const errors = useMemo(() => (form === undefined ? {} : vmssErrors(form, lab.cache, vmssRef)), [form, lab.cache, vmssRef]);
  const update = (patch: Partial<VmssForm>) => setForm((f) => (f === undefined ? f : { ...f, ...patch }));
  const invalidPage = PAGES.find((p) => p.has(errors));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (invalidPage !== undefined) {
      setPage(invalidPage.value);
      return;
    }
    // Planned against the record as it is now: after a partial failure, a retry only does the rest.
    const now = lab.cache.get('VMSS', vmssRef);
    if (form === undefined || now === undefined) return;
    setSaving(true);
    setFailure(undefined);
    try {
      for (const call of editCalls(vmssRef, now, form)) await lab.client.call(call.method, ...call.args);
      onClose();
    } catch (err) {
      setFailure(failureText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} h-[min(36rem,calc(100vh-2rem))] w-[min(52rem,calc(100vw-2rem))]`} aria-describedby={undefined}>
          <form onSubmit={(e) => void submit(e)} className="flex min-h-0 flex-1 flex-col" noValidate>
            <Dialog.Title className="border-b border-slate-200 px-5 py-3 text-base font-semibold">Properties of {title}</Dialog.Title>
            {form === undefined || record === undefined ? (
              <p role="alert" className="px-5 py-4 text-slate-700">
                This snapshot schedule no longer exists.
              </p>
            ) : (
              <Tabs.Root value={page} onValueChange={setPage} orientation="vertical" className="flex min-h-0 flex-1">
                <Tabs.List aria-label="Property pages" className="flex w-44 shrink-0 flex-col gap-0.5 border-r border-slate-200 bg-slate-50 p-2">
                  {PAGES.map((p) => (
                    <Tabs.Trigger key={p.value} value={p.value} className={PAGE_TAB}>
                      {p.label}
                      {p.has(errors) && <span className="sr-only"> (has errors)</span>}
                      {p.has(errors) && (
                        <span aria-hidden="true" className="ml-1">
                          ⚠
                        </span>
                      )}
                    </Tabs.Trigger>
                  ))}
                </Tabs.List>
                <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
                  <Tabs.Content value="general">
                    <NamePage form={form} errors={errors} update={update} />
                    <label className="mt-3 flex items-center gap-2 text-[13px]">
                      <input type="checkbox" checked={form.enabled} onChange={(e) => update({ enabled: e.target.checked })} />
                      Enabled (take snapshots at the scheduled times)
                    </label>
                  </Tabs.Content>
                  <Tabs.Content value="vms">
                    <VmsPage form={form} errors={errors} update={update} choices={choices} />
                  </Tabs.Content>
                  <Tabs.Content value="type">
                    <TypePage form={form} errors={errors} update={update} />
                  </Tabs.Content>
                  <Tabs.Content value="schedule">
                    <SchedulePage form={form} errors={errors} update={update} />
                  </Tabs.Content>
                </div>
              </Tabs.Root>
            )}
            {failure !== undefined && (
              <div role="alert" className="mx-5 mb-3 rounded-sm border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-900">
                <p className="font-semibold">The changes were not saved.</p>
                <p className="mt-0.5">{failure}</p>
              </div>
            )}
            <div className={FOOTER}>
              <button type="submit" className={BUTTON_PRIMARY} aria-disabled={invalidPage !== undefined || saving || undefined} aria-description={invalidPage === undefined ? undefined : `Fix the ${invalidPage.label} page first.`}>
                OK
              </button>
              <Dialog.Close type="button" className={BUTTON_SECONDARY}>
                Cancel
              </Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
