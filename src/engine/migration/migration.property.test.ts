// Random migrations, cancels, management-network and power faults and repairs, evacuations and lifecycle calls:
// a running VM is always resident on exactly one host, a halted one on none,
// and every host's free memory is exactly total − used. fast-check, seeded:
// the seed is printed; XENLAB_PROPERTY_SEED=<n> replays a run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NULL_REF } from '../../xapi/refs';
import { Engine, type EngineSnapshot } from '../engine';
import { hostMemoryUsed } from '../host/memory';
import { buildDefaultWorld } from '../worlds/default-world';
import { worldProblems } from '../worlds/world-invariants';

const RUNS = Number(process.env['XENLAB_PROPERTY_RUNS'] ?? 100);
const SEED = Number(process.env['XENLAB_PROPERTY_SEED'] ?? Date.now() % 2 ** 31);

type Step =
  | { kind: 'migrate'; vm: number; host: number; live: boolean }
  | { kind: 'lifecycle'; call: number; vm: number }
  | { kind: 'cancel'; task: number }
  | { kind: 'cut'; host: number; repair: boolean; power: boolean }
  | { kind: 'evacuate'; host: number }
  | { kind: 'enable'; host: number; on: boolean }
  | { kind: 'advance'; seconds: number };

const LIFECYCLE = ['Async.VM.start', 'Async.VM.clean_shutdown', 'Async.VM.hard_shutdown', 'Async.VM.pause', 'Async.VM.unpause', 'Async.VM.suspend', 'Async.VM.resume'] as const;

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('migrate' as const), vm: fc.nat(20), host: fc.nat(5), live: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('lifecycle' as const), call: fc.nat(LIFECYCLE.length - 1), vm: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), task: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cut' as const), host: fc.nat(5), repair: fc.boolean(), power: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('evacuate' as const), host: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('enable' as const), host: fc.nat(5), on: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.double({ min: 0, max: 8, noNaN: true }) }) },
);

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`invariant broken: ${what}`);
}

function checkInvariants(engine: Engine): void {
  const { world } = engine;
  const residentCount = new Map<string, number>();
  for (const h of world.refs('host')) for (const vm of world.get('host', h).resident_VMs) residentCount.set(vm, (residentCount.get(vm) ?? 0) + 1);
  for (const [ref, vm] of world.entries('VM')) {
    const count = residentCount.get(ref) ?? 0;
    if (vm.power_state === 'Running' || vm.power_state === 'Paused') check(count === 1 && vm.resident_on !== NULL_REF, `${vm.name_label} resident on exactly one host`);
    else check(count === 0, `${vm.name_label} (${vm.power_state}) resident nowhere`);
    // A reservation exists only while an operation holds the VM.
    if (vm.scheduled_to_be_resident_on !== NULL_REF && vm.scheduled_to_be_resident_on !== vm.resident_on) {
      check(Object.keys(vm.current_operations).length > 0, `${vm.name_label}: a reservation without an operation`);
    }
  }
  for (const [h, host] of world.entries('host')) {
    const metrics = world.get('host_metrics', host.metrics);
    check(metrics.memory_free >= 0, `${host.name_label}: free memory never negative`);
    check(metrics.memory_free === metrics.memory_total - hostMemoryUsed(engine, h), `${host.name_label}: free memory = total − used`);
  }
}

let base: EngineSnapshot | undefined;
function freshEngine(): Engine {
  base ??= Engine.create({ seed: 9, build: buildDefaultWorld }).snapshot();
  return Engine.restore(structuredClone(base));
}

describe('migration invariants under random calls', () => {
  it(`hold after every step (${RUNS} runs, seed ${SEED})`, async () => {
    console.log(`migration property test seed: ${SEED} (replay with XENLAB_PROPERTY_SEED=${SEED})`);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const engine = freshEngine();
        const session = (await engine.call('session.login_with_password', ['root', 'xenlab'])) as string;
        const vms = engine.world.refs('VM').filter((r) => !engine.world.get('VM', r).is_a_template && !engine.world.get('VM', r).is_control_domain);
        const hosts = engine.world.refs('host');
        const tasks: string[] = [];
        const call = async (method: string, args: readonly unknown[]) => {
          try {
            const result = await engine.call(method, [session, ...args]);
            if (method.startsWith('Async.')) tasks.push(result as string);
          } catch {
            // Refusals are expected; the invariants must hold after them too.
          }
        };
        for (const s of steps) {
          if (s.kind === 'migrate') await call('Async.VM.pool_migrate', [vms[s.vm % vms.length]!, hosts[s.host % hosts.length]!, { live: String(s.live) }]);
          else if (s.kind === 'lifecycle') {
            const method = LIFECYCLE[s.call]!;
            const vm = vms[s.vm % vms.length]!;
            await call(method, method.endsWith('start') || method.endsWith('resume') ? [vm, false, false] : [vm]);
          } else if (s.kind === 'cancel') {
            const task = tasks[s.task % Math.max(1, tasks.length)];
            if (task !== undefined) await call('task.cancel', [task]);
          } else if (s.kind === 'cut') await call(s.repair ? 'Simulator.clear_fault' : 'Simulator.inject_fault', [s.power ? 'power' : 'management-network', hosts[s.host % hosts.length]!]);
          else if (s.kind === 'evacuate') await call('Async.host.evacuate', [hosts[s.host % hosts.length]!]);
          else if (s.kind === 'enable') await call(s.on ? 'host.enable' : 'host.disable', [hosts[s.host % hosts.length]!]);
          else engine.advance(s.seconds);
          checkInvariants(engine);
        }
        engine.advance(3600);
        for (const t of tasks) expect(['success', 'failure', 'cancelled']).toContain(engine.world.get('task', t).status);
        checkInvariants(engine);
        expect(await worldProblems(engine, session)).toEqual([]);
        const saved = JSON.stringify(engine.snapshot());
        expect(JSON.stringify(Engine.restore(JSON.parse(saved)).snapshot())).toBe(saved);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
