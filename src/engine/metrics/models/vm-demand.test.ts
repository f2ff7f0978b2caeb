import { describe, expect, it } from 'vitest';
import { defineSimulatorWorkloadApi } from '../../api/simulator-workload-api';
import { createLab } from '../../testing/lab';
import { sampleAll } from '../sample-all';
import { internalFreeKib } from './memory-dmc';
import { vmDemandAt } from './vm-demand';

describe("a VM's demand outside a metrics tick", () => {
  it('is what the sampler uses, and gives live migration its dirtying rate', async () => {
    const lab = await createLab();
    if (!lab.engine.methods.has('Simulator.set_workload')) defineSimulatorWorkloadApi(lab.engine.methods);
    const web = await lab.vmByName('web-01');
    const d = vmDemandAt(lab.engine, web, 3600)!;
    const s = sampleAll(lab.engine, 3600, 5).find((x) => x.uuid === lab.engine.world.get('VM', web).uuid)!;
    expect(s.values['memory_internal_free']).toBe(internalFreeKib(s.values['memory']!, d.memoryUsed));
    expect(vmDemandAt(lab.engine, web, 3600)).toEqual(d);
    await lab.call('Simulator.set_workload', web, 'stress', '{"dirty_mib_per_s": 300, "working_set_mib": 512}');
    const stress = vmDemandAt(lab.engine, web)!;
    expect(stress.dirtyPagesPerSec).toBe(300 * 256);
    expect(stress.hotPages).toBe(512 * 256);
    const dom0 = lab.engine.world.get('host', lab.engine.world.get('VM', web).resident_on).control_domain;
    expect(vmDemandAt(lab.engine, dom0)).toBeUndefined();
    expect(vmDemandAt(lab.engine, 'OpaqueRef:nope')).toBeUndefined();
  });
});
