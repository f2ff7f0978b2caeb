// The lab's storage network, as the hosts' storage drivers see it: the NFS
// exports, iSCSI targets and SMB shares on 192.168.10.0/24, the names the lab's
// DNS resolves, and each host's spare local disk. This is the world outside
// the pool (the simulator's, not XenAPI's): constant data, so nothing of it
// needs saving. SR.probe and SR.create discover and use it the way SM's
// NFSSR, LVMoISCSISR and ISOSR do on a real host.
const GiB = 1024 ** 3;
const TiB = 1024 ** 4;
const MiB = 1024 ** 2;

export interface NfsExport {
  readonly path: string;
  readonly size: number;
  /** Who may mount it (exportfs's access list, as `showmount -e` prints it). */
  readonly accessList: string;
  /** ISO files in it, for ISO libraries: [file name, size]. */
  readonly isos?: readonly (readonly [string, number])[];
}

export interface NfsServer {
  readonly address: string;
  /** NFS versions the server speaks ('3', '4.1' …). */
  readonly versions: readonly string[];
  readonly exports: readonly NfsExport[];
}

export interface IscsiLun {
  readonly lunId: number;
  readonly scsiId: string;
  readonly serial: string;
  readonly vendor: string;
  readonly size: number;
}

export interface IscsiTarget {
  readonly address: string;
  readonly port: number;
  readonly iqn: string;
  readonly luns: readonly IscsiLun[];
}

export interface SmbShare {
  readonly server: string;
  readonly share: string;
  readonly size: number;
  readonly isos: readonly (readonly [string, number])[];
}

/** A host's spare disk, for local LVM or EXT SRs (device_config:device). */
export interface LocalDisk {
  readonly device: string;
  readonly size: number;
  readonly model: string;
}

/** ISO files of the installers the templates use, with their published sizes. */
export const INSTALLER_ISOS: readonly (readonly [string, number])[] = [
  ['debian-12.7.0-amd64-netinst.iso', 661_651_456],
  ['ubuntu-24.04.1-live-server-amd64.iso', 2_772_593_664],
  ['ubuntu-22.04.5-live-server-amd64.iso', 2_136_926_208],
  ['Rocky-9.4-x86_64-minimal.iso', 1_826_619_392],
  ['AlmaLinux-9.4-x86_64-boot.iso', 1_000_341_504],
  ['Win2022_EN.iso', 5_044_094_976],
  ['Win2019_EN.iso', 5_296_713_728],
];

/** Installers kept on the Windows file server's share (an SMB ISO library). */
export const SMB_ISOS: readonly (readonly [string, number])[] = [
  ['Win2025_EN.iso', 5_590_646_784],
  ['Win11_24H2_English_x64.iso', 5_819_484_160],
  ['Win10_22H2_English_x64v1.iso', 6_140_975_104],
  ['SLE-15-SP6-Full-x86_64-GM-Media1.iso', 16_270_557_184],
  ['openSUSE-Leap-15.6-NET-x86_64-Media.iso', 227_540_992],
  ['rhel-9.4-x86_64-boot.iso', 935_329_792],
  ['CentOS-Stream-9-latest-x86_64-boot.iso', 1_197_015_040],
  ['debian-12.7.0-amd64-netinst.iso', 661_651_456],
];

export const STORAGE_NETWORK = {
  dns: {
    'storage-01': '192.168.10.5',
    'storage-01.lab.example': '192.168.10.5',
    'san-01': '192.168.10.6',
    'san-01.lab.example': '192.168.10.6',
    'files-01': '192.168.10.7',
    'files-01.lab.example': '192.168.10.7',
  } as Readonly<Record<string, string>>,
  /** Addresses that answer on the network but serve no storage (the gateway, the hosts). */
  liveAddresses: ['192.168.10.1', '192.168.10.11', '192.168.10.12', '192.168.10.13'] as readonly string[],
  nfs: [
    {
      address: '192.168.10.5',
      versions: ['3', '4', '4.1'],
      exports: [
        { path: '/export/vms', size: 4 * TiB, accessList: '192.168.10.0/24' },
        { path: '/export/isos', size: 1 * TiB, accessList: '*', isos: INSTALLER_ISOS },
        { path: '/export/lab', size: 2 * TiB, accessList: '192.168.10.0/24' },
        { path: '/export/backup', size: 8 * TiB, accessList: '192.168.10.0/24' },
      ],
    },
  ] as readonly NfsServer[],
  iscsi: [
    {
      address: '192.168.10.6',
      port: 3260,
      iqn: 'iqn.2026-01.example.lab:san-01.target0',
      luns: [
        { lunId: 0, scsiId: '36001405a1b2c3d4e5f60718293a4b5c6', serial: 'a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90', vendor: 'LIO-ORG', size: 2 * TiB },
        { lunId: 1, scsiId: '36001405f0e1d2c3b4a5968778695a4b3', serial: 'f0e1d2c3-b4a5-9687-7869-5a4b3c2d1e0f', vendor: 'LIO-ORG', size: 500 * GiB },
      ],
    },
  ] as readonly IscsiTarget[],
  smb: [
    { server: '192.168.10.7', share: 'isos', size: 2 * TiB, isos: SMB_ISOS },
  ] as readonly SmbShare[],
  /** The same spare disk in every lab host (a second SSD, unpartitioned). */
  localDisks: [{ device: '/dev/sdb', size: 960_197_124_096 - 4 * MiB, model: 'SAMSUNG MZ7L3960HCJR' }] as readonly LocalDisk[],
} as const;

/** What a name or address resolves to, or undefined (as DNS would fail). */
export function resolve(nameOrAddress: string): string | undefined {
  const name = nameOrAddress.trim().toLowerCase();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return name;
  return STORAGE_NETWORK.dns[name];
}

/** Whether something answers at this address at all (else a connection times out). */
export function isLive(address: string): boolean {
  return (
    STORAGE_NETWORK.liveAddresses.includes(address) ||
    STORAGE_NETWORK.nfs.some((s) => s.address === address) ||
    STORAGE_NETWORK.iscsi.some((t) => t.address === address) ||
    STORAGE_NETWORK.smb.some((s) => s.server === address)
  );
}

export function nfsServer(address: string): NfsServer | undefined {
  return STORAGE_NETWORK.nfs.find((s) => s.address === address);
}

export function iscsiTargets(address: string): IscsiTarget[] {
  return STORAGE_NETWORK.iscsi.filter((t) => t.address === address);
}

export function smbShare(server: string, share: string): SmbShare | undefined {
  return STORAGE_NETWORK.smb.find((s) => s.server === server && s.share.toLowerCase() === share.toLowerCase());
}

export function localDisk(device: string): LocalDisk | undefined {
  return STORAGE_NETWORK.localDisks.find((d) => d.device === device);
}
