// What each SR type's storage driver does with a device_config, the way SM's
// drivers do it on a host: check the configuration (with SM's own errors, in
// SM's order), find the storage on the lab's storage network, and say how big
// it is. Probing answers as SMAPIv1 drivers answer SR.probe: an XML document,
// or, when a key is missing, the SM error whose stderr lists what was found
// (XenCenter's New SR wizard reads those lists: exports, IQNs, LUNs).
import type { Engine } from '../engine';
import { smError, type SmErrorName } from './sm-errors';
import {
  isLive,
  iscsiTargets,
  localDisk,
  nfsServer,
  resolve,
  smbShare,
  type NfsExport,
} from './storage-network';

type DeviceConfig = Readonly<Record<string, string>>;

/** Where an SR's data lives, once its device_config has been checked. */
export interface SrLocation {
  /** Same key ⇔ same storage (an export path, a LUN, a host's disk). */
  readonly key: string;
  readonly size: number;
  /** ISO files an ISO SR shows as VDIs. */
  readonly isos: readonly (readonly [string, number])[];
}

export interface SrDriver {
  readonly contentType: 'user' | 'iso';
  /** Thin (space used as written) or thick (a VDI's whole size allocated at once). */
  readonly allocation: 'thin' | 'thick';
  /** Local SRs live on one host's disk; a shared one is plugged on every host. */
  readonly local: boolean;
  /** Whether several SRs may sit on the same storage (one directory each on an export). */
  readonly sharesStorage: boolean;
  locate(engine: Engine, host: string, config: DeviceConfig): SrLocation;
  probe(engine: Engine, host: string, config: DeviceConfig): string;
}

/** A device_config key SM requires: its value, or SM's "missing parameter" error (with what a probe found). */
function required(config: DeviceConfig, key: string, missing: SmErrorName, stderr?: string): string {
  const value = config[key];
  if (value === undefined || value === '') throw smError(missing, undefined, stderr);
  return value;
}

/** An optional device_config key: undefined when absent or empty. */
function optional(config: DeviceConfig, key: string): string | undefined {
  const value = config[key];
  return value === undefined || value === '' ? undefined : value;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The SRs whose data is at this storage key (what a probe finds there): those
 * the pool knows, and those it forgot whose data is still there.
 */
export function srsAt(engine: Engine, key: string, keyOf: (config: DeviceConfig) => string | undefined): string[] {
  const found = new Set<string>();
  for (const forgotten of Object.values(engine.lab.state.forgottenSrs ?? {})) if (forgotten.key === key) found.add(forgotten.uuid);
  for (const [, pbd] of engine.world.entries('PBD')) {
    if (keyOf(pbd.device_config) !== key) continue;
    const sr = engine.world.find('SR', pbd.SR);
    if (sr !== undefined) found.add(sr.uuid);
  }
  return [...found].sort();
}

function srList(uuids: readonly string[]): string {
  return `<?xml version="1.0" ?>\n<SRlist>\n${uuids.map((u) => `\t<SR>\n\t\t<UUID>${u}</UUID>\n\t</SR>\n`).join('')}</SRlist>\n`;
}

// ---- NFS --------------------------------------------------------------------------------

function nfsKey(config: DeviceConfig): string | undefined {
  const address = resolve(config['server'] ?? '');
  const path = config['serverpath'];
  return address === undefined || path === undefined ? undefined : `nfs:${address}:${path.replace(/\/+$/, '') || '/'}`;
}

function exportsXml(address: string, exports: readonly NfsExport[]): string {
  const rows = exports.map((e) => `\t<Export>\n\t\t<Target>${address}</Target>\n\t\t<Path>${xml(e.path)}</Path>\n\t\t<Accesslist>${xml(e.accessList)}</Accesslist>\n\t</Export>\n`);
  return `<?xml version="1.0" ?>\n<nfs-exports>\n${rows.join('')}</nfs-exports>\n`;
}

/** The export an NFS path is in (the path itself or a directory under it). */
function nfsExport(config: DeviceConfig): { address: string; exp: NfsExport } {
  const server = required(config, 'server', 'ConfigServerMissing');
  const address = resolve(server);
  if (address === undefined) throw smError('DNSError');
  const nfs = nfsServer(address);
  if (nfs === undefined) throw smError('NFSTarget');
  const path = required(config, 'serverpath', 'ConfigServerPathMissing', exportsXml(address, nfs.exports));
  if (!path.startsWith('/')) throw smError('ConfigServerPathBad');
  const version = optional(config, 'nfsversion');
  if (version !== undefined && !nfs.versions.includes(version)) throw smError('NFSVersion', `Unsupported NFS version: ${version}`);
  const clean = path.replace(/\/+$/, '') || '/';
  const exp = nfs.exports.find((e) => clean === e.path || clean.startsWith(`${e.path}/`));
  if (exp === undefined) throw smError('NFSMount', `mount failed on server \`${address}' with return code 32`);
  return { address, exp };
}

const NFS: SrDriver = {
  contentType: 'user',
  allocation: 'thin',
  local: false,
  sharesStorage: true,
  locate(_engine, _host, config) {
    const { exp } = nfsExport(config);
    return { key: nfsKey(config) ?? '', size: exp.size, isos: [] };
  },
  probe(engine, _host, config) {
    nfsExport(config);
    return srList(srsAt(engine, nfsKey(config) ?? '', nfsKey));
  },
};

// ---- iSCSI (LVM over iSCSI) -----------------------------------------------------------

function iscsiKey(config: DeviceConfig): string | undefined {
  const id = optional(config, 'SCSIid');
  return id === undefined ? undefined : `scsi:${id}`;
}

const IQN = /^(iqn\.\d{4}-\d{2}\.[^:\s]+(:\S+)?|eui\.[0-9a-fA-F]{16}|naa\.[0-9a-fA-F]+|\*)$/;

function iscsiLun(config: DeviceConfig): { size: number; key: string } {
  const target = required(config, 'target', 'ConfigTargetMissing');
  const port = optional(config, 'port');
  if (port !== undefined && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) throw smError('ISCSIPort');
  const address = resolve(target);
  if (address === undefined) throw smError('DNSError');
  const targets = iscsiTargets(address).filter((t) => port === undefined || String(t.port) === port);
  if (targets.length === 0) throw smError('ISCSITarget');
  const iqnsXml = `<?xml version="1.0" ?>\n<iscsi-target-iqns>\n${targets
    .map((t, i) => `\t<TGT>\n\t\t<Index>${String(i)}</Index>\n\t\t<IPAddress>${t.address}</IPAddress>\n\t\t<TargetIQN>${xml(t.iqn)}</TargetIQN>\n\t</TGT>\n`)
    .join('')}</iscsi-target-iqns>\n`;
  const iqn = required(config, 'targetIQN', 'ConfigTargetIQNMissing', iqnsXml);
  if (!IQN.test(iqn)) throw smError('InvalidIQN');
  const chosen = targets.filter((t) => iqn === '*' || t.iqn === iqn);
  if (chosen.length === 0) throw smError('ISCSIDiscovery', `no target ${iqn} at ${address}`, iqnsXml);
  const luns = chosen.flatMap((t) => t.luns);
  const lunsXml = `<?xml version="1.0" ?>\n<iscsi-target>\n${luns
    .map(
      (l) =>
        `\t<LUN>\n\t\t<vendor>${l.vendor}</vendor>\n\t\t<serial>${l.serial}</serial>\n\t\t<LUNid>${String(l.lunId)}</LUNid>\n\t\t<size>${String(l.size)}</size>\n\t\t<SCSIid>${l.scsiId}</SCSIid>\n\t</LUN>\n`,
    )
    .join('')}</iscsi-target>\n`;
  const scsiId = required(config, 'SCSIid', 'ConfigSCSIid', lunsXml);
  const lun = luns.find((l) => l.scsiId === scsiId);
  if (lun === undefined) throw smError('ConfigSCSIid', undefined, lunsXml);
  return { size: lun.size, key: `scsi:${lun.scsiId}` };
}

const LVM_OVER_ISCSI: SrDriver = {
  contentType: 'user',
  allocation: 'thick',
  local: false,
  sharesStorage: false,
  locate(_engine, _host, config) {
    const { size, key } = iscsiLun(config);
    return { key, size, isos: [] };
  },
  probe(engine, _host, config) {
    const { key } = iscsiLun(config);
    return srList(srsAt(engine, key, iscsiKey));
  },
};

// ---- local disks (LVM thick, EXT thin) ------------------------------------------------

function localKey(engine: Engine, host: string, device: string): string {
  return `disk:${engine.world.find('host', host)?.uuid ?? host}:${device}`;
}

function localDiskOf(engine: Engine, host: string, config: DeviceConfig): SrLocation {
  const device = required(config, 'device', 'ConfigDeviceMissing');
  const disk = localDisk(device);
  if (disk === undefined) throw smError('InvalidDev', device);
  return { key: localKey(engine, host, device), size: disk.size, isos: [] };
}

function localDriver(allocation: 'thin' | 'thick'): SrDriver {
  return {
    contentType: 'user',
    allocation,
    local: true,
    sharesStorage: false,
    locate: localDiskOf,
    probe(engine, host, config) {
      const { key } = localDiskOf(engine, host, config);
      return srList(
        srsAt(engine, key, (c) => {
          const dev = c['device'];
          return dev === undefined ? undefined : localKey(engine, host, dev);
        }),
      );
    },
  };
}

// ---- ISO libraries (NFS or SMB) -------------------------------------------------------

const UNC = /^(?:\\\\|\/\/)([^\\/]+)[\\/](.+)$/;

function isoLocation(config: DeviceConfig): SrLocation {
  const location = required(config, 'location', 'ISODconfMissingLocation');
  const unc = UNC.exec(location);
  if (config['type'] === 'cifs' || unc !== null) {
    if (unc === null) throw smError('ISOLocationStringError');
    const [, server = '', share = ''] = unc;
    const address = resolve(server);
    if (address === undefined || !isLive(address)) throw smError('ISOMountFailure', `mount.cifs: unable to reach ${server}`);
    const found = smbShare(address, share.replace(/[\\/]+$/, ''));
    if (found === undefined) throw smError('ISOSharenameFailure');
    return { key: `smb:${address}:${found.share}`, size: found.size, isos: found.isos };
  }
  const colon = location.indexOf(':');
  if (colon <= 0) throw smError('ISOLocationStringError');
  const server = location.slice(0, colon);
  const path = location.slice(colon + 1).replace(/\/+$/, '') || '/';
  const address = resolve(server);
  const nfs = address === undefined ? undefined : nfsServer(address);
  const exp = nfs?.exports.find((e) => e.path === path);
  if (address === undefined || exp === undefined) throw smError('ISOMountFailure', `mount failed on server \`${server}' with return code 32`);
  return { key: `nfs:${address}:${path}`, size: exp.size, isos: exp.isos ?? [] };
}

const ISO: SrDriver = {
  contentType: 'iso',
  allocation: 'thin',
  local: false,
  sharesStorage: true,
  locate: (_engine, _host, config) => isoLocation(config),
  probe(engine, _host, config) {
    const { key } = isoLocation(config);
    return srList(
      srsAt(engine, key, (c) => {
        try {
          return c['location'] === undefined ? undefined : isoLocation(c).key;
        } catch {
          return undefined;
        }
      }),
    );
  },
};

/** SR types this lab can create, by their SM driver name. */
export const SR_DRIVERS: Readonly<Record<string, SrDriver>> = {
  nfs: NFS,
  lvmoiscsi: LVM_OVER_ISCSI,
  lvm: localDriver('thick'),
  ext: localDriver('thin'),
  iso: ISO,
};

export function srDriver(type: string): SrDriver | undefined {
  return Object.prototype.hasOwnProperty.call(SR_DRIVERS, type) ? SR_DRIVERS[type] : undefined;
}

/** The storage key of an existing PBD's device_config for an SR of `type` (for "in use" checks). */
export function storageKey(engine: Engine, type: string, host: string, config: DeviceConfig): string | undefined {
  try {
    return srDriver(type)?.locate(engine, host, config).key;
  } catch {
    return undefined;
  }
}

