// The course notes' ordering of virtualization modes, measured the way an
// administrator would: the same workload in a PV, a PVH, a PVHVM and an
// emulated-HVM guest, each alone on an identical server, read back through
// VM.query_data_source and host.query_data_source (the RRDs the models
// feed). Paravirtualization reaches about 90 % of native; full
// virtualization with emulated devices costs the most host CPU, above all
// for I/O, and its emulated NIC saturates long before the wire; a server
// without VT-x runs PV guests only.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import { fetchRrdUpdates } from '../../xapi/rrd-updates-client';
import type { HttpGet } from '../../xapi/http-get';
import { answerRrdUpdates } from './rrd/rrd-updates-http';
import { vmDemandAt } from './models/vm-demand';
import { buildModesWorld, MODE_GUESTS } from './virt-mode-world';

type Mode = 'pv' | 'pvh' | 'pvhvm' | 'emulated';
const MODES: readonly Mode[] = ['pv', 'pvh', 'pvhvm', 'emulated'];

interface Reading {
  /** Host CPU seconds per second the guest adds to its server (its vCPUs and dom0's work for it), from cpu_avg × pCPUs. */
  readonly hostCpu: number;
  /** The guest's own vCPU time, CPU seconds per second (cpu0 + cpu1). */
  readonly vcpus: number;
  /** dom0's CPU on that server, CPU seconds per second (its cpuN summed). */
  readonly dom0: number;
  /** Bytes per second the guest's VIF 0 sends. */
  readonly vifTx: number;
}

/** Minutes each reading averages (from the 1-minute archive): longer than any of the models' jitter periods. */
const MINUTES = 30;

async function hostsByName(lab: Lab): Promise<Map<string, string>> {
  const records = await lab.call<Record<string, { name_label: string }>>('host.get_all_records');
  return new Map(Object.entries(records).map(([ref, r]) => [r.name_label, ref]));
}

/** GET /rrd_updates as the console sends it, answered by the engine's HTTP handler. */
function httpGet(lab: Lab): HttpGet {
  return (path) => {
    const a = answerRrdUpdates(lab.engine, path.slice(path.indexOf('?') + 1));
    return Promise.resolve({ status: a.status, contentType: a.headers['Content-Type'] ?? '', body: a.body });
  };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Each column's mean over the last MINUTES minutes (1-minute AVERAGE rows). */
async function averages(lab: Lab, vmUuids: readonly string[]): Promise<(uuid: string, name: RegExp) => number> {
  const data = await fetchRrdUpdates(httpGet(lab), lab.session, { start: -MINUTES * 60, interval: 60, cf: 'AVERAGE', host: true, vmUuids });
  expect(data.step).toBe(60);
  return (uuid, name) => {
    let sum = 0;
    for (const [j, c] of data.columns.entries()) if (c.uuid === uuid && name.test(c.name)) sum += mean(data.rows.map((r) => r.values[j] ?? Number.NaN));
    return sum;
  };
}

const uuidOf = (lab: Lab, cls: 'VM' | 'host', ref: string) => lab.call<string>(`${cls}.get_uuid`, ref);

/** Host CPU seconds per second in use on a server now (cpu_avg × its physical CPUs, through host.query_data_source). */
async function hostCpuNow(lab: Lab, host: string): Promise<number> {
  const pcpus = Number((await lab.call<Record<string, string>>('host.get_cpu_info', host))['cpu_count']);
  return (await lab.call<number>('host.query_data_source', host, 'cpu_avg')) * pcpus;
}

/**
 * Start each guest on its own server with the same flat workload (no daily
 * rhythm, no noise parameter), let it run past boot, and read the RRDs. The
 * PVH guest is the Linux HVM guest switched to PVH with VM.set_domain_type.
 * Each server's idle figure (dom0 alone, averaged the same way) is taken
 * first, so hostCpu is what the guest adds.
 */
async function runAll(workload: string, params: Record<string, number>): Promise<{ lab: Lab; readings: Map<Mode, Reading>; vms: Map<Mode, string> }> {
  const lab = await createLab({ seed: 11, build: (e) => buildModesWorld(e) });
  const hosts = [...(await hostsByName(lab)).values()];
  const hostUuids = await Promise.all(hosts.map((h) => uuidOf(lab, 'host', h)));
  const pcpus = await Promise.all(hosts.map(async (h) => Number((await lab.call<Record<string, string>>('host.get_cpu_info', h))['cpu_count'])));
  lab.engine.advance(MINUTES * 60 + 60);
  const before = await averages(lab, []);
  const idle = hostUuids.map((u, i) => before(u, /^cpu_avg$/) * (pcpus[i] ?? 0));
  const vms = await Promise.all(MODE_GUESTS.map((g) => lab.vmByName(g.name)));
  await lab.call('VM.set_domain_type', vms[1], 'pvh');
  for (const [i, vm] of vms.entries()) {
    await lab.call('Simulator.set_workload', vm, workload, JSON.stringify({ daily: 0, noise: 0, ...params }));
    await lab.run('VM.start_on', vm, hosts[i], false, false);
  }
  lab.engine.advance(300 + MINUTES * 60); // boot and tools, then the minutes measured
  const vmUuids = await Promise.all(vms.map((v) => uuidOf(lab, 'VM', v)));
  const dom0Uuids = await Promise.all(hosts.map(async (h) => uuidOf(lab, 'VM', await lab.call<string>('host.get_control_domain', h))));
  const avg = await averages(lab, [...vmUuids, ...dom0Uuids]);
  const readings = new Map<Mode, Reading>();
  for (const [i, mode] of MODES.entries()) {
    const vm = vmUuids[i] ?? '';
    readings.set(mode, {
      hostCpu: avg(hostUuids[i] ?? '', /^cpu_avg$/) * (pcpus[i] ?? 0) - (idle[i] ?? 0),
      vcpus: avg(vm, /^cpu\d+$/),
      dom0: avg(dom0Uuids[i] ?? '', /^cpu\d+$/),
      vifTx: avg(vm, /^vif_0_tx$/),
    });
  }
  // The 5-s figure of host.query_data_source agrees with the archive's (same server, same load).
  expect(await hostCpuNow(lab, hosts[0] ?? '')).toBeCloseTo(avg(hostUuids[0] ?? '', /^cpu_avg$/) * (pcpus[0] ?? 0), 0);
  return { lab, readings, vms: new Map(MODES.map((m, i) => [m, vms[i] ?? ''])) };
}

const at = (m: Map<Mode, Reading>, mode: Mode): Reading => {
  const r = m.get(mode);
  if (r === undefined) throw new Error(`no reading for ${mode}`);
  return r;
};

describe('virtualization modes through the RRDs', () => {
  it('each guest runs in the mode the test means', async () => {
    const { lab } = await runAll('idle', {});
    const types = await Promise.all(
      MODE_GUESTS.map(async (g) => {
        const vm = await lab.vmByName(g.name);
        const metrics = await lab.call<string>('VM.get_metrics', vm);
        const guest = await lab.call<string>('VM.get_guest_metrics', vm);
        const drivers = guest === 'OpaqueRef:NULL' ? false : await lab.call<boolean>('VM_guest_metrics.get_PV_drivers_detected', guest);
        return [await lab.call<string>('VM_metrics.get_current_domain_type', metrics), drivers];
      }),
    );
    expect(types).toEqual([
      ['pv', true],
      ['pvh', true],
      ['hvm', true],
      ['hvm', false],
    ]);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('a mixed workload: the same useful work costs the most host CPU emulated, then PV, then PVHVM and PVH alike; PV at about 90 % of native', async () => {
    // An OLTP database at a steady 150 transactions/s.
    const { lab, readings, vms } = await runAll('database', { tps: 150, load: 0.3 });
    const cost = (m: Mode) => at(readings, m).hostCpu;
    const row = (m: Mode) => `${m}: host ${cost(m).toFixed(3)} (vCPUs ${at(readings, m).vcpus.toFixed(3)}, dom0 ${at(readings, m).dom0.toFixed(3)})`;
    console.log(`database, host CPU s/s added by the guest: ${MODES.map(row).join('; ')}`);
    expect(cost('emulated')).toBeGreaterThan(cost('pv'));
    expect(cost('pv')).toBeGreaterThan(Math.max(cost('pvhvm'), cost('pvh')));
    // PVH and PVHVM differ by about 1 % in the model, less than what the
    // guests' own jitter leaves in a half-hour mean: the same within 6 %.
    expect(Math.abs(cost('pvh') / cost('pvhvm') - 1)).toBeLessThan(0.06);
    // Native: the useful CPU the workload asks for (its model, before any
    // virtualization cost; flat, so any instant will do) over the host CPU
    // the guest costs. PV runs it at about 90 % of native, as the course
    // notes say (this database spends a quarter of its time in the kernel
    // and does I/O besides, so a little under 90 %), PVH within a few %.
    const native = (m: Mode) => {
      const d = vmDemandAt(lab.engine, vms.get(m) ?? '');
      return d === undefined ? 0 : d.cpuFirst + d.cpuOther; // two vCPUs
    };
    const efficiency = (m: Mode) => native(m) / cost(m);
    console.log(`database, share of native: ${MODES.map((m) => `${m} ${(100 * efficiency(m)).toFixed(1)} %`).join('; ')}`);
    expect(efficiency('pv')).toBeGreaterThan(0.82);
    expect(efficiency('pv')).toBeLessThan(0.92);
    expect(efficiency('pvh')).toBeGreaterThan(0.92);
    expect(efficiency('pvh')).toBeGreaterThan(efficiency('pv'));
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('I/O-heavy work: emulated devices cost several times the PV drivers, mostly in dom0 (QEMU)', async () => {
    // A web front end at a steady 300 requests/s of 24 KiB: about 7 MB/s out.
    const { readings } = await runAll('web-server', { requests: 300 });
    const cost = (m: Mode) => at(readings, m).hostCpu;
    console.log(`web-server, host CPU s/s added by the guest: ${MODES.map((m) => `${m} ${cost(m).toFixed(3)} (dom0 ${at(readings, m).dom0.toFixed(3)})`).join('; ')}`);
    expect(cost('emulated')).toBeGreaterThan(cost('pv'));
    expect(cost('pv')).toBeGreaterThan(Math.max(cost('pvhvm'), cost('pvh')));
    // The emulated guest's dom0 (QEMU) works several times as hard as netback/blkback for the others.
    expect(at(readings, 'emulated').dom0 - at(readings, 'pvhvm').dom0).toBeGreaterThan(2 * (at(readings, 'pvhvm').dom0 - at(readings, 'pvh').dom0 + 0.01));
    // The same traffic goes out either way (below the emulated NIC's limit).
    expect(at(readings, 'emulated').vifTx).toBeCloseTo(at(readings, 'pv').vifTx, -4);
    // I/O widens the gap: emulated over PVHVM costs more for the web server than for a compute-bound stress test.
    const compute = await runAll('stress', { load: 0.5, dirty_mib_per_s: 16 });
    const ioGap = cost('emulated') / cost('pvhvm');
    const computeGap = at(compute.readings, 'emulated').hostCpu / at(compute.readings, 'pvhvm').hostCpu;
    console.log(`emulated / PVHVM host CPU: web server ${ioGap.toFixed(2)}, stress ${computeGap.toFixed(2)}`);
    expect(ioGap).toBeGreaterThan(computeGap);
  });

  it('an emulated NIC saturates long before the wire; PV drivers reach the link', async () => {
    // 2,000 requests/s of 64 KiB ask for about 135 MB/s out, more than a 1 GbE port carries.
    const { readings } = await runAll('web-server', { requests: 2000, response_kib: 64 });
    const tx = (m: Mode) => at(readings, m).vifTx;
    console.log(`web-server at 135 MB/s asked: VIF tx ${MODES.map((m) => `${m} ${(tx(m) / 1e6).toFixed(1)} MB/s`).join('; ')}`);
    expect(tx('emulated')).toBeLessThan(40e6);
    expect(tx('pvhvm')).toBeGreaterThan(100e6);
    expect(tx('pv')).toBeGreaterThan(100e6);
    expect(tx('pvh')).toBeGreaterThan(100e6);
  });
});

describe('a server without VT-x/AMD-V', () => {
  it('has no hvm-* capability, refuses HVM guests with VM_HVM_REQUIRED and runs PV guests', async () => {
    const lab = await createLab({ seed: 11, build: (e) => buildModesWorld(e, true) });
    const old = (await hostsByName(lab)).get('old-server') ?? '';
    expect(await lab.call<string[]>('host.get_capabilities', old)).toEqual(['xen-3.0-x86_64']);
    for (const name of ['guest-pvhvm', 'guest-emulated']) {
      const vm = await lab.vmByName(name);
      expect((await lab.error('VM.start_on', vm, old, false, false)).toArray()).toEqual(['VM_HVM_REQUIRED', vm]);
    }
    const pv = await lab.vmByName('guest-pv');
    await lab.call('Simulator.set_workload', pv, 'database', JSON.stringify({ daily: 0, noise: 0 }));
    await lab.run('VM.start_on', pv, old, false, false);
    lab.engine.advance(300);
    expect(await lab.call<number>('VM.query_data_source', pv, 'cpu0')).toBeGreaterThan(0.05);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
