// Shown over the console after the worker crashed: the frame stays, the pool
// is restarted from its last save (by the lab connection), and this says so
// until dismissed.
import { Spinner } from './spinner';

export function CrashNotice({ restarting, reason, onDismiss }: { restarting: boolean; reason: string | undefined; onDismiss: () => void }) {
  return (
    <div
      role="alert"
      className="fixed top-16 left-1/2 z-40 flex w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 items-start gap-3 rounded-sm border border-amber-400 border-l-4 border-l-amber-600 bg-amber-50 px-4 py-3 text-[13px] text-amber-950 shadow-md"
    >
      {restarting ? (
        <Spinner className="mt-0.5 size-4" />
      ) : (
        <span aria-hidden="true" className="font-bold text-amber-700">
          !
        </span>
      )}
      <div className="min-w-0 flex-1">
        <p className="font-semibold">
          {restarting
            ? 'The simulated pool stopped unexpectedly and is being restarted from its last save…'
            : 'The simulated pool stopped unexpectedly and was restarted from its last save.'}
        </p>
        <p className="mt-0.5">Changes made after that save are lost.</p>
        {reason !== undefined && <p className="mt-0.5 break-words text-amber-900">Reason: {reason}</p>}
      </div>
      <button
        type="button"
        onClick={onDismiss}
        className="rounded-sm border border-amber-400 bg-white px-2 py-0.5 text-amber-950 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        Dismiss
      </button>
    </div>
  );
}
