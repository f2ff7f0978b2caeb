// A small form in a dialog (New virtual disk, Attach Disk, a disk's or a
// network's properties, a network interface, Take Snapshot, Save as Template,
// Copy VM): the title, an optional rubric, the fields, and the submit button,
// which stays focusable but disabled (with the first reason) until the form is
// valid. Enter submits; Escape or Cancel closes.
import type { FormEvent, ReactNode } from 'react';
import { FieldMessages, describedBy, invalid } from '../wizards/common/field-messages';
import { INPUT, LABEL } from './dialog-styles';
import { FormFooter, FormFrame, FormHeader } from './form-frame';

export interface FormDialogProps {
  readonly title: string;
  readonly submitLabel: string;
  /** Why the form cannot be submitted yet (undefined: it can). */
  readonly blocked: string | undefined;
  /** Whether the footer says the reason (default yes; a dialog may wait until the user has tried). */
  readonly sayBlocked?: boolean;
  readonly width?: string;
  /** A rubric at the top of the form, which also describes the dialog. */
  readonly rubric?: { readonly id: string; readonly text: ReactNode } | undefined;
  /** Called on every submit, blocked or not (to show the fields' messages, say). */
  onAttempt?(): void;
  onSubmit(): void;
  onClose(): void;
  readonly children: ReactNode;
}

export function FormDialog({ title, submitLabel, blocked, sayBlocked = true, width = 'w-[min(32rem,calc(100vw-2rem))]', rubric, onAttempt, onSubmit, onClose, children }: FormDialogProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAttempt?.();
    if (blocked === undefined) onSubmit();
  };
  return (
    <FormFrame width={width} describedBy={rubric?.id} onSubmit={submit} onClose={onClose}>
      <FormHeader title={title} />
      <div className="flex flex-col gap-3 overflow-y-auto px-5 py-4 text-[13px]">
        {rubric !== undefined && (
          <p id={rubric.id} className="text-slate-700">
            {rubric.text}
          </p>
        )}
        {children}
      </div>
      <FormFooter submitLabel={submitLabel} disabled={blocked !== undefined} reason={blocked} status={sayBlocked ? blocked : undefined} />
    </FormFrame>
  );
}

export interface NameFieldProps {
  /** The input's id; its error is `${id}-error`. */
  readonly id: string;
  readonly value: string;
  /** The error to show now (a form that waits until the field is left passes undefined until then). */
  readonly error: string | undefined;
  readonly autoFocus?: boolean | undefined;
  readonly required?: boolean;
  onChange(value: string): void;
  onBlur?: (() => void) | undefined;
}

/** A Name field with its error under it. */
export function NameField({ id, value, error, autoFocus, required, onChange, onBlur }: NameFieldProps) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        Name
      </label>
      <input
        id={id}
        autoFocus={autoFocus}
        className={`${INPUT} mt-1`}
        value={value}
        aria-required={required || undefined}
        aria-invalid={invalid({ error })}
        aria-describedby={describedBy(id, { error }, false)}
        onBlur={onBlur}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages id={id} issue={{ error }} />
    </div>
  );
}

export interface NameDescriptionProps {
  /** The fields' ids are `${id}-name` and `${id}-description`. */
  readonly id: string;
  readonly name: string;
  readonly nameError: string | undefined;
  readonly description: string;
  readonly autoFocus?: boolean;
  onName(value: string): void;
  onNameBlur?(): void;
  onDescription(value: string): void;
}

/** The Name field (with its message) and the Description box that most of XenCenter's forms open with. */
export function NameDescriptionFields({ id, name, nameError, description, autoFocus, onName, onNameBlur, onDescription }: NameDescriptionProps) {
  const descriptionId = `${id}-description`;
  return (
    <>
      <NameField id={`${id}-name`} value={name} error={nameError} autoFocus={autoFocus} onChange={onName} onBlur={onNameBlur} />
      <div>
        <label htmlFor={descriptionId} className={LABEL}>
          Description
        </label>
        <textarea id={descriptionId} rows={2} className={`${INPUT} mt-1 resize-y`} value={description} onChange={(e) => onDescription(e.target.value)} />
      </div>
    </>
  );
}
