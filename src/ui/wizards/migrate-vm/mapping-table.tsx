// A table that maps each of a VM's things (disks, network interfaces) to a
// target chosen in its last column: the Migrate VM wizard's Storage and
// Networking pages, and the Move VM wizard's Storage page. Each row's select
// carries its own label and error.
import type { ReactNode } from 'react';
import { INPUT_BOX } from '../../dialogs/dialog-styles';
import { FieldMessages, describedBy, invalid } from '../common/field-messages';

const TH = 'border-b border-slate-300 px-2 py-1 text-left font-medium text-slate-700';
export const TD = 'border-b border-slate-200 px-2 py-1 align-top';

export interface MappingOption {
  readonly value: string;
  readonly label: string;
}

export interface MappingRow {
  /** The row's key and the select's id. */
  readonly id: string;
  /** The cells before the select (each a <td>). */
  readonly cells: ReactNode;
  /** The select's accessible name. */
  readonly label: string;
  readonly value: string;
  readonly error: string | undefined;
  readonly options: readonly MappingOption[];
  onChange(value: string): void;
}

export function MappingTable({ name, headers, placeholder, rows }: { name: string; headers: readonly string[]; placeholder: string; rows: readonly MappingRow[] }) {
  return (
    <table className="w-full border-collapse" aria-label={name}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} className={TH}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const issue = r.error === undefined ? undefined : { error: r.error };
          return (
            <tr key={r.id}>
              {r.cells}
              <td className={TD}>
                <select
                  id={r.id}
                  aria-label={r.label}
                  className={`${INPUT_BOX} w-full`}
                  value={r.value}
                  aria-invalid={invalid(issue)}
                  aria-describedby={describedBy(r.id, issue, false)}
                  onChange={(e) => r.onChange(e.target.value)}
                >
                  <option value="">{placeholder}</option>
                  {r.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <FieldMessages id={r.id} issue={issue} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
