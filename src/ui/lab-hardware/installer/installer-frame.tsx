// The look of XenServer's text-mode installer: a blue screen, a grey window
// with a title, Ok/Back buttons, and a help line at the bottom. Keyboard first:
// Tab moves between fields, Space selects, Enter is Ok, Escape is Back.
import type { ReactNode } from 'react';

export const TUI_BUTTON =
  'border border-black bg-gray-200 px-4 py-0.5 font-mono text-sm text-black focus:bg-red-700 focus:text-white focus:outline-none disabled:text-gray-500';
export const TUI_INPUT =
  'w-full border-0 bg-blue-900 px-1 font-mono text-sm text-white outline-none focus:bg-red-700 aria-invalid:bg-red-900';
export const TUI_ERROR = 'font-mono text-sm text-red-800';

export function InstallerFrame({
  title,
  children,
  onOk,
  onBack,
  okLabel = 'Ok',
  okDisabled = false,
}: {
  title: string;
  children: ReactNode;
  onOk?: (() => void) | undefined;
  onBack?: (() => void) | undefined;
  okLabel?: string;
  okDisabled?: boolean;
}) {
  return (
    <div
      className="flex h-full flex-col bg-blue-800 font-mono text-sm"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onBack !== undefined) {
          e.preventDefault();
          e.stopPropagation();
          onBack();
        }
      }}
    >
      <div className="px-2 py-1 text-white">XenServer 8 · XenLab installer</div>
      <div className="flex flex-1 items-center justify-center p-4">
        <form
          aria-label={title}
          className="w-[min(44rem,100%)] border-2 border-gray-100 bg-gray-300 text-black shadow-[6px_6px_0_0_#000]"
          onSubmit={(e) => {
            e.preventDefault();
            if (!okDisabled) onOk?.();
          }}
        >
          <h2 className="border-b border-gray-500 bg-gray-300 px-3 py-1 text-center font-bold">{title}</h2>
          <div className="max-h-[60vh] space-y-2 overflow-auto px-4 py-3">{children}</div>
          <div className="flex justify-center gap-6 pb-3">
            {onOk !== undefined && (
              <button type="submit" className={TUI_BUTTON} aria-disabled={okDisabled}>
                {okLabel}
              </button>
            )}
            {onBack !== undefined && (
              <button type="button" className={TUI_BUTTON} onClick={onBack}>
                Back
              </button>
            )}
          </div>
        </form>
      </div>
      <div className="bg-gray-200 px-2 py-0.5 text-black">&lt;Tab&gt; between elements | &lt;Space&gt; selects | &lt;Enter&gt; Ok | &lt;Esc&gt; Back</div>
    </div>
  );
}

/** A list of choices the text-mode way (one radio group, arrow keys move). */
export function Choices<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string; disabled?: boolean }[];
  onChange: (v: T) => void;
}) {
  return (
    <fieldset className="border border-gray-500 bg-gray-100 px-2 py-1">
      <legend className="px-1">{label}</legend>
      {options.map((o) => (
        <label key={String(o.value)} className="flex cursor-pointer items-center gap-2 px-1 has-[:focus]:bg-red-700 has-[:focus]:text-white">
          <input type="radio" name={label} checked={value === o.value} disabled={o.disabled} onChange={() => onChange(o.value)} className="accent-blue-800" />
          <span className={o.disabled === true ? 'text-gray-500' : ''}>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function TextField({
  label,
  value,
  onChange,
  error,
  type = 'text',
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  type?: 'text' | 'password';
}) {
  const id = `tui-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div>
      <div className="grid grid-cols-[12rem_1fr] items-center gap-2">
        <label htmlFor={id}>{label}</label>
        <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} className={TUI_INPUT} aria-invalid={error !== undefined} aria-describedby={error === undefined ? undefined : `${id}-error`} autoComplete="off" />
      </div>
      {error !== undefined && (
        <p id={`${id}-error`} className={TUI_ERROR} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
