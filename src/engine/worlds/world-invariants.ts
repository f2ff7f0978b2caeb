// Consistency rules every world must keep, checked through the XenAPI surface
// (get_all_records), as a client would see the pool. Returns the broken rules
// as readable lines, so a test can expect [] and print what went wrong.
// Used by the world tests; usable by any test that mutates a world.
import type { Engine } from '../engine';
import { NULL_REF } from '../../xapi/refs';
import type { ClassName } from '../../xapi/types';
import { hostsOfPool, poolOfHost } from '../pool/membership';
import { snapshotProblems } from './world-invariants-snapshots';
import { forgottenSrProblems } from '../storage/forgotten-srs';
import { deviceProblems, networkProblems, storageProblems, type Records } from './world-invariants-infra';

async function all<C extends ClassName>(engine: Engine, session: string, cls: C): Promise<Records<C>> {
  return (await engine.call(`${cls}.get_all_records`, [session])) as Records<C>;
}

/** For a link X.field → Y with inverse Y.inverse, report refs that are not mirrored. */
function twoWay<A extends ClassName, B extends ClassName>(
  problems: string[],
  a: { name: A; records: Records<A>; field: string },
  b: { name: B; records: Records<B>; field: string },
): void {
  const refsOf = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' && v !== NULL_REF ? [v] : []);
  for (const [ref, rec] of Object.entries(a.records)) {
    for (const target of refsOf((rec as Record<string, unknown>)[a.field])) {
      const other = b.records[target] as Record<string, unknown> | undefined;
      if (other === undefined) problems.push(`${a.name} ${ref}.${a.field} → missing ${b.name} ${target}`);
      else if (!refsOf(other[b.field]).includes(ref)) problems.push(`${a.name} ${ref}.${a.field} → ${target}, but ${b.name}.${b.field} lacks it`);
    }
  }
  for (const [ref, rec] of Object.entries(b.records)) {
    for (const target of refsOf((rec as Record<string, unknown>)[b.field])) {
      const other = a.records[target] as Record<string, unknown> | undefined;
      if (other === undefined || !refsOf(other[a.field]).includes(ref)) problems.push(`${b.name} ${ref}.${b.field} → ${target}, not mirrored by ${a.name}.${a.field}`);
    }
  }
}

export async function worldProblems(engine: Engine, session: string): Promise<string[]> {
  const p: string[] = [];
  const [pools, hosts, hostMetrics, vms, vmMetrics, vbds, vdis, srs, pbds, networks, pifs, vifs, consoles, cpus, bonds, vlans, sriovs, pcis] = await Promise.all([
    all(engine, session, 'pool'),
    all(engine, session, 'host'),
    all(engine, session, 'host_metrics'),
    all(engine, session, 'VM'),
    all(engine, session, 'VM_metrics'),
    all(engine, session, 'VBD'),
    all(engine, session, 'VDI'),
    all(engine, session, 'SR'),
    all(engine, session, 'PBD'),
    all(engine, session, 'network'),
    all(engine, session, 'PIF'),
    all(engine, session, 'VIF'),
    all(engine, session, 'console'),
    all(engine, session, 'host_cpu'),
    all(engine, session, 'Bond'),
    all(engine, session, 'VLAN'),
    all(engine, session, 'network_sriov'),
    all(engine, session, 'PCI'),
  ]);
  const guestMetrics = await all(engine, session, 'VM_guest_metrics');

  // Several pools may share the world (installed standalone servers each have one).
  if (Object.keys(pools).length < 1) p.push('no pool');
  for (const [ref, pool] of Object.entries(pools)) {
    if (hosts[pool.master] === undefined) p.push('pool.master is not a host');
    else if (poolOfHost(engine, pool.master) !== ref) p.push(`pool ${pool.name_label}: its master belongs to another pool`);
    // xapi lets any SR be the default (a standalone server's is its local storage), and forgetting it leaves none.
    if (pool.default_SR !== NULL_REF && srs[pool.default_SR] === undefined) p.push('pool.default_SR is not an SR');
  }

  twoWay(p, { name: 'VBD', records: vbds, field: 'VM' }, { name: 'VM', records: vms, field: 'VBDs' });
  twoWay(p, { name: 'VBD', records: vbds, field: 'VDI' }, { name: 'VDI', records: vdis, field: 'VBDs' });
  twoWay(p, { name: 'VDI', records: vdis, field: 'SR' }, { name: 'SR', records: srs, field: 'VDIs' });
  twoWay(p, { name: 'PBD', records: pbds, field: 'SR' }, { name: 'SR', records: srs, field: 'PBDs' });
  twoWay(p, { name: 'PBD', records: pbds, field: 'host' }, { name: 'host', records: hosts, field: 'PBDs' });
  twoWay(p, { name: 'PIF', records: pifs, field: 'host' }, { name: 'host', records: hosts, field: 'PIFs' });
  twoWay(p, { name: 'PIF', records: pifs, field: 'network' }, { name: 'network', records: networks, field: 'PIFs' });
  twoWay(p, { name: 'VIF', records: vifs, field: 'VM' }, { name: 'VM', records: vms, field: 'VIFs' });
  twoWay(p, { name: 'VIF', records: vifs, field: 'network' }, { name: 'network', records: networks, field: 'VIFs' });
  twoWay(p, { name: 'console', records: consoles, field: 'VM' }, { name: 'VM', records: vms, field: 'consoles' });
  twoWay(p, { name: 'VM', records: vms, field: 'resident_on' }, { name: 'host', records: hosts, field: 'resident_VMs' });
  twoWay(p, { name: 'host_cpu', records: cpus, field: 'host' }, { name: 'host', records: hosts, field: 'host_CPUs' });
  twoWay(p, { name: 'Bond', records: bonds, field: 'master' }, { name: 'PIF', records: pifs, field: 'bond_master_of' });
  twoWay(p, { name: 'Bond', records: bonds, field: 'slaves' }, { name: 'PIF', records: pifs, field: 'bond_slave_of' });
  twoWay(p, { name: 'VLAN', records: vlans, field: 'tagged_PIF' }, { name: 'PIF', records: pifs, field: 'VLAN_slave_of' });
  twoWay(p, { name: 'network_sriov', records: sriovs, field: 'physical_PIF' }, { name: 'PIF', records: pifs, field: 'sriov_physical_PIF_of' });
  twoWay(p, { name: 'network_sriov', records: sriovs, field: 'logical_PIF' }, { name: 'PIF', records: pifs, field: 'sriov_logical_PIF_of' });
  twoWay(p, { name: 'PCI', records: pcis, field: 'host' }, { name: 'host', records: hosts, field: 'PCIs' });

  /** squeezed can move this guest (memory-dmc.ts canBalloon, as seen through the API). */
  const balloons = (vm: Records<'VM'>[string]) => {
    const g = guestMetrics[vm.guest_metrics];
    return vm.power_state === 'Running' && !vm.is_control_domain && vm.memory_dynamic_min < vm.memory_dynamic_max && g !== undefined && g.live && g.PV_drivers_detected && g.other['feature-balloon'] !== '0';
  };

  // Residency and power state.
  for (const [ref, vm] of Object.entries(vms)) {
    const live = vm.power_state === 'Running' || vm.power_state === 'Paused';
    if (live && hosts[vm.resident_on] === undefined) p.push(`${vm.name_label} is ${vm.power_state} but resident on no host`);
    if (!live && vm.resident_on !== NULL_REF) p.push(`${vm.name_label} is ${vm.power_state} yet resident on a host`);
    if (live !== (vm.domid >= 0)) p.push(`${vm.name_label}: domid ${String(vm.domid)} for ${vm.power_state}`);
    if ((vm.power_state === 'Suspended') !== (vm.suspend_VDI !== NULL_REF)) p.push(`${vm.name_label}: suspend_VDI does not match ${vm.power_state}`);
    if (vm.suspend_VDI !== NULL_REF && vdis[vm.suspend_VDI]?.type !== 'suspend') p.push(`${vm.name_label}: suspend_VDI is not a suspend image`);
    if (vm.is_control_domain && hosts[vm.resident_on]?.control_domain !== ref) p.push(`${vm.name_label} is not its host's control_domain`);
    if (vm.is_control_domain) continue;
    const { memory_static_min: smin, memory_dynamic_min: dmin, memory_dynamic_max: dmax, memory_static_max: smax } = vm;
    if (!(smin <= dmin && dmin <= dmax && dmax <= smax && dmin * 4 >= smax)) p.push(`${vm.name_label}: memory ranges ${String([smin, dmin, dmax, smax])}`);
    if (live) {
      // DMC: a running guest's target lies in its dynamic range; a ballooning one never holds more than its target.
      const actual = vmMetrics[vm.metrics]?.memory_actual ?? vm.memory_target;
      if (vm.memory_target < dmin || vm.memory_target > dmax) p.push(`${vm.name_label}: memory_target ${String(vm.memory_target)} outside [${String(dmin)}, ${String(dmax)}]`);
      if (balloons(vm) && actual > vm.memory_target) p.push(`${vm.name_label}: memory_actual ${String(actual)} above its target ${String(vm.memory_target)}`);
    }
    if (vm.VCPUs_at_startup > vm.VCPUs_max || vm.VCPUs_at_startup < 1) p.push(`${vm.name_label}: VCPUs ${String(vm.VCPUs_at_startup)}/${String(vm.VCPUs_max)}`);
  }

  // Domain ids are unique per host.
  for (const [ref, host] of Object.entries(hosts)) {
    const ids = host.resident_VMs.map((vm) => vms[vm]?.domid);
    if (new Set(ids).size !== ids.length) p.push(`${host.name_label}: duplicate domids ${ids.join(',')}`);
    if (!host.resident_VMs.includes(host.control_domain) || vms[host.control_domain]?.is_control_domain !== true) p.push(`${host.name_label}: dom0 not resident`);
    if (host.host_CPUs.length !== Number(host.cpu_info['cpu_count'])) p.push(`${host.name_label}: host_CPUs ≠ cpu_info.cpu_count`);
    // free = total − Xen overhead − Σ (actual + overhead) of resident domains.
    const metrics = hostMetrics[host.metrics];
    if (metrics === undefined) {
      p.push(`${host.name_label}: no host_metrics`);
      continue;
    }
    let used = host.memory_overhead;
    for (const vm of host.resident_VMs) {
      const r = vms[vm];
      if (r !== undefined) used += (vmMetrics[r.metrics]?.memory_actual ?? r.memory_target) + r.memory_overhead;
    }
    const free = metrics.memory_total - used;
    // Admission's promise: every domain fits with each ballooning guest squeezed to its dynamic_min.
    let floors = host.memory_overhead;
    for (const vm of host.resident_VMs) {
      const r = vms[vm];
      if (r !== undefined) floors += (balloons(r) ? r.memory_dynamic_min : (vmMetrics[r.metrics]?.memory_actual ?? r.memory_target)) + r.memory_overhead;
    }
    if (floors > metrics.memory_total) p.push(`${host.name_label}: domains at dynamic_min need ${String(floors)} of ${String(metrics.memory_total)} bytes`);
    if (free < 0) p.push(`${host.name_label} is over-committed by ${String(-free)} bytes`);
    if (metrics.memory_free !== Math.max(0, free)) p.push(`${host.name_label}: memory_free ${String(metrics.memory_free)} ≠ ${String(free)} (${ref})`);
  }

  // Storage accounting.
  for (const sr of Object.values(srs)) {
    const sum = sr.VDIs.reduce((s, v) => s + (vdis[v]?.physical_utilisation ?? 0), 0);
    if (sr.physical_utilisation < sum) p.push(`${sr.name_label}: physical_utilisation ${String(sr.physical_utilisation)} < Σ VDIs ${String(sum)}`);
    if (sr.physical_utilisation > sr.physical_size && sr.physical_size > 0) p.push(`${sr.name_label}: more used than its size`);
    const attachedOn = new Set(sr.PBDs.map((pbd) => pbds[pbd]?.host));
    const [first] = attachedOn;
    const poolHosts = first === undefined ? 0 : hostsOfPool(engine, poolOfHost(engine, first)).length;
    if (sr.shared && attachedOn.size !== poolHosts) p.push(`${sr.name_label}: shared but plugged on ${String(attachedOn.size)} of its pool's ${String(poolHosts)} hosts`);
    // A local SR lives on one host (none while it is being re-introduced).
    if (!sr.shared && sr.PBDs.length > 1) p.push(`${sr.name_label}: local SR with ${String(sr.PBDs.length)} PBDs`);
  }
  p.push(...storageProblems({ hosts, srs, pbds, vms, vbds, vdis }));
  p.push(...forgottenSrProblems(engine));
  p.push(...snapshotProblems(engine, vms as never, vdis as never));
  p.push(...networkProblems({ hosts, networks, pifs, bonds, vlans, sriovs }));
  p.push(...deviceProblems({ hosts, vms, pcis }));

  // A snapshot keeps its VM's MACs (it is that machine, frozen): only live VMs' MACs must differ.
  const macs = Object.values(vifs).filter((v) => vms[v.VM]?.is_a_snapshot !== true).map((v) => v.MAC);
  if (new Set(macs).size !== macs.length) p.push('duplicate VIF MACs');
  for (const mac of macs) {
    const first = parseInt(mac.slice(0, 2), 16);
    if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac) || (first & 3) !== 2) p.push(`VIF MAC ${mac} is not locally administered unicast`);
  }
  return p;
}
