import { beforeAll, describe, expect, it } from 'vitest';
import { JOB_HANDLERS, type JobHandler } from '../../jobs';
import { hostMemoryFree } from '../../host/memory';
import { createLab, type Lab } from '../../testing/lab';
import { balanceHostMemory, BALLOON_JOB, canBalloon, HOST_FREE_TARGET, hostAvailableWithBallooning, hostReclaimableMemory, internalFreeKib, makeRoomFor, MEMORY_DMC_JOBS, proportionalTargets } from './memory-dmc';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

// The lead adds MEMORY_DMC_JOBS to JOB_HANDLERS (src/engine/jobs.ts); until
// then this test registers them itself so the clock can run the balloon.
beforeAll(() => {
  for (const [kind, handler] of MEMORY_DMC_JOBS) (JOB_HANDLERS as Map<string, JobHandler>).set(kind, handler);
});

async function hostOf(lab: Lab, vm: string): Promise<string> {
  return lab.call<string>('VM.get_resident_on', vm);
}
async function actual(lab: Lab, vm: string): Promise<number> {
  return lab.call<number>('VM_metrics.get_memory_actual', await lab.call<string>('VM.get_metrics', vm));
}

describe("squeezed's proportional policy", () => {
  it('puts every domain at the same fraction of its range', () => {
    const { gamma, targets } = proportionalTargets(
      [
        { dynamicMin: 1 * GiB, dynamicMax: 2 * GiB },
        { dynamicMin: 4 * GiB, dynamicMax: 8 * GiB },
      ],
      5 * GiB + 2 * GiB,
    );
    expect(gamma).toBeCloseTo(0.4);
    expect(targets[0]).toBeCloseTo(1.4 * GiB, -4);
    expect(targets[1]).toBeCloseTo(5.6 * GiB, -4);
    for (const t of targets) expect(t % 1024).toBe(0);
  });

  it('plenty gives dynamic_max, scarcity dynamic_min, a zero range its fixed size', () => {
    const d = [{ dynamicMin: 1 * GiB, dynamicMax: 2 * GiB }, { dynamicMin: 3 * GiB, dynamicMax: 3 * GiB }];
    expect(proportionalTargets(d, 100 * GiB).targets).toEqual([2 * GiB, 3 * GiB]);
    expect(proportionalTargets(d, 1 * GiB).targets).toEqual([1 * GiB, 3 * GiB]);
  });

  it('a squeezed guest reports a sliver free, a roomy one the rest', () => {
    expect(internalFreeKib(4 * GiB, 1 * GiB)).toBe((3 * GiB) / 1024);
    expect(internalFreeKib(1 * GiB, 3 * GiB)).toBeCloseTo((0.02 * GiB) / 1024);
  });
});

describe('ballooning on a host that is short of memory (through XenAPI)', () => {
  let lab: Lab;
  let web: string;
  let app: string;
  let host: string;

  beforeAll(async () => {
    lab = await createLab();
    web = await lab.vmByName('web-01');
    app = await lab.vmByName('win-app-01');
    host = await hostOf(lab, web);
    expect(await hostOf(lab, app)).toBe(host);
    await lab.run('VM.set_memory_dynamic_range', web, 1 * GiB, 2 * GiB);
    await lab.run('VM.set_memory_dynamic_range', app, 4 * GiB, 8 * GiB);
  });

  it('squeezes each ballooning guest towards dynamic_min by the same fraction of its range', async () => {
    const { engine } = lab;
    expect(canBalloon(engine, web) && canBalloon(engine, app)).toBe(true);
    expect(hostReclaimableMemory(engine, host)).toBe(5 * GiB);
    const freeBefore = hostMemoryFree(engine, host);
    // A domain about to be built needs all that is free and 3 GiB more.
    const reserve = freeBefore + 3 * GiB - HOST_FREE_TARGET;
    const changes = balanceHostMemory(engine, host, { reserve });
    expect(changes.map((c) => c.vm).sort()).toEqual([web, app].sort());
    const webActual = await actual(lab, web);
    const appActual = await actual(lab, app);
    expect((webActual - 1 * GiB) / (1 * GiB)).toBeCloseTo(0.4, 3);
    expect((appActual - 4 * GiB) / (4 * GiB)).toBeCloseTo(0.4, 3);
    expect(await lab.call('VM.get_memory_target', web)).toBe(webActual);
    // The freed memory is the host's at once.
    const metrics = await lab.call<string>('host.get_metrics', host);
    expect(await lab.call<number>('host_metrics.get_memory_free', metrics)).toBeCloseTo(freeBefore + 3 * GiB, -6);
    for (const c of changes) expect(c.seconds).toBeGreaterThan(0);
  });

  it('gives the memory back when the host has room again, at the balloon rate', async () => {
    const changes = balanceHostMemory(lab.engine, host);
    expect(changes.every((c) => c.to > c.from)).toBe(true);
    expect(await lab.call('VM.get_memory_target', app)).toBe(8 * GiB);
    // The target moved at once; the guest grows into it as the balloon deflates.
    expect(await actual(lab, app)).toBeLessThan(8 * GiB);
    lab.engine.advance(10);
    expect(await actual(lab, app)).toBe(8 * GiB);
    expect(await actual(lab, web)).toBe(2 * GiB);
  });

  it('never grows a guest into memory given to another domain meanwhile', async () => {
    const { engine } = lab;
    balanceHostMemory(engine, host, { reserve: hostMemoryFree(engine, host) + 3 * GiB - HOST_FREE_TARGET });
    balanceHostMemory(engine, host); // targets back up, growth scheduled…
    // …but before the balloons deflate, a big VM is started there and reserves nearly all that is free.
    const game = await lab.vmByName('game-01');
    const size = Math.floor((hostMemoryFree(engine, host) - 2 * GiB) / MiB) * MiB;
    await lab.run('VM.set_memory', game, size);
    await lab.call('Async.VM.start_on', game, host, false, false);
    engine.advance(10);
    expect(hostMemoryFree(engine, host)).toBeGreaterThanOrEqual(HOST_FREE_TARGET);
    expect((await actual(lab, web)) + (await actual(lab, app))).toBeLessThan(10 * GiB);
    expect(engine.scheduler.jobs().filter((j) => j.kind === BALLOON_JOB)).toHaveLength(0);
    engine.advance(20); // the domain is built
    await lab.run('VM.hard_shutdown', game);
  });

  it('makes room for a domain about to be built, and says how long the balloons take', async () => {
    const { engine } = lab;
    balanceHostMemory(engine, host);
    engine.advance(10);
    const free = hostMemoryFree(engine, host);
    expect(hostAvailableWithBallooning(engine, host)).toBe(free + 5 * GiB - HOST_FREE_TARGET);
    expect(makeRoomFor(engine, host, free - HOST_FREE_TARGET)).toBe(0); // it fits: nobody is squeezed
    expect(await actual(lab, app)).toBe(8 * GiB);
    const seconds = makeRoomFor(engine, host, free - HOST_FREE_TARGET + 2 * GiB);
    expect(seconds).toBeGreaterThan(0);
    expect(hostMemoryFree(engine, host)).toBeGreaterThanOrEqual(free + 2 * GiB - 1024 * 2);
    balanceHostMemory(engine, host);
    engine.advance(10);
  });

  it('guests without live PV drivers, paused guests and dom0 do not balloon', async () => {
    const { engine } = lab;
    balanceHostMemory(engine, host);
    engine.advance(10);
    // A reboot: until the guest has booted and its tools report, it cannot balloon.
    await lab.run('VM.hard_reboot', app);
    expect(canBalloon(engine, app)).toBe(false);
    const before = await actual(lab, app);
    balanceHostMemory(engine, host, { reserve: hostMemoryFree(engine, host) + 1 * GiB - HOST_FREE_TARGET });
    expect(await actual(lab, app)).toBe(before);
    expect(await actual(lab, web)).toBeLessThanOrEqual(1 * GiB + MiB); // web-01 alone gives what it can
    const ci = await lab.vmByName('ci-01');
    await lab.run('VM.set_memory_dynamic_range', ci, 2 * GiB, 4 * GiB).catch(() => undefined);
    expect(canBalloon(engine, ci)).toBe(false); // paused
    const dom0 = await lab.call<string>('host.get_control_domain', host);
    expect(canBalloon(engine, dom0)).toBe(false);
    // Once the guest has booted it balloons again.
    engine.advance(120);
    expect(canBalloon(engine, app)).toBe(true);
  });
});
