import { describe, expect, it } from 'vitest';
import { PlainCache } from '../actions/testing/plain-cache';
import type { Connection } from '../connections/connections';
import { coordinatorChoices, joinBlocker, joinCandidates } from './pool-join-checks';

const VERSION = { product_version: '8.4.0', product_brand: 'XenServer' };

/** The Lab Pool (x1, x2), standalone servers a, b (Intel), amd (AMD), busy (running a VM), down (not live). */
function lab() {
  const cache = new PlainCache();
  const live = cache.add('host_metrics', { live: true });
  const dead = cache.add('host_metrics', { live: false });
  const vm = cache.add('VM', { name_label: 'web-01', power_state: 'Running' });
  const host = (name: string, extra: Record<string, unknown> = {}) =>
    cache.add('host', { name_label: name, metrics: live, software_version: VERSION, cpu_info: { vendor: 'GenuineIntel' }, ...extra });
  const x1 = host('xenserver-01');
  const x2 = host('xenserver-02');
  const a = host('r750-a');
  const b = host('r750-b');
  const amd = host('dl385', { cpu_info: { vendor: 'AuthenticAMD' } });
  const busy = host('busy', { resident_VMs: [vm] });
  const down = host('down', { metrics: dead });
  const pool = (name: string, master: string, vendor = 'GenuineIntel') => cache.add('pool', { name_label: name, master, cpu_info: { vendor } });
  const labPool = pool('Lab Pool', x1);
  const connections: Connection[] = [
    { pool: labPool, master: x1, hosts: [x1, x2], state: 'connected' },
    ...[a, b, busy, down].map((h) => ({ pool: pool('', h), master: h, hosts: [h], state: 'connected' as const })),
    { pool: pool('', amd, 'AuthenticAMD'), master: amd, hosts: [amd], state: 'connected' },
  ];
  return { cache, connections, x1, x2, a, b, amd, busy, down, labPool };
}

describe('New Pool checks', () => {
  it('offers as coordinator the running servers that stand alone', () => {
    const { cache, connections, a, b, amd, busy } = lab();
    expect(coordinatorChoices(connections, cache)).toEqual([a, b, busy, amd]);
  });

  it('says why a server cannot join: in a pool, not running, running VMs, CPU vendor, version, HA', () => {
    const { cache, connections, x2, a, b, amd, busy, down } = lab();
    expect(joinBlocker(b, a, connections, cache)).toBeUndefined();
    expect(joinBlocker(x2, a, connections, cache)).toBe('It is already in a pool (Lab Pool): remove it from that pool first.');
    expect(joinBlocker(down, a, connections, cache)).toBe('It is not running.');
    expect(joinBlocker(busy, a, connections, cache)).toBe('It has running VMs (web-01): shut them down first.');
    expect(joinBlocker(amd, a, connections, cache)).toBe('Its CPUs are AMD, the coordinator\'s Intel: a pool needs CPUs of one vendor.');
    cache.update('host', b, { software_version: { ...VERSION, product_version: '8.2.1' } });
    expect(joinBlocker(b, a, connections, cache)).toBe('It runs XenServer 8.2.1; the coordinator runs 8.4.0: a pool needs one version.');
    cache.update('host', b, { software_version: VERSION });
    const bPool = connections.find((c) => c.master === b)!.pool;
    cache.update('pool', bPool, { ha_enabled: true });
    expect(joinBlocker(b, a, connections, cache)).toContain('HA_IS_ENABLED');
  });

  it('lists every other connected server, those that can join first', () => {
    const { cache, connections, a } = lab();
    const list = joinCandidates(a, connections, cache);
    expect(list.map((c) => [c.name, c.reason === undefined])).toEqual([
      ['r750-b', true],
      ['busy', false],
      ['dl385', false],
      ['down', false],
      ['xenserver-01', false],
      ['xenserver-02', false],
    ]);
  });
});
