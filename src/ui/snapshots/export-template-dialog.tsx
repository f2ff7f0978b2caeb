// Export as Template… (XenCenter's ExportSnapshotAsTemplateCommand): the
// snapshot goes out as an XVA file (GET /export: a snapshot exports as a
// halted template) that Import, or `xe vm-import`, brings into any pool. The
// browser saves the file where it saves downloads; the pool shows the export
// as a task in Events.
import { useState } from 'react';
import { exportXva } from '../../xapi/xva/xva-client';
import { reportFailure } from '../actions/report';
import { useObject } from '../cache/use-cache';
import { FIELD_ERROR, FIELD_HINT, INPUT, LABEL } from '../dialogs/dialog-styles';
import { FormDialog } from '../dialogs/form-dialog';
import { useLab } from '../lab/lab-context';
import { showToast } from '../notifications/toast-store';
import { exportFileError, suggestedExportFile } from './export-file-name';

/** Hand `bytes` to the browser as a download named `file`. */
function download(bytes: Uint8Array, file: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  // The download has its own copy once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportTemplateDialog({ snapRef, onClose }: { snapRef: string; onClose: () => void }) {
  const lab = useLab();
  const snap = useObject('VM', snapRef);
  const [file, setFile] = useState(() => suggestedExportFile(snap?.name_label ?? 'snapshot'));
  const error = exportFileError(file);

  const exportIt = () => {
    onClose();
    const name = snap?.name_label ?? 'the snapshot';
    const session = lab.client.sessionRef;
    if (session === undefined) return;
    exportXva((method, path, body) => lab.httpBinary(method, path, body), session, snapRef).then(
      (bytes) => {
        download(bytes, file.trim());
        showToast({ kind: 'success', title: `Exported ${name} as a template`, detail: `${file.trim()}, ${(bytes.length / 1024 ** 2).toFixed(1)} MiB` });
      },
      (e: unknown) => reportFailure(`Could not export ${name}`, e, lab.cache),
    );
  };

  return (
    <FormDialog
      title="Export as Template"
      submitLabel="Export"
      blocked={error ?? (snap === undefined ? 'The snapshot no longer exists.' : undefined)}
      sayBlocked={false}
      width="w-[min(32rem,calc(100vw-2rem))]"
      rubric={{
        id: 'export-template-rubric',
        text: `The snapshot “${snap?.name_label ?? ''}” is saved as a template in an XVA file (its disks and settings), which can be imported into any pool. Your browser saves it with your downloads.`,
      }}
      onSubmit={exportIt}
      onClose={onClose}
    >
      <div>
        <label htmlFor="export-file" className={LABEL}>
          File name
        </label>
        <input
          id="export-file"
          autoFocus
          className={`${INPUT} mt-1`}
          value={file}
          aria-invalid={error !== undefined || undefined}
          aria-describedby={error !== undefined ? 'export-file-error' : 'export-file-hint'}
          onChange={(e) => setFile(e.target.value)}
        />
        {error !== undefined ? (
          <p id="export-file-error" className={FIELD_ERROR}>
            {error}
          </p>
        ) : (
          <p id="export-file-hint" className={FIELD_HINT}>
            Format: XVA (XenServer&apos;s own export format).
          </p>
        )}
      </div>
    </FormDialog>
  );
}
