// A collapsible section of the General tab, as XenCenter's PDSection: a
// header button (aria-expanded) that folds the property rows under it. The
// folded state is remembered per section name across objects.
import { useId, type ReactNode } from 'react';
import { useTabMemory } from '../tab-memory';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const collapsed = useTabMemory((s) => s.collapsed[title] === true);
  const toggle = useTabMemory((s) => s.toggleSection);
  const bodyId = useId();
  return (
    <section className="mb-2 rounded-sm border border-slate-300 bg-white">
      <h3 className="m-0">
        <button
          type="button"
          className="flex w-full items-center gap-1.5 border-b border-slate-200 bg-gradient-to-b from-slate-50 to-slate-200 px-2 py-1 text-left text-[13px] font-semibold text-slate-800 hover:from-white hover:to-slate-100 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-blue-600"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={() => toggle(title)}
        >
          <svg aria-hidden="true" viewBox="0 0 10 10" width="10" height="10" className={`shrink-0 text-slate-500 transition-transform ${collapsed ? '' : 'rotate-90'}`}>
            <path d="M3 1.5 7 5 3 8.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {title}
        </button>
      </h3>
      <div id={bodyId} hidden={collapsed} className="px-3 py-2">
        {children}
      </div>
    </section>
  );
}

/** Property rows: a description list, labels in a narrow column. */
export function Properties({ children }: { children: ReactNode }) {
  return <dl className="m-0 grid grid-cols-[13.5rem_1fr] gap-x-6 gap-y-1 text-[13px]">{children}</dl>;
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}:</dt>
      <dd className="m-0 min-w-0 break-words text-slate-900">{children}</dd>
    </>
  );
}

/** "<None>", as XenCenter writes an empty value. */
export function None() {
  return <span className="text-slate-500">&lt;None&gt;</span>;
}

/** Text, or <None> when empty. */
export function Text({ value }: { value: string | undefined }) {
  return value === undefined || value === '' ? <None /> : <>{value}</>;
}

/** A list of strings, comma-separated, or <None>. */
export function List({ values }: { values: readonly string[] }) {
  return values.length === 0 ? <None /> : <>{values.join(', ')}</>;
}
