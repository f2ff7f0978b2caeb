// The Home tab's "<pool> at a glance": what one pool holds. The simulator
// keeps every pool in one world (each real pool is its own database), so a
// count over the whole cache would add up the lab's other servers — a
// standalone server just installed, its local SR, the VMs on it. A pool holds
// its members (pool-members); a VM is the pool's when it runs on a member, or
// its disks are on storage a member sees, or its affinity is a member; a VM
// or template tied to no server (a default template, a diskless halted VM)
// counts in the pool asked about. With no one pool to show, the whole lab.
import type { CacheReader } from '../../actions/action-types';
import type { Connection } from '../../connections/connections';
import { poolMembers } from '../../connections/pool-members';
import type { RecordOf } from '../../../xapi/types';

export interface Glance {
  readonly [key: string]: number;
  readonly servers: number;
  readonly running: number;
  readonly paused: number;
  readonly suspended: number;
  readonly halted: number;
  readonly templates: number;
  readonly srs: number;
}

function srHosts(sr: string, cache: CacheReader): string[] {
  return (cache.get('SR', sr)?.PBDs ?? []).map((pbd) => cache.get('PBD', pbd)?.host ?? '');
}

/** The servers a VM is tied to (undefined when it is tied to none). */
function vmServers(vm: RecordOf<'VM'>, cache: CacheReader): string[] | undefined {
  if (vm.power_state === 'Running' || vm.power_state === 'Paused') return [vm.resident_on];
  const disks = vm.VBDs.flatMap((vbd) => {
    const record = cache.get('VBD', vbd);
    const vdi = record === undefined || record.type === 'CD' ? undefined : cache.get('VDI', record.VDI);
    return vdi === undefined ? [] : srHosts(vdi.SR, cache);
  });
  if (disks.length > 0) return disks;
  return cache.get('host', vm.affinity) === undefined ? undefined : [vm.affinity];
}

/** What a pool holds; with no pool, what the whole lab holds. */
export function poolGlance(pool: string | undefined, cache: CacheReader, connections?: readonly Connection[]): Glance {
  const members = new Set(pool === undefined ? cache.all('host').keys() : poolMembers(pool, cache, connections));
  const g = { servers: members.size, running: 0, paused: 0, suspended: 0, halted: 0, templates: 0, srs: 0 };
  for (const sr of cache.all('SR').keys()) if (srHosts(sr, cache).some((h) => members.has(h))) g.srs++;
  for (const vm of cache.all('VM').values()) {
    if (vm.is_control_domain || vm.is_a_snapshot) continue;
    const servers = vmServers(vm, cache);
    if (servers !== undefined && !servers.some((h) => members.has(h))) continue;
    if (vm.is_a_template) g.templates++;
    else if (vm.power_state === 'Running') g.running++;
    else if (vm.power_state === 'Paused') g.paused++;
    else if (vm.power_state === 'Suspended') g.suspended++;
    else g.halted++;
  }
  return g;
}

export function sameGlance(a: Glance, b: Glance): boolean {
  return Object.keys(a).every((k) => a[k] === b[k]);
}
