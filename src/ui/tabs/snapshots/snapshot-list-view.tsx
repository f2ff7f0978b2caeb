// The List View of the Snapshots tab (XenCenter's grid): type, name, time
// taken, size on storage, tags and description, newest first; rows select as
// in the tree (click, Ctrl/Shift+click, arrows), double-click reverts.
import { formatBytes } from '../../format/bytes';
import { formatDateTime } from '../../format/datetime';
import { SnapshotIcon } from './snapshot-icons';
import type { SnapshotRow } from './snapshot-rows';
import type { SnapshotViewProps } from './snapshot-tree-view';

const COLUMNS = ['Type', 'Name', 'Time', 'Size on storage', 'Tags', 'Description'] as const;

export function SnapshotListView({ rows, ...view }: SnapshotViewProps & { rows: readonly SnapshotRow[] }) {
  const focusable = view.selected[0] ?? rows[0]?.ref;
  return (
    <table role="grid" aria-label="Snapshots" aria-multiselectable className="w-full border-collapse text-[13px]" onKeyDown={view.onKey}>
      <thead className="sticky top-0 z-[1] bg-gradient-to-b from-slate-50 to-slate-200">
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col" className={`border-r border-b border-slate-300 px-2 py-1 font-semibold whitespace-nowrap text-slate-700 last:border-r-0 ${c === 'Size on storage' ? 'text-right' : 'text-left'}`}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={COLUMNS.length} className="px-2 py-2 text-slate-500">
              This VM has no snapshots.
            </td>
          </tr>
        )}
        {rows.map((r) => {
          const selected = view.selected.includes(r.ref);
          return (
            <tr
              key={r.ref}
              aria-selected={selected}
              aria-label={r.name}
              data-snapshot-ref={r.ref}
              tabIndex={r.ref === focusable ? 0 : -1}
              onClick={(e) => view.onClick(r.ref, e)}
              onDoubleClick={() => view.onOpen(r.ref)}
              className={`cursor-default border-b border-slate-100 outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-inset ${selected ? 'bg-blue-700 text-white' : 'even:bg-slate-50/60 hover:bg-blue-50'}`}
            >
              <td className="px-2 py-0.5 whitespace-nowrap">
                <span className="flex items-center gap-1.5">
                  <SnapshotIcon memory={r.type === 'Disks and memory'} scheduled={r.scheduled} size={16} />
                  {r.type}
                  {r.scheduled ? ' (scheduled)' : ''}
                </span>
              </td>
              <th scope="row" className="px-2 py-0.5 text-left font-normal whitespace-nowrap">
                {r.name}
              </th>
              <td className="px-2 py-0.5 whitespace-nowrap">{formatDateTime(r.time)}</td>
              <td className="px-2 py-0.5 text-right whitespace-nowrap tabular-nums">{formatBytes(r.sizeOnStorage)}</td>
              <td className="px-2 py-0.5">{r.tags === '' ? 'None' : r.tags}</td>
              <td className="px-2 py-0.5">{r.description === '' ? 'None' : r.description}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
