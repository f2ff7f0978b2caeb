// The search box above the tree: filters it as you type (XenCenter's
// navigation-pane search). Escape clears it.
import { useUi } from '../state/ui-store';

export function SearchBox() {
  const search = useUi((s) => s.search);
  const typeSearch = useUi((s) => s.typeSearch);
  return (
    <div className="shrink-0 border-b border-slate-200 p-1.5">
      <input
        type="search"
        aria-label="Search"
        placeholder="Search…"
        value={search}
        onChange={(e) => typeSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && search !== '') {
            e.preventDefault();
            typeSearch('');
          }
        }}
        className="h-6 w-full rounded-sm border border-slate-300 bg-white px-1.5 text-xs placeholder:text-slate-400 focus:border-blue-600 focus:outline-none focus:ring-1 focus:ring-blue-600"
      />
    </div>
  );
}
