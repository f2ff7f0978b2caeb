// Properties of an object (VM, template, server, pool, SR, network): name,
// description, tags and folder, as XenCenter's General page of its Properties
// dialog; for a VM of a simulated pool also a Workload page (XenLab). Pages
// are listed on the left as in XenCenter. Fields are checked as the user
// types; Save stays disabled until every page is valid; the server checks
// again, and if it refuses, the dialog stays open with its error and the
// user's edits.
import * as Tabs from '@radix-ui/react-tabs';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ClassName } from '../../xapi/datamodel/classes';
import { explainFailure } from '../actions/report';
import { KIND_NOUNS, targetOf } from '../actions/targets';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { FIELD_ERROR, FIELD_HINT, INPUT, LABEL } from './dialog-styles';
import { FormFailure, FormFooter, FormFrame, FormHeader } from './form-frame';
import { useWorkloadEditor } from '../workload/use-workload-editor';
import { formErrors, formFromRecord, planChanges, tagError, type EditableRecord, type PropertiesForm } from './properties-form';
import { TagEditor } from './tag-editor';
import { WorkloadPage } from './workload-page';
import { GpuPage, useGpuEditor } from './gpu-page';
import { SnapshotSchedulePage, useSnapshotScheduleEditor } from './vm-snapshot-schedule-page';
import { PowerOnPage, usePowerOnEditor } from './power-on-page';

const PAGE_TAB =
  'rounded-sm px-2 py-1 text-left text-[13px] text-slate-800 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600 data-[state=active]:bg-blue-700 data-[state=active]:text-white';
const PAGE_BODY = 'flex min-h-0 flex-1 flex-col overflow-y-auto px-5 py-4';
const PAGES = [
  { value: 'general', label: 'General' },
  { value: 'workload', label: 'Workload' },
  { value: 'gpu', label: 'GPU' },
  { value: 'vmss', label: 'Snapshot Schedule' },
  { value: 'power-on', label: 'Power On' },
] as const;

const EDITABLE: ReadonlySet<ClassName> = new Set(['VM', 'host', 'pool', 'SR', 'network']);

function useEditable(ref: string): { cls: ClassName; record: EditableRecord; noun: string } | undefined {
  const { cache } = useLab();
  const cls = cache.classOf(ref);
  const select = useCallback((c: ObjectCache) => (cls === undefined ? undefined : c.get(cls, ref)), [cls, ref]);
  const record = useCacheSelector(select) as EditableRecord | undefined;
  if (cls === undefined || record === undefined || !EDITABLE.has(cls)) return undefined;
  const target = targetOf(ref, cache);
  return { cls, record, noun: KIND_NOUNS[target?.kind ?? 'other'][0] };
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error: string | undefined; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {error !== undefined ? (
        <p id={`${id}-error`} className={FIELD_ERROR}>
          {error}
        </p>
      ) : (
        hint !== undefined && (
          <p id={`${id}-hint`} className={FIELD_HINT}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

export function PropertiesDialog({ objectRef, onClose }: { objectRef: string; onClose: () => void }) {
  const lab = useLab();
  const editable = useEditable(objectRef);
  const id = useId();
  // The form starts from the record as it was when the dialog opened; later changes on the server do not overwrite edits.
  const [form, setForm] = useState<PropertiesForm | undefined>(() => (editable === undefined ? undefined : formFromRecord(editable.record)));
  const [tagDraft, setTagDraft] = useState('');
  const [title] = useState(() => editable?.record.name_label ?? '');
  const guest = editable?.cls === 'VM' && !(editable.record as { is_a_template?: boolean }).is_a_template;
  const workload = useWorkloadEditor(objectRef, guest);
  const gpu = useGpuEditor(objectRef, guest);
  const vmss = useSnapshotScheduleEditor(objectRef, guest);
  const powerOn = usePowerOnEditor(objectRef, editable?.cls === 'host');
  const available = { general: true, workload: workload.available, gpu: gpu.available, vmss: vmss.available, 'power-on': powerOn.available };
  const pages = PAGES.filter((p) => available[p.value]);
  const [page, setPage] = useState('general');

  const save = useMutation({
    mutationKey: ['properties', objectRef],
    mutationFn: async (wanted: PropertiesForm) => {
      // Planned against the record as it is now: after a partial failure, a retry only does the rest.
      const now = editable === undefined ? undefined : (lab.cache.get(editable.cls, objectRef) as EditableRecord | undefined);
      if (editable === undefined || now === undefined) throw new Error('This object no longer exists.');
      for (const call of planChanges(editable.cls, objectRef, now, wanted)) await lab.client.call(call.method, ...call.args);
      await workload.save(lab.client, objectRef);
      await gpu.save(lab.client, objectRef);
      await vmss.save(lab.client, objectRef);
      await powerOn.save(lab.client, objectRef);
    },
    onSuccess: onClose,
  });

  const errors = form === undefined ? {} : formErrors(form);
  const generalValid = errors.name === undefined && errors.folder === undefined;
  const valid = form !== undefined && editable !== undefined && generalValid && workload.valid && powerOn.valid;
  const canSave = valid && !save.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canSave || form === undefined) {
      // Show the page that holds the error.
      if (!generalValid) setPage('general');
      else if (!workload.valid) setPage('workload');
      else if (!powerOn.valid) setPage('power-on');
      return;
    }
    // A tag typed but not added yet is part of what the user asked for.
    const pending = tagDraft.trim();
    const tags = pending !== '' && tagError(pending, form.tags) === undefined ? [...form.tags, pending] : form.tags;
    save.mutate({ ...form, tags });
  };
  const failure = save.error === null ? undefined : explainFailure(save.error, lab.cache);
  const update = (patch: Partial<PropertiesForm>) => setForm((f) => (f === undefined ? f : { ...f, ...patch }));

  const general =
    form === undefined ? null : (
      <div className="flex flex-col gap-3">
        <Field id={`${id}-name`} label="Name" error={errors.name}>
          <input
            id={`${id}-name`}
            className={INPUT}
            value={form.name}
            required
            aria-required="true"
            aria-invalid={errors.name !== undefined || undefined}
            aria-describedby={errors.name !== undefined ? `${id}-name-error` : undefined}
            onChange={(e) => update({ name: e.target.value })}
          />
        </Field>
        <Field id={`${id}-description`} label="Description" error={undefined}>
          <textarea id={`${id}-description`} className={`${INPUT} resize-y`} rows={3} value={form.description} onChange={(e) => update({ description: e.target.value })} />
        </Field>
        <Field id={`${id}-folder`} label="Folder" error={errors.folder} hint="A path such as /Production/Web; leave empty for no folder.">
          <input
            id={`${id}-folder`}
            className={INPUT}
            value={form.folder}
            placeholder="/Production/Web"
            aria-invalid={errors.folder !== undefined || undefined}
            aria-describedby={errors.folder !== undefined ? `${id}-folder-error` : `${id}-folder-hint`}
            onChange={(e) => update({ folder: e.target.value })}
          />
        </Field>
        <TagEditor tags={form.tags} draft={tagDraft} onChange={(tags) => update({ tags })} onDraftChange={setTagDraft} />
      </div>
    );

  return (
    <FormFrame width={pages.length > 1 ? 'w-[min(44rem,calc(100vw-2rem))]' : 'w-[min(32rem,calc(100vw-2rem))]'} describedBy={undefined} onSubmit={submit} onClose={onClose}>
      <FormHeader title={`Properties of ${title}`} subtitle={editable === undefined ? undefined : { text: `General properties of this ${editable.noun}` }} />
      {form === undefined || editable === undefined ? (
        <p role="alert" className="px-5 py-4 text-slate-700">
          This object no longer exists, or has no properties to edit here.
        </p>
      ) : pages.length > 1 ? (
        <Tabs.Root value={page} onValueChange={setPage} orientation="vertical" className="flex min-h-0 flex-1">
          <Tabs.List aria-label="Property pages" className="flex w-36 shrink-0 flex-col gap-0.5 border-r border-slate-200 bg-slate-50 p-2">
            {pages.map(({ value, label }) => (
              <Tabs.Trigger key={value} value={value} className={PAGE_TAB}>
                {label}
                {(value === 'general' ? !generalValid : value === 'workload' ? !workload.valid : value === 'power-on' && !powerOn.valid) && (
                  <>
                    <span aria-hidden="true" className="ml-1">
                      ⚠
                    </span>
                    <span className="sr-only"> (has errors)</span>
                  </>
                )}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Tabs.Content value="general" forceMount hidden={page !== 'general'} className={PAGE_BODY}>
            {general}
          </Tabs.Content>
          {workload.available && (
            <Tabs.Content value="workload" forceMount hidden={page !== 'workload'} className={PAGE_BODY}>
              <WorkloadPage vmRef={objectRef} editor={workload} />
            </Tabs.Content>
          )}
          {gpu.available && (
            <Tabs.Content value="gpu" forceMount hidden={page !== 'gpu'} className={PAGE_BODY}>
              <GpuPage editor={gpu} />
            </Tabs.Content>
          )}
          {vmss.available && (
            <Tabs.Content value="vmss" forceMount hidden={page !== 'vmss'} className={PAGE_BODY}>
              <SnapshotSchedulePage editor={vmss} />
            </Tabs.Content>
          )}
          {powerOn.available && (
            <Tabs.Content value="power-on" forceMount hidden={page !== 'power-on'} className={PAGE_BODY}>
              <PowerOnPage editor={powerOn} />
            </Tabs.Content>
          )}
        </Tabs.Root>
      ) : (
        <div className={PAGE_BODY}>{general}</div>
      )}
      {failure !== undefined && (
        <FormFailure>
          <p className="font-semibold">The changes were not saved.</p>
          <p className="mt-0.5">{failure.detail}</p>
          {failure.code !== undefined && <p className="mt-0.5 font-mono text-[11px] break-all">{failure.code}</p>}
        </FormFailure>
      )}
      <FormFooter submitLabel="Save" disabled={!canSave} status={save.isPending ? 'Saving…' : undefined} />
    </FormFrame>
  );
}
