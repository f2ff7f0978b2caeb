import { describe, expect, it } from 'vitest';
import { PlainCache } from '../../actions/testing/plain-cache';
import { hostHeartbeats } from '../../tabs/ha/ha-model';
import { finishCalls, heartbeatChoices, policyErrors, prerequisites, vmPolicies } from './ha-wizard-model';

function pool(): { cache: PlainCache; nfs: string; local: string; web: string; db: string; h1: string; h2: string } {
  const cache = new PlainCache();
  const m1 = cache.add('host_metrics', { live: true });
  const m2 = cache.add('host_metrics', { live: true });
  const h1 = cache.add('host', { name_label: 'xs-01', metrics: m1 });
  const h2 = cache.add('host', { name_label: 'xs-02', metrics: m2 });
  const nfs = cache.add('SR', { name_label: 'NFS', type: 'nfs', shared: true });
  const pbds = [h1, h2].map((host) => cache.add('PBD', { host, SR: nfs, currently_attached: true }));
  cache.update('SR', nfs, { PBDs: pbds });
  const local = cache.add('SR', { name_label: 'Local storage', type: 'ext', shared: false });
  const diskOn = (sr: string) => {
    const vdi = cache.add('VDI', { SR: sr });
    return cache.add('VBD', { VDI: vdi, empty: false });
  };
  const web = cache.add('VM', { name_label: 'web', VBDs: [diskOn(nfs)], power_state: 'Running' });
  const db = cache.add('VM', { name_label: 'db', VBDs: [diskOn(local)], power_state: 'Running' });
  return { cache, nfs, local, web, db, h1, h2 };
}

describe('Configure HA wizard model', () => {
  it('checks the prerequisites and offers shared SRs that can hold the statefile', () => {
    const { cache, nfs } = pool();
    expect(prerequisites(cache).every((c) => c.ok)).toBe(true);
    expect(heartbeatChoices(cache)).toEqual([{ ref: nfs, name: 'NFS', type: 'nfs', unsuitable: undefined }]);
    cache.update('host_metrics', [...cache.all('host_metrics').keys()][0]!, { live: false });
    expect(prerequisites(cache).find((c) => !c.ok)?.detail).toBe('not responding: xs-01');
  });

  it('marks VMs on local storage as not protectable, and validates order and delay', () => {
    const { cache, db, web } = pool();
    const policies = vmPolicies(cache);
    expect(policies.find((p) => p.ref === db)?.notAgile).toBe('a disk is on Local storage, local to one server');
    expect(policies.find((p) => p.ref === web)?.notAgile).toBeUndefined();
    const edited = policies.map((p) => (p.ref === db ? { ...p, priority: 'restart' } : { ...p, order: 'soon' }));
    const errors = policyErrors(edited);
    expect(errors.get(db)).toContain('cannot be protected');
    expect(errors.get(web)).toBe('web: Start order must be a whole number, 0 or more.');
  });

  it('finishes with XenCenter’s sequence of calls', () => {
    const { cache, nfs, web } = pool();
    const before = vmPolicies(cache);
    const after = before.map((p) => (p.ref === web ? { ...p, priority: 'restart', order: '1' } : p));
    expect(finishCalls({ pool: 'P', haEnabled: false, sr: nfs, ntol: 1, before, after })).toEqual([
      { method: 'VM.set_ha_restart_priority', args: [web, 'restart'] },
      { method: 'VM.set_order', args: [web, 1] },
      { method: 'pool.enable_ha', args: [[nfs], {}], async: true },
      { method: 'pool.set_ha_host_failures_to_tolerate', args: ['P', 1] },
    ]);
    expect(finishCalls({ pool: 'P', haEnabled: true, sr: undefined, ntol: 1, before, after: before })).toEqual([
      { method: 'pool.set_ha_host_failures_to_tolerate', args: ['P', 0] },
      { method: 'pool.set_ha_host_failures_to_tolerate', args: ['P', 1] },
    ]);
  });
});

describe('HA tab heartbeats', () => {
  it('shows a cut network and a powered-off server', () => {
    const { cache, h1, h2 } = pool();
    cache.update('host', h1, { other_config: { 'xenlab-fault-management-network': '1' } });
    cache.update('host', h2, { other_config: { 'xenlab-down': 'power' } });
    const p = cache.add('pool', { ha_enabled: true });
    const beats = hostHeartbeats(cache.get('pool', p)!, cache);
    expect(beats.map((b) => [b.name, b.network, b.statefile, b.state])).toEqual([
      ['xs-01', false, true, 'Live'],
      ['xs-02', false, false, 'Powered off'],
    ]);
  });
});
