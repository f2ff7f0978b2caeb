// Attach Disk… on a VM's Storage tab (XenCenter's AttachDiskDialog): the
// pool's disks by SR, those that cannot be attached greyed with the reason,
// and "Attach as read-only". VBD.create at the next free position, then
// VBD.plug when the VM runs and can hot-plug.
import { useCallback, useState } from 'react';
import { hotplugCheck } from '../actions/device-checks';
import { runTaskCall, runTaskCallFor } from '../actions/run-xenapi';
import { useMakeActionContext } from '../actions/use-actions';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { formatBytes } from '../format/bytes';
import { useLab } from '../lab/lab-context';
import { LABEL } from './dialog-styles';
import { attachChoices, newVbdRecord } from './disk-plan';
import { FormDialog } from './form-dialog';

export function AttachDiskDialog({ vmRef, onClose }: { vmRef: string; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const select = useCallback((c: ObjectCache) => attachChoices(c, vmRef), [vmRef]);
  const choices = useCacheSelector(select, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  const [vdi, setVdi] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const vmName = lab.cache.get('VM', vmRef)?.name_label ?? vmRef;
  const chosen = choices.find((c) => c.ref === vdi);
  const forcedReadOnly = chosen?.readOnlyOnly === true;
  const blocked = chosen === undefined ? 'Choose the disk to attach.' : chosen.reason;

  const attach = async () => {
    const context = makeContext([vmRef]);
    const target = { cls: 'VM' as const, ref: vmRef, kind: 'vm' as const, name: vmName };
    const vbd = await runTaskCallFor<string>(context, { method: 'VBD.create', args: [newVbdRecord(vmRef, vdi, readOnly || forcedReadOnly)], target, failure: `Could not attach the disk to ${vmName}` });
    const vm = context.cache.get('VM', vmRef);
    if (vbd.ok && vm !== undefined && hotplugCheck(vm, context.cache, 'disk').ok) await runTaskCall(context, { method: 'VBD.plug', args: [vbd.result], target, failure: `Could not activate the disk on ${vmName}` });
  };

  return (
    <FormDialog title={`Attach Disk to ${vmName}`} submitLabel="Attach" blocked={blocked} width="w-[min(36rem,calc(100vw-2rem))]" onClose={onClose} onSubmit={() => { onClose(); void attach(); }}>
      <fieldset>
        <legend className={LABEL}>Virtual disks in the pool</legend>
        <div role="radiogroup" aria-label="Virtual disk" className="mt-1 max-h-72 overflow-y-auto rounded-sm border border-slate-300">
          {choices.length === 0 && <p className="px-2 py-1 text-slate-500">There are no disks this VM could attach.</p>}
          {choices.map((c) => (
            <label key={c.ref} className={`flex items-start gap-2 border-b border-slate-100 px-2 py-1 last:border-b-0 ${c.reason === undefined ? '' : 'text-slate-400'}`}>
              <input type="radio" name="attach-vdi" className="mt-0.5" checked={vdi === c.ref} disabled={c.reason !== undefined} onChange={() => setVdi(c.ref)} />
              <span>
                {c.name === '' ? '(unnamed disk)' : c.name}
                <span className="block text-xs">
                  {c.sr}, {formatBytes(c.size)}
                  {c.reason === undefined ? '' : ` — ${c.reason}`}
                  {c.readOnlyOnly ? ' — in use by a running VM: read-only only' : ''}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={readOnly || forcedReadOnly} disabled={forcedReadOnly} onChange={(e) => setReadOnly(e.target.checked)} />
        Attach as read-only
      </label>
    </FormDialog>
  );
}
