// A table row the user selects (a click, or Space/Enter when focused) for the
// tab's buttons to act on; aria-selected says which one is chosen.
import { useState, type ReactNode } from 'react';

export function SelectableTr({ selected, onSelect, children }: { selected: boolean; onSelect: () => void; children: ReactNode }) {
  return (
    <tr
      tabIndex={0}
      aria-selected={selected}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          onSelect();
        }
      }}
      className={`cursor-default border-b border-slate-100 outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-inset ${selected ? 'bg-blue-600 text-white [&_*]:text-white' : 'even:bg-slate-50/60 hover:bg-blue-50'}`}
    >
      {children}
    </tr>
  );
}

/** The selected row, forgotten when it leaves the list. */
export function useRowSelection(refs: readonly string[]): [string | undefined, (ref: string) => void] {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  return [chosen !== undefined && refs.includes(chosen) ? chosen : undefined, setChosen];
}
