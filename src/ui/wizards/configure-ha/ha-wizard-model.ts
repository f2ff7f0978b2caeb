// The Configure HA wizard's facts and rules, pure (tested without React):
// prerequisites, heartbeat SR candidates, the VMs with their restart policy
// and whether they can be protected, field validation, and the XenAPI calls
// Finish makes — in XenCenter's order: failures to tolerate set to 0 (always
// plannable), the VMs' priorities, order and delays, HA enabled on the
// heartbeat SR (first time only), then the failures to tolerate.
import type { RecordOf } from '../../../xapi/types';
import type { CacheReader } from '../../actions/action-types';

/** SR types whose shared storage can hold HA's statefile (xapi's list). */
export const STATEFILE_SR_TYPES: ReadonlySet<string> = new Set(['lvmoiscsi', 'lvmohba', 'nfs', 'gfs2', 'lvmofcoe', 'smb']);

export interface Check {
  readonly label: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface SrChoice {
  readonly ref: string;
  readonly name: string;
  readonly type: string;
  /** Why it cannot hold the heartbeat (undefined: it can). */
  readonly unsuitable: string | undefined;
}

export interface VmPolicy {
  readonly ref: string;
  readonly name: string;
  readonly powerState: string;
  /** Why HA cannot guarantee a restart (undefined: the VM is agile). */
  readonly notAgile: string | undefined;
  readonly priority: string;
  readonly order: string;
  readonly delay: string;
}

function attachedEverywhere(sr: RecordOf<'SR'>, cache: CacheReader, hosts: readonly string[]): boolean {
  return hosts.every((h) => sr.PBDs.some((p) => {
    const pbd = cache.get('PBD', p);
    return pbd?.host === h && pbd.currently_attached;
  }));
}

/** Every server the cache knows: one pool (the default when the caller does not name the pool's servers). */
function allHosts(cache: CacheReader): string[] {
  return [...cache.all('host').keys()];
}

/** Shared SRs of the pool (plugged on one of its servers) that could hold the heartbeat. */
export function heartbeatChoices(cache: CacheReader, hosts: readonly string[] = allHosts(cache)): SrChoice[] {
  return [...cache.all('SR')]
    .filter(([, sr]) => sr.shared && sr.content_type !== 'iso' && sr.PBDs.some((p) => hosts.includes(cache.get('PBD', p)?.host ?? '')))
    .map(([ref, sr]) => {
      let unsuitable: string | undefined;
      if (!STATEFILE_SR_TYPES.has(sr.type)) unsuitable = `${sr.type} storage cannot hold the heartbeat`;
      else if (sr.other_config['xenlab-fault-failed'] !== undefined) unsuitable = 'this storage has failed';
      else if (!attachedEverywhere(sr, cache, hosts)) unsuitable = 'not attached to every server';
      return { ref, name: sr.name_label, type: sr.type, unsuitable };
    })
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** The pool's prerequisites for HA, over its servers (hosts: the pool's members). */
export function prerequisites(cache: CacheReader, members: readonly string[] = allHosts(cache)): Check[] {
  const hosts = members.flatMap((ref) => cache.get('host', ref) ?? []);
  const dead = hosts.filter((h) => cache.get('host_metrics', h.metrics)?.live !== true).map((h) => h.name_label);
  const srs = heartbeatChoices(cache, members).filter((c) => c.unsuitable === undefined);
  return [
    { label: 'At least two servers in the pool', ok: hosts.length >= 2, detail: `${String(hosts.length)} server(s)` },
    { label: 'Every server is online', ok: dead.length === 0, detail: dead.length === 0 ? 'all online' : `not responding: ${dead.join(', ')}` },
    {
      label: 'Shared storage for the heartbeat (NFS, iSCSI, HBA or SMB, attached to every server)',
      ok: srs.length > 0,
      detail: srs.length > 0 ? srs.map((s) => s.name).join(', ') : 'none: create a shared SR first',
    },
  ];
}

function notAgileReason(vm: RecordOf<'VM'>, cache: CacheReader): string | undefined {
  for (const vbdRef of vm.VBDs) {
    const vbd = cache.get('VBD', vbdRef);
    if (vbd === undefined || vbd.empty) continue;
    const vdi = cache.get('VDI', vbd.VDI);
    const sr = vdi === undefined ? undefined : cache.get('SR', vdi.SR);
    if (sr !== undefined && !sr.shared) return `a disk is on ${sr.name_label}, local to one server`;
  }
  for (const vifRef of vm.VIFs) {
    const network = cache.get('network', cache.get('VIF', vifRef)?.network ?? '');
    if (network !== undefined && network.PIFs.length === 0) return `it is on ${network.name_label}, a network of one server`;
  }
  return undefined;
}

/** Whether a VM is the pool's: it runs on (or is homed on) one of its servers, or its disks are on the pool's storage. */
function vmOfPool(vm: RecordOf<'VM'>, cache: CacheReader, hosts: readonly string[]): boolean {
  if (hosts.includes(vm.resident_on) || hosts.includes(vm.affinity)) return true;
  return vm.VBDs.some((vbd) => {
    const sr = cache.get('SR', cache.get('VDI', cache.get('VBD', vbd)?.VDI ?? '')?.SR ?? '');
    return sr?.PBDs.some((p) => hosts.includes(cache.get('PBD', p)?.host ?? '')) === true;
  });
}

export function vmPolicies(cache: CacheReader, hosts?: readonly string[]): VmPolicy[] {
  return [...cache.all('VM')]
    .filter(([, vm]) => !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain && (hosts === undefined || vmOfPool(vm, cache, hosts)))
    .map(([ref, vm]) => {
      const notAgile = notAgileReason(vm, cache);
      return {
        ref,
        name: vm.name_label,
        powerState: vm.power_state,
        notAgile,
        priority: notAgile !== undefined && vm.ha_restart_priority === 'restart' ? '' : vm.ha_restart_priority,
        order: String(vm.order),
        delay: String(vm.start_delay),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** A whole number ≥ 0, or the message for the field. */
export function countError(label: string, text: string): string | undefined {
  if (!/^\d+$/.test(text.trim())) return `${label} must be a whole number, 0 or more.`;
  if (Number(text) > 100000) return `${label} is at most 100000.`;
  return undefined;
}

export function policyErrors(policies: readonly VmPolicy[]): Map<string, string> {
  const errors = new Map<string, string>();
  for (const p of policies) {
    const e = countError('Start order', p.order) ?? countError('Delay', p.delay);
    if (e !== undefined) errors.set(p.ref, `${p.name}: ${e}`);
    else if (p.priority === 'restart' && p.notAgile !== undefined) errors.set(p.ref, `${p.name} cannot be protected: ${p.notAgile}.`);
  }
  return errors;
}

/** pool.ha_compute_hypothetical_max_host_failures_to_tolerate's argument: every VM's priority. */
export function priorityMap(policies: readonly VmPolicy[]): Record<string, string> {
  return Object.fromEntries(policies.map((p) => [p.ref, p.priority]));
}

export interface HaCall {
  readonly method: string;
  readonly args: readonly unknown[];
  /** Runs as Async.* followed to its task. */
  readonly async?: boolean;
}

export function finishCalls(input: {
  readonly pool: string;
  readonly haEnabled: boolean;
  readonly sr: string | undefined;
  readonly ntol: number;
  readonly before: readonly VmPolicy[];
  readonly after: readonly VmPolicy[];
}): HaCall[] {
  const calls: HaCall[] = [];
  if (input.haEnabled) calls.push({ method: 'pool.set_ha_host_failures_to_tolerate', args: [input.pool, 0] });
  const old = new Map(input.before.map((p) => [p.ref, p]));
  for (const p of input.after) {
    const was = old.get(p.ref);
    if (was?.priority !== p.priority) calls.push({ method: 'VM.set_ha_restart_priority', args: [p.ref, p.priority] });
    if (was?.order !== p.order) calls.push({ method: 'VM.set_order', args: [p.ref, Number(p.order)] });
    if (was?.delay !== p.delay) calls.push({ method: 'VM.set_start_delay', args: [p.ref, Number(p.delay)] });
  }
  if (!input.haEnabled && input.sr !== undefined) calls.push({ method: 'pool.enable_ha', args: [[input.sr], {}], async: true });
  calls.push({ method: 'pool.set_ha_host_failures_to_tolerate', args: [input.pool, input.ntol] });
  return calls;
}
