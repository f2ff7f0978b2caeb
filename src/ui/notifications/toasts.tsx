// The toast region at the console's bottom-right corner: info and success in
// a polite live region, errors as alerts. Mounted once for the whole console,
// it also keeps the Events view's task log fed (so tasks are recorded even
// while Notifications is not open).
//
// Failure toasts: the actions that start a call toast its failure themselves
// (they know what the user asked for); nothing is toasted here automatically,
// so a failure is never announced twice.
import { useTaskLogFeed } from './task-log-store';
import { dismissToast, pauseToasts, resumeToasts, useToasts, type Toast } from './toast-store';

const KIND_STYLE: Readonly<Record<Toast['kind'], { icon: string; className: string }>> = {
  error: { icon: '✕', className: 'border-red-300 border-l-red-600 text-red-900' },
  info: { icon: 'ℹ', className: 'border-slate-300 border-l-blue-600 text-slate-900' },
  success: { icon: '✓', className: 'border-slate-300 border-l-green-600 text-slate-900' },
};

function ToastCard({ toast }: { toast: Toast }) {
  const style = KIND_STYLE[toast.kind];
  return (
    <div
      className={`pointer-events-auto flex w-80 items-start gap-2 rounded-sm border border-l-4 bg-white px-3 py-2 text-xs shadow-md ${style.className}`}
      onMouseEnter={pauseToasts}
      onMouseLeave={resumeToasts}
      onFocus={pauseToasts}
      onBlur={resumeToasts}
    >
      <span aria-hidden="true" className="font-semibold">
        {style.icon}
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-semibold break-words">{toast.title}</p>
        {toast.detail !== undefined && <p className="mt-0.5 break-words text-slate-800">{toast.detail}</p>}
        {toast.code !== undefined && <p className="mt-0.5 font-mono text-[11px] break-all text-slate-700">{toast.code}</p>}
      </div>
      <button
        type="button"
        aria-label={`Dismiss notification: ${toast.title}`}
        className="-mt-0.5 rounded-sm px-1 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
        onClick={() => dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

export function Toasts() {
  useTaskLogFeed();
  const toasts = useToasts((s) => s.toasts);
  const errors = toasts.filter((t) => t.kind === 'error');
  const others = toasts.filter((t) => t.kind !== 'error');
  // The live regions stay in the page while empty, so screen readers announce what is added.
  return (
    <div className="pointer-events-none fixed right-3 bottom-9 z-50 flex flex-col items-end gap-2">
      <div role="alert" aria-label="Error notifications" className="flex flex-col gap-2">
        {errors.map((t) => (
          <ToastCard key={t.id} toast={t} />
        ))}
      </div>
      <div role="status" aria-live="polite" aria-label="Notifications" className="flex flex-col gap-2">
        {others.map((t) => (
          <ToastCard key={t.id} toast={t} />
        ))}
      </div>
    </div>
  );
}
