// The full page shown while the lab starts: the worker boots and reads the
// saved world (a large world can take a few seconds).
import { Spinner } from './spinner';

export function LoadingScreen({ detail }: { detail: string }) {
  return (
    <div className="flex h-screen items-center justify-center bg-slate-100 text-sm text-slate-900">
      <div role="status" aria-live="polite" className="flex items-center gap-3 rounded-sm border border-slate-300 bg-white py-4 pr-8 pl-5 shadow-sm">
        <Spinner className="size-6" />
        <div>
          <p className="font-semibold">Starting the lab…</p>
          <p className="mt-0.5 text-xs text-slate-600">{detail}</p>
        </div>
      </div>
    </div>
  );
}
