// Simulator.* calls for the lab's hardware: bare machines (add, remove, power),
// the PXE service, the installer (hardware check, boot, install as a task) and
// the console's server list (Add Server, Disconnect, Reconnect). Kept out of
// XenAPI's classes: a real pool has none of this.
import { xenError } from '../../xapi/errors';
import type { Engine } from '../engine';
import { define, PENDING, type MethodTable } from '../api/registry';
import { hostByAddress, hostPassword, isLive, poolOfHost } from '../pool/membership';
import { assertCanBoot, assertSourceReachable } from './boot-checks';
import { blockers, hardwareCheck } from './hardware-check';
import { installPhases, startPhases } from './install-job';
import { parseAnswers } from './answers-parse';
import type { Machine } from './lab-store';
import { labView } from './lab-view';
import { MACHINE_PRESETS, presetById } from './machine-catalog';
import type { MachineSpec } from './machine-spec';
import { parseMachineSpec } from './machine-validation';
import { MIN_DISK } from './hardware-check';
import { bootHost } from '../faults/host-power';

const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/;

function machineOf(engine: Engine, id: unknown): Machine {
  const m = engine.lab.machine(String(id));
  if (m === undefined) throw xenError('UUID_INVALID', 'machine', String(id));
  return m;
}

function addMachine(engine: Engine, name: string, base: string, spec: MachineSpec): string {
  const n = engine.lab.state.nextMachine;
  const label = name.trim() === '' ? `${base}-${String(n)}` : name.trim();
  if (!NAME.test(label)) throw xenError('INVALID_VALUE', 'name', name);
  if (Object.values(engine.lab.state.machines).some((m) => m.name === label)) throw xenError('INVALID_VALUE', 'name', `${label} is already in the lab`);
  const id = `machine-${String(n)}`;
  engine.lab.update((s) => ({ ...s, nextMachine: s.nextMachine + 1 }));
  engine.lab.setMachine({ id, name: label, spec, power: 'off', state: 'bare', disk: 'blank' });
  return id;
}

export function defineLabApi(table: MethodTable): void {
  define(table, { name: 'Simulator.get_lab', params: [], run: ({ engine }) => labView(engine) });
  define(table, {
    name: 'Simulator.machine_presets',
    params: [],
    run: () => MACHINE_PRESETS.map(({ id, label, description, name }) => ({ id, label, description, name })),
  });
  define(table, {
    name: 'Simulator.add_machine',
    params: [{ name: 'preset', type: 'string' }, { name: 'name', type: 'string' }],
    run: ({ engine }, [preset, name]) => {
      const p = presetById(preset as string);
      if (p === undefined) throw xenError('INVALID_VALUE', 'preset', String(preset));
      return addMachine(engine, name as string, p.name, p.spec);
    },
  });
  define(table, {
    name: 'Simulator.add_custom_machine',
    params: [{ name: 'name', type: 'string' }, { name: 'spec', type: 'any' }],
    run: ({ engine }, [name, spec]) => addMachine(engine, name as string, 'custom', parseMachineSpec(spec)),
  });
  define(table, {
    name: 'Simulator.remove_machine',
    params: [{ name: 'machine', type: 'string' }],
    run: ({ engine }, [id]) => {
      const m = machineOf(engine, id);
      if (m.state !== 'bare') throw xenError('OPERATION_NOT_ALLOWED', `${m.name} is ${m.state === 'installing' ? 'installing' : 'a XenServer host'}: only a bare machine can be taken out of the lab`);
      engine.lab.update((s) => {
        const machines = { ...s.machines };
        delete machines[m.id];
        return { ...s, machines };
      });
    },
  });
  define(table, {
    name: 'Simulator.set_machine_power',
    params: [{ name: 'machine', type: 'string' }, { name: 'on', type: 'bool' }],
    run: ({ engine }, [id, on]) => {
      const m = machineOf(engine, id);
      if (m.state === 'installing') throw xenError('OPERATION_NOT_ALLOWED', `${m.name} is installing: cancel the installation first`);
      if (m.state === 'installed' && m.host !== undefined) {
        if (on !== true) throw xenError('OPERATION_NOT_ALLOWED', `${m.name} runs XenServer: shut it down from the console`);
        if (isLive(engine, m.host)) return;
        engine.lab.setMachine({ ...m, power: 'on' });
        bootHost(engine, m.host);
        return;
      }
      engine.lab.setMachine({ ...m, power: on === true ? 'on' : 'off' });
    },
  });
  define(table, {
    name: 'Simulator.set_pxe',
    params: [
      { name: 'dhcp', type: 'bool' },
      { name: 'tftp', type: 'bool' },
      { name: 'protocol', type: 'string' },
      { name: 'url', type: 'string' },
    ],
    run: ({ engine }, [dhcp, tftp, protocol, url]) => {
      if (protocol !== 'none' && protocol !== 'http' && protocol !== 'nfs') throw xenError('INVALID_VALUE', 'protocol', String(protocol));
      const u = (url as string).trim();
      if (protocol === 'http' && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(u)) throw xenError('INVALID_VALUE', 'url', u);
      if (protocol === 'nfs' && !/^[^\s:/]+:\/\S*$/.test(u)) throw xenError('INVALID_VALUE', 'url', u);
      engine.lab.update((s) => ({ ...s, pxe: { dhcp: dhcp as boolean, tftp: tftp as boolean, repository: { protocol, url: protocol === 'none' ? '' : u } } }));
    },
  });
  define(table, {
    name: 'Simulator.hardware_check',
    params: [{ name: 'machine', type: 'string' }],
    run: ({ engine }, [id]) => hardwareCheck(machineOf(engine, id).spec),
  });
  define(table, {
    name: 'Simulator.boot_installer',
    params: [{ name: 'machine', type: 'string' }, { name: 'source', type: 'string' }, { name: 'nic', type: 'int' }],
    run: ({ engine }, [id, source, nic]) => {
      const m = machineOf(engine, id);
      if (source !== 'cd' && source !== 'pxe') throw xenError('INVALID_VALUE', 'source', String(source));
      if (m.state === 'installed') throw xenError('OPERATION_NOT_ALLOWED', `${m.name} already runs XenServer (a reinstall is not simulated)`);
      assertCanBoot(m, engine.lab.state.pxe, source, nic as number);
      engine.lab.setMachine({ ...m, power: 'on' });
    },
  });
  define(table, {
    name: 'Simulator.install',
    params: [{ name: 'machine', type: 'string' }, { name: 'answers', type: 'any' }],
    async: true,
    cancellable: true,
    run: ({ engine, task }, [id, raw]) => {
      const m = machineOf(engine, id);
      if (m.state !== 'bare') throw xenError('OPERATION_NOT_ALLOWED', `${m.name} is not a bare machine`);
      const answers = parseAnswers(raw, m.spec.disks.length, m.spec.nics.length);
      const blocking = blockers(m.spec);
      if (blocking[0] !== undefined) throw xenError('OPERATION_NOT_ALLOWED', `${blocking[0].found}: needs ${blocking[0].needed}`);
      assertCanBoot(m, engine.lab.state.pxe, answers.bootSource, answers.managementNic);
      if ((m.spec.disks[answers.targetDisk]?.size ?? 0) < MIN_DISK) throw xenError('INVALID_VALUE', 'target_disk', 'The disk is smaller than 46 GiB');
      assertSourceReachable(answers, engine.lab.state.pxe);
      const ip = answers.staticIp?.address;
      if (ip !== undefined && hostByAddress(engine, ip) !== undefined) throw xenError('INVALID_VALUE', 'address', `${ip} is already used by another host on the lab network`);
      engine.operations.begin(task, [], { kind: 'lab.install.cancel', args: { machine: m.id, task } });
      startPhases(engine, { ...m, ...(ip === undefined ? {} : { address: ip }) }, task, answers, installPhases(answers));
      return PENDING;
    },
  });
  define(table, {
    name: 'Simulator.add_server',
    params: [{ name: 'address', type: 'string' }, { name: 'username', type: 'string' }, { name: 'password', type: 'string' }],
    run: ({ engine }, [address, username, password]) => {
      const host = hostByAddress(engine, address as string);
      if (host === undefined || !isLive(engine, host)) throw xenError('CANNOT_CONTACT_HOST', address as string);
      if (username !== 'root' || password !== hostPassword(engine, host)) {
        throw xenError('SESSION_AUTHENTICATION_FAILED', username as string, 'Authentication failure');
      }
      const pool = poolOfHost(engine, host);
      const master = engine.world.get('pool', pool).master;
      if (master !== host) throw xenError('HOST_IS_SLAVE', engine.world.get('host', master).address);
      setConsole(engine, pool, undefined);
      return host;
    },
  });
  define(table, {
    name: 'Simulator.disconnect_server',
    params: [{ name: 'pool', type: { ref: 'pool' } }],
    run: ({ engine }, [pool]) => setConsole(engine, pool as string, 'disconnected'),
  });
  define(table, {
    name: 'Simulator.reconnect_server',
    params: [{ name: 'pool', type: { ref: 'pool' } }],
    run: ({ engine }, [pool]) => {
      if (engine.lab.state.console[pool as string] === 'not_added') throw xenError('OPERATION_NOT_ALLOWED', 'this server was never added: use Add Server');
      if (!isLive(engine, engine.world.get('pool', pool as string).master)) throw xenError('CANNOT_CONTACT_HOST', engine.world.get('host', engine.world.get('pool', pool as string).master).address);
      setConsole(engine, pool as string, undefined);
    },
  });
  // XenCenter keeps the credentials of each connection and uses the
  // coordinator's for pool.join (New Pool, Add Server to Pool); this is the
  // console's copy, for servers it is connected to.
  define(table, {
    name: 'Simulator.console_password',
    params: [{ name: 'host', type: { ref: 'host' } }],
    run: ({ engine }, [host]) => {
      const pool = poolOfHost(engine, host as string);
      if (engine.lab.state.console[pool] !== undefined) throw xenError('OPERATION_NOT_ALLOWED', 'the console is not connected to this server: Add Server first');
      return hostPassword(engine, host as string);
    },
  });
  define(table, {
    name: 'Simulator.server_session',
    params: [{ name: 'host', type: { ref: 'host' } }],
    run: ({ engine }, [host]) => {
      const pool = poolOfHost(engine, host as string);
      if (engine.lab.state.console[pool] !== undefined) throw xenError('OPERATION_NOT_ALLOWED', 'the console is not connected to this server: Add Server first');
      return engine.world.create('session', {
        this_host: host as string,
        last_active: engine.datetime(),
        is_local_superuser: true,
        auth_user_name: 'root',
        originator: 'XenLab console',
        validation_time: engine.datetime(),
      } as never);
    },
  });
}

function setConsole(engine: Engine, pool: string, state: 'disconnected' | undefined): void {
  engine.lab.update((s) => {
    const console = { ...s.console };
    if (state === undefined) delete console[pool];
    else console[pool] = state;
    return { ...s, console };
  });
}
