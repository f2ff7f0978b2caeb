import { beforeAll, describe, expect, it } from 'vitest';
import { sampleAll } from '../metrics/sample-all';
import { createLab, type Lab } from '../testing/lab';
import { defineSimulatorWorkloadApi } from './simulator-workload-api';

interface Workload {
  name: string;
  label: string;
  description: string;
  params: string;
  explicit: boolean;
}

let lab: Lab;
let web: string;

beforeAll(async () => {
  lab = await createLab();
  // The lead registers these in buildMethodTable; the test adds them to the (shared) table itself.
  if (!lab.engine.methods.has('Simulator.set_workload')) defineSimulatorWorkloadApi(lab.engine.methods);
  web = await lab.vmByName('web-01');
});

describe('Simulator.get_workload / set_workload', () => {
  it('reports the default a guest runs when nobody set one', async () => {
    const w = await lab.call<Workload>('Simulator.get_workload', web);
    expect(w).toMatchObject({ name: 'web-server', label: 'Web server', explicit: false });
    expect(JSON.parse(w.params)).toMatchObject({ requests: 250, load: 0.35 });
    expect((await lab.call<Workload>('Simulator.get_workload', await lab.vmByName('db-01'))).name).toBe('database');
    expect((await lab.call<Workload>('Simulator.get_workload', await lab.vmByName('build-01'))).name).toBe('build');
    expect((await lab.call<Workload>('Simulator.get_workload', await lab.vmByName('dc-01'))).name).toBe('idle');
  });

  it('sets a workload and its parameters in other_config', async () => {
    await lab.call('Simulator.set_workload', web, 'stress', '{"dirty_mib_per_s": 64}');
    const w = await lab.call<Workload>('Simulator.get_workload', web);
    expect(w).toMatchObject({ name: 'stress', explicit: true });
    expect(JSON.parse(w.params)).toMatchObject({ dirty_mib_per_s: 64, working_set_mib: 1024 });
    const other = await lab.call<Record<string, string>>('VM.get_other_config', web);
    expect(other['xenlab-workload']).toBe('stress');
    expect(JSON.parse(other['xenlab-workload-params'] ?? '')).toEqual({ dirty_mib_per_s: 64 });
    expect(other['base_template_name']).toBeDefined(); // the rest of other_config is kept
    // Without parameters the key goes: the defaults apply.
    await lab.call('Simulator.set_workload', web, 'stress', '');
    expect((await lab.call<Record<string, string>>('VM.get_other_config', web))['xenlab-workload-params']).toBeUndefined();
  });

  it('and the metrics follow: a stress test keeps its vCPUs busy', async () => {
    await lab.call('Simulator.set_workload', web, 'stress', '{"load": 1}');
    const uuid = await lab.call<string>('VM.get_uuid', web);
    const s = sampleAll(lab.engine, 60, 5).find((x) => x.uuid === uuid)!;
    expect(s.values['cpu0']).toBeGreaterThan(0.9);
    await lab.call('Simulator.set_workload', web, 'idle', '{}');
    const t = sampleAll(lab.engine, 60, 5).find((x) => x.uuid === uuid)!;
    expect(t.values['cpu0']).toBeLessThan(0.2);
  });

  it("reads what the Properties dialog writes with VM.add_to_other_config", async () => {
    await lab.call('VM.remove_from_other_config', web, 'xenlab-workload');
    await lab.call('VM.add_to_other_config', web, 'xenlab-workload', 'database');
    await lab.call('VM.add_to_other_config', web, 'xenlab-workload-params', '{"tps": 500}');
    const w = await lab.call<Workload>('Simulator.get_workload', web);
    expect(w.name).toBe('database');
    expect(JSON.parse(w.params)['tps']).toBe(500);
  });

  it('refuses bad input with XenAPI errors', async () => {
    const e1 = await lab.error('Simulator.set_workload', web, 'bitcoin-mining', '');
    expect(e1.code).toBe('INVALID_VALUE');
    expect(e1.params[0]).toBe('name');
    const e2 = await lab.error('Simulator.set_workload', web, 'web-server', '{"requests": -5}');
    expect(e2.code).toBe('INVALID_VALUE');
    expect(e2.params[0]).toBe('params');
    expect((await lab.error('Simulator.set_workload', web, 'web-server', '{"tps": 5}')).code).toBe('INVALID_VALUE');
    expect((await lab.error('Simulator.set_workload', web, 'web-server', 'not json')).code).toBe('INVALID_VALUE');
    expect((await lab.error('Simulator.set_workload', 'OpaqueRef:nope', 'idle', '')).toArray()).toEqual(['HANDLE_INVALID', 'VM', 'OpaqueRef:nope']);
    expect((await lab.error('Simulator.get_workload', 'OpaqueRef:nope')).code).toBe('HANDLE_INVALID');
    expect((await lab.error('Simulator.set_workload', web, 'idle', 42)).code).toBe('FIELD_TYPE_ERROR');
    const host = await lab.call<string>('VM.get_resident_on', web);
    const dom0 = await lab.call<string>('host.get_control_domain', host);
    expect((await lab.error('Simulator.set_workload', dom0, 'idle', '')).code).toBe('OPERATION_NOT_ALLOWED');
    // A refused call changes nothing.
    expect((await lab.call<Workload>('Simulator.get_workload', web)).name).toBe('database');
  });

  it('lists the catalogue with each parameter', async () => {
    const list = await lab.call<{ name: string; params: Record<string, { default: number; min: number; max: number; unit: string }> }[]>('Simulator.list_workloads');
    expect(list.map((w) => w.name)).toEqual(['idle', 'web-server', 'database', 'build', 'game-server', 'stress']);
    expect(list.find((w) => w.name === 'stress')?.params['dirty_mib_per_s']).toMatchObject({ default: 256, unit: 'MiB/s' });
  });
});
