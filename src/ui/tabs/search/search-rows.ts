// The objects of the Search grid, one flat row each, derived from the cache.
// Rows keep their identity while nothing in them changes, so a pool event
// re-renders only the rows it touched (and none when the grid shows none).
import type { ClassName } from '../../../xapi/datamodel/classes';
import { parseUnixSeconds } from '../../../xapi/datetime';
import { isNullRef } from '../../../xapi/refs';
import type { RecordOf } from '../../../xapi/types';
import type { ObjectCache } from '../../cache/object-cache';
import { operatingSystem, guestAddresses } from '../../format/vm-words';
import { srTypeLabel } from '../../format/storage-words';
import { sameRow } from '../common/rows';

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
 * Each row remembers the records it was made from: a VM row whose records
 * are the same objects as last time (the cache keeps an unchanged record's
 * identity) is the same row, not rebuilt. At 10× the pool changes every
 * frame, but only a few of its 1,000 VMs do.
 */
class RowMemo {
  private last = new Map<string, { readonly deps: readonly unknown[]; readonly row: SearchRow }>();
  private next = new Map<string, { readonly deps: readonly unknown[]; readonly row: SearchRow }>();

  row(ref: string, deps: readonly unknown[], make: () => SearchRow): SearchRow {
    const old = this.last.get(ref);
    const row = old !== undefined && sameDeps(old.deps, deps) ? old.row : make();
    this.next.set(ref, { deps, row });
    return row;
  }

  /** Forget the rows not asked for this time. */
  done(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function vmRows(cache: ObjectCache, scope: SearchScope, out: SearchRow[], memo: RowMemo): void {
  for (const [ref, vm] of cache.all('VM')) {
    if (vm.is_control_domain) continue;
    const type: SearchType = vm.is_a_snapshot ? 'snapshot' : vm.is_a_template ? 'template' : 'vm';
    const owner = !isNullRef(vm.resident_on) ? vm.resident_on : vm.affinity;
    if (scope.kind === 'host' && (type !== 'vm' || owner !== scope.host)) continue;
    if (!inScope(scope, ref)) continue;
    const metrics = cache.get('VM_metrics', vm.metrics);
    const gm = cache.get('VM_guest_metrics', vm.guest_metrics);
    const host = cache.get('host', owner);
    const deps: unknown[] = [vm, metrics, gm, host];
    const drives: Drive[] = [];
    for (const b of vm.VBDs) {
      const vbd = cache.get('VBD', b);
      const vdi = vbd === undefined ? undefined : cache.get('VDI', vbd.VDI);
      drives.push({ vbd, vdi });
      deps.push(vbd, vdi);
    }
    out.push(memo.row(ref, deps, () => vmRow(ref, type, vm, metrics, gm, host, drives)));
  }
}

interface Drive {
  readonly vbd: RecordOf<'VBD'> | undefined;
  readonly vdi: RecordOf<'VDI'> | undefined;
}

function vmRow(ref: string, type: SearchType, vm: RecordOf<'VM'>, metrics: RecordOf<'VM_metrics'> | undefined, gm: RecordOf<'VM_guest_metrics'> | undefined, host: RecordOf<'host'> | undefined, drives: readonly Drive[]): SearchRow {
  const live = vm.power_state === 'Running' || vm.power_state === 'Paused';
  let disks = 0;
  let diskSize = 0;
  for (const { vbd, vdi } of drives) {
    if (vbd === undefined || vbd.type !== 'Disk') continue;
    disks++;
    diskSize += vdi?.virtual_size ?? 0;
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

function hostRows(cache: ObjectCache, scope: SearchScope, out: SearchRow[]): void {
  for (const [ref, host] of cache.all('host')) {
    if ((scope.kind === 'host' && ref !== scope.host) || !inScope(scope, ref)) continue;
    const metrics = cache.get('host_metrics', host.metrics);
    const boot = Number.parseFloat(host.other_config['boot_time'] ?? '');
    const total = metrics?.memory_total;
    out.push({
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
    });
  }
}

function otherRows(cache: ObjectCache, scope: SearchScope, out: SearchRow[]): void {
  for (const [ref, sr] of cache.all('SR')) {
    const hosts = sr.PBDs.map((p) => cache.get('PBD', p)?.host);
    if ((scope.kind === 'host' && (sr.shared || !hosts.includes(scope.host))) || !inScope(scope, ref)) continue;
    const local = sr.shared ? '' : (cache.get('host', hosts[0] ?? '')?.name_label ?? '');
    out.push({ ...blank(ref, 'SR', 'sr', sr.name_label), description: sr.name_description, state: srTypeLabel(sr.type), tags: sr.tags.join(', '), disks: sr.VDIs.length, diskSize: sr.physical_size, host: local });
  }
  if (scope.kind === 'host') return;
  for (const [ref, pool] of cache.all('pool')) if (inScope(scope, ref)) out.push({ ...blank(ref, 'pool', 'pool', pool.name_label), description: pool.name_description, tags: pool.tags.join(', ') });
  for (const [ref, net] of cache.all('network')) {
    if (net.other_config['is_host_internal_management_network'] === 'true' || !inScope(scope, ref)) continue;
    out.push({ ...blank(ref, 'network', 'network', net.name_label), description: net.name_description, tags: net.tags.join(', ') });
  }
}

function blank(ref: string, cls: ClassName, type: SearchType, name: string): SearchRow {
  return { ref, cls, type, name, description: '', state: '', tags: '', os: '', cpus: undefined, memory: undefined, memoryTotal: undefined, disks: undefined, diskSize: undefined, ip: '', address: '', since: undefined, defaultTemplate: false, host: '' };
}

/** All rows in scope, in no particular order. */
export function buildSearchRows(cache: ObjectCache, scope: SearchScope, memo = new RowMemo()): SearchRow[] {
  const out: SearchRow[] = [];
  otherRows(cache, scope, out);
  hostRows(cache, scope, out);
  vmRows(cache, scope, out, memo);
  memo.done();
  return out;
}

/**
 * A selector for one grid: builds the rows, then hands back the previous
 * row object for every row that did not change (and the previous array when
 * none did), so memoized rows and the virtualizer see stable identities.
 */
export function makeSearchSelector(scope: SearchScope): (cache: ObjectCache) => readonly SearchRow[] {
  const memo = new RowMemo();
  let previous = new Map<string, SearchRow>();
  let last: readonly SearchRow[] = [];
  return (cache) => {
    const fresh = buildSearchRows(cache, scope, memo);
    const next = new Map<string, SearchRow>();
    let changed = fresh.length !== last.length;
    const rows = fresh.map((row, i) => {
      const old = previous.get(row.ref);
      const kept = old !== undefined && sameRow(old, row) ? old : row;
      next.set(row.ref, kept);
      if (last[i] !== kept) changed = true;
      return kept;
    });
    previous = next;
    if (changed) last = rows;
    return last;
  };
}

const KEPT_SELECTORS = 4;
const selectors = new Map<string, (cache: ObjectCache) => readonly SearchRow[]>();

/**
 * The selector for a scope, kept across mounts for the last few scopes: a
 * Search tab shown again rebuilds only the rows whose records changed
 * meanwhile, not all 1,000.
 */
export function searchSelectorFor(scope: SearchScope): (cache: ObjectCache) => readonly SearchRow[] {
  // A group's members change with the tree: its scope is new each time, so its selector is not kept.
  if (scope.kind === 'refs') return makeSearchSelector(scope);
  const key = scope.kind === 'all' ? 'all' : `host:${scope.host}`;
  const kept = selectors.get(key) ?? makeSearchSelector(scope);
  selectors.delete(key);
  selectors.set(key, kept); // most recently used last
  for (const old of selectors.keys()) {
    if (selectors.size <= KEPT_SELECTORS) break;
    selectors.delete(old);
  }
  return kept;
}
