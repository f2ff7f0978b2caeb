// Side-by-side migrations share the migration link: each pre-copy round
// re-reads the bandwidth, which is the slower host's management link (TCP
// payload) divided by the migrations using either end.
import { describe, expect, it } from 'vitest';
import { createLab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import { TCP_PAYLOAD_EFFICIENCY } from './precopy';

interface Migration {
  status: string;
  rounds: { bandwidth: number }[];
  downtime_ms: number;
  total_seconds: number;
}

/** Payload bytes/s of the lab's 1 Gbit/s management links. */
const LINK = (1000e6 * TCP_PAYLOAD_EFFICIENCY) / 8;

describe('concurrent migrations', () => {
  it('alone, a migration copies at the full link rate', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const source = lab.engine.world.get('VM', vm).resident_on;
    const target = lab.engine.world.refs('host').find((h) => h !== source)!;
    await lab.run('VM.pool_migrate', vm, target, { live: 'true' });
    const m = await lab.call<Migration>('Simulator.get_migration', vm);
    expect(m.rounds[0]?.bandwidth).toBeCloseTo(LINK, 0);
  });

  it('two at once from the same host each get half the link, and both take longer', async () => {
    const lab = await createLab();
    const { world } = lab.engine;
    const web = await lab.vmByName('web-01');
    const win = await lab.vmByName('win-app-01');
    const source = world.get('VM', web).resident_on;
    expect(world.get('VM', win).resident_on).toBe(source);
    const [a, b] = world.refs('host').filter((h) => h !== source);
    const alone = await createLab();
    await alone.run('VM.pool_migrate', await alone.vmByName('win-app-01'), b!, { live: 'true' });
    const aloneRecord = await alone.call<Migration>('Simulator.get_migration', await alone.vmByName('win-app-01'));

    const t1 = await lab.call<string>('Async.VM.pool_migrate', web, a!, { live: 'true' });
    const t2 = await lab.call<string>('Async.VM.pool_migrate', win, b!, { live: 'true' });
    for (let i = 0; i < 100_000 && (lab.engine.tasks.isPending(t1) || lab.engine.tasks.isPending(t2)); i++) lab.engine.advance(0.05);
    expect(world.get('task', t1).status).toBe('success');
    expect(world.get('task', t2).status).toBe('success');
    const m1 = await lab.call<Migration>('Simulator.get_migration', web);
    const m2 = await lab.call<Migration>('Simulator.get_migration', win);
    // Both first rounds start while the other migration holds the source's link.
    expect(m1.rounds[0]?.bandwidth).toBeCloseTo(LINK / 2, 0);
    expect(m2.rounds[0]?.bandwidth).toBeCloseTo(LINK / 2, 0);
    expect(m2.total_seconds).toBeGreaterThan(aloneRecord.total_seconds);
    expect(world.get('VM', web).resident_on).toBe(a);
    expect(world.get('VM', win).resident_on).toBe(b);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
