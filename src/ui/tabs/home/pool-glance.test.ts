import { describe, expect, it } from 'vitest';
import { PlainCache } from '../../actions/testing/plain-cache';
import type { Connection } from '../../connections/connections';
import { poolGlance } from './pool-glance';

/** The Lab Pool (a, b) with a shared SR and each server's local SR, and a standalone server s just added, with its own local SR and a VM. */
function lab() {
  const cache = new PlainCache();
  const a = cache.add('host', { name_label: 'a' });
  const b = cache.add('host', { name_label: 'b' });
  const s = cache.add('host', { name_label: 's' });
  const pool = cache.add('pool', { name_label: 'Lab Pool', master: a });
  const alone = cache.add('pool', { name_label: '', master: s });
  const sr = (hosts: string[]) => {
    const ref = cache.add('SR', { name_label: 'sr' });
    cache.update('SR', ref, { PBDs: hosts.map((host) => cache.add('PBD', { host, SR: ref })) });
    return ref;
  };
  const shared = sr([a, b]);
  sr([a]);
  sr([b]);
  const sLocal = sr([s]);
  const disk = (vm: string, on: string) => {
    const vdi = cache.add('VDI', { SR: on });
    const vbd = cache.add('VBD', { VM: vm, VDI: vdi, type: 'Disk' });
    cache.update('VM', vm, { VBDs: [...(cache.get('VM', vm)?.VBDs ?? []), vbd] });
  };
  cache.add('VM', { name_label: 'web', power_state: 'Running', resident_on: a });
  disk(cache.add('VM', { name_label: 'db', power_state: 'Halted' }), shared);
  cache.add('VM', { name_label: 'Debian template', is_a_template: true, is_default_template: true, power_state: 'Halted' });
  cache.add('VM', { name_label: 'on s', power_state: 'Running', resident_on: s });
  disk(cache.add('VM', { name_label: 'halted on s', power_state: 'Halted' }), sLocal);
  cache.add('VM', { name_label: 'dom0', is_control_domain: true, power_state: 'Running', resident_on: s });
  const connections: Connection[] = [
    { pool, master: a, hosts: [a, b], state: 'connected' },
    { pool: alone, master: s, hosts: [s], state: 'connected' },
  ];
  return { cache, pool, alone, connections };
}

describe('the Home tab’s pool at a glance', () => {
  it('counts the Lab Pool’s servers, VMs and SRs, not those of a standalone server beside it', () => {
    const { cache, pool, connections } = lab();
    expect(poolGlance(pool, cache, connections)).toEqual({ servers: 2, running: 1, paused: 0, suspended: 0, halted: 1, templates: 1, srs: 3 });
  });

  it('the standalone server’s own pool holds it, its VMs and its local SR (and the templates tied to no server)', () => {
    const { cache, alone, connections } = lab();
    expect(poolGlance(alone, cache, connections)).toEqual({ servers: 1, running: 1, paused: 0, suspended: 0, halted: 1, templates: 1, srs: 1 });
  });

  it('with no one pool to show, the whole lab', () => {
    const { cache } = lab();
    expect(poolGlance(undefined, cache)).toMatchObject({ servers: 3, running: 2, halted: 2, srs: 4 });
  });
});
