// What the wizard needs to know about the pool, read from the object cache:
// servers (live, enabled, memory, CPUs, HVM support), storage (free space,
// shared or which server sees it, whether it is thin), ISO images and DVD
// drives, and the networks a VM can join. Plain data, so the rules that use
// it are pure functions and tested without a console.
import { isNullRef } from '../../../xapi/refs';
import type { RecordOf } from '../../../xapi/types';
import type { CacheReader } from '../../actions/action-types';
import { naturalCompare } from '../../format/natural-compare';

export interface HostFacts {
  readonly ref: string;
  readonly name: string;
  readonly live: boolean;
  readonly enabled: boolean;
  readonly memoryTotal: number;
  readonly memoryFree: number;
  /** Physical CPUs (threads) the server schedules vCPUs on. */
  readonly cpus: number;
  readonly coresPerSocket: number;
  readonly hvm: boolean;
}

export interface SrFacts {
  readonly ref: string;
  readonly uuid: string;
  readonly name: string;
  readonly type: string;
  readonly shared: boolean;
  readonly size: number;
  readonly free: number;
  /** A new disk takes its full size at once (LVM) or grows as written (NFS, EXT, SMB). */
  readonly thin: boolean;
  /** Servers on which the SR is plugged. */
  readonly hosts: readonly string[];
  readonly isDefault: boolean;
  /** Whether VDI.create works on it (not ISO or device SRs; XenCenter's SupportsVdiCreate). */
  readonly canCreateDisks: boolean;
}

export interface IsoFacts {
  readonly ref: string;
  readonly name: string;
  readonly sr: string;
  readonly srName: string;
  /** A server's physical DVD drive (udev SR), not an image in a library. */
  readonly physicalDrive: boolean;
  /** The server whose drive it is, or that alone sees the library. */
  readonly host: string | undefined;
}

export interface NetworkFacts {
  readonly ref: string;
  readonly name: string;
  /** Servers with a PIF on it (empty: an internal network every server has). */
  readonly hosts: readonly string[];
  readonly mtu: number;
}

const THIN_TYPES: ReadonlySet<string> = new Set(['nfs', 'ext', 'smb', 'file', 'cifs']);

function hostFacts(ref: string, h: RecordOf<'host'>, cache: CacheReader): HostFacts {
  const metrics = cache.get('host_metrics', h.metrics);
  const cpus = Number(h.cpu_info['cpu_count'] ?? '') || h.host_CPUs.length;
  const sockets = Number(h.cpu_info['socket_count'] ?? '') || 0;
  return {
    ref,
    name: h.name_label,
    live: metrics?.live ?? false,
    enabled: h.enabled,
    memoryTotal: metrics?.memory_total ?? 0,
    memoryFree: metrics?.memory_free ?? 0,
    cpus,
    coresPerSocket: sockets > 0 && cpus > 0 ? Math.floor(cpus / sockets) : 0,
    hvm: h.capabilities.some((c) => c.startsWith('hvm')),
  };
}

export function poolHosts(cache: CacheReader): HostFacts[] {
  return [...cache.all('host')].map(([ref, h]) => hostFacts(ref, h, cache)).sort((a, b) => naturalCompare(a.name, b.name));
}

function pluggedOn(sr: RecordOf<'SR'>, cache: CacheReader): string[] {
  const hosts: string[] = [];
  for (const p of sr.PBDs) {
    const pbd = cache.get('PBD', p);
    if (pbd !== undefined && pbd.currently_attached) hosts.push(pbd.host);
  }
  return hosts;
}

function defaultSr(cache: CacheReader): string | undefined {
  for (const pool of cache.all('pool').values()) if (!isNullRef(pool.default_SR)) return pool.default_SR;
  return undefined;
}

/** SRs that can hold a VM's disks. */
export function diskSrs(cache: CacheReader): SrFacts[] {
  const def = defaultSr(cache);
  const out: SrFacts[] = [];
  for (const [ref, sr] of cache.all('SR')) {
    if (sr.content_type === 'iso' || sr.type === 'udev' || sr.type === 'iso' || sr.is_tools_sr) continue;
    out.push({
      ref,
      uuid: sr.uuid,
      name: sr.name_label,
      type: sr.type,
      shared: sr.shared,
      size: sr.physical_size,
      free: Math.max(0, sr.physical_size - sr.physical_utilisation),
      thin: sr.sm_config['allocation'] === 'thin' || (THIN_TYPES.has(sr.type) && sr.sm_config['allocation'] !== 'thick'),
      hosts: pluggedOn(sr, cache),
      isDefault: ref === def,
      canCreateDisks: (sr.allowed_operations as readonly string[]).includes('vdi_create'),
    });
  }
  return out.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || Number(b.shared) - Number(a.shared) || naturalCompare(a.name, b.name));
}

/** ISO images in ISO libraries and the servers' DVD drives, libraries first, by name. */
export function isoImages(cache: CacheReader): IsoFacts[] {
  const out: IsoFacts[] = [];
  for (const [srRef, sr] of cache.all('SR')) {
    if (sr.content_type !== 'iso') continue;
    const physical = sr.type === 'udev';
    const hosts = pluggedOn(sr, cache);
    const host = sr.shared ? undefined : hosts[0];
    const hostName = host === undefined ? undefined : cache.get('host', host)?.name_label;
    for (const v of sr.VDIs) {
      const vdi = cache.get('VDI', v);
      if (vdi === undefined || vdi.is_tools_iso) continue;
      const name = physical ? `DVD drive ${vdi.name_label}${hostName === undefined ? '' : ` on ${hostName}`}` : vdi.name_label;
      out.push({ ref: v, name, sr: srRef, srName: sr.name_label, physicalDrive: physical, host });
    }
  }
  return out.sort((a, b) => Number(a.physicalDrive) - Number(b.physicalDrive) || naturalCompare(a.srName, b.srName) || naturalCompare(a.name, b.name));
}

function isGuestNetwork(n: RecordOf<'network'>, cache: CacheReader): boolean {
  if (n.other_config['is_guest_installer_network'] === 'true' || n.other_config['is_host_internal_management_network'] === 'true') return false;
  if (n.other_config['HideFromXenCenter'] === 'true') return false;
  // A bond's member NICs' networks carry no traffic of their own (XenCenter's network.IsMember()).
  const pifs = n.PIFs.map((p) => cache.get('PIF', p)).filter((p) => p !== undefined);
  return !(pifs.length > 0 && pifs.every((p) => !isNullRef(p.bond_slave_of)));
}

export function guestNetworks(cache: CacheReader): NetworkFacts[] {
  const out: NetworkFacts[] = [];
  for (const [ref, n] of cache.all('network')) {
    if (!isGuestNetwork(n, cache)) continue;
    const hosts = n.PIFs.map((p) => cache.get('PIF', p)?.host).filter((h): h is string => h !== undefined);
    out.push({ ref, name: n.name_label, hosts, mtu: n.MTU });
  }
  return out.sort((a, b) => naturalCompare(a.name, b.name));
}

/** Networks VMs join by default ("Automatically add this network to new virtual machines", other_config.automatic). */
export function autoNetworks(cache: CacheReader): NetworkFacts[] {
  return guestNetworks(cache).filter((n) => cache.get('network', n.ref)?.other_config['automatic'] !== 'false');
}
