// The choice a scan offers when it finds an SR the pool forgot at the
// location: reattach it (its disks come back), or create a new SR — beside it
// on an NFS export, or over it on a LUN or disk (formatting it).
import { INPUT_BOX } from '../../dialogs/dialog-styles';

export interface ReattachChoiceProps {
  /** Forgotten SRs found at the location (UUIDs). */
  readonly found: readonly string[];
  /** The SR chosen for reattach, or undefined to create a new one. */
  readonly chosen: string | undefined;
  /** Whether a new SR would erase the found one (a LUN or disk holds one SR). */
  readonly formats: boolean;
  onChoose(uuid: string | undefined): void;
}

export function ReattachChoice({ found, chosen, formats, onChoose }: ReattachChoiceProps) {
  const [first = ''] = found;
  return (
    <fieldset className="mt-2 rounded-sm border border-slate-200 bg-slate-50 p-2 text-[13px]">
      <legend className="px-1 font-semibold text-slate-800">{found.length === 1 ? 'An existing SR was found at this location' : `${String(found.length)} existing SRs were found at this location`}</legend>
      <label className="flex items-center gap-2 py-0.5">
        <input type="radio" name="sr-reattach" checked={chosen !== undefined} onChange={() => onChoose(first)} />
        Reattach an existing SR
      </label>
      {chosen !== undefined ? (
        <div className="py-0.5 pl-6">
          <label htmlFor="sr-reattach-uuid" className="sr-only">
            SR to reattach
          </label>
          <select id="sr-reattach-uuid" className={`${INPUT_BOX} w-96 font-mono text-xs`} value={chosen} onChange={(e) => onChoose(e.target.value)}>
            {found.map((uuid) => (
              <option key={uuid} value={uuid}>
                {uuid}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-600">The SR is introduced to the pool and plugged; its virtual disks come back with it.</p>
        </div>
      ) : null}
      <label className="flex items-center gap-2 py-0.5">
        <input type="radio" name="sr-reattach" checked={chosen === undefined} onChange={() => onChoose(undefined)} />
        {formats ? 'Format the device and create a new SR' : 'Create a new SR beside it'}
      </label>
      {chosen === undefined && formats ? (
        <p role="alert" className="pl-6 text-xs text-red-700">
          Everything on the device is erased, including the existing SR and all its virtual disks.
        </p>
      ) : null}
    </fieldset>
  );
}
