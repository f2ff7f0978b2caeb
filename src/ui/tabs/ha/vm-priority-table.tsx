// The VMs' HA restart policy as one table (VM, restart priority, start order,
// delay): read-only on the HA tab, editable on the Configure HA wizard's plan
// page. One component so that both say the same thing in the same columns.
import { INPUT_BOX } from '../../dialogs/dialog-styles';
import { PRIORITY_LABELS } from './ha-model';

export interface PriorityRow {
  readonly ref: string;
  readonly name: string;
  readonly priority: string;
  readonly order: string;
  readonly delay: string;
  /** Why HA cannot guarantee this VM a restart (shown under its name; "Restart" is then disabled). */
  readonly notAgile?: string | undefined;
}

export interface PriorityEditing {
  onChange(ref: string, patch: Partial<Pick<PriorityRow, 'priority' | 'order' | 'delay'>>): void;
  /** Per VM, the first field error (its text names the field: "Start order …", "Delay …"). */
  readonly errors: ReadonlyMap<string, string>;
}

const CELL = 'py-1 pr-3';

export function VmPriorityTable({ rows, editing }: { rows: readonly PriorityRow[]; editing?: PriorityEditing }) {
  return (
    <table className="w-full border-collapse text-[13px]" aria-label="VM restart priorities">
      <thead>
        <tr className="text-left text-slate-600">
          <th className={`${CELL} font-normal`}>VM</th>
          <th className={`${CELL} font-normal`}>Restart priority</th>
          <th className={`${CELL} font-normal`}>Start order</th>
          <th className="py-1 font-normal">Delay (seconds)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.ref} className="border-t border-slate-200 align-top">
            <td className={CELL}>
              {r.name}
              {r.notAgile !== undefined ? <span className="block text-xs text-slate-600">Cannot be protected: {r.notAgile}</span> : null}
            </td>
            {editing === undefined ? (
              <>
                <td className={CELL}>{PRIORITY_LABELS[r.priority] ?? r.priority}</td>
                <td className={CELL}>{r.order}</td>
                <td className="py-1">{r.delay}</td>
              </>
            ) : (
              <EditableCells row={r} editing={editing} />
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EditableCells({ row, editing }: { row: PriorityRow; editing: PriorityEditing }) {
  const error = editing.errors.get(row.ref);
  return (
    <>
      <td className={CELL}>
        <select aria-label={`Restart priority of ${row.name}`} className={`${INPUT_BOX} w-44`} value={row.priority} onChange={(e) => editing.onChange(row.ref, { priority: e.target.value })}>
          {Object.entries(PRIORITY_LABELS).map(([value, label]) => (
            <option key={value} value={value} disabled={value === 'restart' && row.notAgile !== undefined}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td className={CELL}>
        <input aria-label={`Start order of ${row.name}`} className={`${INPUT_BOX} w-20`} inputMode="numeric" value={row.order} aria-invalid={error?.includes('Start order') === true || undefined} onChange={(e) => editing.onChange(row.ref, { order: e.target.value })} />
      </td>
      <td className="py-1">
        <input aria-label={`Delay of ${row.name}`} className={`${INPUT_BOX} w-20`} inputMode="numeric" value={row.delay} aria-invalid={error?.includes('Delay') === true || undefined} onChange={(e) => editing.onChange(row.ref, { delay: e.target.value })} />
      </td>
    </>
  );
}
