// The snapshot dialogs behind one UI-store entry ({ kind: 'snapshot', op }),
// so the shared dialog host needs one case for all of them.
import type { Dialog } from '../state/ui-store';
import { DeleteSnapshotDialog } from './delete-snapshot-dialog';
import { ExportTemplateDialog } from './export-template-dialog';
import { RevertSnapshotDialog } from './revert-snapshot-dialog';
import { SaveTemplateDialog } from './save-template-dialog';
import { TakeSnapshotDialog } from './take-snapshot-dialog';

export function SnapshotDialog({ dialog, onClose }: { dialog: Extract<Dialog, { kind: 'snapshot' }>; onClose: () => void }) {
  const [first = ''] = dialog.refs;
  switch (dialog.op) {
    case 'take':
      return <TakeSnapshotDialog key={`${first}:${dialog.revertTo ?? ''}`} vmRef={first} revertTo={dialog.revertTo} onClose={onClose} />;
    case 'revert':
      return <RevertSnapshotDialog key={first} snapRef={first} onClose={onClose} />;
    case 'delete':
      return <DeleteSnapshotDialog key={dialog.refs.join()} refs={dialog.refs} onClose={onClose} />;
    case 'save-template':
      return <SaveTemplateDialog key={first} snapRef={first} onClose={onClose} />;
    case 'export-template':
      return <ExportTemplateDialog key={first} snapRef={first} onClose={onClose} />;
  }
}
