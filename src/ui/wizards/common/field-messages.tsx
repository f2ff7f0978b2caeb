// A form field's explanation, error and warning, with the ids a control's
// aria-describedby points at (describedBy below), so a screen reader reads
// them with the control, and aria-invalid marks the field while it has an error.
export interface FieldIssueLike {
  readonly error?: string | undefined;
  readonly warning?: string | undefined;
}

export function describedBy(id: string, issue: FieldIssueLike | undefined, hint: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', issue?.error !== undefined ? `${id}-error` : '', issue?.warning !== undefined ? `${id}-warning` : ''].filter((x) => x !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function invalid(issue: FieldIssueLike | undefined): true | undefined {
  return issue?.error !== undefined || undefined;
}

export function FieldMessages({ id, issue, hint }: { id: string; issue: FieldIssueLike | undefined; hint?: string }) {
  return (
    <>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {issue?.error !== undefined && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          <span aria-hidden="true">⛔ </span>
          {issue.error}
        </p>
      )}
      {issue?.warning !== undefined && (
        <p id={`${id}-warning`} className="mt-1 text-xs text-amber-800">
          <span aria-hidden="true">⚠ </span>
          {issue.warning}
        </p>
      )}
    </>
  );
}
