// Errors the storage manager (SM) raises, as xapi hands them on: SM faults
// with its numeric code become SR_BACKEND_FAILURE_<code> with parameters
// ["", message, stderr] (ocaml/xapi/sm_exec.ml); a few codes xapi maps to its
// own errors (16 → SR_DEVICE_IN_USE, 39 → SR_NOT_EMPTY). Codes, names and
// messages are SM's (libs/sm/core/XE_SR_ERRORCODES.xml); `opterr` is appended
// the way SM's XenError does.
import { XenApiError } from '../../xapi/errors';

export const SM_ERRORS = {
  SRInUse: [16, 'The SR device is currently in use'],
  InvalidDev: [19, 'No such device'],
  SRNotEmpty: [39, 'The SR is not empty'],
  ISCSILogin: [68, 'ISCSI login failed - check access settings for the initiator on the storage, if CHAP is used verify CHAP credentials'],
  NFSVersion: [72, 'Required NFS server version unsupported'],
  NFSMount: [73, 'NFS mount error'],
  ISCSIDiscovery: [83, 'ISCSI discovery failed'],
  VDIUnavailable: [46, 'The VDI is not available'],
  SRUnavailable: [47, 'The SR is not available'],
  ConfigDeviceMissing: [90, 'The request is missing the device parameter'],
  ConfigTargetMissing: [95, 'The request is missing the target parameter'],
  ConfigTargetIQNMissing: [96, 'The request is missing or has an incorrect target IQN parameter'],
  ConfigServerPathMissing: [101, 'The request is missing the serverpath parameter'],
  ConfigServerMissing: [102, 'The request is missing the server parameter'],
  ConfigServerPathBad: [103, 'The serverpath argument is not valid'],
  InvalidIQN: [106, 'The IQN provided is an invalid format'],
  ConfigSCSIid: [107, 'The SCSIid parameter is missing or incorrect'],
  NFSTarget: [108, 'Unable to detect an NFS service on this target.'],
  SnapshotChainTooLong: [109, 'The snapshot chain is too long'],
  SMBMount: [111, 'SMB mount error'],
  DNSError: [140, 'Incorrect DNS name, unable to resolve.'],
  ISCSITarget: [141, 'Unable to connect to ISCSI service on target'],
  ISCSIPort: [142, 'Incorrect value for iSCSI port, must be a number between 1 and 65535'],
  ISODconfMissingLocation: [220, "'Location' parameter must be specified in Device Configuration"],
  ISOMountFailure: [222, 'Could not mount the directory specified in Device Configuration'],
  ISOSharenameFailure: [224, 'Could not locate the ISO sharename on the target, or the access permissions may be incorrect.'],
  ISOLocationStringError: [225, 'Incorrect Location string format. String must be in the format SERVER:PATH for NFS targets, or \\\\SERVER\\PATH for CIFS targets'],
} as const satisfies Readonly<Record<string, readonly [number, string]>>;

export type SmErrorName = keyof typeof SM_ERRORS;

/** The XenAPI error xapi returns when SM fails with `name`; `stderr` carries probe XML. */
export function smError(name: SmErrorName, opterr?: string, stderr = ''): XenApiError {
  const [code, text] = SM_ERRORS[name];
  if (code === 16) return new XenApiError('SR_DEVICE_IN_USE', []);
  if (code === 39) return new XenApiError('SR_NOT_EMPTY', []);
  const message = opterr === undefined ? text : `${text} [opterr=${opterr}]`;
  return new XenApiError(`SR_BACKEND_FAILURE_${String(code)}`, ['', message, stderr]);
}
