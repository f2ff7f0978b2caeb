// Who is alive, as xhad and xapi decide it (doc/content/toolstack/features/HA):
//
// With HA on, every host heartbeats over the management network and into the
// statefile on the heartbeat SR. A running host survives if
//   rule 1: it reaches the statefile and is in the best partition (the
//           largest set of hosts that see each other, ties broken by the lowest
//           host uuid), or
//   rule 2: it has lost the statefile, but so has every host, and all of them
//           still see each other on the network;
// otherwise the Xen watchdog fences it (reboots it) after the heartbeat
// timeout T (statefile loss: T + 15 s). The survivors declare a host dead once
// it has stopped (power cut or fenced) and T has passed; they halt its VMs,
// elect a new coordinator if it was the coordinator, and restart protected VMs.
//
// Without HA nothing fences; the coordinator marks a host it cannot reach as
// not live after xapi's host_assumed_dead_interval (600 s), and its VMs stay
// recorded as running until the host starts again.
//
// Evaluation is event-driven: it runs when a fault changes or HA is switched,
// and schedules itself at the next deadline — no periodic job, so a fast-forward
// over a year costs nothing here.
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { raiseMessage } from '../messages';
import { hostDownReason, hostDownSince, hostFaultSince, srFailedSince } from '../faults/fault-state';
import { bootHost, forgetDomainsOf, markHostDown } from '../faults/host-power';
import { hostIsLive } from './ha-plan';
import { restartFailedVms } from './restart';
import { refreshPlanFields } from './plan-fields';

export const DEFAULT_HA_TIMEOUT = 60;
/** StateFileWatchdogTimeout = T + 15 (xhad.conf as xapi writes it). */
export const STATEFILE_EXTRA_SECONDS = 15;
/** xapi's Xapi_globs.host_assumed_dead_interval. */
export const HOST_ASSUMED_DEAD_SECONDS = 600;

export function haTimeout(engine: Engine): number {
  const [pool] = engine.world.entries('pool');
  const t = Number(pool?.[1].ha_configuration['timeout']);
  return Number.isFinite(t) && t > 10 ? t : DEFAULT_HA_TIMEOUT;
}

/** The SR holding the statefile, if HA is on. */
export function heartbeatSr(engine: Engine): string | undefined {
  const [pool] = engine.world.entries('pool');
  if (pool === undefined || !pool[1].ha_enabled) return undefined;
  for (const vdi of pool[1].ha_statefiles) {
    const sr = engine.world.find('VDI', vdi)?.SR;
    if (sr !== undefined) return sr;
  }
  return undefined;
}

interface HostView {
  readonly ref: string;
  readonly uuid: string;
  readonly up: boolean;
  readonly network: boolean;
  readonly statefile: boolean;
}

function hostViews(engine: Engine): HostView[] {
  const sr = heartbeatSr(engine);
  const srFailed = sr !== undefined && srFailedSince(engine, sr) !== undefined;
  return [...engine.world.entries('host')].map(([ref, h]) => {
    const up = hostDownReason(engine, ref) === undefined;
    return {
      ref,
      uuid: h.uuid,
      up,
      network: up && hostFaultSince(engine, ref, 'management-network') === undefined,
      statefile: up && !srFailed && hostFaultSince(engine, ref, 'storage-network') === undefined,
    };
  });
}

/** When the current situation began: the latest fault or host death in effect. */
function situationSince(engine: Engine): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const ref of engine.world.refs('host')) {
    for (const fault of ['management-network', 'storage-network'] as const) latest = Math.max(latest, hostFaultSince(engine, ref, fault) ?? latest);
    latest = Math.max(latest, hostDownSince(engine, ref) ?? latest);
  }
  const sr = heartbeatSr(engine);
  if (sr !== undefined) latest = Math.max(latest, srFailedSince(engine, sr) ?? latest);
  const enabledAt = Number([...engine.world.entries('pool')][0]?.[1].other_config['xenlab-ha-enabled-at']);
  if (Number.isFinite(enabledAt)) latest = Math.max(latest, enabledAt);
  return Number.isFinite(latest) ? latest : engine.unixTime();
}

/** For each running host, whether it survives (rule 1 or 2), or the deadline at which it fences. */
function survivors(views: readonly HostView[]): Map<string, { survive: boolean; statefileLost: boolean }> {
  const up = views.filter((v) => v.up);
  // Hosts on the network see each other through the switch; a host cut off from it is alone.
  const partitions: HostView[][] = [up.filter((v) => v.network), ...up.filter((v) => !v.network).map((v) => [v])].filter((p) => p.length > 0);
  const seen = (p: readonly HostView[]) => p.filter((v) => v.statefile).length;
  const lowest = (p: readonly HostView[]) => p.map((v) => v.uuid).sort()[0] ?? '';
  const best = [...partitions].filter((p) => seen(p) > 0).sort((a, b) => seen(b) - seen(a) || (lowest(a) < lowest(b) ? -1 : 1))[0];
  const allConnected = up.every((v) => v.network);
  const noneSeesStatefile = up.every((v) => !v.statefile);
  const result = new Map<string, { survive: boolean; statefileLost: boolean }>();
  for (const v of up) {
    const rule1 = v.statefile && best !== undefined && best.includes(v);
    const rule2 = !v.statefile && allConnected && noneSeesStatefile;
    result.set(v.ref, { survive: rule1 || rule2, statefileLost: !v.statefile });
  }
  return result;
}

/**
 * HA_STATEFILE_LOST ("Host lost access to HA storage heartbeat"), once per
 * loss: a running host that no longer reaches the statefile (its storage
 * network cut, or the heartbeat SR failed) says so before it is fenced — or
 * survives by rule 2.
 */
function announceStatefileLoss(engine: Engine, views: readonly HostView[]): void {
  const sr = heartbeatSr(engine);
  const srSince = sr === undefined ? undefined : srFailedSince(engine, sr);
  for (const v of views) {
    if (!v.up || v.statefile) continue;
    const since = Math.min(hostFaultSince(engine, v.ref, 'storage-network') ?? Number.POSITIVE_INFINITY, srSince ?? Number.POSITIVE_INFINITY);
    if (!Number.isFinite(since)) continue;
    const stamp = engine.datetime(since - engine.config.epoch);
    const told = [...engine.world.entries('message')].some(([, m]) => m.name === 'HA_STATEFILE_LOST' && m.obj_uuid === v.uuid && m.timestamp >= stamp);
    if (!told) raiseMessage(engine, 'HA_STATEFILE_LOST', 2, 'host', v.ref, `Server '${engine.world.get('host', v.ref).name_label}' lost access to the HA storage heartbeat (statefile).`);
  }
}

function setLive(engine: Engine, host: string, live: boolean): void {
  const metrics = engine.world.get('host', host).metrics;
  if (engine.world.has('host_metrics', metrics)) engine.world.update('host_metrics', metrics, { live, last_updated: engine.datetime() });
}

function electCoordinator(engine: Engine): void {
  const [pool] = engine.world.entries('pool');
  if (pool === undefined || hostIsLive(engine, pool[1].master)) return;
  const candidates = [...engine.world.entries('host')]
    .filter(([ref]) => hostIsLive(engine, ref))
    .sort(([, a], [, b]) => (a.uuid < b.uuid ? -1 : 1));
  const next = candidates[0];
  if (next === undefined) return;
  engine.world.update('pool', pool[0], { master: next[0] });
  raiseMessage(engine, 'HA_POOL_MASTER_CHANGED', 3, 'host', next[0], `HA elected '${next[1].name_label}' as the new pool coordinator.`);
}

function evaluate(engine: Engine): void {
  const now = engine.unixTime();
  const [pool] = engine.world.entries('pool');
  if (pool === undefined) return;
  const ha = pool[1].ha_enabled;
  let next = Number.POSITIVE_INFINITY;
  const later = (t: number) => {
    if (t > now) next = Math.min(next, t);
  };

  // Power cuts take effect at once; restored power boots a host.
  for (const ref of engine.world.refs('host')) {
    const cut = hostFaultSince(engine, ref, 'power') !== undefined;
    const down = hostDownReason(engine, ref);
    if (cut && (down === undefined || down === 'booting')) {
      if (down === 'booting') engine.scheduler.remove((job) => job.kind === 'host.boot.done' && job.args['host'] === ref);
      markHostDown(engine, ref, 'power', hostFaultSince(engine, ref, 'power'));
    } else if (!cut && down === 'power') bootHost(engine, ref);
    else if (down === 'fenced' && !ha) bootHost(engine, ref);
  }

  const T = haTimeout(engine);
  const declared: string[] = [];
  if (ha) {
    const since = situationSince(engine);
    const views = hostViews(engine);
    announceStatefileLoss(engine, views);
    for (const [ref, fate] of survivors(views)) {
      if (fate.survive) continue;
      const deadline = since + T + (fate.statefileLost ? STATEFILE_EXTRA_SECONDS : 0);
      if (now < deadline) {
        later(deadline);
        continue;
      }
      markHostDown(engine, ref, 'fenced', deadline);
      raiseMessage(engine, 'HA_HOST_WAS_FENCED', 2, 'host', ref, `Server '${engine.world.get('host', ref).name_label}' lost its heartbeats and fenced itself (the Xen watchdog rebooted it).`);
    }
    // A fenced host reboots; it rejoins once nothing keeps it from heartbeating.
    for (const ref of engine.world.refs('host')) {
      if (hostDownReason(engine, ref) !== 'fenced') continue;
      const blocked = ['power', 'management-network', 'storage-network'].some((f) => hostFaultSince(engine, ref, f as 'power') !== undefined);
      const sr = heartbeatSr(engine);
      if (!blocked && (sr === undefined || srFailedSince(engine, sr) === undefined)) bootHost(engine, ref);
    }
  }

  // Detection: the pool database learns that a host is gone.
  for (const ref of engine.world.refs('host')) {
    const down = hostDownReason(engine, ref);
    const mgmtCut = hostFaultSince(engine, ref, 'management-network');
    if (ha) {
      if (down === undefined || !hostIsLive(engine, ref)) continue;
      const at = down === 'fenced' ? (hostDownSince(engine, ref) ?? now) : (hostDownSince(engine, ref) ?? now) + T;
      if (now < at) {
        later(at);
        continue;
      }
      setLive(engine, ref, false);
      declared.push(ref);
      raiseMessage(engine, 'HA_HOST_FAILED', 2, 'host', ref, `HA declared server '${engine.world.get('host', ref).name_label}' dead; its protected VMs will be restarted elsewhere.`);
    } else {
      const lostAt = down !== undefined && down !== 'booting' ? hostDownSince(engine, ref) : mgmtCut;
      if (lostAt === undefined) {
        if (down === undefined && !hostIsLive(engine, ref)) setLive(engine, ref, true); // reachable again
        continue;
      }
      if (!hostIsLive(engine, ref)) continue;
      const at = lostAt + HOST_ASSUMED_DEAD_SECONDS;
      if (now < at) later(at);
      else setLive(engine, ref, false);
    }
  }

  if (declared.length > 0) {
    electCoordinator(engine);
    const failedVms = declared.flatMap((host) => forgetDomainsOf(engine, host));
    restartFailedVms(engine, failedVms);
  }
  if (ha) refreshPlanFields(engine);
  if (next !== Number.POSITIVE_INFINITY) {
    engine.scheduler.remove((job) => job.kind === 'ha.evaluate');
    engine.scheduler.after(next - now, 'ha.evaluate', {});
  }
}

export const LIVENESS_JOBS: readonly (readonly [string, JobHandler])[] = [['ha.evaluate', (engine) => evaluate(engine)]];
