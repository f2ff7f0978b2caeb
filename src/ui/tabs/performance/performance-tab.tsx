// The Performance tab as the tab registry sees it: a small placeholder that
// loads the page, and uPlot with it, only when the tab is first shown, so
// the console's first page does not carry the charts (they build into their
// own chunks; see vite.config.ts).
import { lazy, Suspense } from 'react';

const PerformancePage = lazy(() => import('./performance-page'));

export function PerformanceTab({ objectRef }: { objectRef: string }) {
  return (
    <Suspense
      fallback={
        <p role="status" className="text-[13px] text-slate-600">
          Loading the graphs…
        </p>
      }
    >
      <PerformancePage objectRef={objectRef} />
    </Suspense>
  );
}
