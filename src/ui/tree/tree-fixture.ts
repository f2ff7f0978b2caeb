// A small pool as plain maps, for the tree builders' tests: the default lab's
// shape (three hosts, shared NFS, ISO library, local storage and DVD drives per
// host, guests in every power state) without the engine (the UI may not import
// it). Each helper fills the fields the tree reads, with XenAPI's defaults.
import type { GuestMetricsIn, HostIn, HostMetricsIn, NetworkIn, PbdIn, PoolIn, SrIn, TreeSource, VbdIn, VdiIn, VmIn } from './tree-source';

const NULL = 'OpaqueRef:NULL';

export class FixturePool implements TreeSource {
  readonly pool = new Map<string, PoolIn>();
  readonly host = new Map<string, HostIn>();
  readonly host_metrics = new Map<string, HostMetricsIn>();
  readonly VM = new Map<string, VmIn>();
  readonly VBD = new Map<string, VbdIn>();
  readonly VDI = new Map<string, VdiIn>();
  readonly SR = new Map<string, SrIn>();
  readonly PBD = new Map<string, PbdIn>();
  readonly network = new Map<string, NetworkIn>();
  readonly VM_guest_metrics = new Map<string, GuestMetricsIn>();
  private n = 0;

  private ref(kind: string): string {
    this.n++;
    return `OpaqueRef:${kind}-${String(this.n)}`;
  }

  addPool(name: string, master: string, extra: Partial<PoolIn> = {}): string {
    const ref = this.ref('pool');
    this.pool.set(ref, { name_label: name, name_description: '', master, tags: [], other_config: {}, ...extra });
    return ref;
  }

  addHost(name: string, extra: Partial<HostIn> & { live?: boolean } = {}): string {
    const ref = this.ref('host');
    const metrics = this.ref('host_metrics');
    const { live = true, ...fields } = extra;
    this.host_metrics.set(metrics, { live });
    this.host.set(ref, { name_label: name, name_description: '', enabled: true, metrics, address: '', tags: [], other_config: {}, ...fields });
    // Every host has its control domain.
    this.addVm(`Control domain on host: ${name}`, { is_control_domain: true, power_state: 'Running', resident_on: ref });
    return ref;
  }

  addSr(name: string, type: string, hosts: readonly string[], extra: Partial<SrIn> = {}): string {
    const ref = this.ref('SR');
    const pbds = hosts.map((host) => {
      const pbd = this.ref('PBD');
      this.PBD.set(pbd, { host });
      return pbd;
    });
    this.SR.set(ref, { name_label: name, name_description: '', type, content_type: 'user', shared: hosts.length > 1, PBDs: pbds, introduced_by: NULL, tags: [], other_config: {}, ...extra });
    return ref;
  }

  addVdi(name: string, sr: string, extra: Partial<VdiIn> = {}): string {
    const ref = this.ref('VDI');
    this.VDI.set(ref, { name_label: name, name_description: '', SR: sr, managed: true, missing: false, tags: [], other_config: {}, ...extra });
    return ref;
  }

  addVm(name: string, extra: Partial<VmIn> & { disksOn?: readonly string[] } = {}): string {
    const ref = this.ref('VM');
    const { disksOn = [], ...fields } = extra;
    const vbds = disksOn.map((sr, i) => {
      const vbd = this.ref('VBD');
      this.VBD.set(vbd, { VDI: this.addVdi(`${name} ${String(i)}`, sr) });
      return vbd;
    });
    this.VM.set(ref, {
      name_label: name,
      name_description: '',
      power_state: 'Halted',
      is_a_template: false,
      is_default_template: false,
      is_a_snapshot: false,
      is_control_domain: false,
      resident_on: NULL,
      affinity: NULL,
      VBDs: vbds,
      tags: [],
      other_config: {},
      guest_metrics: NULL,
      ...fields,
    });
    return ref;
  }

  addGuestMetrics(vm: string, os: string, ips: readonly string[]): void {
    const ref = this.ref('VM_guest_metrics');
    this.VM_guest_metrics.set(ref, { os_version: { name: os }, networks: Object.fromEntries(ips.map((ip, i) => [`${String(i)}/ip`, ip])) });
    const record = this.VM.get(vm);
    if (record !== undefined) this.VM.set(vm, { ...record, guest_metrics: ref });
  }

  findByName<T extends { name_label: string }>(table: ReadonlyMap<string, T>, name: string): string {
    for (const [ref, r] of table) if (r.name_label === name) return ref;
    throw new Error(`fixture: no ${name}`);
  }
}

/** The default lab, in small. */
export function labFixture(): FixturePool {
  const f = new FixturePool();
  const hosts = ['xenserver-01', 'xenserver-02', 'xenserver-03'].map((name, i) => f.addHost(name, { address: `192.168.10.${String(11 + i)}` }));
  const [h1 = '', h2 = '', h3 = ''] = hosts;
  f.addPool('Lab Pool', h1);
  const nfs = f.addSr('NFS virtual disk storage', 'nfs', hosts);
  f.addSr('ISO library', 'iso', hosts, { content_type: 'iso' });
  const locals = hosts.map((h) => f.addSr('Local storage', 'lvm', [h]));
  for (const h of hosts) f.addSr('DVD drives', 'udev', [h], { content_type: 'iso' });
  const [, local2 = '', local3 = ''] = locals;

  const web = f.addVm('web-01', { power_state: 'Running', resident_on: h1, disksOn: [nfs], tags: ['web'] });
  f.addGuestMetrics(web, 'Debian GNU/Linux 12 (bookworm)', ['192.168.10.101']);
  f.addVm('db-01', { power_state: 'Running', resident_on: h2, affinity: h2, disksOn: [local2], tags: ['database'] });
  f.addVm('build-01', { power_state: 'Running', resident_on: h3, disksOn: [nfs], tags: ['ci'] });
  f.addVm('ci-01', { power_state: 'Paused', resident_on: h1, disksOn: [nfs], tags: ['ci'] });
  f.addVm('test-01', { power_state: 'Suspended', disksOn: [nfs] });
  f.addVm('game-01', { power_state: 'Halted', disksOn: [nfs] });
  f.addVm('legacy-01', { power_state: 'Halted', affinity: h3, disksOn: [local3] });
  f.addVm('Debian Bookworm 12', { is_a_template: true, is_default_template: true });
  f.addVm('Windows Server 2022 (64-bit)', { is_a_template: true, is_default_template: true });
  f.addVm('web template', { is_a_template: true, tags: ['web'] });
  f.addVm('web-01 before upgrade', { is_a_template: true, is_a_snapshot: true });
  f.network.set('OpaqueRef:net-0', { name_label: 'Pool-wide network associated with eth0', name_description: '', tags: [], other_config: {} });
  f.network.set('OpaqueRef:himn', { name_label: 'Host internal management network', name_description: '', tags: [], other_config: { is_guest_installer_network: 'true' } });
  return f;
}

/** A tree as indented lines of labels, for readable expectations. */
export function outline(node: { readonly label: string; readonly children: readonly unknown[] }, depth = 0): string[] {
  const lines = [`${'  '.repeat(depth)}${node.label}`];
  for (const child of node.children as readonly { readonly label: string; readonly children: readonly unknown[] }[]) lines.push(...outline(child, depth + 1));
  return lines;
}
