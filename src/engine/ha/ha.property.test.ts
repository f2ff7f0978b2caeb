// HA under random faults, repairs, lifecycle calls and priority changes, with
// the safety rules checked after every step: a VM is never recorded running on
// two hosts or on a host that is not live; HA never declares a running host
// dead; host memory stays exact; and a protected VM is restarted after a
// single host failure whenever the plan said one failure could be tolerated.
// fast-check, seeded: the seed is printed; XENLAB_PROPERTY_SEED replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineSnapshot } from '../engine';
import { buildDefaultWorld } from '../worlds/default-world';
import { hostMemoryUsed } from '../host/memory';
import { worldProblems } from '../worlds/world-invariants';
import { hostDownReason } from '../faults/fault-state';

const RUNS = Number(process.env['XENLAB_PROPERTY_RUNS'] ?? 1000) / 10;
const SEED = Number(process.env['XENLAB_PROPERTY_SEED'] ?? Date.now() % 2 ** 31);
const HOST_FAULTS = ['power', 'management-network', 'storage-network'] as const;

type Step =
  | { kind: 'fault'; fault: number; host: number; clear: boolean }
  | { kind: 'sr'; clear: boolean }
  | { kind: 'vm'; call: number; vm: number }
  | { kind: 'priority'; vm: number; level: number }
  | { kind: 'advance'; seconds: number };

const VM_CALLS = ['Async.VM.start', 'Async.VM.clean_shutdown', 'Async.VM.hard_shutdown', 'Async.VM.hard_reboot'] as const;
const LEVELS = ['restart', 'best-effort', ''] as const;

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: fc.nat(2), host: fc.nat(5), clear: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sr' as const), clear: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('vm' as const), call: fc.nat(VM_CALLS.length - 1), vm: fc.nat(30) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('priority' as const), vm: fc.nat(30), level: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.double({ min: 0, max: 240, noNaN: true }) }) },
);

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`invariant broken: ${what}`);
}

function checkSafety(engine: Engine): void {
  const { world } = engine;
  const live = (h: string) => world.find('host_metrics', world.get('host', h).metrics)?.live === true;
  const seen = new Map<string, string>();
  for (const [h, host] of world.entries('host')) {
    check(live(h) || hostDownReason(engine, h) !== undefined, `${host.name_label} is declared dead only when it is really down`);
    for (const vm of host.resident_VMs) {
      check(!seen.has(vm), `${vm} resident on two hosts`);
      seen.set(vm, h);
    }
    const metrics = world.get('host_metrics', host.metrics);
    check(metrics.memory_free === metrics.memory_total - hostMemoryUsed(engine, h), `${host.name_label}: free memory = total − used`);
  }
  for (const [ref, vm] of world.entries('VM')) {
    if (vm.is_control_domain || (vm.power_state !== 'Running' && vm.power_state !== 'Paused')) continue;
    check(seen.get(ref) === vm.resident_on, `${vm.name_label} is resident where it runs`);
    check(live(vm.resident_on), `${vm.name_label} runs on a live host`);
  }
}

let base: EngineSnapshot | undefined;
async function haEngine(): Promise<{ engine: Engine; session: string; sr: string }> {
  if (base === undefined) {
    const engine = Engine.create({ seed: 9, build: buildDefaultWorld });
    const session = (await engine.call('session.login_with_password', ['root', 'xenlab'])) as string;
    const sr = engine.world.refs('SR').find((r) => engine.world.get('SR', r).type === 'nfs');
    if (sr === undefined) throw new Error('no NFS SR');
    await engine.call('Async.pool.enable_ha', [session, [sr], {}]);
    engine.advance(30);
    base = engine.snapshot();
  }
  const engine = Engine.restore(structuredClone(base));
  const session = (await engine.call('session.login_with_password', ['root', 'xenlab'])) as string;
  const sr = engine.world.refs('SR').find((r) => engine.world.get('SR', r).type === 'nfs') ?? '';
  return { engine, session, sr };
}

describe('HA safety under random faults', () => {
  it(`holds after every step (${RUNS} runs, seed ${SEED})`, async () => {
    console.log(`HA property test seed: ${SEED} (replay with XENLAB_PROPERTY_SEED=${SEED})`);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        const { engine, session, sr } = await haEngine();
        const vms = engine.world.refs('VM').filter((r) => {
          const vm = engine.world.get('VM', r);
          return !vm.is_a_template && !vm.is_control_domain;
        });
        const hosts = engine.world.refs('host');
        const call = async (method: string, args: readonly unknown[]) => {
          try {
            await engine.call(method, [session, ...args]);
          } catch {
            // Refusals are part of the game.
          }
        };
        for (const s of steps) {
          if (s.kind === 'fault') {
            const host = hosts[s.host % hosts.length]!;
            await call(s.clear ? 'Simulator.clear_fault' : 'Simulator.inject_fault', [HOST_FAULTS[s.fault]!, host, ...(s.clear ? [] : [{}])]);
          } else if (s.kind === 'sr') {
            await call(s.clear ? 'Simulator.clear_fault' : 'Simulator.inject_fault', ['sr-failed', sr, ...(s.clear ? [] : [{}])]);
          } else if (s.kind === 'vm') {
            const vm = vms[s.vm % vms.length]!;
            await call(VM_CALLS[s.call]!, s.call === 0 ? [vm, false, false] : [vm]);
          } else if (s.kind === 'priority') {
            await call('VM.set_ha_restart_priority', [vms[s.vm % vms.length]!, LEVELS[s.level]!]);
          } else {
            engine.advance(s.seconds);
          }
          checkSafety(engine);
        }
        // Repair everything: every host comes back and the pool is whole again.
        for (const f of await engine.call('Simulator.list_faults', [session]) as { kind: string; target: string }[]) {
          await call('Simulator.clear_fault', [f.kind, f.target]);
        }
        engine.advance(600);
        checkSafety(engine);
        for (const h of hosts) check(hostDownReason(engine, h) === undefined, 'every host is up once faults are repaired');
        expect(await worldProblems(engine, session)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 900_000);

  it(`restarts every protected VM after one host failure when the plan allowed it (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(2), { minLength: 10, maxLength: 10 }), fc.nat(2), fc.nat(2), async (levels, hostIndex, faultIndex) => {
        const { engine, session } = await haEngine();
        const vms = engine.world.refs('VM').filter((r) => !engine.world.get('VM', r).is_a_template && !engine.world.get('VM', r).is_control_domain);
        for (const [i, vm] of vms.entries()) {
          try {
            await engine.call('VM.set_ha_restart_priority', [session, vm, LEVELS[levels[i % levels.length]!]!]);
          } catch {
            // not agile: stays unprotected
          }
        }
        const pool = engine.world.refs('pool')[0]!;
        const tolerated = engine.world.get('pool', pool).ha_plan_exists_for;
        const host = engine.world.refs('host')[hostIndex]!;
        const victims = engine.world.get('host', host).resident_VMs.filter((vm) => engine.world.get('VM', vm).ha_restart_priority === 'restart');
        await engine.call('Simulator.inject_fault', [session, HOST_FAULTS[faultIndex]!, host, {}]);
        engine.advance(400);
        checkSafety(engine);
        if (tolerated >= 1) {
          for (const vm of victims) check(engine.world.get('VM', vm).power_state === 'Running', `protected ${engine.world.get('VM', vm).name_label} restarted`);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 900_000);
});
