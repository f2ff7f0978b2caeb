// Workload Balancing end to end through XenAPI: loads made by the VMs'
// workloads, measured by the RRDs, turned into recommendations, applied by
// live migration (by hand or automatically), and the course notes' "add
// hardware for more capacity": a server joined to a loaded pool takes load.
import { describe, expect, it } from 'vitest';
import { installPreset } from '../lab/testing';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';

const MB = 1024 * 1024;
/** High for network write: 26 MB/s × 0.85. */
const NET_HIGH = 26 * MB * 0.85;

/** A flat web front end sending about 15 MB/s (600 requests/s of 24 KiB). */
async function busyWeb(lab: Lab, name: string): Promise<string> {
  const vm = await lab.vmByName(name);
  await lab.call('Simulator.set_workload', vm, 'web-server', JSON.stringify({ requests: 600, daily: 0, noise: 0 }));
  return vm;
}

async function hostByName(lab: Lab, name: string): Promise<string> {
  const [ref] = await lab.call<string[]>('host.get_by_name_label', name);
  if (ref === undefined) throw new Error(`no host ${name}`);
  return ref;
}

async function netWrite(lab: Lab, host: string): Promise<number> {
  return lab.call<number>('host.query_data_source', host, 'pif_aggr_tx');
}

type Answer = Record<string, string[]>;

async function recommendations(lab: Lab): Promise<{ vm: string; host: string; reason: string; detail: string }[]> {
  const answer = await lab.call<Answer>('pool.retrieve_wlb_recommendations');
  const hosts = await lab.call<Record<string, { uuid: string }>>('host.get_all_records');
  return Object.entries(answer).map(([vm, [, uuid, , , reason, detail]]) => ({
    vm,
    host: Object.entries(hosts).find(([, h]) => h.uuid === uuid)?.[0] ?? '',
    reason: reason ?? '',
    detail: detail ?? '',
  }));
}

async function apply(lab: Lab, recs: readonly { vm: string; host: string }[]): Promise<void> {
  for (const r of recs) await lab.run('VM.pool_migrate', r.vm, r.host, { live: 'true' });
}

async function withWlb(): Promise<Lab> {
  const lab = await createLab();
  await lab.run('pool.initialize_wlb', 'wlb.lab:8012', 'wlb', 'x', 'root', 'xenlab');
  return lab;
}

describe('WLB recommendations from the RRDs', () => {
  it('a host sending 30 MB/s gets one move with its reason, and applying it evens the load', async () => {
    const lab = await withWlb();
    const xs01 = await hostByName(lab, 'xenserver-01');
    const moved = [await busyWeb(lab, 'web-01'), await busyWeb(lab, 'win-app-01')];
    // Nothing is said before the RRDs hold ten minutes of the new load.
    lab.engine.advance(900);
    expect(await netWrite(lab, xs01)).toBeGreaterThan(26 * MB);

    const recs = await recommendations(lab);
    expect(recs).toHaveLength(1);
    const [rec] = recs;
    expect(moved).toContain(rec?.vm);
    expect(rec?.host).not.toBe(xs01);
    expect(rec?.reason).toBe('NetworkWrite');
    expect(rec?.detail).toMatch(/^xenserver-01 network write \d+\.\d MB\/s ≥ 26\.0 MB\/s \(Critical\)$/);

    await apply(lab, recs);
    lab.engine.advance(900);
    expect(await recommendations(lab)).toEqual([]);
    // Each of the two hosts now carries one front end, below High.
    expect(await netWrite(lab, xs01)).toBeLessThan(NET_HIGH);
    expect(await netWrite(lab, rec?.host ?? '')).toBeLessThan(NET_HIGH);
    expect(await netWrite(lab, rec?.host ?? '')).toBeGreaterThan(10 * MB);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('maximize density leaves a host below Critical alone', async () => {
    const lab = await withWlb();
    await busyWeb(lab, 'web-01');
    const winApp = await lab.vmByName('win-app-01');
    // 600 + 400 requests/s: about 24 MB/s, above High (22.1) and below Critical (26).
    await lab.call('Simulator.set_workload', winApp, 'web-server', JSON.stringify({ requests: 400, daily: 0, noise: 0 }));
    lab.engine.advance(900);
    expect(await recommendations(lab)).toHaveLength(1);
    await lab.run('pool.send_wlb_configuration', { OptimizationMode: '1' });
    expect(await recommendations(lab)).toEqual([]);
  });

  it('in automatic mode the balancer applies its own recommendations', async () => {
    const lab = await withWlb();
    const xs01 = await hostByName(lab, 'xenserver-01');
    await busyWeb(lab, 'web-01');
    await busyWeb(lab, 'win-app-01');
    lab.engine.advance(900);
    await lab.run('pool.send_wlb_configuration', { AutoBalanceEnabled: 'true' });
    // Its next round is within five minutes; the live migration takes seconds.
    lab.engine.advance(360);
    const residents = await lab.call<string[]>('host.get_resident_VMs', xs01);
    const names = await Promise.all(residents.map((vm) => lab.call<string>('VM.get_name_label', vm)));
    expect(names.filter((n) => n === 'web-01' || n === 'win-app-01')).toHaveLength(1);
    lab.engine.advance(900);
    expect(await recommendations(lab)).toEqual([]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});

describe('start placement with WLB on', () => {
  it('starts a VM on the best-rated server instead of its busy home server, unless the VM opts out', async () => {
    const lab = await withWlb();
    const xs01 = await hostByName(lab, 'xenserver-01');
    await busyWeb(lab, 'web-01');
    await busyWeb(lab, 'win-app-01');
    lab.engine.advance(900);
    const game = await lab.vmByName('game-01');
    await lab.call('VM.set_affinity', game, xs01);
    const ratings = await lab.call<Answer>('VM.retrieve_wlb_recommendations', game);
    expect(ratings[xs01]).toEqual(['WLB', '0.0']);
    await lab.run('VM.start', game, false, false);
    const placed = await lab.call<string>('VM.get_resident_on', game);
    expect(placed).not.toBe(xs01);
    expect(Number(ratings[placed]?.[1])).toBe(Math.max(...Object.values(ratings).filter((r) => r[0] === 'WLB').map((r) => Number(r[1]))));

    // wlb_choose_host_disable: the usual placement (the home server) again.
    await lab.run('VM.hard_shutdown', game);
    await lab.call('VM.add_to_other_config', game, 'wlb_choose_host_disable', 'true');
    await lab.run('VM.start', game, false, false);
    expect(await lab.call<string>('VM.get_resident_on', game)).toBe(xs01);
  });
});

describe('adding a server to a loaded pool', () => {
  it('has no room to move anything before, and evens the load once the new server joins', async () => {
    const lab = await withWlb();
    const xs01 = await hostByName(lab, 'xenserver-01');
    // Every server is loaded: xenserver-01 with two front ends (~31 MB/s), the others with one each (~15 MB/s).
    for (const name of ['web-01', 'win-app-01', 'dc-01', 'build-01']) await busyWeb(lab, name);
    lab.engine.advance(900);
    expect(await netWrite(lab, xs01)).toBeGreaterThan(26 * MB);
    // Moving a front end anywhere would only put another server over High: nothing to recommend.
    expect(await recommendations(lab)).toEqual([]);

    // Add hardware: a 2U server joins the pool.
    const [, joiner] = await installPreset(lab, '2u-server');
    await lab.call('Simulator.add_server', '192.168.10.31', 'root', 'secret99');
    const session = await lab.call<string>('Simulator.server_session', joiner);
    await lab.engine.call('pool.join', [session, '192.168.10.11', 'root', 'xenlab']);
    lab.engine.advance(120);

    const recs = await recommendations(lab);
    expect(recs).toHaveLength(1);
    expect(recs[0]?.host).toBe(joiner);
    await apply(lab, recs);
    lab.engine.advance(900);
    expect(await recommendations(lab)).toEqual([]);
    const loads = await Promise.all((await lab.call<string[]>('host.get_all')).map((h) => netWrite(lab, h)));
    // Four front ends on four servers: each carries one, none above High.
    for (const load of loads) expect(load).toBeLessThan(NET_HIGH);
    expect(Math.min(...loads)).toBeGreaterThan(10 * MB);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
