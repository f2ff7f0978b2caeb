// Simulator.* calls to cause and repair failures (the console's Faults menu):
//   Simulator.inject_fault(session, kind, target, params) / clear_fault(session, kind, target)
//   Simulator.list_faults(session) → [{ kind, class, target, since }]
// kinds: power | management-network | storage-network (a host), sr-failed (an
// SR), nic-degraded (a PIF; params.mbit, default 100). Each takes effect in
// virtual time through the liveness evaluation, and raises an alert.
import { xenError } from '../../xapi/errors';
import type { ClassName } from '../../xapi/datamodel/classes';
import type { Engine } from '../engine';
import { define, type MethodTable } from '../api/registry';
import { raiseMessage } from '../messages';
import { failMigrationsOf } from '../migration/migrate-run';
import { FAULT_KINDS, faultKey, HOST_FAULTS, PIF_FAULT, SR_FAULT, setOtherConfig, type FaultKind, type HostFault } from './fault-state';

const DEGRADED_FROM_KEY = 'xenlab-fault-degraded-from';
const DEFAULT_DEGRADED_MBIT = 100;

const DESCRIPTIONS: Record<FaultKind, string> = {
  power: 'power was cut',
  'management-network': 'management network was cut',
  'storage-network': 'storage network was cut',
  'sr-failed': 'storage failed',
  'nic-degraded': 'network link was degraded',
};

function targetClass(kind: FaultKind): 'host' | 'SR' | 'PIF' {
  if ((HOST_FAULTS as readonly string[]).includes(kind)) return 'host';
  return kind === 'sr-failed' ? 'SR' : 'PIF';
}

function keyOf(kind: FaultKind): string {
  if (kind === 'sr-failed') return faultKey(SR_FAULT);
  if (kind === 'nic-degraded') return faultKey(PIF_FAULT);
  return faultKey(kind);
}

function parseKind(kind: string): FaultKind {
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) throw xenError('INVALID_VALUE', 'kind', kind);
  return kind as FaultKind;
}

function assertTarget(engine: Engine, cls: ClassName, target: string): void {
  if (!engine.world.has(cls, target)) throw xenError('HANDLE_INVALID', cls, target);
}

function describe(engine: Engine, cls: 'host' | 'SR' | 'PIF', target: string): string {
  if (cls === 'PIF') {
    const pif = engine.world.get('PIF', target);
    return `${pif.device} on '${engine.world.find('host', pif.host)?.name_label ?? '?'}'`;
  }
  return `'${engine.world.get(cls, target).name_label}'`;
}

function setPifSpeed(engine: Engine, pif: string, mbit: number): void {
  const metrics = engine.world.get('PIF', pif).metrics;
  if (engine.world.has('PIF_metrics', metrics)) engine.world.update('PIF_metrics', metrics, { speed: mbit });
}

export function defineFaultApi(table: MethodTable): void {
  define(table, {
    name: 'Simulator.inject_fault',
    params: [{ name: 'kind', type: 'string' }, { name: 'target', type: { ref: 'any' } }, { name: 'params', type: 'string_map' }],
    optionalTail: 1,
    run: ({ engine }, [kindArg, target, params]) => {
      const kind = parseKind(kindArg as string);
      const cls = targetClass(kind);
      const ref = target as string;
      assertTarget(engine, cls, ref);
      const key = keyOf(kind);
      if (engine.world.get(cls, ref).other_config[key] !== undefined) return; // already in effect
      const patch: Record<string, string> = { [key]: String(engine.unixTime()) };
      if (kind === 'nic-degraded') {
        const raw = (params as Record<string, string> | undefined)?.['mbit'];
        const mbit = raw === undefined ? DEFAULT_DEGRADED_MBIT : Number(raw);
        if (!Number.isInteger(mbit) || mbit < 1) throw xenError('INVALID_VALUE', 'mbit', String(raw));
        const metrics = engine.world.find('PIF_metrics', engine.world.get('PIF', ref).metrics);
        patch[DEGRADED_FROM_KEY] = String(metrics?.speed ?? 0);
        setPifSpeed(engine, ref, mbit);
      }
      setOtherConfig(engine, cls, ref, patch);
      if (kind === 'power' || kind === 'management-network') failMigrationsOf(engine, ref);
      const alertOn = cls === 'PIF' ? engine.world.get('PIF', ref).host : ref;
      raiseMessage(engine, 'XENLAB_FAULT_INJECTED', 3, cls === 'PIF' ? 'host' : cls, alertOn, `Simulated fault: the ${DESCRIPTIONS[kind]} (${describe(engine, cls, ref)}).`);
      engine.runJob('ha.evaluate', {});
    },
  });

  define(table, {
    name: 'Simulator.clear_fault',
    params: [{ name: 'kind', type: 'string' }, { name: 'target', type: { ref: 'any' } }],
    run: ({ engine }, [kindArg, target]) => {
      const kind = parseKind(kindArg as string);
      const cls = targetClass(kind);
      const ref = target as string;
      assertTarget(engine, cls, ref);
      const config = engine.world.get(cls, ref).other_config;
      if (config[keyOf(kind)] === undefined) return;
      if (kind === 'nic-degraded') setPifSpeed(engine, ref, Number(config[DEGRADED_FROM_KEY] ?? 0));
      setOtherConfig(engine, cls, ref, { [keyOf(kind)]: undefined, [DEGRADED_FROM_KEY]: undefined });
      const alertOn = cls === 'PIF' ? engine.world.get('PIF', ref).host : ref;
      raiseMessage(engine, 'XENLAB_FAULT_CLEARED', 5, cls === 'PIF' ? 'host' : cls, alertOn, `Simulated fault repaired: the ${DESCRIPTIONS[kind]} (${describe(engine, cls, ref)}).`);
      engine.runJob('ha.evaluate', {});
    },
  });

  define(table, {
    name: 'Simulator.list_faults',
    params: [],
    run: ({ engine }) => {
      const faults: { kind: string; class: string; target: string; since: string }[] = [];
      const add = (kind: FaultKind, cls: 'host' | 'SR' | 'PIF', ref: string, value: string | undefined) => {
        if (value !== undefined) faults.push({ kind, class: cls, target: ref, since: engine.datetime(Number(value) - engine.config.epoch) });
      };
      for (const [ref, host] of engine.world.entries('host')) for (const f of HOST_FAULTS) add(f as HostFault, 'host', ref, host.other_config[faultKey(f)]);
      for (const [ref, sr] of engine.world.entries('SR')) add('sr-failed', 'SR', ref, sr.other_config[keyOf('sr-failed')]);
      for (const [ref, pif] of engine.world.entries('PIF')) add('nic-degraded', 'PIF', ref, pif.other_config[keyOf('nic-degraded')]);
      return faults;
    },
  });
}
