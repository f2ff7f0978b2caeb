// CPU contention as an administrator sets it up and sees it: two CPU-bound
// single-vCPU guests pinned to the same physical CPU (VCPUs_params mask)
// each get about half of it, and the time they lose shows in
// runnable_vcpus (xcp-rrdd's "fraction of time vCPUs spend runnable but
// not running", recorded on request); weight and cap change the split.
// All through XenAPI: VM.* setters and VM.query_data_source.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { buildModesWorld } from './virt-mode-world';

async function singleVcpuStress(lab: Lab, name: string, host: string): Promise<string> {
  const vm = await lab.vmByName(name);
  await lab.call('VM.set_VCPUs_at_startup', vm, 1);
  await lab.call('VM.set_VCPUs_max', vm, 1);
  await lab.call('VM.add_to_VCPUs_params', vm, 'mask', '0');
  await lab.call('Simulator.set_workload', vm, 'stress', JSON.stringify({ load: 1, noise: 0 }));
  await lab.run('VM.start_on', vm, host, false, false);
  return vm;
}

const cpu0 = (lab: Lab, vm: string) => lab.call<number>('VM.query_data_source', vm, 'cpu0');

describe('two CPU-bound guests pinned to one physical CPU', () => {
  it('get about half of it each and lose the rest as runnable time; weight 2:1 and a cap move the split', async () => {
    const lab = await createLab({ seed: 7, build: (e) => buildModesWorld(e) });
    const [host] = await lab.call<string[]>('host.get_by_name_label', 'server-1');
    const a = await singleVcpuStress(lab, 'guest-pvh', host ?? '');
    const b = await singleVcpuStress(lab, 'guest-pvhvm', host ?? '');
    lab.engine.advance(10); // a first report: xcp-rrdd knows the VM's sources from then on
    for (const vm of [a, b]) await lab.call('VM.record_data_source', vm, 'runnable_vcpus');
    lab.engine.advance(120);
    for (const vm of [a, b]) {
      expect(await cpu0(lab, vm)).toBeCloseTo(0.5, 1);
      expect(await lab.call<number>('VM.query_data_source', vm, 'runnable_vcpus')).toBeGreaterThan(0.4);
    }
    // pCPU 0 is full; the host's other CPUs are not.
    expect(await lab.call<number>('host.query_data_source', host, 'cpu0')).toBeGreaterThan(0.95);
    expect(await lab.call<number>('host.query_data_source', host, 'cpu_avg')).toBeLessThan(0.2);

    await lab.call('VM.add_to_VCPUs_params', a, 'weight', '512'); // b keeps the default 256
    lab.engine.advance(60);
    expect(await cpu0(lab, a)).toBeCloseTo(2 / 3, 1);
    expect(await cpu0(lab, b)).toBeCloseTo(1 / 3, 1);

    // A cap of 25 % holds a below a quarter of a CPU even though b would leave it more.
    await lab.call('VM.add_to_VCPUs_params', a, 'cap', '25');
    lab.engine.advance(60);
    expect(await cpu0(lab, a)).toBeCloseTo(0.25, 2);
    expect(await cpu0(lab, b)).toBeCloseTo(0.75, 1);
  });
});
