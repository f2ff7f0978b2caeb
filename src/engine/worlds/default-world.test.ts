import { describe, it, expect } from 'vitest';
import { Engine } from '../engine';
import { NULL_REF } from '../../xapi/refs';
import type { ClassName, RecordOf } from '../../xapi/types';
import { buildDefaultWorld } from './default-world';
import { TEMPLATES } from './catalog/templates';
import { worldProblems } from './world-invariants';

async function open(seed = 1) {
  const engine = Engine.create({ seed, build: buildDefaultWorld });
  const session = (await engine.call('session.login_with_password', ['root', 'xenlab', '1.0', 'test'])) as string;
  const all = async <C extends ClassName>(cls: C) => (await engine.call(`${cls}.get_all_records`, [session])) as Record<string, RecordOf<C>>;
  return { engine, session, all };
}

describe('the default world', () => {
  it('is one pool of three hosts, each with its dom0 resident', async () => {
    const { all } = await open();
    const pools = Object.values(await all('pool'));
    const hosts = await all('host');
    const vms = await all('VM');
    expect(pools).toHaveLength(1);
    expect(pools[0]?.name_label).toBe('Lab Pool');
    expect(Object.values(hosts).map((h) => h.name_label).sort()).toEqual(['xenserver-01', 'xenserver-02', 'xenserver-03']);
    expect(pools[0]?.master).toBe(Object.entries(hosts).find(([, h]) => h.name_label === 'xenserver-01')?.[0]);
    for (const [ref, host] of Object.entries(hosts)) {
      const dom0 = vms[host.control_domain];
      expect(dom0?.is_control_domain).toBe(true);
      expect(dom0?.name_label).toBe(`Control domain on host: ${host.name_label}`);
      expect(dom0?.resident_on).toBe(ref);
      expect(dom0?.domid).toBe(0);
      expect(host.resident_VMs).toContain(host.control_domain);
      expect(host.capabilities).toContain('hvm-3.0-x86_64');
      expect(host.cpu_info['flags']).toMatch(/\b(vmx|svm)\b/);
      // xenserver-03 also has a two-port SR-IOV NIC.
      expect(host.PIFs).toHaveLength(host.name_label === 'xenserver-03' ? 6 : 4);
    }
  });

  it('keeps every rule of a consistent pool (links both ways, memory, storage, MACs)', async () => {
    const { engine, session } = await open();
    expect(await worldProblems(engine, session)).toEqual([]);
  });

  it('places every running VM on exactly one host, and none of the others', async () => {
    const { all } = await open();
    const hosts = Object.values(await all('host'));
    for (const [ref, vm] of Object.entries(await all('VM'))) {
      const holders = hosts.filter((h) => h.resident_VMs.includes(ref)).length;
      const live = vm.power_state === 'Running' || vm.power_state === 'Paused';
      expect(holders, vm.name_label).toBe(live ? 1 : 0);
    }
  });

  it('gives free memory = total − Xen − Σ resident footprints, never below zero', async () => {
    const { all } = await open();
    const vms = await all('VM');
    const vmMetrics = await all('VM_metrics');
    const hostMetrics = await all('host_metrics');
    for (const host of Object.values(await all('host'))) {
      const m = hostMetrics[host.metrics];
      const used = host.resident_VMs.reduce((s, r) => {
        const vm = vms[r];
        return vm === undefined ? s : s + (vmMetrics[vm.metrics]?.memory_actual ?? 0) + vm.memory_overhead;
      }, host.memory_overhead);
      expect(m?.memory_free).toBe((m?.memory_total ?? 0) - used);
      expect(m?.memory_free).toBeGreaterThanOrEqual(0);
    }
  });

  it('holds the XenServer 8 default templates as templates', async () => {
    const { all } = await open();
    const templates = Object.values(await all('VM')).filter((vm) => vm.is_a_template);
    expect(templates.map((t) => t.name_label).sort()).toEqual(TEMPLATES.map((t) => t.name_label).sort());
    for (const t of templates) {
      expect(t.is_default_template).toBe(true);
      expect(t.other_config['default_template']).toBe('true');
      expect(t.power_state).toBe('Halted');
      expect(t.resident_on).toBe(NULL_REF);
      expect(t.VBDs).toEqual([]);
    }
    const names = templates.map((t) => t.name_label);
    expect(names).toEqual(expect.arrayContaining(['Debian Bookworm 12', 'Windows Server 2022 (64-bit)', 'Other install media']));
  });

  it('has guests in every power state, on shared and local storage, HVM and PV', async () => {
    const { all } = await open();
    const guests = Object.values(await all('VM')).filter((vm) => !vm.is_a_template && !vm.is_control_domain);
    const vdis = await all('VDI');
    const srs = await all('SR');
    const vbds = await all('VBD');
    expect(new Set(guests.map((g) => g.power_state))).toEqual(new Set(['Running', 'Paused', 'Suspended', 'Halted']));
    const srTypes = new Set(guests.flatMap((g) => g.VBDs.map((b) => srs[vdis[vbds[b]?.VDI ?? '']?.SR ?? '']?.type).filter((t) => t !== undefined)));
    expect(srTypes).toEqual(new Set(['nfs', 'lvm']));
    const legacy = guests.find((g) => g.name_label === 'legacy-01');
    expect(legacy).toMatchObject({ domain_type: 'pv', PV_bootloader: 'pygrub', HVM_boot_policy: '' });
    const win = guests.find((g) => g.name_label === 'win-app-01');
    expect(win?.platform['viridian']).toBe('true');
    expect(win?.other_config['base_template_name']).toBe('Windows Server 2022 (64-bit)');
  });

  it('is the same world, byte for byte, for the same seed', async () => {
    const a = Engine.create({ seed: 7, build: buildDefaultWorld });
    const b = Engine.create({ seed: 7, build: buildDefaultWorld });
    const c = Engine.create({ seed: 8, build: buildDefaultWorld });
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
    expect(JSON.stringify(a.snapshot())).not.toBe(JSON.stringify(c.snapshot()));
  });
});
