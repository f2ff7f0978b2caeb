// Looks shared by the console's dialogs (compact, desktop-like; matches the
// Reset lab dialog).
export const OVERLAY = 'fixed inset-0 z-50 bg-slate-900/30';

export const PANEL =
  'fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100vh-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-sm border border-slate-300 bg-white text-sm text-slate-900 shadow-lg outline-none';

export const FOOTER = 'flex items-center justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3';

const BUTTON = 'rounded-sm border px-3 py-1 text-[13px] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600';

export const BUTTON_SECONDARY = `${BUTTON} border-slate-400 bg-white hover:bg-slate-100 disabled:border-slate-300 disabled:text-slate-400 disabled:hover:bg-white aria-disabled:border-slate-300 aria-disabled:text-slate-400 aria-disabled:hover:bg-white`;
export const BUTTON_PRIMARY = `${BUTTON} border-blue-800 bg-blue-700 text-white hover:bg-blue-800 aria-disabled:border-slate-300 aria-disabled:bg-slate-200 aria-disabled:text-slate-500`;
export const BUTTON_DANGER = `${BUTTON} border-red-800 bg-red-700 text-white hover:bg-red-800`;

/** A text field's look without its width (for fields sized to their content). */
export const INPUT_BOX =
  'rounded-sm border border-slate-400 bg-white px-2 py-1 text-[13px] outline-none focus:border-blue-600 focus:ring-1 focus:ring-blue-600 aria-invalid:border-red-600 aria-invalid:ring-red-600 disabled:bg-slate-100 disabled:text-slate-500';

export const INPUT =
  'w-full rounded-sm border border-slate-400 bg-white px-2 py-1 text-[13px] outline-none focus:border-blue-600 focus:ring-1 focus:ring-blue-600 aria-invalid:border-red-600 aria-invalid:ring-red-600';

export const LABEL = 'text-[13px] font-medium text-slate-800';
export const FIELD_ERROR = 'mt-1 text-xs text-red-700';
export const FIELD_HINT = 'mt-1 text-xs text-slate-600';
