// XenCenter's Search tab: a grid of the pool's objects (or one server's),
// filtered by text and type, sorted by any column (click a header), with a
// Columns menu. Rows are virtualized (the large world has 1,000 VMs); the
// table keeps its header and aria-rowcount/rowindex so it reads as a whole.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { shallowEqualArrays, useCacheSelector, useObject } from '../../cache/use-cache';
import { ObjectIcon } from '../../format/object-icon';
import { useLab } from '../../lab/lab-context';
import { useUi, type ChosenGroup } from '../../state/ui-store';
import type { FocusedObject } from '../object-kind';
import { useVirtualNow } from '../use-virtual-time';
import { ColumnsMenu } from './columns-menu';
import { cellText } from './search-cells';
import { COLUMNS, TYPE_FILTERS, type ColumnDef, type Sort, type TypeFilter } from './search-model';
import type { SearchRow, SearchScope } from './search-rows';
import { searchSourceFor } from './search-source';
import { useSearchGrid } from './search-state';
import { observeRectAfterLayout, scrollUnlessNew } from '../../virtual/no-forced-layout';

const ROW_HEIGHT = 24;

/**
 * The grid's box when it was last shown. The virtualizer renders the rows
 * that fit its box; it measures the box only after the first commit and,
 * when the rows that fit differ from those rendered, renders again at once
 * in the same task (bench:ui: 10–20 ms of the ~55 ms that opening the pool's
 * Search took). Starting from the last size, a Search shown again renders
 * the right rows the first time.
 */
let lastRect = { width: 1000, height: 600 };

/** The Search page of an object (the pool, a server) or of a group chosen in the tree. */
export function SearchTab({ focus, group }: { focus: FocusedObject; group?: ChosenGroup | undefined }) {
  const hostRef = focus.kind === 'host' ? focus.ref : undefined;
  const { cache } = useLab();
  const source = useMemo(() => searchSourceFor(cache, scopeOf(hostRef, group)), [cache, hostRef, group]);
  const rows = useCacheSelector(source.select, shallowEqualArrays);
  const { text, types: chosenTypes, columns: chosen, sort } = useSearchGrid();
  // A group is its own filter: all its objects, whatever their type.
  const types = group === undefined ? chosenTypes : 'all';
  const showDefaultTemplates = useUi((s) => s.viewOptions.showDefaultTemplates);
  const uptimeShown = chosen.includes('uptime');
  const now = useVirtualNow();
  // Sorting by uptime follows the clock; other orders do not need it.
  const sortNow = sort?.column === 'uptime' ? now : undefined;
  const shown = useMemo(() => source.query(rows, { text, types, showDefaultTemplates, sort, now: sortNow }), [source, rows, text, types, showDefaultTemplates, sort, sortNow]);
  const columns = COLUMNS.filter((c) => chosen.includes(c.id));
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <SearchBar count={shown.length} typeChoice={group === undefined} />
      <Grid rows={shown} columns={columns} sort={sort} now={uptimeShown ? now : undefined} />
    </div>
  );
}

function scopeOf(hostRef: string | undefined, group: ChosenGroup | undefined): SearchScope {
  if (group !== undefined) return { kind: 'refs', key: group.id, refs: new Set(group.refs) };
  return hostRef === undefined ? { kind: 'all' } : { kind: 'host', host: hostRef };
}

function SearchBar({ count, typeChoice }: { count: number; typeChoice: boolean }) {
  const text = useSearchGrid((s) => s.text);
  const types = useSearchGrid((s) => s.types);
  const typeFilterText = useSearchGrid((s) => s.typeFilterText);
  const chooseTypes = useSearchGrid((s) => s.chooseTypes);
  return (
    <div className="flex shrink-0 flex-wrap items-center gap-2 text-[13px]">
{typeChoice && (
      <label className="flex items-center gap-1.5">
        <span>Search for</span>
        <select value={types} onChange={(e) => chooseTypes(e.target.value as TypeFilter)} aria-label="Object type" className="rounded-sm border border-slate-400 bg-white px-1 py-0.5">
          {TYPE_FILTERS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      )}
      <input
        type="search"
        value={text}
        onChange={(e) => typeFilterText(e.target.value)}
        aria-label="Filter by name, tag, IP address, OS or state"
        placeholder="Filter by name, tag, IP, OS, state…"
        className="w-64 rounded-sm border border-slate-400 bg-white px-1.5 py-0.5"
      />
      <span role="status" className="text-slate-600">
        {`${String(count)} object${count === 1 ? '' : 's'}`}
      </span>
      <span className="ml-auto">
        <ColumnsMenu />
      </span>
    </div>
  );
}

function Grid({ rows, columns, sort, now }: { rows: readonly SearchRow[]; columns: readonly ColumnDef[]; sort: Sort | undefined; now: number | undefined }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const clickHeader = useSearchGrid((s) => s.clickHeader);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's methods are read in this render only
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, initialRect: lastRect, observeElementRect: observeRectAfterLayout, scrollToFn: scrollUnlessNew });
  useLayoutEffect(() => {
    if (virtualizer.scrollRect !== null) lastRect = virtualizer.scrollRect;
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto rounded-sm border border-slate-300 bg-white">
      <table className="w-full table-fixed border-collapse text-[13px]" aria-rowcount={rows.length + 1}>
        <caption className="sr-only">Search results</caption>
        <thead className="sticky top-0 z-[1] bg-gradient-to-b from-slate-50 to-slate-200">
          <tr aria-rowindex={1}>
            {columns.map((c) => {
              const sorted = sort?.column === c.id ? sort.direction : undefined;
              return (
                <th key={c.id} scope="col" aria-sort={sorted} className={`border-r border-b border-slate-300 p-0 font-semibold text-slate-700 last:border-r-0 ${c.width}`}>
                  <button type="button" onClick={() => clickHeader(c.id)} className={`flex w-full items-center gap-1 px-2 py-1 hover:bg-white/60 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-blue-600 ${c.numeric ? 'justify-end' : 'justify-start'}`}>
                    {c.label}
                    <span aria-hidden="true" className="w-2 text-[9px] text-slate-500">
                      {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: padTop, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            return row === undefined ? null : <GridRow key={row.ref} row={row} index={item.index} columns={columns} now={now} />;
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: padBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="m-0 p-3 text-[13px] text-slate-600">No objects match this search.</p> : null}
    </div>
  );
}

const GridRow = memo(function GridRow({ row, index, columns, now }: { row: SearchRow; index: number; columns: readonly ColumnDef[]; now: number | undefined }) {
  return (
    <tr aria-rowindex={index + 2} className="border-b border-slate-100 even:bg-slate-50/60 hover:bg-blue-50" style={{ height: ROW_HEIGHT }}>
      {columns.map((c) =>
        c.id === 'name' ? (
          <th key={c.id} scope="row" className="truncate px-2 text-left font-normal">
            <span className="flex min-w-0 items-center gap-1.5">
              <RowIcon row={row} />
              <button type="button" onClick={() => useUi.getState().selectObjects([row.ref])} className="min-w-0 truncate text-left text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
                {row.name}
              </button>
              {/* Local SRs share a name ("Local storage"): say whose. */}
              {row.type === 'sr' && row.host !== '' ? <span className="truncate text-slate-500">({row.host})</span> : null}
            </span>
          </th>
        ) : (
          <td key={c.id} className={`truncate px-2 ${c.numeric ? 'text-right tabular-nums' : ''}`}>
            {cellText(row, c.id, now)}
          </td>
        ),
      )}
    </tr>
  );
});

/** The object's tree icon (its own subscription: only this icon re-renders when the record changes). */
function RowIcon({ row }: { row: SearchRow }) {
  const record = useObject(row.cls, row.ref);
  return <ObjectIcon cls={row.cls} record={record} />;
}
