// Random sequences of XenAPI calls on the default world, with the pool's
// invariants checked after every step. fast-check, seeded: the seed is printed
// and `XENLAB_PROPERTY_SEED=<n>` replays a run; XENLAB_PROPERTY_RUNS sets the count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineSnapshot } from './engine';
import { buildDefaultWorld } from './worlds/default-world';
import { hostMemoryUsed } from './host/memory';
import { OPERATION_STATES } from './vm/power-table';
import { worldProblems } from './worlds/world-invariants';

const RUNS = Number(process.env['XENLAB_PROPERTY_RUNS'] ?? 1000);
const SEED = Number(process.env['XENLAB_PROPERTY_SEED'] ?? Date.now() % 2 ** 31);

const VM_CALLS = [
  ['start', (vm: string) => [vm, false, false]],
  ['start_paused', (vm: string) => [vm, true, false]],
  ['clean_shutdown', (vm: string) => [vm]],
  ['hard_shutdown', (vm: string) => [vm]],
  ['clean_reboot', (vm: string) => [vm]],
  ['hard_reboot', (vm: string) => [vm]],
  ['suspend', (vm: string) => [vm]],
  ['resume', (vm: string) => [vm, false, false]],
  ['pause', (vm: string) => [vm]],
  ['unpause', (vm: string) => [vm]],
] as const;

type Step =
  | { kind: 'vm'; call: number; vm: number }
  | { kind: 'start_on'; vm: number; host: number }
  | { kind: 'advance'; seconds: number }
  | { kind: 'cancel'; task: number }
  | { kind: 'memory'; vm: number; gib: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('vm' as const), call: fc.nat(VM_CALLS.length - 1), vm: fc.nat(30) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('start_on' as const), vm: fc.nat(30), host: fc.nat(5) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.double({ min: 0, max: 90, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), task: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('memory' as const), vm: fc.nat(30), gib: fc.integer({ min: 1, max: 200 }) }) },
);

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`invariant broken: ${what}`);
}

// Plain checks rather than expect(): this runs after every step of every run.
function checkInvariants(engine: Engine): void {
  const { world } = engine;
  const hosts = world.refs('host');
  const liveHosts = new Set(hosts.filter((h) => world.find('host_metrics', world.get('host', h).metrics)?.live === true));
  const residentCount = new Map<string, number>();
  for (const h of hosts) for (const vm of world.get('host', h).resident_VMs) residentCount.set(vm, (residentCount.get(vm) ?? 0) + 1);
  for (const [ref, vm] of world.entries('VM')) {
    const name = `${vm.name_label} (${vm.power_state})`;
    const count = residentCount.get(ref) ?? 0;
    if (vm.power_state === 'Running' || vm.power_state === 'Paused') {
      check(count === 1 && world.get('host', vm.resident_on).resident_VMs.includes(ref), `${name} is resident on exactly one host`);
      check(liveHosts.has(vm.resident_on), `${name} runs on a live host`);
    } else {
      check(count === 0 && vm.resident_on === 'OpaqueRef:NULL', `${name} is resident nowhere`);
    }
    const busy = Object.keys(vm.current_operations).length > 0;
    for (const op of vm.allowed_operations) {
      const states = OPERATION_STATES[op];
      check(states === undefined || states.includes(vm.power_state as never), `${name}: ${op} allowed only in its states`);
      check(!busy || ['clone', 'copy', 'export'].includes(op), `${name}: only copy-like operations allowed while busy, not ${op}`);
    }
    for (const task of Object.keys(vm.current_operations)) {
      check(world.find('task', task)?.status === 'pending', `${name}: an operation in progress has a pending task`);
    }
  }
  for (const [h, host] of world.entries('host')) {
    const metrics = world.get('host_metrics', host.metrics);
    check(metrics.memory_free >= 0, `${host.name_label}: free memory never negative`);
    check(metrics.memory_free === metrics.memory_total - hostMemoryUsed(engine, h), `${host.name_label}: free memory = total − used`);
  }
}

// Every run restores the same snapshot, deep-frozen: restoring must never
// write into the snapshot it is given (a saved world must not move under the
// engine that came from it), and a write would throw here. That also spares a
// copy of the world per run.
let base: EngineSnapshot | undefined;
function freshEngine(): Engine {
  base ??= deepFreeze(structuredClone(Engine.create({ seed: 5, build: buildDefaultWorld }).snapshot()));
  return Engine.restore(base);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('pool invariants under random calls', () => {
  it(`hold after every step (${RUNS} runs, seed ${SEED})`, async () => {
    console.log(`property test seed: ${SEED} (replay with XENLAB_PROPERTY_SEED=${SEED})`);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const engine = freshEngine();
        const session = (await engine.call('session.login_with_password', ['root', 'xenlab'])) as string;
        const vms = engine.world.refs('VM').filter((r) => {
          const vm = engine.world.get('VM', r);
          return !vm.is_a_template && !vm.is_control_domain;
        });
        const hosts = engine.world.refs('host');
        const tasks: string[] = [];
        const call = async (method: string, args: readonly unknown[]) => {
          try {
            const result = await engine.call(method, [session, ...args]);
            if (method.startsWith('Async.')) tasks.push(result as string);
          } catch {
            // Refusals are part of the game; the invariants must hold after them too.
          }
        };
        for (const s of steps) {
          if (s.kind === 'vm') {
            const vm = vms[s.vm % vms.length]!;
            const [name, args] = VM_CALLS[s.call]!;
            await call(name === 'start_paused' ? 'Async.VM.start' : `Async.VM.${name}`, args(vm));
          } else if (s.kind === 'start_on') {
            await call('Async.VM.start_on', [vms[s.vm % vms.length]!, hosts[s.host % hosts.length]!, false, false]);
          } else if (s.kind === 'advance') {
            engine.advance(s.seconds);
          } else if (s.kind === 'cancel') {
            const task = tasks[s.task % Math.max(1, tasks.length)];
            if (task !== undefined) await call('task.cancel', [task]);
          } else {
            const vm = vms[s.vm % vms.length]!;
            const bytes = s.gib * 1024 ** 3;
            await call('VM.set_memory_limits', [vm, bytes / 4, bytes, bytes / 2, bytes]);
          }
          checkInvariants(engine);
        }
        // Every task ends within the hour. Step a minute at a time and stop once
        // none is pending (then one more minute): each virtual minute costs 12
        // metrics ticks, and most runs are quiet after two or three minutes.
        for (let waited = 0; waited < 3600 && tasks.some((t) => engine.world.get('task', t).status === 'pending'); waited += 60) engine.advance(60);
        engine.advance(60);
        for (const t of tasks) {
          expect(['success', 'failure', 'cancelled']).toContain(engine.world.get('task', t).status);
        }
        checkInvariants(engine);
        // The whole pool stays consistent: links both ways, memory, storage accounting, devices.
        expect(await worldProblems(engine, session)).toEqual([]);
        // The world round-trips through its serialized form.
        const saved = JSON.stringify(engine.snapshot());
        expect(JSON.stringify(Engine.restore(JSON.parse(saved)).snapshot())).toBe(saved);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 900_000);
});
