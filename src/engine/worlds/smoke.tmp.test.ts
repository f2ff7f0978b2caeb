import { it } from 'vitest';
import { Engine } from '../engine';
import { buildDefaultWorld } from './default-world';
import { buildLargeWorld } from './large-world';
it('smoke', async () => {
  let t = performance.now();
  const e = Engine.create({ seed: 1, build: buildDefaultWorld });
  console.log('default ms', performance.now() - t);
  const s = await e.call('session.login_with_password', ['root', 'xenlab', '1.0', 'test']);
  const hosts = await e.call('host.get_all_records', [s]) as Record<string, any>;
  for (const [r, h] of Object.entries(hosts)) {
    const m = e.world.get('host_metrics', h.metrics);
    console.log(h.name_label, h.resident_VMs.length, m.memory_total / 2**30, m.memory_free / 2**30, h.memory_overhead / 2**20);
  }
  for (const [r, sr] of e.world.entries('SR')) console.log(sr.name_label, sr.physical_size/2**30, sr.physical_utilisation/2**30, sr.virtual_allocation/2**30, sr.VDIs.length, sr.PBDs.length);
  const vms = await e.call('VM.get_all_records', [s]) as Record<string, any>;
  const web = Object.values(vms).find((v: any) => v.name_label === 'win-app-01');
  console.log(JSON.stringify(web, null, 1).slice(0, 6000));
  t = performance.now();
  const L = Engine.create({ seed: 1, build: buildLargeWorld });
  console.log('large ms', performance.now() - t, L.world.count('VM'), L.world.count('host_cpu'));
  let min = Infinity;
  for (const [, h] of L.world.entries('host')) { const m = L.world.get('host_metrics', h.metrics); min = Math.min(min, m.memory_free); }
  const ps: Record<string, number> = {};
  for (const [, v] of L.world.entries('VM')) if (!v.is_a_template && !v.is_control_domain) ps[v.power_state] = (ps[v.power_state] ?? 0) + 1;
  console.log('min free GiB', min / 2**30, ps);
});
