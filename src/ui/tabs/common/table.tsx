// The tab pages' data tables: real <table>s with column headers, compact
// rows and a caption for screen readers, in XenCenter's grid style.
import type { ReactNode } from 'react';

/** A column: its header text, and whether it holds numbers (right-aligned, header too). */
export type Column = string | { readonly label: string; readonly numeric: true };

export function DataTable({ caption, columns, children, empty }: { caption: string; columns: readonly Column[]; children: ReactNode; empty?: string | undefined }) {
  const hasRows = Array.isArray(children) ? children.some((c) => c !== null && c !== false && c !== undefined) : children !== null && children !== undefined && children !== false;
  return (
    <div className="overflow-auto rounded-sm border border-slate-300 bg-white">
      <table className="w-full border-collapse text-[13px]">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-[1] bg-gradient-to-b from-slate-50 to-slate-200">
          <tr>
            {columns.map((c) => {
              const label = typeof c === 'string' ? c : c.label;
              return (
                <th key={label} scope="col" className={`border-r border-b border-slate-300 px-2 py-1 font-semibold whitespace-nowrap text-slate-700 last:border-r-0 ${typeof c === 'string' ? 'text-left' : 'text-right'}`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {hasRows ? (
            children
          ) : (
            <tr>
              <td colSpan={columns.length} className="px-2 py-2 text-slate-500">
                {empty ?? 'None'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Tr({ children }: { children: ReactNode }) {
  return <tr className="border-b border-slate-100 even:bg-slate-50/60 hover:bg-blue-50">{children}</tr>;
}

export function Td({ children, nowrap = false, numeric = false }: { children: ReactNode; nowrap?: boolean; numeric?: boolean }) {
  return <td className={`px-2 py-0.5 align-top ${nowrap ? 'whitespace-nowrap' : ''} ${numeric ? 'text-right tabular-nums' : ''}`}>{children}</td>;
}

/** The name cell of a row: the row header (<th scope="row">). */
export function Th({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="px-2 py-0.5 text-left align-top font-normal whitespace-nowrap">
      {children}
    </th>
  );
}

/** A titled group of content inside a tab page (XenCenter's panel captions). */
export function Panel({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="mb-4">
      <div className="mb-1 flex items-end justify-between gap-2">
        <h3 className="m-0 text-[13px] font-semibold text-slate-800">{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
