// Add machine ▸ Custom machine: every part of the machine, each field with its
// message when it is wrong (custom-machine-model checks them). Disks and NICs
// are lists the user adds to and removes from.
import { useId, type ReactNode } from 'react';
import { BUTTON_SECONDARY, FIELD_ERROR, INPUT, LABEL } from '../dialogs/dialog-styles';
import { NIC_SPEEDS, type CustomMachineDraft, type DiskDraft, type NicDraft } from './custom-machine-model';

interface FieldsProps {
  readonly draft: CustomMachineDraft;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (draft: CustomMachineDraft) => void;
}

function Field({ label, error, children, wide }: { label: string; error: string | undefined; wide?: boolean | undefined; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`flex flex-col ${wide === true ? 'min-w-72 flex-1' : ''}`}>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      {children(id, error === undefined ? undefined : errorId)}
      {error !== undefined && (
        <p id={errorId} className={FIELD_ERROR}>
          {error}
        </p>
      )}
    </div>
  );
}

function TextField({ label, value, error, onChange, width = 'w-24', wide }: { label: string; value: string; error: string | undefined; onChange: (v: string) => void; width?: string; wide?: boolean | undefined }) {
  return (
    <Field label={label} error={error} wide={wide}>
      {(id, describedBy) => <input id={id} className={`${INPUT} ${wide === true ? '' : width}`} value={value} aria-invalid={error !== undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-center gap-1 text-[13px]">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

export function CustomMachineFields({ draft, errors, onChange }: FieldsProps) {
  const set = <K extends keyof CustomMachineDraft>(key: K, value: CustomMachineDraft[K]) => onChange({ ...draft, [key]: value });
  const setDisk = (i: number, disk: DiskDraft) => set('disks', replaceAt(draft.disks, i, disk));
  const setNic = (i: number, nic: NicDraft) => set('nics', replaceAt(draft.nics, i, nic));
  return (
    <div className="space-y-3 rounded border border-slate-300 p-3">
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-1 text-[13px] font-semibold">Machine</legend>
        <TextField label="Manufacturer" value={draft.manufacturer} error={errors['manufacturer']} onChange={(v) => set('manufacturer', v)} width="w-40" />
        <TextField label="Model" value={draft.product} error={errors['product']} onChange={(v) => set('product', v)} width="w-48" />
        <Field label="Firmware" error={undefined}>
          {(id) => (
            <select id={id} className={INPUT} value={draft.firmware} onChange={(e) => set('firmware', e.target.value as CustomMachineDraft['firmware'])}>
              <option value="UEFI">UEFI</option>
              <option value="BIOS">BIOS (legacy)</option>
            </select>
          )}
        </Field>
        <TextField label="RAM (GiB)" value={draft.memoryGib} error={errors['memoryGib']} onChange={(v) => set('memoryGib', v)} />
      </fieldset>
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-1 text-[13px] font-semibold">CPU</legend>
        <Field label="CPU vendor" error={undefined}>
          {(id) => (
            <select id={id} className={INPUT} value={draft.vendor} onChange={(e) => set('vendor', e.target.value as CustomMachineDraft['vendor'])}>
              <option value="GenuineIntel">Intel (GenuineIntel)</option>
              <option value="AuthenticAMD">AMD (AuthenticAMD)</option>
              <option value="ARM">ARM</option>
            </select>
          )}
        </Field>
        <TextField label="CPU model" value={draft.modelname} error={errors['modelname']} onChange={(v) => set('modelname', v)} wide />
        <Field label="Architecture" error={errors['arch']}>
          {(id, describedBy) => (
            <select id={id} className={INPUT} value={draft.arch} aria-invalid={errors['arch'] !== undefined} aria-describedby={describedBy} onChange={(e) => set('arch', e.target.value as CustomMachineDraft['arch'])}>
              <option value="x86_64">x86-64 (64-bit)</option>
              <option value="i686">i686 (32-bit x86)</option>
              <option value="aarch64">aarch64 (64-bit ARM)</option>
            </select>
          )}
        </Field>
        <TextField label="Clock (GHz)" value={draft.ghz} error={errors['ghz']} onChange={(v) => set('ghz', v)} />
        <TextField label="Sockets" value={draft.sockets} error={errors['sockets']} onChange={(v) => set('sockets', v)} width="w-20" />
        <TextField label="Cores per socket" value={draft.coresPerSocket} error={errors['coresPerSocket']} onChange={(v) => set('coresPerSocket', v)} width="w-20" />
        <TextField label="Threads per core" value={draft.threadsPerCore} error={errors['threadsPerCore']} onChange={(v) => set('threadsPerCore', v)} width="w-20" />
        <div className="flex flex-col justify-end gap-1">
          <Check label="VT-x / AMD-V (hardware virtualization)" checked={draft.hardwareAssist} onChange={(v) => set('hardwareAssist', v)} />
          <Check label="IOMMU (VT-d / AMD-Vi)" checked={draft.iommu} onChange={(v) => set('iommu', v)} />
        </div>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-[13px] font-semibold">Disks</legend>
        {draft.disks.length === 0 && <p className="text-xs text-slate-600">No disk: the installer will have nowhere to install.</p>}
        {draft.disks.map((disk, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <TextField label={`Disk ${String(i + 1)} size (GB)`} value={disk.sizeGb} error={errors[`disks.${String(i)}.sizeGb`]} onChange={(v) => setDisk(i, { ...disk, sizeGb: v })} />
            <Field label={`Disk ${String(i + 1)} type`} error={undefined}>
              {(id) => (
                <select id={id} className={INPUT} value={disk.kind} onChange={(e) => setDisk(i, { ...disk, kind: e.target.value as DiskDraft['kind'] })}>
                  <option value="SSD">SSD</option>
                  <option value="NVMe">NVMe</option>
                  <option value="HDD">HDD</option>
                </select>
              )}
            </Field>
            <button type="button" className={BUTTON_SECONDARY} aria-label={`Remove disk ${String(i + 1)}`} onClick={() => set('disks', draft.disks.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        ))}
        {errors['disks'] !== undefined && <p className={FIELD_ERROR}>{errors['disks']}</p>}
        <button type="button" className={BUTTON_SECONDARY} disabled={draft.disks.length >= 16} onClick={() => set('disks', [...draft.disks, { sizeGb: '500', kind: 'SSD' }])}>
          Add disk
        </button>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-[13px] font-semibold">Network interfaces</legend>
        {draft.nics.length === 0 && <p className="text-xs text-slate-600">No NIC: a server without one cannot be managed.</p>}
        {draft.nics.map((nic, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <Field label={`NIC ${String(i + 1)} speed`} error={errors[`nics.${String(i)}.speed`]}>
              {(id) => (
                <select id={id} className={INPUT} value={nic.speed} onChange={(e) => setNic(i, { ...nic, speed: e.target.value })}>
                  {NIC_SPEEDS.map((s) => (
                    <option key={s.mbit} value={String(s.mbit)}>
                      {s.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="pb-1">
              <Check label={`NIC ${String(i + 1)} can boot by PXE`} checked={nic.pxe} onChange={(v) => setNic(i, { ...nic, pxe: v })} />
            </div>
            <button type="button" className={BUTTON_SECONDARY} aria-label={`Remove NIC ${String(i + 1)}`} onClick={() => set('nics', draft.nics.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        ))}
        {errors['nics'] !== undefined && <p className={FIELD_ERROR}>{errors['nics']}</p>}
        <button type="button" className={BUTTON_SECONDARY} disabled={draft.nics.length >= 32} onClick={() => set('nics', [...draft.nics, { speed: '1000', pxe: true }])}>
          Add NIC
        </button>
      </fieldset>
    </div>
  );
}
