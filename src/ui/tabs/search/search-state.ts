// The Search grid's settings, kept while the user moves between objects and
// tabs (as XenCenter keeps the current search): text, type, columns, order.
import { create } from 'zustand';
import { DEFAULT_COLUMNS, nextSort, type ColumnId, type Sort, type TypeFilter } from './search-model';

interface SearchGridState {
  readonly text: string;
  readonly types: TypeFilter;
  readonly columns: readonly ColumnId[];
  readonly sort: Sort | undefined;
  typeFilterText(text: string): void;
  chooseTypes(types: TypeFilter): void;
  toggleColumn(column: ColumnId): void;
  clickHeader(column: ColumnId): void;
}

export const useSearchGrid = create<SearchGridState>()((set) => ({
  text: '',
  types: 'servers-and-vms',
  columns: DEFAULT_COLUMNS,
  sort: undefined,
  typeFilterText: (text) => set({ text }),
  chooseTypes: (types) => set({ types }),
  toggleColumn: (column) =>
    set((s) => {
      if (column === 'name') return s; // the name column always shows
      return { columns: s.columns.includes(column) ? s.columns.filter((c) => c !== column) : [...s.columns, column] };
    }),
  clickHeader: (column) => set((s) => ({ sort: nextSort(s.sort, column) })),
}));
