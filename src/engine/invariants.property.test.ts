// Random sequences of XenAPI calls on the default world, with the pool's
// invariants checked after every step. fast-check, seeded: the seed is printed
// and `XENLAB_PROPERTY_SEED=<n>` replays a run; XENLAB_PROPERTY_RUNS sets the count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineSnapshot } from './engine';
import { buildDefaultWorld } from './worlds/default-world';
import { hostMemoryUsed } from './host/memory';
import { OPERATION_STATES } from './vm/power-table';

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

function checkInvariants(engine: Engine): void {
  const { world } = engine;
  const liveHosts = new Set(world.refs('host').filter((h) => world.find('host_metrics', world.get('host', h).metrics)?.live === true));
  for (const [ref, vm] of world.entries('VM')) {
    const resident = world.refs('host').filter((h) => world.get('host', h).resident_VMs.includes(ref));
    if (vm.power_state === 'Running' || vm.power_state === 'Paused') {
      expect(resident, `${vm.name_label} (${vm.power_state}) resident on exactly one host`).toEqual([vm.resident_on]);
      expect(liveHosts.has(vm.resident_on), `${vm.name_label} on a live host`).toBe(true);
    } else {
      expect(resident, `${vm.name_label} (${vm.power_state}) resident nowhere`).toEqual([]);
      expect(vm.resident_on).toBe('OpaqueRef:NULL');
    }
    const busy = Object.keys(vm.current_operations).length > 0;
    for (const op of vm.allowed_operations) {
      const states = OPERATION_STATES[op];
      if (states !== undefined) expect(states, `${op} allowed in ${vm.power_state}`).toContain(vm.power_state);
      if (busy) expect(['clone', 'copy', 'export']).toContain(op);
    }
    for (const task of Object.keys(vm.current_operations)) {
      expect(world.find('task', task)?.status, 'an operation in progress has a pending task').toBe('pending');
    }
  }
  for (const [h, host] of world.entries('host')) {
    const metrics = world.get('host_metrics', host.metrics);
    expect(metrics.memory_free, 'host free memory never negative').toBeGreaterThanOrEqual(0);
    expect(metrics.memory_free, 'host free memory = total − used').toBe(metrics.memory_total - hostMemoryUsed(engine, h));
  }
}

let base: EngineSnapshot | undefined;
function freshEngine(): Engine {
  base ??= Engine.create({ seed: 5, build: buildDefaultWorld }).snapshot();
  return Engine.restore(structuredClone(base));
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
        // Every task ends.
        engine.advance(3600);
        for (const t of tasks) {
          expect(['success', 'failure', 'cancelled']).toContain(engine.world.get('task', t).status);
        }
        checkInvariants(engine);
        // The world round-trips through its serialized form.
        const saved = JSON.stringify(engine.snapshot());
        expect(JSON.stringify(Engine.restore(JSON.parse(saved)).snapshot())).toBe(saved);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
