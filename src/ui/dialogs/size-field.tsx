// A disk size typed as a number with its unit (MiB, GiB, TiB), as XenCenter's
// disk dialogs take it; the message for the field comes from the caller.
import { FieldMessages, describedBy, invalid } from '../wizards/common/field-messages';
import { INPUT_BOX, LABEL } from './dialog-styles';
import { SIZE_UNITS, type SizeUnit } from './disk-plan';

export function SizeField({ id, value, unit, error, hint, disabled = false, onChange }: { id: string; value: string; unit: SizeUnit; error: string | undefined; hint?: string; disabled?: boolean; onChange: (value: string, unit: SizeUnit) => void }) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        Size
      </label>
      <div className="mt-1 flex gap-2">
        <input id={id} inputMode="decimal" className={`${INPUT_BOX} w-32`} value={value} disabled={disabled} aria-invalid={invalid({ error })} aria-describedby={describedBy(id, { error }, hint !== undefined)} onChange={(e) => onChange(e.target.value, unit)} />
        <select aria-label="Size unit" className={INPUT_BOX} value={unit} disabled={disabled} onChange={(e) => onChange(value, e.target.value as SizeUnit)}>
          {Object.keys(SIZE_UNITS).map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      <FieldMessages id={id} issue={{ error }} {...(hint === undefined ? {} : { hint })} />
    </div>
  );
}
