// The open dialog, from the UI store: Properties, Delete confirmation, Reset
// lab, the New VM wizard, Copy VM, Convert to Template, the HA wizard and its
// Disable confirmation, Enter Maintenance Mode. One at a time, as in a desktop console.
import { ResetLabDialog } from '../lab/reset-lab-dialog';
import { AddServerDialog } from '../lab-hardware/add-server-dialog';
import { InstallerDialog } from '../lab-hardware/installer-dialog';
import { LabMachinesDialog } from '../lab-hardware/lab-machines-dialog';
import { useUi } from '../state/ui-store';
import { ConfigureHaWizard } from '../wizards/configure-ha/configure-ha-wizard';
import { NewVmWizard } from '../wizards/new-vm/new-vm-wizard';
import { NewSrWizard } from '../wizards/new-sr/new-sr-wizard';
import { NewNetworkWizard } from '../wizards/new-network/new-network-wizard';
import { MigrateVmWizard } from '../wizards/migrate-vm/migrate-vm-wizard';
import { ConfirmOpDialog } from './confirm-op-dialog';
import { DeviceDialogHost } from './device-dialog-host';
import { ConvertToTemplateDialog } from './convert-to-template-dialog';
import { CopyVmDialog } from './copy-vm-dialog';
import { DeleteDialog } from './delete-dialog';
import { DisableHaDialog } from './disable-ha-dialog';
import { HostConfirmDialog } from './host-confirm-dialog';
import { MaintenanceDialog } from './maintenance-dialog';
import { PropertiesDialog } from './properties-dialog';
import { VmssListDialog } from './vmss-list-dialog';
import { VmssPropertiesDialog } from './vmss-properties-dialog';
import { NewVmssWizard } from '../wizards/new-vmss/new-vmss-wizard';
import { NewPoolDialog } from '../pools/new-pool-dialog';
import { WlbConnectDialog } from './wlb-connect-dialog';
import { WlbSettingsDialog } from './wlb-settings-dialog';
import { SnapshotDialog } from '../snapshots/snapshot-dialog';

export function DialogHost() {
  const dialog = useUi((s) => s.dialog);
  const close = useUi((s) => s.closeDialog);
  if (dialog === undefined) return null;
  switch (dialog.kind) {
    case 'properties':
      // Keyed by object: a new object's dialog starts from its own record.
      return <PropertiesDialog key={dialog.ref} objectRef={dialog.ref} onClose={close} />;
    case 'confirm-delete':
      return <DeleteDialog key={dialog.refs.join()} refs={dialog.refs} onClose={close} />;
    case 'reset-lab':
      return <ResetLabDialog onClose={close} />;
    case 'new-vm':
      return <NewVmWizard template={dialog.template} host={dialog.host} onClose={close} />;
    case 'copy-vm':
      return <CopyVmDialog key={dialog.ref} vmRef={dialog.ref} onClose={close} />;
    case 'convert-to-template':
      return <ConvertToTemplateDialog key={dialog.ref} vmRef={dialog.ref} onClose={close} />;
    case 'lab-machines':
      return <LabMachinesDialog onClose={close} />;
    case 'installer':
      // Back to the machine list when the installer closes.
      return <InstallerDialog machine={dialog.machine} onClose={() => useUi.getState().openDialog({ kind: 'lab-machines' })} />;
    case 'add-server':
      return <AddServerDialog initialAddress={dialog.address} onClose={close} />;
    case 'configure-ha':
      return <ConfigureHaWizard poolRef={dialog.pool} onClose={close} />;
    case 'disable-ha':
      return <DisableHaDialog poolRef={dialog.pool} onClose={close} />;
    case 'maintenance':
      return <MaintenanceDialog key={dialog.ref} hostRef={dialog.ref} onClose={close} />;
    case 'new-sr':
      return <NewSrWizard onClose={close} />;
    case 'host-confirm':
      return <HostConfirmDialog key={dialog.ref} hostRef={dialog.ref} op={dialog.op} onClose={close} />;
    case 'new-network':
      return <NewNetworkWizard onClose={close} />;
    case 'vmss-list':
      return <VmssListDialog onClose={close} />;
    // The schedule's wizard and Properties go back to the list, as XenCenter's do.
    case 'new-vmss':
      return <NewVmssWizard {...(dialog.vms === undefined ? {} : { vms: dialog.vms })} onClose={dialog.fromList === true ? () => useUi.getState().openDialog({ kind: 'vmss-list' }) : close} />;
    case 'vmss-properties':
      return <VmssPropertiesDialog key={dialog.ref} vmssRef={dialog.ref} onClose={() => useUi.getState().openDialog({ kind: 'vmss-list' })} />;
    case 'new-pool':
      return <NewPoolDialog onClose={close} />;
    case 'wlb-connect':
      return <WlbConnectDialog poolRef={dialog.pool} onClose={close} />;
    case 'wlb-settings':
      return <WlbSettingsDialog poolRef={dialog.pool} onClose={close} />;
    case 'snapshot':
      return <SnapshotDialog dialog={dialog} onClose={close} />;
    case 'migrate-vm':
      return <MigrateVmWizard key={dialog.ref} vmRef={dialog.ref} onClose={close} />;
    case 'confirm-op':
      return <ConfirmOpDialog key={dialog.ref} op={dialog.op} objectRef={dialog.ref} onClose={close} />;
    case 'device':
      return <DeviceDialogHost dialog={dialog.dialog} onClose={close} />;
  }
}
