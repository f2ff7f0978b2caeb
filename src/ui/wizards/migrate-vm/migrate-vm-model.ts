// The Migrate VM wizard's facts and rules, pure (tested without React), after
// XenCenter's CrossPoolMigrateWizard: the destinations (each pool, or a
// standalone server, with its servers), the VM's disks with the SRs the
// target server can reach, its VIFs with the networks there, the networks the
// target has an address on (the migration network), the defaults for each,
// field validation, and the vdi_map / vif_map that VM.migrate_send gets.
import type { RecordOf } from '../../../xapi/types';
import type { CacheReader } from '../../actions/action-types';
import { poolOfHost } from '../../actions/host-pool-actions';
import { srLabel } from '../../format/sr-label';

export interface Destination {
  /** The pool's ref. */
  readonly ref: string;
  /** The pool's name, or a standalone server's name. */
  readonly label: string;
  readonly hosts: readonly { readonly ref: string; readonly name: string }[];
}

export interface DiskRow {
  readonly vdi: string;
  readonly name: string;
  readonly size: number;
  /** Bytes the disk holds (what Storage XenMotion copies). */
  readonly used: number;
  readonly sr: string;
}

export interface VifRow {
  readonly vif: string;
  readonly device: string;
  readonly mac: string;
  readonly network: string;
}

export interface Choice {
  readonly ref: string;
  readonly name: string;
  /** Why it cannot be chosen (undefined: it can). */
  readonly unusable?: string | undefined;
}

export interface MigrateForm {
  readonly pool: string;
  readonly host: string;
  /** VDI → target SR. */
  readonly storage: Readonly<Record<string, string>>;
  /** VIF → target network. */
  readonly networks: Readonly<Record<string, string>>;
  readonly migrationNetwork: string;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { numeric: true });

/** Pools and standalone servers, each with its servers (XenCenter's Destination list). */
export function destinations(cache: CacheReader): Destination[] {
  const out = new Map<string, { label: string; hosts: { ref: string; name: string }[] }>();
  for (const [ref, host] of cache.all('host')) {
    const pool = poolOfHost(ref, cache)?.pool;
    if (pool === undefined) continue;
    const entry = out.get(pool) ?? { label: cache.get('pool', pool)?.name_label || host.name_label, hosts: [] };
    entry.hosts.push({ ref, name: host.name_label });
    out.set(pool, entry);
  }
  return [...out.entries()].map(([ref, e]) => ({ ref, label: e.label, hosts: e.hosts.sort(byName) })).sort((a, b) => a.label.localeCompare(b.label));
}

export function disksOf(cache: CacheReader, vm: string): DiskRow[] {
  const rows: DiskRow[] = [];
  for (const vbdRef of cache.get('VM', vm)?.VBDs ?? []) {
    const vbd = cache.get('VBD', vbdRef);
    if (vbd === undefined || vbd.type !== 'Disk' || vbd.empty) continue;
    const vdi = cache.get('VDI', vbd.VDI);
    if (vdi === undefined) continue;
    rows.push({ vdi: vbd.VDI, name: vdi.name_label, size: vdi.virtual_size, used: vdi.physical_utilisation, sr: vdi.SR });
  }
  return rows;
}

export function vifsOf(cache: CacheReader, vm: string): VifRow[] {
  return (cache.get('VM', vm)?.VIFs ?? [])
    .map((ref) => [ref, cache.get('VIF', ref)] as const)
    .filter((e): e is readonly [string, RecordOf<'VIF'>] => e[1] !== undefined)
    .map(([vif, r]) => ({ vif, device: r.device, mac: r.MAC, network: r.network }))
    .sort((a, b) => Number(a.device) - Number(b.device));
}

function attachedOn(cache: CacheReader, sr: RecordOf<'SR'>, host: string): boolean {
  return sr.PBDs.some((p) => {
    const pbd = cache.get('PBD', p);
    return pbd?.host === host && pbd.currently_attached;
  });
}

/** SRs that can hold VDIs and that `host` has plugged, by name (a local SR with its server's). */
export function srChoices(cache: CacheReader, host: string): Choice[] {
  return [...cache.all('SR')]
    .filter(([, sr]) => sr.content_type !== 'iso' && sr.type !== 'udev' && attachedOn(cache, sr, host))
    .map(([ref]) => ({ ref, name: srLabel(cache, ref) }))
    .sort(byName);
}

export function freeSpace(cache: CacheReader, sr: string): number {
  const r = cache.get('SR', sr);
  return r === undefined ? 0 : Math.max(0, r.physical_size - r.physical_utilisation);
}

/** Networks the VIFs can join on `host`: those with a PIF there, and the pool's private ones. */
export function networkChoices(cache: CacheReader, host: string): Choice[] {
  const pool = poolOfHost(host, cache)?.pool;
  return [...cache.all('network')]
    .filter(([, n]) => {
      if (n.other_config['is_host_internal_management_network'] === 'true') return false;
      if (n.PIFs.length === 0) return n.VIFs.some((v) => sameDestinationPool(cache, v, pool));
      return n.PIFs.some((p) => cache.get('PIF', p)?.host === host);
    })
    .map(([ref, n]) => ({ ref, name: n.name_label }))
    .sort(byName);
}

/** A private network belongs to the pool of the VMs on it (it has no PIF to say so). */
function sameDestinationPool(cache: CacheReader, vif: string, pool: string | undefined): boolean {
  const vm = cache.get('VM', cache.get('VIF', vif)?.VM ?? '');
  const host = vm?.resident_on ?? '';
  return cache.get('host', host) !== undefined && poolOfHost(host, cache)?.pool === pool;
}

/** Networks `host` has an address on (host.migrate_receive needs one), management first. */
export function migrationNetworkChoices(cache: CacheReader, host: string): (Choice & { management: boolean; speed: number })[] {
  const out: (Choice & { management: boolean; speed: number })[] = [];
  for (const pifRef of cache.get('host', host)?.PIFs ?? []) {
    const pif = cache.get('PIF', pifRef);
    if (pif === undefined || pif.IP === '') continue;
    const speed = cache.get('PIF_metrics', pif.metrics)?.speed ?? 0;
    out.push({ ref: pif.network, name: cache.get('network', pif.network)?.name_label ?? pif.device, management: pif.management, speed });
  }
  return out.sort((a, b) => Number(b.management) - Number(a.management) || byName(a, b));
}

/** The SR a disk goes to by default: where it is when the target reaches it, else the pool's default SR, else the target's first. */
function defaultSr(cache: CacheReader, disk: DiskRow, host: string, choices: readonly Choice[]): string {
  if (choices.some((c) => c.ref === disk.sr)) return disk.sr;
  const pool = poolOfHost(host, cache)?.pool;
  const poolDefault = pool === undefined ? undefined : cache.get('pool', pool)?.default_SR;
  const fits = choices.filter((c) => freeSpace(cache, c.ref) >= disk.used);
  if (poolDefault !== undefined && fits.some((c) => c.ref === poolDefault)) return poolDefault;
  return fits[0]?.ref ?? choices[0]?.ref ?? '';
}

/** The network a VIF joins by default: its own when the target has it, else one of the same name, else the management network. */
function defaultNetwork(cache: CacheReader, vif: VifRow, choices: readonly Choice[], management: string | undefined): string {
  if (choices.some((c) => c.ref === vif.network)) return vif.network;
  const name = cache.get('network', vif.network)?.name_label;
  return choices.find((c) => c.name === name)?.ref ?? management ?? choices[0]?.ref ?? '';
}

/** The form for `vm` going to `host` of `pool`, every choice at its default. */
export function defaultsFor(cache: CacheReader, vm: string, pool: string, host: string): MigrateForm {
  const srs = srChoices(cache, host);
  const nets = networkChoices(cache, host);
  const migration = migrationNetworkChoices(cache, host);
  const management = migration.find((m) => m.management)?.ref;
  return {
    pool,
    host,
    storage: Object.fromEntries(disksOf(cache, vm).map((d) => [d.vdi, defaultSr(cache, d, host, srs)])),
    networks: Object.fromEntries(vifsOf(cache, vm).map((v) => [v.vif, defaultNetwork(cache, v, nets, management)])),
    migrationNetwork: management ?? migration[0]?.ref ?? '',
  };
}

export interface FormErrors {
  readonly host?: string;
  /** By VDI. */
  readonly storage: Readonly<Record<string, string>>;
  /** By VIF. */
  readonly networks: Readonly<Record<string, string>>;
  readonly migrationNetwork?: string;
}

/** Field errors: each disk needs an SR the target reaches with room for what moves there; each VIF a network there. */
export function formErrors(cache: CacheReader, vm: string, form: MigrateForm): FormErrors {
  const record = cache.get('VM', vm);
  const storage: Record<string, string> = {};
  const srs = srChoices(cache, form.host);
  const need = new Map<string, number>();
  for (const d of disksOf(cache, vm)) {
    const sr = form.storage[d.vdi] ?? '';
    if (!srs.some((c) => c.ref === sr)) storage[d.vdi] = 'Choose a storage repository the target server can reach.';
    else if (sr !== d.sr) need.set(sr, (need.get(sr) ?? 0) + d.used);
  }
  for (const d of disksOf(cache, vm)) {
    const sr = form.storage[d.vdi] ?? '';
    const wanted = need.get(sr);
    if (storage[d.vdi] === undefined && wanted !== undefined && wanted > freeSpace(cache, sr)) {
      storage[d.vdi] = `${srLabel(cache, sr)} does not have enough free space for the disks moving there.`;
    }
  }
  const networks: Record<string, string> = {};
  const nets = networkChoices(cache, form.host);
  for (const v of vifsOf(cache, vm)) if (!nets.some((n) => n.ref === form.networks[v.vif])) networks[v.vif] = 'Choose a network the target server is connected to.';
  const host =
    cache.get('host', form.host) === undefined ? 'Choose a target server.' : record?.resident_on === form.host ? 'The VM is already running on this server.' : undefined;
  const migrationNetwork = migrationNetworkChoices(cache, form.host).some((m) => m.ref === form.migrationNetwork) ? undefined : 'Choose a network the target server has an IP address on.';
  return { ...(host === undefined ? {} : { host }), storage, networks, ...(migrationNetwork === undefined ? {} : { migrationNetwork }) };
}

/** VM.migrate_send's vdi_map and vif_map for the form (every disk and VIF: xapi demands so across pools). */
export function migrateMaps(form: MigrateForm): { vdiMap: Record<string, string>; vifMap: Record<string, string> } {
  return { vdiMap: { ...form.storage }, vifMap: { ...form.networks } };
}

/** Bytes Storage XenMotion will copy (disks whose SR changes). */
export function bytesToCopy(cache: CacheReader, vm: string, form: MigrateForm): number {
  return disksOf(cache, vm)
    .filter((d) => (form.storage[d.vdi] ?? d.sr) !== d.sr)
    .reduce((s, d) => s + d.used, 0);
}
