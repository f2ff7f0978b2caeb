// The header of a Notifications page, styled as an object's header (its
// title a level-2 heading), with the page's filters and buttons below it.
import type { ReactNode } from 'react';

/** The page's header (a level-2 heading, as an object's name is) and its toolbar. */
export function NotificationsHeader({ id, title, summary, children }: { id: string; title: string; summary: string; children: ReactNode }) {
  return (
    <>
      <div className="flex shrink-0 items-center gap-3 border-b border-slate-300 bg-gradient-to-b from-white to-slate-100 px-3 py-2">
        <div className="min-w-0">
          <h2 id={id} className="m-0 truncate text-base leading-tight font-semibold text-slate-900">
            {title}
          </h2>
          <p className="m-0 truncate text-xs text-slate-600">{summary}</p>
        </div>
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-2 border-b border-slate-300 bg-slate-100 px-3 py-1 text-xs">
        {children}
      </div>
    </>
  );
}
