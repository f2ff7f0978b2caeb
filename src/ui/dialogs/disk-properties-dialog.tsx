// A virtual disk's Properties (XenCenter's VDI property pages, in one form):
// name and description; size, which only grows (VDI.resize) and only while no
// running VM has the disk plugged; and, on a VM's disk, Read Only (VBD.set_mode,
// only while the VM is halted). Unchanged fields make no call.
import { useState } from 'react';
import { reportFailure } from '../actions/report';
import { runTaskCall } from '../actions/run-xenapi';
import { useMakeActionContext } from '../actions/use-actions';
import { useObject } from '../cache/use-cache';
import { formatBytes } from '../format/bytes';
import { useLab } from '../lab/lab-context';
import { SIZE_UNITS, parseSize, type SizeUnit } from './disk-plan';
import { FormDialog, NameDescriptionFields } from './form-dialog';
import { SizeField } from './size-field';

function initialSize(bytes: number): [string, SizeUnit] {
  const unit: SizeUnit = bytes >= SIZE_UNITS.TiB ? 'TiB' : bytes >= SIZE_UNITS.GiB ? 'GiB' : 'MiB';
  return [String(Math.round((bytes / SIZE_UNITS[unit]) * 100) / 100), unit];
}

export function DiskPropertiesDialog({ vdiRef, vbdRef, onClose }: { vdiRef: string; vbdRef?: string | undefined; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const vdi = useObject('VDI', vdiRef);
  const vbd = useObject('VBD', vbdRef);
  const vm = useObject('VM', vbd?.VM);
  const [name, setName] = useState(vdi?.name_label ?? '');
  const [description, setDescription] = useState(vdi?.name_description ?? '');
  const [[sizeText, unit], setSize] = useState(() => initialSize(vdi?.virtual_size ?? 0));
  const [readOnly, setReadOnly] = useState(vbd?.mode === 'RO');
  if (vdi === undefined) return null;

  const inUse = vdi.VBDs.some((b) => lab.cache.get('VBD', b)?.currently_attached === true);
  const resizeReason = inUse ? 'Deactivate the disk (or shut the VM down) to resize it.' : !(vdi.allowed_operations as readonly string[]).includes('resize') ? 'This disk cannot be resized.' : undefined;
  const size = parseSize(sizeText, unit, vdi.virtual_size);
  const nameError = name.trim() === '' ? 'Enter a name for the disk.' : undefined;
  const modeReason = vm === undefined ? undefined : vm.power_state !== 'Halted' ? 'Shut the VM down to change whether it may write to the disk.' : vdi.read_only ? 'The disk itself is read-only.' : undefined;
  const blocked = nameError ?? (resizeReason === undefined ? size.error : undefined);

  const save = async () => {
    const context = makeContext([vdiRef]);
    const target = { cls: 'VDI' as const, ref: vdiRef, kind: 'vdi' as const, name: vdi.name_label };
    const failure = `Could not change ${vdi.name_label}`;
    try {
      if (name.trim() !== vdi.name_label) await context.api.call('VDI.set_name_label', vdiRef, name.trim());
      if (description !== vdi.name_description) await context.api.call('VDI.set_name_description', vdiRef, description);
    } catch (e) {
      reportFailure(failure, e, context.cache);
      return;
    }
    if (resizeReason === undefined && size.bytes !== undefined && size.bytes !== vdi.virtual_size) {
      if (!(await runTaskCall(context, { method: 'VDI.resize', args: [vdiRef, size.bytes], target, failure }))) return;
    }
    if (vbdRef !== undefined && vbd !== undefined && modeReason === undefined && (readOnly ? 'RO' : 'RW') !== vbd.mode) {
      await context.api.call('VBD.set_mode', vbdRef, readOnly ? 'RO' : 'RW').catch((e: unknown) => reportFailure(failure, e, context.cache));
    }
  };

  return (
    <FormDialog title={`‘${vdi.name_label}’ Properties`} submitLabel="OK" blocked={blocked} onClose={onClose} onSubmit={() => { onClose(); void save(); }}>
      <NameDescriptionFields id="vdi" name={name} nameError={nameError} description={description} onName={setName} onDescription={setDescription} />
      <SizeField id="vdi-size" value={sizeText} unit={unit} disabled={resizeReason !== undefined} error={resizeReason === undefined ? size.error : undefined} hint={resizeReason ?? `Now ${formatBytes(vdi.virtual_size)}; a disk can only grow.`} onChange={(v, u) => setSize([v, u])} />
      {vbdRef !== undefined && (
        <div>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={readOnly} disabled={modeReason !== undefined} aria-describedby={modeReason === undefined ? undefined : 'vbd-mode-hint'} onChange={(e) => setReadOnly(e.target.checked)} />
            Read-only
          </label>
          {modeReason !== undefined && (
            <p id="vbd-mode-hint" className="mt-1 text-xs text-slate-600">
              {modeReason}
            </p>
          )}
        </div>
      )}
    </FormDialog>
  );
}
