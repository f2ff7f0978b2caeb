// The SRs a XenServer installer leaves on every host: "Local storage" (LVM on
// the rest of the system disk, /dev/sda3), "DVD drives" (the optical drive,
// udev) and "Removable storage" (USB disks, udev), each with its PBD. Names,
// descriptions and i18n keys are those xapi's first-boot scripts give them.
import type { Engine } from '../engine';
import { refreshSr } from '../storage/sr-operations';
import { emptySrUtilisation } from '../storage/vdi-space';
import type { HostSpec } from './build-host';
import { localSrSize } from './catalog/hardware';

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The three local SRs of one host. */
export function createLocalSrs(engine: Engine, host: string, spec: HostSpec): { localSR: string; dvdSR: string; removableSR: string } {
  const serial = `36${hex(engine.rng.nextUint32(), 8)}${hex(engine.rng.nextUint32(), 8)}${hex(engine.rng.nextUint32(), 8)}`;
  const localSR = engine.world.create('SR', {
    name_label: 'Local storage',
    name_description: '',
    type: 'lvm',
    content_type: 'user',
    shared: false,
    physical_size: localSrSize(spec.localDisk),
    physical_utilisation: emptySrUtilisation('thick'), // LVHD's management volume (MGT)
    virtual_allocation: 0,
    other_config: { 'i18n-key': 'local-storage', 'i18n-original-value-name_label': 'Local storage' },
    sm_config: { allocation: 'thick', devserial: `scsi-${serial}`, multipathable: 'false', use_vhd: 'true' },
  });
  engine.world.create('PBD', { host, SR: localSR, device_config: { device: `/dev/disk/by-id/scsi-${serial}-part3` }, currently_attached: true });

  const dvdSR = engine.world.create('SR', {
    name_label: 'DVD drives',
    name_description: 'Physical DVD drives',
    type: 'udev',
    content_type: 'iso',
    shared: false,
    other_config: {
      'i18n-key': 'local-hotplug-cd',
      'i18n-original-value-name_label': 'DVD drives',
      'i18n-original-value-name_description': 'Physical DVD drives',
    },
    sm_config: { type: 'cd' },
  });
  engine.world.create('PBD', { host, SR: dvdSR, device_config: { location: '/dev/xapi/cd' }, currently_attached: true });
  // The server's optical drive, empty (no disc in it).
  engine.world.create('VDI', {
    SR: dvdSR,
    name_label: 'SCSI 1:0:0:0',
    name_description: '',
    type: 'user',
    virtual_size: 0,
    physical_utilisation: 0,
    read_only: true,
    sharable: false,
    managed: true,
    location: '/dev/xapi/cd/sr0',
    allowed_operations: [],
    other_config: {},
  });

  const removableSR = engine.world.create('SR', {
    name_label: 'Removable storage',
    name_description: 'Physical removable storage',
    type: 'udev',
    content_type: 'disk',
    shared: false,
    other_config: {
      'i18n-key': 'local-hotplug-disk',
      'i18n-original-value-name_label': 'Removable storage',
      'i18n-original-value-name_description': 'Physical removable storage',
    },
    sm_config: { type: 'block' },
  });
  engine.world.create('PBD', { host, SR: removableSR, device_config: { location: '/dev/xapi/block' }, currently_attached: true });
  for (const sr of [localSR, dvdSR, removableSR]) refreshSr(engine.world, sr);
  return { localSR, dvdSR, removableSR };
}
