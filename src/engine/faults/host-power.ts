// A host's own power cycle, beyond what XenAPI records: its power is cut (a
// fault) or HA fences it (the Xen watchdog reboots it); later it boots again.
// The pool database (XenAPI's view) learns of a death only when it is detected
// (liveness.ts); what is recorded here is what really happened to the machine.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { raiseMessage } from '../messages';
import { bringDown } from '../vm/lifecycle-jobs';
import { HOST_DOWN_KEY, HOST_DOWN_SINCE_KEY, hostDownReason, setOtherConfig } from './fault-state';

/**
 * Seconds from power-on to a XenServer host answering XenAPI again (BIOS/POST,
 * Xen, dom0, xapi start). The simulator's estimate: 2U servers take 1–3 minutes to
 * POST and XenServer about a minute more to start its services.
 */
export const HOST_BOOT_SECONDS = 180;

export type DownReason = 'power' | 'fenced' | 'booting';

export function markHostDown(engine: Engine, host: string, reason: DownReason, atUnix = engine.unixTime()): void {
  setOtherConfig(engine, 'host', host, { [HOST_DOWN_KEY]: reason, [HOST_DOWN_SINCE_KEY]: String(atUnix) });
}

/** Start booting a host that is down; it answers again after HOST_BOOT_SECONDS. */
export function bootHost(engine: Engine, host: string): void {
  if (hostDownReason(engine, host) === undefined || hostDownReason(engine, host) === 'booting') return;
  markHostDown(engine, host, 'booting');
  engine.scheduler.after(HOST_BOOT_SECONDS, 'host.boot.done', { host });
}

/**
 * The pool records that every domain on `host` is gone: running operations on
 * its VMs fail, and the VMs are Halted (xapi does this when a host is declared
 * dead under HA, or when a host starts up again and finds no domains).
 */
export function forgetDomainsOf(engine: Engine, host: string): string[] {
  const gone: string[] = [];
  for (const vm of [...engine.world.get('host', host).resident_VMs]) {
    const record = engine.world.find('VM', vm);
    if (record === undefined || record.is_control_domain) continue;
    for (const task of Object.keys(record.current_operations)) {
      if (engine.operations.isCancellable(task)) engine.operations.cancel(task);
      else engine.scheduler.remove((job) => job.args['task'] === task);
      engine.tasks.fail(task, xenError('HOST_OFFLINE', host));
    }
    const now = engine.world.get('VM', vm);
    if (now.resident_on !== host) continue;
    bringDown(engine, vm);
    gone.push(vm);
  }
  return gone;
}

const bootDone: JobHandler = (engine, args) => {
  const host = args['host'] as string;
  if (!engine.world.has('host', host) || hostDownReason(engine, host) !== 'booting') return;
  setOtherConfig(engine, 'host', host, { [HOST_DOWN_KEY]: undefined, [HOST_DOWN_SINCE_KEY]: undefined });
  // A host that starts finds none of its old domains: xapi resets VMs still recorded on it.
  forgetDomainsOf(engine, host);
  const metrics = engine.world.get('host', host).metrics;
  if (engine.world.has('host_metrics', metrics)) engine.world.update('host_metrics', metrics, { live: true, last_updated: engine.datetime() });
  engine.world.update('host', host, { enabled: true });
  raiseMessage(engine, 'HOST_STARTED', 5, 'host', host, `Server '${engine.world.get('host', host).name_label}' has started and rejoined the pool.`);
  engine.runJob('ha.evaluate', {});
};

export const HOST_POWER_JOBS: readonly (readonly [string, JobHandler])[] = [['host.boot.done', bootDone]];
