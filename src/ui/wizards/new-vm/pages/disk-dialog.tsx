// Add / Edit a disk of the new VM (XenCenter's NewDiskDialog, without making
// the disk: the wizard does that at the end). Name, description, size and
// the SR, each SR listed with its free space; the size is checked against
// the SR's room (SR_FULL is refused here, not by the server) and the
// template's disk size, which it cannot go below.
import * as Dialog from '@radix-ui/react-dialog';
import { useState, type FormEvent } from 'react';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, INPUT, INPUT_BOX, LABEL, OVERLAY, PANEL } from '../../../dialogs/dialog-styles';
import { formatBytes } from '../../../format/bytes';
import { FieldMessages, describedBy, invalid } from '../../common/field-messages';
import { DISK_MAX_SIZE, cannotFit, sizesBySr, srUsable } from '../storage-rules';
import { canResizeDisk } from '../wizard-edits';
import { GiB, type DiskDraft, type WizardFacts, type WizardState } from '../wizard-state';

export function DiskDialog({ disk, adding, state, facts, onSave, onClose }: { disk: DiskDraft; adding: boolean; state: WizardState; facts: WizardFacts; onSave: (d: DiskDraft) => void; onClose: () => void }) {
  const [name, setName] = useState(disk.name);
  const [description, setDescription] = useState(disk.description);
  const [size, setSize] = useState(String(Math.round((disk.size / GiB) * 100) / 100));
  const [sr, setSr] = useState(disk.sr);
  const bytes = /^\d+(\.\d+)?$/.test(size.trim()) ? Math.round((Number(size) * GiB) / 1024 ** 2) * 1024 ** 2 : undefined;
  const others = sizesBySr(state.disks.filter((d) => d.id !== disk.id));
  const chosen = facts.srs.find((s) => s.ref === sr);

  const nameError = name.trim() === '' ? 'Enter a name for the disk.' : undefined;
  const sizeError =
    bytes === undefined || bytes <= 0
      ? 'Enter the size in GB, for example 20.'
      : bytes < disk.minSize
        ? `Disk size needs to be at least ${formatBytes(disk.minSize)}.`
        : bytes > DISK_MAX_SIZE
          ? `Disk size cannot be more than ${formatBytes(DISK_MAX_SIZE)}.`
          : undefined;
  const srError =
    chosen === undefined ? 'Choose where to put the disk.' : (srUsable(chosen, state.home) ?? (bytes === undefined || sizeError !== undefined ? undefined : cannotFit(chosen, [...(others.get(chosen.ref) ?? []), bytes])));
  const valid = nameError === undefined && sizeError === undefined && srError === undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || bytes === undefined) return;
    onSave({ ...disk, name: name.trim(), description, size: bytes, sr });
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[min(30rem,calc(100vw-2rem))]`} aria-describedby={undefined}>
          <form onSubmit={submit} noValidate className="flex min-h-0 flex-col">
            <Dialog.Title className="border-b border-slate-200 px-5 py-3 text-base font-semibold">{adding ? 'Add Virtual Disk' : `Edit ${disk.name}`}</Dialog.Title>
            <div className="flex flex-col gap-3 overflow-y-auto px-5 py-4">
              <div>
                <label htmlFor="disk-name" className={`${LABEL} block`}>
                  Name
                </label>
                <input id="disk-name" className={`${INPUT} mt-1`} value={name} aria-invalid={invalid({ error: nameError })} aria-describedby={describedBy('disk-name', { error: nameError }, false)} onChange={(e) => setName(e.target.value)} />
                <FieldMessages id="disk-name" issue={{ error: nameError }} />
              </div>
              <div>
                <label htmlFor="disk-description" className={`${LABEL} block`}>
                  Description
                </label>
                <input id="disk-description" className={`${INPUT} mt-1`} value={description} onChange={(e) => setDescription(e.target.value)} />
              </div>
              <div>
                <label htmlFor="disk-size" className={`${LABEL} block`}>
                  Size (GB)
                </label>
                <input
                  id="disk-size"
                  inputMode="decimal"
                  className={`${INPUT_BOX} mt-1 w-32`}
                  value={size}
                  disabled={!canResizeDisk(disk)}
                  aria-invalid={invalid({ error: sizeError })}
                  aria-describedby={describedBy('disk-size', { error: sizeError }, true)}
                  onChange={(e) => setSize(e.target.value)}
                />
                <FieldMessages id="disk-size" issue={{ error: sizeError }} hint={disk.source === 'new' ? 'The virtual size the guest sees.' : `At least ${formatBytes(disk.minSize)}: a template's disk can grow, not shrink.`} />
              </div>
              <div>
                <label htmlFor="disk-sr" className={`${LABEL} block`}>
                  Location
                </label>
                <select id="disk-sr" className={`${INPUT} mt-1`} value={sr} aria-invalid={invalid({ error: srError })} aria-describedby={describedBy('disk-sr', { error: srError }, false)} onChange={(e) => setSr(e.target.value)}>
                  {chosen === undefined && <option value="">(choose an SR)</option>}
                  {facts.srs.map((s) => {
                    const why = srUsable(s, state.home);
                    return (
                      <option key={s.ref} value={s.ref} disabled={why !== undefined}>
                        {s.name}
                        {s.shared ? '' : ` on ${facts.hosts.find((h) => h.ref === s.hosts[0])?.name ?? 'no server'}`} — {formatBytes(s.free)} free of {formatBytes(s.size)}
                        {s.thin ? ', thin' : ''}
                        {why !== undefined ? ' (not available here)' : ''}
                      </option>
                    );
                  })}
                </select>
                <FieldMessages id="disk-sr" issue={{ error: srError }} />
              </div>
            </div>
            <div className={FOOTER}>
              <button type="submit" className={BUTTON_PRIMARY} aria-disabled={!valid || undefined}>
                {adding ? 'Add' : 'OK'}
              </button>
              <Dialog.Close className={BUTTON_SECONDARY}>Cancel</Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
