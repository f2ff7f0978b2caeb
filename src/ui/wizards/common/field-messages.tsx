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

/** XenCenter's red error and yellow warning marks, drawn (no emoji font is needed). */
function IssueIcon({ kind }: { kind: 'error' | 'warning' }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" className="mr-1 inline-block align-[-1px]">
      {kind === 'error' ? (
        <>
          <circle cx="6" cy="6" r="5.5" fill="#dc2626" />
          <path d="M4 4l4 4M8 4l-4 4" stroke="#fff" strokeWidth="1.4" strokeLinecap="round" />
        </>
      ) : (
        <>
          <path d="M6 0.8L11.4 10.8H0.6z" fill="#f59e0b" />
          <path d="M6 4.2v3.3" stroke="#fff" strokeWidth="1.3" strokeLinecap="round" />
          <circle cx="6" cy="9.1" r="0.7" fill="#fff" />
        </>
      )}
    </svg>
  );
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
          <IssueIcon kind="error" />
          {issue.error}
        </p>
      )}
      {issue?.warning !== undefined && (
        <p id={`${id}-warning`} className="mt-1 text-xs text-amber-800">
          <IssueIcon kind="warning" />
          {issue.warning}
        </p>
      )}
    </>
  );
}
