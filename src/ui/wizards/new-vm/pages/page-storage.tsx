// Storage: the template's disks (and any added here) with the SR each goes on,
// its size and whether that SR is shared; Add…, Edit… and Delete; or, for a
// guest that boots from the network, no disks at all. A custom template can
// be fast-cloned on its own SR or fully copied to another.
import { useState } from 'react';
import { BUTTON_SECONDARY } from '../../../dialogs/dialog-styles';
import { formatBytes } from '../../../format/bytes';
import { FieldMessages, describedBy } from '../../common/field-messages';
import { newDisk } from '../page-defaults';
import { canRemoveDisk, fullCopySr, removeDisk, updateDisk } from '../wizard-edits';
import type { DiskDraft } from '../wizard-state';
import { DiskDialog } from './disk-dialog';
import { LEGEND, RUBRIC, type PageProps } from './page-props';

export function PageStorage({ state, facts, issues, update }: PageProps) {
  const t = facts.template;
  const [selected, setSelected] = useState<string | undefined>(state.disks[0]?.id);
  const [editing, setEditing] = useState<{ disk: DiskDraft; adding: boolean } | undefined>();
  if (t === undefined) return null;
  const current = state.disks.find((d) => d.id === selected);
  const canDiskless = t.hvm && state.install.method === 'pxe';
  const copySr = fullCopySr(state);
  const addLimit = t.limits.maxVbds - 1;
  const srOf = (d: DiskDraft) => facts.srs.find((s) => s.ref === d.sr);

  return (
    <div className="flex flex-col gap-3">
      <p className={RUBRIC}>
        The virtual machine template you selected provides the virtual disks listed below. You can change the properties of these virtual disks, and add more disks if required.
        {canDiskless && ' Alternatively, you can create a diskless VM that boots from the network.'}
      </p>
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">Disks</legend>
        <label className="flex items-center gap-2 text-[13px]">
          <input type="radio" name="storage-mode" checked={!state.diskless} onChange={() => update((s) => ({ ...s, diskless: false }))} />
          Use these virtual disks:
        </label>
        <div className="ml-6">
          <table aria-label="Virtual disks" aria-describedby={describedBy('disks', issues['disks'], false)} className="w-full border border-slate-300 text-[13px]">
            <thead className="bg-slate-100 text-left text-xs text-slate-700">
              <tr>
                <th className="w-8 px-2 py-1" scope="col">
                  <span className="sr-only">Select</span>
                </th>
                <th className="px-2 py-1" scope="col">Name</th>
                <th className="px-2 py-1" scope="col">Location</th>
                <th className="px-2 py-1" scope="col">Size</th>
                <th className="px-2 py-1" scope="col">Shared</th>
              </tr>
            </thead>
            <tbody>
              {state.disks.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-2 py-2 text-slate-600">
                    No disks.
                  </td>
                </tr>
              )}
              {state.disks.map((d) => {
                const sr = srOf(d);
                const issue = issues[`disk:${d.id}`];
                const msgId = `disk-row-${d.id}`;
                return (
                  <tr key={d.id} className={`border-t border-slate-200 align-top ${d.id === selected ? 'bg-blue-50' : ''}`} onClick={() => setSelected(d.id)}>
                    <td className="px-2 py-1">
                      <input type="radio" name="disk-row" aria-label={`Select disk ${d.name}`} checked={d.id === selected} disabled={state.diskless} aria-describedby={describedBy(msgId, issue, false)} onChange={() => setSelected(d.id)} />
                    </td>
                    <td className="px-2 py-1">
                      {d.name}
                      <FieldMessages id={msgId} issue={issue} />
                    </td>
                    <td className="px-2 py-1">{sr === undefined ? '<no suitable storage>' : `${sr.name} (${formatBytes(sr.free)} free)`}</td>
                    <td className="px-2 py-1 whitespace-nowrap">{formatBytes(d.size)}</td>
                    <td className="px-2 py-1">{sr === undefined ? '' : sr.shared ? 'True' : 'False'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              className={BUTTON_SECONDARY}
              disabled={state.disks.length >= addLimit}
              title={state.disks.length >= addLimit ? 'The maximum number of disks for this template has been reached.' : undefined}
              onClick={() => setEditing({ disk: newDisk(state, facts).disk, adding: true })}
            >
              Add…
            </button>
            <button type="button" className={BUTTON_SECONDARY} disabled={current === undefined || state.diskless} onClick={() => current !== undefined && setEditing({ disk: current, adding: false })}>
              Edit…
            </button>
            <button
              type="button"
              className={BUTTON_SECONDARY}
              disabled={current === undefined || !canRemoveDisk(current) || state.diskless}
              title={current !== undefined && !canRemoveDisk(current) ? "The template's system disk cannot be removed." : undefined}
              onClick={() => current !== undefined && update((s) => removeDisk(s, current.id))}
            >
              Delete
            </button>
          </div>
          <FieldMessages id="disks" issue={issues['disks']} />
        </div>
        <label className={`flex items-center gap-2 text-[13px] ${canDiskless ? '' : 'text-slate-400'}`}>
          <input type="radio" name="storage-mode" checked={state.diskless} disabled={!canDiskless && !state.diskless} onChange={() => update((s) => ({ ...s, diskless: true }))} />
          Create a diskless VM that boots from the network
        </label>
      </fieldset>
      {!t.isDefault && (
        <fieldset>
          <legend className={LEGEND}>Copy mode</legend>
          <label className={`flex items-center gap-2 text-[13px] ${copySr === undefined ? 'text-slate-400' : ''}`}>
            <input type="checkbox" checked={state.fastClone || copySr === undefined} disabled={copySr === undefined} aria-describedby="fast-clone-hint" onChange={(e) => {
              const on = e.target.checked;
              update((s) => ({ ...s, fastClone: on }));
            }} />
            Use storage-level fast disk clone
          </label>
          <p id="fast-clone-hint" className="mt-1 ml-6 text-xs text-slate-600">
            {copySr === undefined
              ? 'The template is cloned; disks moved to another SR are copied there.'
              : state.fastClone
                ? 'Quick: the new disks share the template\'s blocks on its SR (VM.clone).'
                : `A full copy of every disk on ${facts.srs.find((s) => s.ref === copySr)?.name ?? 'the SR'} (VM.copy): slower, independent of the template.`}
          </p>
        </fieldset>
      )}
      {editing !== undefined && (
        <DiskDialog
          disk={editing.disk}
          adding={editing.adding}
          state={state}
          facts={facts}
          onClose={() => setEditing(undefined)}
          onSave={(d) => {
            update((s) => (editing.adding ? { ...s, counter: s.counter + 1, diskless: false, disks: [...s.disks, d] } : updateDisk(s, d.id, d)));
            setSelected(d.id);
            setEditing(undefined);
          }}
        />
      )}
    </div>
  );
}
