// The Search grid's "Columns" menu: tick the columns to show (Name always shows).
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { COLUMNS } from './search-model';
import { useSearchGrid } from './search-state';

export function ColumnsMenu() {
  const columns = useSearchGrid((s) => s.columns);
  const toggle = useSearchGrid((s) => s.toggleColumn);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="rounded-sm border border-slate-400 bg-gradient-to-b from-white to-slate-100 px-2 py-0.5 text-[13px] hover:to-slate-200 focus-visible:outline-2 focus-visible:outline-blue-600">
        Columns ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={2} className="z-50 min-w-44 rounded-sm border border-slate-400 bg-white py-1 text-[13px] shadow-md">
          {COLUMNS.map((c) => (
            <DropdownMenu.CheckboxItem
              key={c.id}
              checked={columns.includes(c.id)}
              disabled={c.id === 'name'}
              onCheckedChange={() => toggle(c.id)}
              // Keep the menu open so several columns can be ticked in one go.
              onSelect={(e) => e.preventDefault()}
              className="flex cursor-default items-center gap-2 px-2 py-0.5 outline-none select-none data-[disabled]:text-slate-400 data-[highlighted]:bg-blue-600 data-[highlighted]:text-white"
            >
              <span className="w-3 text-center" aria-hidden="true">
                <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
              </span>
              {c.label}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
