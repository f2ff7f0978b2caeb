// The metrics as a XenAPI client sees them, with the engine's own clock and
// models (no test sampler): data sources follow the workload a VM runs and
// the host's memory records.
import { describe, expect, it } from 'vitest';
import { createLab } from '../testing/lab';

describe('data sources through XenAPI', () => {
  it('VM.query_data_source follows the workload the guest runs', async () => {
    const lab = await createLab();
    const busy = await lab.vmByName('web-01');
    const quiet = await lab.vmByName('build-01');
    await lab.call('Simulator.set_workload', busy, 'stress', '{"load":0.9}');
    await lab.call('Simulator.set_workload', quiet, 'idle', '{}');
    lab.engine.advance(120);
    const busyCpu = await lab.call<number>('VM.query_data_source', busy, 'cpu0');
    const quietCpu = await lab.call<number>('VM.query_data_source', quiet, 'cpu0');
    expect(busyCpu).toBeGreaterThan(0.7);
    expect(quietCpu).toBeLessThan(0.2);
    const names = (await lab.call<{ name_label: string; enabled: boolean }[]>('VM.get_data_sources', busy)).map((d) => d.name_label);
    expect(names).toEqual(expect.arrayContaining(['cpu0', 'memory', 'memory_target']));
    // A halted VM has none to query: xapi refuses the data_source_op.
    const halted = await lab.vmByName('game-01');
    expect((await lab.error('VM.query_data_source', halted, 'cpu0')).code).toBe('VM_BAD_POWER_STATE');
  });

  it('host memory data sources agree with host_metrics', async () => {
    const lab = await createLab();
    const [host] = await lab.call<string[]>('host.get_all');
    lab.engine.advance(60);
    const metrics = await lab.call<string>('host.get_metrics', host);
    const free = await lab.call<number>('host_metrics.get_memory_free', metrics);
    const total = await lab.call<number>('host_metrics.get_memory_total', metrics);
    expect(await lab.call<number>('host.query_data_source', host, 'memory_total_kib')).toBeCloseTo(total / 1024, -1);
    expect(await lab.call<number>('host.query_data_source', host, 'memory_free_kib')).toBeCloseTo(free / 1024, -1);
  });
});
