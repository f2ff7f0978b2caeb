import { beforeAll, describe, expect, it } from 'vitest';
import { defineSimulatorWorkloadApi } from '../api/simulator-workload-api';
import { Engine } from '../engine';
import { createLab, type Lab } from '../testing/lab';
import { buildLargeWorld } from '../worlds/large-world';
import { linkPayloadBps, srCapacity } from './models/io';
import { sampleAll, visitSamples, type MetricSample } from './sample-all';

const KiB = 1024;

function byUuid(samples: readonly MetricSample[], uuid: string): MetricSample | undefined {
  return samples.find((s) => s.uuid === uuid);
}

async function freshLab(seed = 42): Promise<Lab> {
  const lab = await createLab({ seed });
  if (!lab.engine.methods.has('Simulator.set_workload')) defineSimulatorWorkloadApi(lab.engine.methods);
  return lab;
}

async function uuidOf(lab: Lab, vmName: string): Promise<string> {
  return lab.call<string>('VM.get_uuid', await lab.vmByName(vmName));
}

describe('sampleAll on the default world', () => {
  let lab: Lab;
  let samples: MetricSample[];

  beforeAll(async () => {
    lab = await freshLab();
    samples = sampleAll(lab.engine, 3600, 5);
  });

  it('samples every live host, every dom0 and every running guest, nothing else', async () => {
    const vms = await lab.call<Record<string, { name_label: string; power_state: string; is_control_domain: boolean; is_a_template: boolean; uuid: string }>>('VM.get_all_records');
    const running = Object.values(vms).filter((v) => v.power_state === 'Running' && !v.is_a_template);
    expect(samples.filter((s) => s.kind === 'host')).toHaveLength(3);
    expect(samples.filter((s) => s.kind === 'vm').map((s) => s.uuid).sort()).toEqual(running.map((v) => v.uuid).sort());
    expect(running.filter((v) => v.is_control_domain)).toHaveLength(3);
    for (const name of ['ci-01', 'test-01', 'game-01']) expect(byUuid(samples, await uuidOf(lab, name))).toBeUndefined(); // paused, suspended, halted
  });

  it("uses XAPI's data-source names and units for a host", async () => {
    const host = (await lab.call<string[]>('host.get_all'))[0]!;
    const record = await lab.call<{ uuid: string; metrics: string; host_CPUs: string[] }>('host.get_record', host);
    const metrics = await lab.call<{ memory_total: number; memory_free: number }>('host_metrics.get_record', record.metrics);
    const s = byUuid(samples, record.uuid)!;
    expect(s.kind).toBe('host');
    const cpus = record.host_CPUs.length;
    const names = Object.keys(s.values);
    expect(names.slice(0, cpus)).toEqual(Array.from({ length: cpus }, (_, i) => `cpu${String(i)}`));
    for (const n of ['cpu_avg', 'loadavg', 'memory_total_kib', 'memory_free_kib', 'pif_eth0_rx', 'pif_eth0_tx', 'pif_eth3_tx', 'pif_aggr_rx', 'pif_aggr_tx']) expect(names).toContain(n);
    expect(s.values['memory_total_kib']).toBe(metrics.memory_total / KiB);
    expect(s.values['memory_free_kib']).toBe(metrics.memory_free / KiB);
    const perCpu = names.filter((n) => /^cpu\d+$/.test(n)).map((n) => s.values[n]!);
    for (const v of perCpu) expect(v >= 0 && v <= 1).toBe(true);
    expect(s.values['cpu_avg']).toBeCloseTo(perCpu.reduce((a, b) => a + b, 0) / cpus, 10);
    const pifs = names.filter((n) => /^pif_eth\d_rx$/.test(n)).map((n) => s.values[n]!);
    expect(s.values['pif_aggr_rx']).toBeCloseTo(pifs.reduce((a, b) => a + b, 0), 6);
    expect(s.values['loadavg']).toBeGreaterThan(0);
  });

  it("uses XAPI's data-source names and units for a guest", async () => {
    const db = byUuid(samples, await uuidOf(lab, 'db-01'))!;
    const vm = await lab.call<{ VCPUs_at_startup: number; memory_target: number; metrics: string }>('VM.get_record', await lab.vmByName('db-01'));
    const names = Object.keys(db.values);
    expect(names.filter((n) => /^cpu\d+$/.test(n))).toHaveLength(vm.VCPUs_at_startup);
    for (const n of ['cpu_usage', 'memory', 'memory_target', 'memory_internal_free', 'vif_0_rx', 'vif_0_tx']) expect(names).toContain(n);
    for (const s of ['read', 'write', 'read_latency', 'write_latency', 'iops_read', 'iops_write', 'iops_total']) expect(names).toContain(`vbd_xvda_${s}`);
    expect(names.some((n) => n.startsWith('vbd_xvdd'))).toBe(false); // the empty CD drive
    expect(db.values['memory']).toBe(await lab.call('VM_metrics.get_memory_actual', vm.metrics));
    expect(db.values['memory_target']).toBe(vm.memory_target);
    expect(db.values['memory_internal_free']!).toBeLessThan(vm.memory_target / KiB);
    expect(db.values['memory_internal_free']!).toBeGreaterThan(0);
    expect(db.values['vbd_xvda_iops_total']).toBeCloseTo(db.values['vbd_xvda_iops_read']! + db.values['vbd_xvda_iops_write']!);
    // Latency in µs: a local SSD answers in well under 10 ms when lightly loaded.
    expect(db.values['vbd_xvda_read_latency']!).toBeGreaterThan(100);
    expect(db.values['vbd_xvda_read_latency']!).toBeLessThan(10000);
    for (const s of samples) for (const [k, v] of Object.entries(s.values)) if (!(Number.isFinite(v) && v >= 0)) throw new Error(`${s.uuid} ${k} = ${String(v)}`);
  });

  it("derives a host's network from its guests: PIF traffic is at least the VIFs on it plus storage", async () => {
    const web = await lab.vmByName('web-01');
    const host = await lab.call<string>('VM.get_resident_on', web);
    const hostUuid = await lab.call<string>('host.get_uuid', host);
    const residents = await lab.call<string[]>('host.get_resident_VMs', host);
    let vifTx = 0;
    let vifRx = 0;
    let storageWrite = 0;
    for (const vm of residents) {
      const s = byUuid(samples, await lab.call<string>('VM.get_uuid', vm));
      if (s === undefined) continue;
      vifTx += s.values['vif_0_tx'] ?? 0;
      vifRx += s.values['vif_0_rx'] ?? 0;
      storageWrite += s.values['vbd_xvda_write'] ?? 0; // every guest here is on the NFS SR or local disk
    }
    const h = byUuid(samples, hostUuid)!;
    expect(h.values['pif_eth0_tx']!).toBeGreaterThanOrEqual(vifTx);
    expect(h.values['pif_eth0_rx']!).toBeGreaterThanOrEqual(vifRx);
    expect(h.values['pif_eth0_tx']!).toBeLessThanOrEqual(vifTx + storageWrite + 64 * KiB);
    expect(h.values['pif_eth1_tx']).toBe(0); // no guest uses eth1
  });

  it('hands the same numbers to a visitor, with the same name arrays from tick to tick', async () => {
    const names = new Map<string, readonly string[]>();
    const values = new Map<string, number[]>();
    visitSamples(lab.engine, 3600, 5, (_kind, uuid, n, v) => {
      names.set(uuid, n);
      values.set(uuid, Array.from(v));
    });
    for (const s of samples) expect(Object.values(s.values)).toEqual(values.get(s.uuid));
    visitSamples(lab.engine, 3605, 5, (_kind, uuid, n) => expect(n).toBe(names.get(uuid)));
    // A change elsewhere in the world (a new session) leaves the cached facts alone.
    const generation = lab.engine.world.events.generation;
    await lab.engine.call('session.login_with_password', ['root', 'xenlab', '2.21', 'another']);
    expect(lab.engine.world.events.generation).toBeGreaterThan(generation);
    visitSamples(lab.engine, 3610, 5, (_kind, uuid, n) => expect(n).toBe(names.get(uuid)));
  });
});

describe('determinism', () => {
  it('same seed, same samples; sampling changes nothing and draws no random numbers', async () => {
    const a = await freshLab(7);
    const b = await freshLab(7);
    const before = JSON.stringify(a.engine.snapshot());
    const sa = [5, 10, 3600, 86400].map((t) => sampleAll(a.engine, t, 5));
    expect(JSON.stringify(a.engine.snapshot())).toBe(before);
    const sb = [5, 10, 3600, 86400].map((t) => sampleAll(b.engine, t, 5));
    expect(sb).toEqual(sa);
    // A restored world samples the same.
    const restored = Engine.restore(JSON.parse(before));
    expect(sampleAll(restored, 3600, 5)).toEqual(sa[2]);
    // The same time sampled twice gives the same values.
    expect(sampleAll(a.engine, 3600, 5)).toEqual(sa[2]);
    const c = await freshLab(8);
    expect(sampleAll(c.engine, 3600, 5).find((s) => s.kind === 'host')!.values['cpu0']).not.toBe(sa[2]!.find((s) => s.kind === 'host')!.values['cpu0']);
  });
});

describe('cached facts', () => {
  it('follow every change of the world: after any calls, sampling equals a fresh look', async () => {
    const lab = await freshLab(3);
    const guests = Object.entries(await lab.call<Record<string, { power_state: string; is_a_template: boolean; is_control_domain: boolean }>>('VM.get_all_records'))
      .filter(([, vm]) => !vm.is_a_template && !vm.is_control_domain)
      .map(([ref]) => ref);
    const fresh = (t: number) => sampleAll(Engine.restore(JSON.parse(JSON.stringify(lab.engine.snapshot()))), t, 5);
    const calls: [string, (vm: string) => unknown[]][] = [
      ['Async.VM.start', (vm) => [vm, false, false]],
      ['Async.VM.clean_shutdown', (vm) => [vm]],
      ['Async.VM.suspend', (vm) => [vm]],
      ['Async.VM.resume', (vm) => [vm, false, false]],
      ['Async.VM.pause', (vm) => [vm]],
      ['Async.VM.unpause', (vm) => [vm]],
      ['Simulator.set_workload', (vm) => [vm, 'stress', '{"load": 0.5}']],
      ['VM.add_to_VCPUs_params', (vm) => [vm, 'weight', '1024']],
    ];
    let t = 0;
    for (let i = 0; i < 40; i++) {
      const vm = guests[(i * 7) % guests.length]!;
      const [method, args] = calls[(i * 3) % calls.length]!;
      await lab.call(method, ...args(vm)).catch(() => undefined);
      lab.engine.advance(13);
      t += 5;
      sampleAll(lab.engine, t, 5); // keeps its facts from tick to tick
      if (i % 8 === 7) expect(sampleAll(lab.engine, t, 5)).toEqual(fresh(t));
    }
  });
});

describe('what the models show', () => {
  it('an hourly sample is close to the mean of the 5-second samples of that hour', async () => {
    const lab = await freshLab();
    const hosts = sampleAll(lab.engine, 7200, 3600).filter((s) => s.kind === 'host');
    const mean = new Map<string, number>();
    for (let t = 3605; t <= 7200; t += 5) for (const s of sampleAll(lab.engine, t, 5)) if (s.kind === 'host') mean.set(s.uuid, (mean.get(s.uuid) ?? 0) + s.values['cpu_avg']! / 720);
    for (const h of hosts) expect(h.values['cpu_avg']! / mean.get(h.uuid)!).toBeGreaterThan(0.8);
    for (const h of hosts) expect(h.values['cpu_avg']! / mean.get(h.uuid)!).toBeLessThan(1.25);
  });

  it("a busier guest makes its host busier (never drawn independently)", async () => {
    const lab = await freshLab();
    const dc = await lab.vmByName('dc-01'); // a quiet domain controller
    const host = await lab.call<string>('VM.get_resident_on', dc);
    const hostUuid = await lab.call<string>('host.get_uuid', host);
    const dcUuid = await lab.call<string>('VM.get_uuid', dc);
    const before = sampleAll(lab.engine, 600, 5);
    await lab.call('Simulator.set_workload', dc, 'stress', '{"load": 1}');
    const after = sampleAll(lab.engine, 600, 5);
    const vcpus = await lab.call<number>('VM.get_VCPUs_at_startup', dc);
    const pcpus = (await lab.call<string[]>('host.get_host_CPUs', host)).length;
    const guestDelta = (byUuid(after, dcUuid)!.values['cpu_usage']! - byUuid(before, dcUuid)!.values['cpu_usage']!) * vcpus;
    expect(byUuid(after, dcUuid)!.values['cpu_usage']).toBeGreaterThan(0.9);
    const hostDelta = (byUuid(after, hostUuid)!.values['cpu_avg']! - byUuid(before, hostUuid)!.values['cpu_avg']!) * pcpus;
    expect(hostDelta / guestDelta).toBeGreaterThan(0.85); // the host carries the guest's new load (dom0 does a little less I/O)
    expect(hostDelta / guestDelta).toBeLessThan(1.15);
  });

  it('contention: guests pinned to one pCPU share it and lose time; a cap limits a guest', async () => {
    const lab = await freshLab();
    const web = await lab.vmByName('web-01');
    const app = await lab.vmByName('win-app-01');
    for (const vm of [web, app]) {
      await lab.call('Simulator.set_workload', vm, 'stress', '{"load": 1}');
      await lab.call('VM.add_to_VCPUs_params', vm, 'mask', '0');
    }
    const s = sampleAll(lab.engine, 600, 5);
    const w = byUuid(s, await lab.call<string>('VM.get_uuid', web))!;
    const a = byUuid(s, await lab.call<string>('VM.get_uuid', app))!;
    // Equal weights, counted per busy vCPU: six vCPUs share pCPU 0, a sixth each.
    expect(w.values['cpu0']! + w.values['cpu1']!).toBeCloseTo(2 / 6, 1);
    expect(a.values['cpu0']! + a.values['cpu1']! + a.values['cpu2']! + a.values['cpu3']!).toBeCloseTo(4 / 6, 1);
    expect(w.values['runnable_vcpus']!).toBeGreaterThan(0.7);
    const host = byUuid(s, await lab.call<string>('host.get_uuid', await lab.call<string>('VM.get_resident_on', web)))!;
    expect(host.values['cpu0']!).toBeGreaterThan(0.95);
    // Weight 1024 against 256: each of web-01's vCPUs counts four times: 2 × 4 : 4 × 1 = 2:1.
    await lab.call('VM.add_to_VCPUs_params', web, 'weight', '1024');
    const t = sampleAll(lab.engine, 600, 5);
    const w2 = byUuid(t, await lab.call<string>('VM.get_uuid', web))!;
    expect(w2.values['cpu0']! + w2.values['cpu1']!).toBeCloseTo(2 / 3, 1);
    // Unpinned and capped at 50 % of a pCPU: half a CPU in all, however idle the host.
    await lab.call('VM.remove_from_VCPUs_params', web, 'mask');
    await lab.call('VM.add_to_VCPUs_params', web, 'cap', '50');
    const u = byUuid(sampleAll(lab.engine, 600, 5), await lab.call<string>('VM.get_uuid', web))!;
    expect(u.values['cpu0']! + u.values['cpu1']!).toBeCloseTo(0.5, 2);
  });

  it('a saturated SR is shared in proportion to demand, and its latency climbs', async () => {
    const lab = await freshLab();
    const web = await lab.vmByName('web-01');
    const app = await lab.vmByName('win-app-01');
    const idle = byUuid(sampleAll(lab.engine, 600, 5), await lab.call<string>('VM.get_uuid', web))!.values['vbd_xvda_write_latency']!;
    // Both on the shared NFS SR; the database's writes scale with tps (1 MiB operations).
    await lab.call('Simulator.set_workload', web, 'database', '{"tps": 1000, "io_kib": 1024, "daily": 0, "noise": 0, "load": 0.1}');
    await lab.call('Simulator.set_workload', app, 'database', '{"tps": 500, "io_kib": 1024, "daily": 0, "noise": 0, "load": 0.1}');
    const s = sampleAll(lab.engine, 600, 5);
    const w = byUuid(s, await lab.call<string>('VM.get_uuid', web))!;
    const a = byUuid(s, await lab.call<string>('VM.get_uuid', app))!;
    // The SR is fully used: Σ over its disks of bytes/bandwidth + operations/IOPS = 1.
    const nfs = srCapacity('nfs');
    let rho = 0;
    for (const [, vm] of lab.engine.world.entries('VM')) {
      if (vm.power_state !== 'Running' || vm.is_control_domain) continue;
      const disk = lab.engine.world.find('VBD', vm.VBDs.find((v) => lab.engine.world.find('VBD', v)?.device === 'xvda') ?? '');
      const sr = lab.engine.world.find('SR', lab.engine.world.find('VDI', disk?.VDI ?? '')?.SR ?? '');
      if (sr?.type !== 'nfs') continue;
      const v = byUuid(s, vm.uuid)!.values;
      rho += (v['vbd_xvda_read']! + v['vbd_xvda_write']!) / nfs.bandwidth + v['vbd_xvda_iops_total']! / nfs.iops;
    }
    expect(rho).toBeCloseTo(1, 6);
    expect(w.values['vbd_xvda_write']! / a.values['vbd_xvda_write']!).toBeCloseTo((5 + 600) / (5 + 300), 1);
    expect(w.values['vbd_xvda_write_latency']!).toBeGreaterThan(idle * 10);
  });

  it("a guest's network is bounded by its host's NIC", async () => {
    const lab = await freshLab();
    const web = await lab.vmByName('web-01');
    await lab.call('Simulator.set_workload', web, 'web-server', '{"requests": 5000, "response_kib": 1024, "daily": 0}');
    const s = sampleAll(lab.engine, 600, 5);
    const w = byUuid(s, await lab.call<string>('VM.get_uuid', web))!;
    const link = linkPayloadBps(1000); // the default world's hosts have 1 GbE NICs
    expect(w.values['vif_0_tx']!).toBeLessThan(link);
    expect(w.values['vif_0_tx']!).toBeGreaterThan(link * 0.8);
    const host = byUuid(s, await lab.call<string>('host.get_uuid', await lab.call<string>('VM.get_resident_on', web)))!;
    expect(host.values['pif_eth0_tx']!).toBeLessThanOrEqual(link + 1);
  });

  it('a guest whose agent is not running reports no memory_internal_free; a dead host reports nothing', async () => {
    const lab = await freshLab();
    const app = await lab.vmByName('win-app-01');
    await lab.run('VM.hard_reboot', app);
    const s = byUuid(sampleAll(lab.engine, lab.engine.now, 5), await lab.call<string>('VM.get_uuid', app))!;
    expect(s.values['memory_internal_free']).toBeUndefined();
    expect(s.values['cpu0']).toBeDefined();
    // A host that died (no XenAPI call kills one yet: its metrics say so).
    const host = await lab.call<string>('VM.get_resident_on', app);
    const metrics = await lab.call<string>('host.get_metrics', host);
    lab.engine.world.update('host_metrics', metrics, { live: false });
    const after = sampleAll(lab.engine, lab.engine.now, 5);
    expect(byUuid(after, await lab.call<string>('host.get_uuid', host))).toBeUndefined();
    expect(byUuid(after, await lab.call<string>('VM.get_uuid', app))).toBeUndefined();
    expect(after.filter((x) => x.kind === 'host')).toHaveLength(2);
  });
});

describe('the large world', () => {
  it('samples 64 hosts and every running guest with finite values', () => {
    const engine = Engine.create({ seed: 1, build: buildLargeWorld });
    const samples = sampleAll(engine, 5, 5);
    expect(samples.filter((s) => s.kind === 'host')).toHaveLength(64);
    let running = 0;
    for (const [, vm] of engine.world.entries('VM')) if (vm.power_state === 'Running' && !vm.is_a_template) running++;
    expect(samples.filter((s) => s.kind === 'vm')).toHaveLength(running);
    const bad: string[] = [];
    for (const s of samples) for (const [k, v] of Object.entries(s.values)) if (!(Number.isFinite(v) && v >= 0)) bad.push(`${s.uuid} ${k}`);
    expect(bad).toEqual([]);
    // Guests without tools (other-install-media) report no internal free memory.
    const noAgent = samples.filter((s) => s.kind === 'vm' && s.values['memory_internal_free'] === undefined);
    expect(noAgent.length).toBeGreaterThan(0);
  });
});
