// host.shutdown / reboot / power_on (host.disable/enable: migration/migrate-api.ts). As in xapi, a host must
// be disabled (no new VMs placed on it) before it is shut down or rebooted, and
// no guest may still run there: each running VM makes HOST_IN_USE. A host that
// comes back up after a reboot or power-on is enabled again by xapi's startup.
// Power-on through XenAPI needs a power_on_mode (Wake-on-LAN, iLO, DRAC); the
// lab's machines also have a power button (Simulator.set_machine_power).
// A host that is down is marked as the fault model marks it (faults/host-power):
// one notion of "down" and one boot sequence for cut power, fencing and shutdown.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import type { JobHandler } from '../jobs';
import { define, PENDING, type Call, type MethodTable } from '../api/registry';
import { isLive } from '../pool/membership';
import { bootHost, markHostDown } from '../faults/host-power';
import { assertPowerOnWorks, setPowerOnMode } from './power-on-mode';

const SHUTDOWN_SECONDS = 40;

type Args = Readonly<Record<string, unknown>>;

function setLive(engine: Engine, host: string, live: boolean): void {
  const metrics = engine.world.get('host', host).metrics;
  if (engine.world.has('host_metrics', metrics)) engine.world.update('host_metrics', metrics, { live, last_updated: engine.datetime() });
}

function setMachinePower(engine: Engine, host: string, power: 'on' | 'off'): void {
  const machine = engine.lab.machineOfHost(host);
  if (machine !== undefined) engine.lab.setMachine({ ...machine, power });
}

function assertCanGoDown(engine: Engine, host: string): void {
  const record = engine.world.get('host', host);
  if (!isLive(engine, host)) throw xenError('HOST_OFFLINE', host);
  if (record.enabled) throw xenError('HOST_NOT_DISABLED');
  for (const vm of record.resident_VMs) {
    if (engine.world.find('VM', vm)?.is_control_domain === false) throw xenError('HOST_IN_USE', host, 'vm', vm);
  }
}

function goDown(call: Call, host: string, reboot: boolean): typeof PENDING {
  const { engine, task } = call;
  assertCanGoDown(engine, host);
  engine.operations.begin(task, [{ cls: 'host', ref: host, op: reboot ? 'reboot' : 'shutdown' }]);
  engine.tasks.progressOver(task, SHUTDOWN_SECONDS);
  engine.scheduler.after(SHUTDOWN_SECONDS, 'host.power.down', { host, task, reboot });
  return PENDING;
}

const powerDown: JobHandler = (engine, args: Args) => {
  const host = args['host'] as string;
  const task = args['task'] as string;
  if (!engine.world.has('host', host)) return;
  // A clean shutdown tells the master: the host is not live at once (no dead-host timeout).
  markHostDown(engine, host, 'power');
  setLive(engine, host, false);
  if (args['reboot'] === true) bootHost(engine, host);
  else setMachinePower(engine, host, 'off');
  engine.tasks.succeed(task);
};

export const HOST_POWER_API_JOBS: readonly (readonly [string, JobHandler])[] = [['host.power.down', powerDown]];

export function defineHostPowerApi(table: MethodTable): void {
  const host = { name: 'host', type: { ref: 'host' } } as const;
  define(table, { name: 'host.shutdown', params: [host], async: true, run: (call, [h]) => goDown(call, h as string, false) });
  define(table, { name: 'host.reboot', params: [host], async: true, run: (call, [h]) => goDown(call, h as string, true) });
  define(table, {
    name: 'host.power_on',
    params: [host],
    async: true,
    run: (call, [h]) => {
      const { engine } = call;
      if (isLive(engine, h as string)) throw xenError('HOST_IS_LIVE', h as string);
      assertPowerOnWorks(engine, h as string);
      // The magic packet (or the controller's power button) sent: the call returns; the host answers once it has booted.
      setMachinePower(engine, h as string, 'on');
      bootHost(engine, h as string);
    },
  });
  define(table, {
    name: 'host.set_power_on_mode',
    params: [host, { name: 'power_on_mode', type: 'string' }, { name: 'power_on_config', type: 'string_map' }],
    run: ({ engine }, [h, mode, config]) => setPowerOnMode(engine, h as string, mode as string, config as Record<string, string>),
  });
}
