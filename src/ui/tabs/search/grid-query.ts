// The Search grid's filtered, sorted list, remembered between event batches:
// when only a few rows changed and none of them entered or left the filter
// or moved in the order, the last order is kept with the new row objects
// (no sort of 1,000 rows with a collator per batch).
import { queryRows, sortValue, type GridQuery } from './search-model';
import type { SearchRow } from './search-rows';

function sameQuery(a: GridQuery, b: GridQuery): boolean {
  return a.text === b.text && a.types === b.types && a.showDefaultTemplates === b.showDefaultTemplates && a.now === b.now && a.sort?.column === b.sort?.column && a.sort?.direction === b.sort?.direction;
}

/** queryRows, remembering its last answer (see above). */
export function makeGridQuery(): (rows: readonly SearchRow[], query: GridQuery) => readonly SearchRow[] {
  let last: { rows: readonly SearchRow[]; query: GridQuery; shown: readonly SearchRow[] } | undefined;
  return (rows, query) => {
    if (last !== undefined && sameQuery(last.query, query)) {
      if (last.rows === rows) return last.shown;
      const kept = keepOrder(last.rows, last.shown, rows, query);
      if (kept !== undefined) {
        last = { rows, query, shown: kept };
        return kept;
      }
    }
    const shown = queryRows(rows, query);
    last = { rows, query, shown };
    return shown;
  };
}

/** What decides a row's place in the grid: whether it is shown, and its sort keys. */
function placeKey(row: SearchRow, query: GridQuery): string {
  const shown = queryRows([row], query).length === 1;
  if (!shown) return '';
  const value = query.sort === undefined ? '' : String(sortValue(row, query.sort.column, query.now));
  return `${row.type}\u0000${row.name}\u0000${value}`;
}

function keepOrder(oldRows: readonly SearchRow[], oldShown: readonly SearchRow[], rows: readonly SearchRow[], query: GridQuery): SearchRow[] | undefined {
  if (oldRows.length !== rows.length) return undefined;
  const replaced = new Map<string, SearchRow>();
  for (let i = 0; i < rows.length; i++) {
    const before = oldRows[i];
    const now = rows[i];
    if (before === now || before === undefined || now === undefined) continue;
    if (before.ref !== now.ref || placeKey(before, query) !== placeKey(now, query)) return undefined;
    replaced.set(now.ref, now);
  }
  return oldShown.map((row) => replaced.get(row.ref) ?? row);
}
