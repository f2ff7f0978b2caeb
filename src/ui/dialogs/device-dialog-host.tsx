// The dialogs of the Storage and Networking tabs' buttons, opened through the
// UI store as { kind: 'device', dialog }: a new or an existing disk, a network
// interface, a network's properties.
import { AttachDiskDialog } from './attach-disk-dialog';
import { DiskPropertiesDialog } from './disk-properties-dialog';
import { MoveDiskDialog } from './move-disk-dialog';
import { NetworkPropertiesDialog } from './network-properties-dialog';
import { NewDiskDialog } from './new-disk-dialog';
import { VifDialog } from './vif-dialog';

export type DeviceDialog =
  /** Add… on a VM's Storage tab (vm) or an SR's (sr). */
  | { readonly kind: 'new-disk'; readonly vm?: string; readonly sr?: string }
  | { readonly kind: 'attach-disk'; readonly vm: string }
  | { readonly kind: 'disk-properties'; readonly vdi: string; readonly vbd?: string }
  /** Move… on a VM's or an SR's Storage tab. */
  | { readonly kind: 'move-disk'; readonly vdi: string }
  /** Add Interface… (no vif) or an interface's Properties. */
  | { readonly kind: 'vif'; readonly vm: string; readonly vif?: string }
  | { readonly kind: 'network-properties'; readonly network: string };

export function DeviceDialogHost({ dialog, onClose }: { dialog: DeviceDialog; onClose: () => void }) {
  switch (dialog.kind) {
    case 'new-disk':
      return <NewDiskDialog vmRef={dialog.vm} srRef={dialog.sr} onClose={onClose} />;
    case 'attach-disk':
      return <AttachDiskDialog key={dialog.vm} vmRef={dialog.vm} onClose={onClose} />;
    case 'disk-properties':
      return <DiskPropertiesDialog key={dialog.vdi} vdiRef={dialog.vdi} vbdRef={dialog.vbd} onClose={onClose} />;
    case 'move-disk':
      return <MoveDiskDialog key={dialog.vdi} vdiRef={dialog.vdi} onClose={onClose} />;
    case 'vif':
      return <VifDialog key={dialog.vif ?? dialog.vm} vmRef={dialog.vm} vifRef={dialog.vif} onClose={onClose} />;
    case 'network-properties':
      return <NetworkPropertiesDialog key={dialog.network} networkRef={dialog.network} onClose={onClose} />;
  }
}
