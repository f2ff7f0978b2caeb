// What New Pool checks before it calls pool.join, as XenCenter's pool join
// rules do: which connected servers can coordinate a new pool (those standing
// alone), and for each other server whether it can join that coordinator —
// and if not, why, in words. The engine checks again on pool.join (xapi's
// pre-join checks) and its error is shown if it still refuses.
import type { CacheReader } from '../actions/action-types';
import type { Connection } from '../connections/connections';

export interface JoinCandidate {
  readonly host: string;
  readonly name: string;
  /** Why it cannot join; undefined when it can. */
  readonly reason: string | undefined;
}

const VENDORS: Readonly<Record<string, string>> = { GenuineIntel: 'Intel', AuthenticAMD: 'AMD' };

function vendorName(vendor: string | undefined): string {
  return VENDORS[vendor ?? ''] ?? (vendor === undefined || vendor === '' ? 'unknown' : vendor);
}

function live(host: string, cache: CacheReader): boolean {
  const record = cache.get('host', host);
  return record !== undefined && cache.get('host_metrics', record.metrics)?.live === true;
}

/** A connected server standing alone: an unnamed pool of one. */
function isStandalone(c: Connection, cache: CacheReader): boolean {
  return c.state === 'connected' && c.hosts.length === 1 && (cache.get('pool', c.pool)?.name_label ?? '') === '';
}

/** Servers that can coordinate a new pool: connected, standing alone, running. */
export function coordinatorChoices(connections: readonly Connection[], cache: CacheReader): string[] {
  return connections.filter((c) => isStandalone(c, cache) && live(c.master, cache)).map((c) => c.master);
}

/** Why `member` cannot join a pool coordinated by `coordinator`, or undefined. */
export function joinBlocker(member: string, coordinator: string, connections: readonly Connection[], cache: CacheReader): string | undefined {
  const mine = connections.find((c) => c.hosts.includes(member));
  const me = cache.get('host', member);
  const them = cache.get('host', coordinator);
  if (mine === undefined || me === undefined || them === undefined) return 'The console is not connected to this server.';
  if (!isStandalone(mine, cache)) {
    const name = cache.get('pool', mine.pool)?.name_label ?? '';
    return `It is already in a pool${name === '' ? '' : ` (${name})`}: remove it from that pool first.`;
  }
  if (!live(member, cache)) return 'It is not running.';
  if (cache.get('pool', mine.pool)?.ha_enabled === true) return 'HA is on for this server: turn it off first (HA_IS_ENABLED).';
  const running = me.resident_VMs.map((v) => cache.get('VM', v)).filter((vm) => vm !== undefined && !vm.is_control_domain && (vm.power_state === 'Running' || vm.power_state === 'Paused'));
  if (running.length > 0) return `It has running VMs (${running.map((vm) => vm?.name_label ?? '').join(', ')}): shut them down first.`;
  const shared = me.PBDs.map((p) => cache.get('SR', cache.get('PBD', p)?.SR ?? '')).find((sr) => sr?.shared === true && sr.is_tools_sr !== true);
  if (shared !== undefined) return `It has shared storage of its own (${shared.name_label}): detach it first.`;
  const version = me.software_version['product_version'];
  const theirs = them.software_version['product_version'];
  if (version !== theirs) return `It runs XenServer ${version ?? '?'}; the coordinator runs ${theirs ?? '?'}: a pool needs one version.`;
  const vendor = me.cpu_info['vendor'];
  const poolVendor = cache.get('pool', connections.find((c) => c.hosts.includes(coordinator))?.pool ?? '')?.cpu_info['vendor'] ?? them.cpu_info['vendor'];
  if (vendor !== poolVendor) return `Its CPUs are ${vendorName(vendor)}, the coordinator's ${vendorName(poolVendor)}: a pool needs CPUs of one vendor.`;
  return undefined;
}

/** Every other connected server, with whether it can join `coordinator`. */
export function joinCandidates(coordinator: string, connections: readonly Connection[], cache: CacheReader): JoinCandidate[] {
  const out: JoinCandidate[] = [];
  for (const c of connections) {
    if (c.state !== 'connected') continue;
    for (const host of c.hosts) {
      if (host === coordinator) continue;
      out.push({ host, name: cache.get('host', host)?.name_label ?? host, reason: joinBlocker(host, coordinator, connections, cache) });
    }
  }
  return out.sort((a, b) => Number(a.reason !== undefined) - Number(b.reason !== undefined) || a.name.localeCompare(b.name));
}
