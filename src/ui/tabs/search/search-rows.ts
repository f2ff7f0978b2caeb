// The objects of the Search grid, one flat row each, derived from the cache:
// what a row says about one object. Which rows to rebuild after an event is
// search-source.ts's business.
import type { ClassName } from '../../../xapi/datamodel/classes';
import { parseUnixSeconds } from '../../../xapi/datetime';
import { isNullRef } from '../../../xapi/refs';
import type { RecordOf } from '../../../xapi/types';
import type { ObjectCache } from '../../cache/object-cache';
import { operatingSystem, guestAddresses } from '../../format/vm-words';
import { srTypeLabel } from '../../format/storage-words';

export type SearchType = 'pool' | 'server' | 'vm' | 'template' | 'snapshot' | 'sr' | 'network';

export const TYPE_LABELS: Readonly<Record<SearchType, string>> = {
  pool: 'Pool',
  server: 'Server',
  vm: 'VM',
  template: 'Template',
  snapshot: 'Snapshot',
  sr: 'Storage',
  network: 'Network',
};

export interface SearchRow {
  readonly [key: string]: string | number | boolean | undefined;
  readonly ref: string;
  readonly cls: ClassName;
  readonly type: SearchType;
  readonly name: string;
  readonly description: string;
  readonly state: string;
  readonly tags: string;
  readonly os: string;
  /** vCPUs of a VM, logical CPUs of a server. */
  readonly cpus: number | undefined;
  /** Bytes in use (a running VM's actual memory, a server's used memory). */
  readonly memory: number | undefined;
  readonly memoryTotal: number | undefined;
  readonly disks: number | undefined;
  readonly diskSize: number | undefined;
  readonly ip: string;
  readonly address: string;
  /** Unix seconds it started (running VMs) or booted (servers), for Uptime. */
  readonly since: number | undefined;
  /** A default template (hidden unless the View menu shows them). */
  readonly defaultTemplate: boolean;
  /** Where it is: the server a VM runs on or belongs to, the server of a local SR. */
  readonly host: string;
}

/** Which objects a Search tab covers: the whole pool, one server and what it holds, or a tree group's members. */
export type SearchScope = { readonly kind: 'all' } | { readonly kind: 'host'; readonly host: string } | { readonly kind: 'refs'; readonly key: string; readonly refs: ReadonlySet<string> };

/** Whether a scope that is not a server's keeps `ref`. */
function inScope(scope: SearchScope, ref: string): boolean {
  return scope.kind !== 'refs' || scope.refs.has(ref);
}

/**
 * How a row reads the cache. The incremental selector passes a reader that
 * notes every (class, ref) read, so it knows which rows an event touches.
 */
export type ReadRecord = <C extends ClassName>(cls: C, ref: string) => RecordOf<C> | undefined;

/** The classes whose objects are rows; every other class only feeds rows. */
export const ROW_CLASSES: readonly ClassName[] = ['pool', 'host', 'VM', 'SR', 'network'];

/** The row of one object, or undefined when it is gone, out of scope or never shown. */
export function searchRowFor(read: ReadRecord, cls: ClassName, ref: string, scope: SearchScope): SearchRow | undefined {
  if (!inScope(scope, ref)) return undefined;
  switch (cls) {
    case 'VM':
      return vmRowFor(read, ref, scope);
    case 'host':
      return hostRowFor(read, ref, scope);
    case 'SR':
      return srRowFor(read, ref, scope);
    case 'pool': {
      const pool = read('pool', ref);
      if (pool === undefined || scope.kind === 'host') return undefined;
      return { ...blank(ref, 'pool', 'pool', pool.name_label), description: pool.name_description, tags: pool.tags.join(', ') };
    }
    case 'network': {
      const net = read('network', ref);
      if (net === undefined || scope.kind === 'host' || net.other_config['is_host_internal_management_network'] === 'true') return undefined;
      return { ...blank(ref, 'network', 'network', net.name_label), description: net.name_description, tags: net.tags.join(', ') };
    }
    default:
      return undefined;
  }
}

function vmRowFor(read: ReadRecord, ref: string, scope: SearchScope): SearchRow | undefined {
  const vm = read('VM', ref);
  if (vm === undefined || vm.is_control_domain) return undefined;
  const type: SearchType = vm.is_a_snapshot ? 'snapshot' : vm.is_a_template ? 'template' : 'vm';
  const owner = !isNullRef(vm.resident_on) ? vm.resident_on : vm.affinity;
  if (scope.kind === 'host' && (type !== 'vm' || owner !== scope.host)) return undefined;
  const metrics = read('VM_metrics', vm.metrics);
  const gm = read('VM_guest_metrics', vm.guest_metrics);
  const host = read('host', owner);
  const live = vm.power_state === 'Running' || vm.power_state === 'Paused';
  let disks = 0;
  let diskSize = 0;
  for (const b of vm.VBDs) {
    const vbd = read('VBD', b);
    if (vbd === undefined || vbd.type !== 'Disk') continue;
    disks++;
    diskSize += read('VDI', vbd.VDI)?.virtual_size ?? 0;
  }
  return {
    ref,
    cls: 'VM',
    type,
    name: vm.name_label,
    description: vm.name_description,
    state: type === 'vm' ? vm.power_state : '',
    tags: vm.tags.join(', '),
    os: type === 'vm' ? operatingSystem(vm, gm) : '',
    cpus: vm.VCPUs_at_startup,
    memory: live ? (metrics?.memory_actual ?? vm.memory_target) : undefined,
    memoryTotal: vm.memory_static_max,
    disks,
    diskSize,
    ip: live ? (guestAddresses(gm)[0] ?? '') : '',
    address: '',
    since: live ? parseUnixSeconds(metrics?.start_time ?? '') : undefined,
    defaultTemplate: vm.is_default_template,
    host: host?.name_label ?? '',
  };
}

function hostRowFor(read: ReadRecord, ref: string, scope: SearchScope): SearchRow | undefined {
  const host = read('host', ref);
  if (host === undefined || (scope.kind === 'host' && ref !== scope.host)) return undefined;
  const metrics = read('host_metrics', host.metrics);
  const boot = Number.parseFloat(host.other_config['boot_time'] ?? '');
  const total = metrics?.memory_total;
  return {
    ref,
    cls: 'host',
    type: 'server',
    name: host.name_label,
    description: host.name_description,
    state: metrics?.live === false ? 'Disconnected' : host.enabled ? 'Connected' : 'Maintenance mode',
    tags: host.tags.join(', '),
    os: [host.software_version['product_brand'], host.software_version['product_version']].filter((s) => s !== undefined).join(' '),
    cpus: Number(host.cpu_info['cpu_count'] ?? '') || undefined,
    memory: total === undefined ? undefined : total - (metrics?.memory_free ?? 0),
    memoryTotal: total,
    disks: undefined,
    diskSize: undefined,
    ip: '',
    address: host.address,
    since: Number.isFinite(boot) ? boot : undefined,
    defaultTemplate: false,
    host: host.name_label,
  };
}

function srRowFor(read: ReadRecord, ref: string, scope: SearchScope): SearchRow | undefined {
  const sr = read('SR', ref);
  if (sr === undefined) return undefined;
  const hosts = sr.PBDs.map((p) => read('PBD', p)?.host);
  if (scope.kind === 'host' && (sr.shared || !hosts.includes(scope.host))) return undefined;
  const local = sr.shared ? '' : (read('host', hosts[0] ?? '')?.name_label ?? '');
  return { ...blank(ref, 'SR', 'sr', sr.name_label), description: sr.name_description, state: srTypeLabel(sr.type), tags: sr.tags.join(', '), disks: sr.VDIs.length, diskSize: sr.physical_size, host: local };
}

function blank(ref: string, cls: ClassName, type: SearchType, name: string): SearchRow {
  return { ref, cls, type, name, description: '', state: '', tags: '', os: '', cpus: undefined, memory: undefined, memoryTotal: undefined, disks: undefined, diskSize: undefined, ip: '', address: '', since: undefined, defaultTemplate: false, host: '' };
}

/** All rows in scope, in no particular order (built afresh; the grid uses the incremental selector). */
export function buildSearchRows(cache: ObjectCache, scope: SearchScope): SearchRow[] {
  const read: ReadRecord = (cls, ref) => cache.get(cls, ref);
  const out: SearchRow[] = [];
  for (const cls of ROW_CLASSES) {
    for (const ref of cache.all(cls).keys()) {
      const row = searchRowFor(read, cls, ref, scope);
      if (row !== undefined) out.push(row);
    }
  }
  return out;
}
