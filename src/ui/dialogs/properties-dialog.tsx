// Properties of an object (VM, template, server, pool, SR, network): name,
// description, tags and folder, as XenCenter's General page of its Properties
// dialog. Fields are checked as the user types; Save stays disabled until
// they are valid; the server checks again, and if it refuses, the dialog
// stays open with its error and the user's edits.
import * as Dialog from '@radix-ui/react-dialog';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ClassName } from '../../xapi/datamodel/classes';
import { explainFailure } from '../actions/report';
import { KIND_NOUNS, targetOf } from '../actions/targets';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD_ERROR, FIELD_HINT, FOOTER, INPUT, LABEL, OVERLAY, PANEL } from './dialog-styles';
import { formErrors, formFromRecord, planChanges, tagError, type EditableRecord, type PropertiesForm } from './properties-form';
import { TagEditor } from './tag-editor';

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

  const save = useMutation({
    mutationKey: ['properties', objectRef],
    mutationFn: async (wanted: PropertiesForm) => {
      // Planned against the record as it is now: after a partial failure, a retry only does the rest.
      const now = editable === undefined ? undefined : (lab.cache.get(editable.cls, objectRef) as EditableRecord | undefined);
      if (editable === undefined || now === undefined) throw new Error('This object no longer exists.');
      for (const call of planChanges(editable.cls, objectRef, now, wanted)) await lab.client.call(call.method, ...call.args);
    },
    onSuccess: onClose,
  });

  const errors = form === undefined ? {} : formErrors(form);
  const valid = form !== undefined && editable !== undefined && errors.name === undefined && errors.folder === undefined;
  const canSave = valid && !save.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canSave || form === undefined) return;
    // A tag typed but not added yet is part of what the user asked for.
    const pending = tagDraft.trim();
    const tags = pending !== '' && tagError(pending, form.tags) === undefined ? [...form.tags, pending] : form.tags;
    save.mutate({ ...form, tags });
  };
  const failure = save.error === null ? undefined : explainFailure(save.error, lab.cache);
  const update = (patch: Partial<PropertiesForm>) => setForm((f) => (f === undefined ? f : { ...f, ...patch }));

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[min(32rem,calc(100vw-2rem))]`} aria-describedby={undefined}>
          <form onSubmit={submit} className="flex min-h-0 flex-col" noValidate>
            <div className="border-b border-slate-200 px-5 pt-4 pb-3">
              <Dialog.Title className="truncate text-base font-semibold">Properties of {title}</Dialog.Title>
              {editable !== undefined && <p className="text-xs text-slate-600">General properties of this {editable.noun}</p>}
            </div>
            {form === undefined || editable === undefined ? (
              <p role="alert" className="px-5 py-4 text-slate-700">
                This object no longer exists, or has no properties to edit here.
              </p>
            ) : (
              <div className="flex min-h-0 flex-col gap-3 overflow-y-auto px-5 py-4">
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
            )}
            {failure !== undefined && (
              <div role="alert" className="mx-5 mb-3 rounded-sm border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-900">
                <p className="font-semibold">The changes were not saved.</p>
                <p className="mt-0.5">{failure.detail}</p>
                {failure.code !== undefined && <p className="mt-0.5 font-mono text-[11px] break-all">{failure.code}</p>}
              </div>
            )}
            <div className={FOOTER}>
              {save.isPending && <span className="mr-auto text-xs text-slate-600">Saving…</span>}
              <button type="submit" className={BUTTON_PRIMARY} aria-disabled={!canSave || undefined}>
                Save
              </button>
              <Dialog.Close className={BUTTON_SECONDARY}>Cancel</Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
