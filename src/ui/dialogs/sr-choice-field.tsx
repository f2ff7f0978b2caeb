// The SR radio list of the disk dialogs (New Virtual Disk, Move Virtual Disk):
// each SR with its free space, and greyed out with the reason when it cannot
// take the disk. The message under it shows once an SR is chosen.
import type { CacheReader } from '../actions/action-types';
import { formatBytes } from '../format/bytes';
import { srLabel } from '../format/sr-label';
import { FieldMessages, describedBy } from '../wizards/common/field-messages';
import type { DiskTarget } from './disk-plan';
import { LABEL } from './dialog-styles';

export interface SrChoiceFieldProps {
  readonly id: string;
  readonly legend: string;
  readonly targets: readonly DiskTarget[];
  readonly cache: CacheReader;
  readonly value: string;
  readonly onChange: (sr: string) => void;
  /** Why the choice cannot be used (none chosen, or the chosen SR's reason). */
  readonly error: string | undefined;
  readonly maxHeight: 'max-h-48' | 'max-h-56';
}

export function SrChoiceField({ id, legend, targets, cache, value, onChange, error, maxHeight }: SrChoiceFieldProps) {
  const chosen = targets.some((t) => t.sr.ref === value);
  return (
    <fieldset>
      <legend className={LABEL}>{legend}</legend>
      <div role="radiogroup" aria-label="Storage repository" aria-describedby={describedBy(id, { error }, false)} className={`mt-1 ${maxHeight} overflow-y-auto rounded-sm border border-slate-300`}>
        {targets.map((t) => (
          <label key={t.sr.ref} className={`flex items-start gap-2 border-b border-slate-100 px-2 py-1 last:border-b-0 ${t.reason === undefined ? '' : 'text-slate-400'}`}>
            <input type="radio" name={id} className="mt-0.5" checked={value === t.sr.ref} disabled={t.reason !== undefined} onChange={() => onChange(t.sr.ref)} />
            <span>
              {srLabel(cache, t.sr.ref)}
              <span className="block text-xs">
                {formatBytes(t.sr.free)} free of {formatBytes(t.sr.size)}
                {t.sr.thin ? ' (thin provisioned)' : ''}
                {t.reason === undefined ? '' : ` — ${t.reason}`}
              </span>
            </span>
          </label>
        ))}
      </div>
      <FieldMessages id={id} issue={{ error: chosen ? error : undefined }} />
    </fieldset>
  );
}
