import { describe, expect, it } from 'vitest';
import { createLab } from '../testing/lab';
import type { RecordOf } from '../../xapi/types';

describe('Workload Balancing through XenAPI', () => {
  it('refuses to work before it is initialized, and checks the address and the pool credentials', async () => {
    const lab = await createLab();
    expect((await lab.error('pool.retrieve_wlb_recommendations')).code).toBe('WLB_NOT_INITIALIZED');
    expect((await lab.error('pool.initialize_wlb', 'not a url', 'wlb', 'x', 'root', 'xenlab')).code).toBe('WLB_URL_INVALID');
    expect((await lab.error('pool.initialize_wlb', 'wlb.lab:8012', 'wlb', 'x', 'root', 'wrong')).code).toBe('WLB_XENSERVER_AUTHENTICATION_FAILED');
    await lab.run('pool.initialize_wlb', 'wlb.lab:8012', 'wlb', 'x', 'root', 'xenlab');
    const [pool] = Object.values(await lab.call<Record<string, RecordOf<'pool'>>>('pool.get_all_records'));
    expect(pool?.wlb_url).toBe('wlb.lab:8012');
    expect(pool?.wlb_enabled).toBe(true);
  });

  it('keeps the configuration XenCenter sends, with the derived levels, and names a bad key', async () => {
    const lab = await createLab();
    await lab.run('pool.initialize_wlb', 'wlb.lab:8012', 'wlb', 'x', 'root', 'xenlab');
    const defaults = await lab.call<Record<string, string>>('pool.retrieve_wlb_configuration');
    expect(defaults['HostCpuThresholdCritical']).toBe('90');
    expect(defaults['OptimizationMode']).toBe('0');
    await lab.run('pool.send_wlb_configuration', { HostCpuThresholdCritical: '80', OptimizationMode: '1' });
    const changed = await lab.call<Record<string, string>>('pool.retrieve_wlb_configuration');
    expect(changed['HostCpuThresholdHigh']).toBe('68');
    expect(changed['OptimizationMode']).toBe('1');
    const bad = await lab.run('pool.send_wlb_configuration', { HostCpuThresholdCritical: 'lots' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'INVALID_VALUE', params: ['HostCpuThresholdCritical', 'lots'] });
  });

  it('rates hosts for a VM (Optimal Server), giving the reason where it cannot run', async () => {
    const lab = await createLab();
    await lab.run('pool.initialize_wlb', 'wlb.lab:8012', 'wlb', 'x', 'root', 'xenlab');
    const ratings = await lab.call<Record<string, string[]>>('VM.retrieve_wlb_recommendations', await lab.vmByName('game-01'));
    const hosts = await lab.call<string[]>('host.get_all');
    expect(Object.keys(ratings).sort()).toEqual([...hosts].sort());
    for (const answer of Object.values(ratings)) {
      if (answer[0] === 'WLB') expect(Number(answer[1])).toBeGreaterThanOrEqual(0);
      else expect(answer[0]).toMatch(/^[A-Z_]+$/);
    }
    // db-01's disks are local to one host: the others answer with VM_REQUIRES_SR.
    const local = await lab.call<Record<string, string[]>>('VM.retrieve_wlb_recommendations', await lab.vmByName('db-01'));
    expect(Object.values(local).filter((a) => a[0] === 'VM_REQUIRES_SR')).toHaveLength(2);
  });

  it('is switched off and removed cleanly', async () => {
    const lab = await createLab();
    await lab.run('pool.initialize_wlb', 'wlb.lab:8012', 'wlb', 'x', 'root', 'xenlab');
    const [poolRef] = await lab.call<string[]>('pool.get_all');
    await lab.call('pool.set_wlb_enabled', poolRef, false);
    expect((await lab.error('pool.retrieve_wlb_recommendations')).code).toBe('WLB_DISABLED');
    await lab.run('pool.deconfigure_wlb');
    expect((await lab.error('pool.retrieve_wlb_configuration')).code).toBe('WLB_NOT_INITIALIZED');
  });
});
