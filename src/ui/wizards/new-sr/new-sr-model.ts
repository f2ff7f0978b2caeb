// The New SR wizard's rules, pure: the SR types it offers (XenCenter's
// NewSRWizard groups), what SR.probe's answers mean (SMAPIv1 drivers answer
// XML, or fail with the list of what they found in the error's stderr: NFS
// exports, iSCSI IQNs, LUNs), the checks at each field, and the SR.create
// arguments Finish sends.
import { describeError } from '../../../xapi/error-descriptions';
import { isXenApiError } from '../../../xapi/errors';

export type SrKind = 'nfs' | 'iscsi' | 'lvm' | 'ext' | 'nfs-iso' | 'cifs-iso';

export interface SrKindInfo {
  readonly kind: SrKind;
  readonly label: string;
  readonly group: 'Virtual disk storage' | 'ISO library';
  readonly detail: string;
  /** SM driver name for SR.create's type. */
  readonly type: string;
  readonly contentType: 'user' | 'iso';
  readonly shared: boolean;
  readonly allocation: 'Thin provisioning' | 'Thick provisioning' | '';
  readonly defaultName: string;
}

export const SR_KINDS: readonly SrKindInfo[] = [
  { kind: 'nfs', label: 'NFS', group: 'Virtual disk storage', detail: 'Shared storage on an NFS server: disks are sparse VHD files (thin provisioning).', type: 'nfs', contentType: 'user', shared: true, allocation: 'Thin provisioning', defaultName: 'NFS virtual disk storage' },
  { kind: 'iscsi', label: 'iSCSI', group: 'Virtual disk storage', detail: 'Shared LVM on an iSCSI LUN (software initiator): each disk is allocated in full (thick provisioning).', type: 'lvmoiscsi', contentType: 'user', shared: true, allocation: 'Thick provisioning', defaultName: 'iSCSI virtual disk storage' },
  { kind: 'lvm', label: 'Local LVM', group: 'Virtual disk storage', detail: 'A spare disk of one server as LVM (thick provisioning). Only that server can use it.', type: 'lvm', contentType: 'user', shared: false, allocation: 'Thick provisioning', defaultName: 'Local LVM storage' },
  { kind: 'ext', label: 'Local EXT', group: 'Virtual disk storage', detail: 'A spare disk of one server as an EXT file system of VHD files (thin provisioning).', type: 'ext', contentType: 'user', shared: false, allocation: 'Thin provisioning', defaultName: 'Local EXT storage' },
  { kind: 'nfs-iso', label: 'NFS ISO', group: 'ISO library', detail: 'ISO images on an NFS export.', type: 'iso', contentType: 'iso', shared: true, allocation: '', defaultName: 'NFS ISO library' },
  { kind: 'cifs-iso', label: 'Windows File Sharing (SMB/CIFS)', group: 'ISO library', detail: 'ISO images on a Windows (SMB/CIFS) share.', type: 'iso', contentType: 'iso', shared: true, allocation: '', defaultName: 'CIFS ISO library' },
];

export function kindInfo(kind: SrKind): SrKindInfo {
  return SR_KINDS.find((k) => k.kind === kind) ?? (SR_KINDS[0] as SrKindInfo);
}

/** What the Location page holds, whatever the type (unused fields stay empty). */
export interface LocationForm {
  /** NFS "server:/path", an ISO library's location ("server:/path" or "\\server\share"). */
  readonly share: string;
  readonly nfsVersion: '3' | '4';
  readonly target: string;
  readonly port: string;
  readonly iqn: string;
  readonly scsiId: string;
  readonly host: string;
  readonly device: string;
  readonly username: string;
  readonly password: string;
}

export const EMPTY_LOCATION: LocationForm = { share: '', nfsVersion: '3', target: '', port: '3260', iqn: '', scsiId: '', host: '', device: '/dev/sdb', username: '', password: '' };

const NFS_SHARE = /^([^:\s/]+):(\/\S*)$/;
const UNC = /^\\\\[^\\/\s]+\\\S+$/;

/** The check at the share field: undefined when well-formed. */
export function shareError(kind: SrKind, share: string): string | undefined {
  const s = share.trim();
  if (kind === 'cifs-iso') {
    if (s === '') return 'Enter the share, as \\\\server\\share.';
    return UNC.test(s) ? undefined : 'Enter the share as \\\\server\\share.';
  }
  if (s === '') return 'Enter the share name, as server:/path.';
  return NFS_SHARE.test(s) ? undefined : 'Enter the share name as server:/path (the path starts with /).';
}

export function portError(port: string): string | undefined {
  const n = Number(port);
  return /^\d+$/.test(port) && n >= 1 && n <= 65535 ? undefined : 'The port is a number from 1 to 65535.';
}

/** The device_config SR.probe and SR.create get for this form. */
export function deviceConfig(kind: SrKind, f: LocationForm): Record<string, string> {
  switch (kind) {
    case 'nfs': {
      const m = NFS_SHARE.exec(f.share.trim());
      return { server: m?.[1] ?? '', serverpath: m?.[2] ?? '', nfsversion: f.nfsVersion };
    }
    case 'iscsi':
      return { target: f.target.trim(), port: f.port.trim(), ...(f.iqn === '' ? {} : { targetIQN: f.iqn }), ...(f.scsiId === '' ? {} : { SCSIid: f.scsiId }) };
    case 'lvm':
    case 'ext':
      return { device: f.device.trim() };
    case 'nfs-iso':
      return { location: f.share.trim() };
    case 'cifs-iso':
      return { location: f.share.trim(), type: 'cifs', ...(f.username === '' ? {} : { username: f.username, cifspassword: f.password }) };
  }
}

// ---- what SR.probe answers ----------------------------------------------------------

function tags(xml: string, outer: string): string[] {
  return [...xml.matchAll(new RegExp(`<${outer}>([\\s\\S]*?)</${outer}>`, 'g'))].map((m) => m[1] ?? '');
}

function tag(xml: string, name: string): string {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return unescape(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1]?.trim() ?? '');
}

export interface NfsExportRow {
  readonly path: string;
  readonly access: string;
}
export interface IqnRow {
  readonly address: string;
  readonly iqn: string;
}
export interface LunRow {
  readonly lunId: string;
  readonly scsiId: string;
  readonly size: number;
  readonly vendor: string;
  readonly serial: string;
}

export const parseExports = (xml: string): NfsExportRow[] => tags(xml, 'Export').map((e) => ({ path: tag(e, 'Path'), access: tag(e, 'Accesslist') }));
export const parseIqns = (xml: string): IqnRow[] => tags(xml, 'TGT').map((t) => ({ address: tag(t, 'IPAddress'), iqn: tag(t, 'TargetIQN') }));
export const parseLuns = (xml: string): LunRow[] =>
  tags(xml, 'LUN').map((l) => ({ lunId: tag(l, 'LUNid'), scsiId: tag(l, 'SCSIid'), size: Number(tag(l, 'size')), vendor: tag(l, 'vendor'), serial: tag(l, 'serial') }));
export const parseSrUuids = (xml: string): string[] => tags(xml, 'SR').map((s) => tag(s, 'UUID'));

/** What a failed probe or create says, in words (SM's message for SR_BACKEND_FAILURE_*). */
export function failureText(e: unknown): string {
  if (!isXenApiError(e)) return String(e);
  if (e.code.startsWith('SR_BACKEND_FAILURE')) {
    const message = typeof e.params[1] === 'string' && e.params[1] !== '' ? e.params[1] : 'The storage driver failed.';
    return `${message} (${e.code})`;
  }
  return `${describeError(e.code) ?? 'The server refused the request.'} (${e.code})`;
}

/** SM's stderr of a failed probe (where the lists are). */
export function probeStderr(e: unknown): string {
  return isXenApiError(e) && typeof e.params[2] === 'string' ? e.params[2] : '';
}

/** SR.create's arguments: host, device_config, physical_size, name, description, type, content_type, shared, sm_config. */
export function createArgs(kind: SrKind, host: string, f: LocationForm, name: string, description: string): unknown[] {
  const info = kindInfo(kind);
  return [host, deviceConfig(kind, f), 0, name.trim(), description, info.type, info.contentType, info.shared, {}];
}
