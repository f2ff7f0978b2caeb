// Storage fields in XenCenter's words (SR types, content types).

const SR_TYPES: Readonly<Record<string, string>> = {
  lvm: 'LVM',
  ext: 'EXT',
  nfs: 'NFS',
  smb: 'SMB',
  cifs: 'SMB',
  iso: 'ISO',
  udev: 'udev',
  lvmoiscsi: 'LVM over iSCSI',
  lvmohba: 'LVM over HBA',
  lvmofcoe: 'LVM over FCoE',
  gfs2: 'GFS2',
  file: 'File',
  largeblock: 'Large block',
  xfs: 'XFS',
  zfs: 'ZFS',
  dummy: 'Dummy',
};

export function srTypeLabel(type: string): string {
  return SR_TYPES[type] ?? type.toUpperCase();
}

const CONTENT_TYPES: Readonly<Record<string, string>> = { user: 'User', iso: 'ISO', disk: 'Disk', '': 'User' };

export function contentTypeLabel(contentType: string): string {
  return CONTENT_TYPES[contentType] ?? contentType;
}

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}
