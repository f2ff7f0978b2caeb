import { describe, expect, it } from 'vitest';
import { buildInfrastructure } from './build-infrastructure';
import type { TreeViewOptions } from './object-rules';
import { FixturePool, labFixture, outline } from './tree-fixture';

const DEFAULTS: TreeViewOptions = { showDefaultTemplates: false, showCustomTemplates: true, showLocalStorage: true, showHidden: false };

describe('buildInfrastructure', () => {
  it('places VMs by XenCenter’s Home() rule and sorts like XenCenter', () => {
    expect(outline(buildInfrastructure(labFixture(), DEFAULTS))).toEqual([
      'XenLab',
      '  Lab Pool',
      '    xenserver-01',
      '      ci-01', // paused: on the host it runs on
      '      web-01', // running: on the host it runs on
      '      DVD drives',
      '      Local storage',
      '    xenserver-02',
      '      db-01',
      '      DVD drives',
      '      Local storage',
      '    xenserver-03',
      '      build-01',
      '      legacy-01', // halted, disks on this host's local storage
      '      DVD drives',
      '      Local storage',
      '    game-01', // halted on shared storage: under the pool
      '    test-01', // suspended on shared storage
      '    ISO library',
      '    NFS virtual disk storage',
      '    web template', // custom template; snapshots and default templates not shown
    ]);
  });

  it('shows default templates and hides local SRs as the View menu says', () => {
    const lines = outline(buildInfrastructure(labFixture(), { ...DEFAULTS, showDefaultTemplates: true, showLocalStorage: false, showCustomTemplates: false }));
    expect(lines).toContain('    Debian Bookworm 12');
    expect(lines).toContain('    Windows Server 2022 (64-bit)');
    expect(lines).not.toContain('    web template');
    expect(lines.filter((l) => l.includes('Local storage') || l.includes('DVD drives'))).toEqual([]);
    // Custom templates sort before default ones.
    expect(lines.indexOf('    Debian Bookworm 12')).toBeGreaterThan(lines.indexOf('    NFS virtual disk storage'));
  });

  it('never shows control domains or snapshots; hidden objects only when asked', () => {
    const f = labFixture();
    f.addVm('secret', { other_config: { HideFromXenCenter: 'true' } });
    const shown = outline(buildInfrastructure(f, DEFAULTS)).join('\n');
    expect(shown).not.toContain('Control domain');
    expect(shown).not.toContain('before upgrade');
    expect(shown).not.toContain('secret');
    expect(outline(buildInfrastructure(f, { ...DEFAULTS, showHidden: true })).join('\n')).toContain('    secret');
  });

  it('puts a halted VM under its affinity host only while that host is live', () => {
    const f = new FixturePool();
    const up = f.addHost('up');
    const down = f.addHost('down', { live: false });
    f.addPool('P', up);
    f.addVm('homed', { affinity: up });
    f.addVm('orphan', { affinity: down });
    expect(outline(buildInfrastructure(f, DEFAULTS))).toEqual(['XenLab', '  P', '    up', '      homed', '    down', '    orphan']);
  });

  it('sorts names naturally and puts the coordinator first', () => {
    const f = new FixturePool();
    const h10 = f.addHost('xenserver-10');
    const h2 = f.addHost('xenserver-2');
    const h1 = f.addHost('xenserver-1');
    f.addPool('P', h10);
    for (const name of ['vm-10', 'vm-9', 'VM-1']) f.addVm(name, { power_state: 'Running', resident_on: h2 });
    void h1;
    expect(outline(buildInfrastructure(f, DEFAULTS))).toEqual(['XenLab', '  P', '    xenserver-10', '    xenserver-1', '    xenserver-2', '      VM-1', '      vm-9', '      vm-10']);
  });

  it('leaves an unnamed single-host pool out: the server stands alone', () => {
    const f = new FixturePool();
    const h = f.addHost('solo');
    f.addPool('', h);
    f.addVm('halted');
    expect(outline(buildInfrastructure(f, DEFAULTS))).toEqual(['XenLab', '  solo', '    halted']);
  });

  it('expands the root, the pool and the hosts by default; gives object rows their refs', () => {
    const f = labFixture();
    const tree = buildInfrastructure(f, DEFAULTS);
    const pool = tree.children[0];
    expect(tree.defaultExpanded).toBe(true);
    expect(pool?.kind === 'object' && pool.cls === 'pool' && pool.defaultExpanded).toBe(true);
    const host = pool?.children[0];
    expect(host?.kind === 'object' && host.cls === 'host' && host.defaultExpanded && host.ref === f.findByName(f.host, 'xenserver-01')).toBe(true);
  });

  it('follows the console\'s connections: two pools, a standalone server, one not added (hidden), one disconnected (alone, empty)', () => {
    const f = labFixture();
    const lab = f.findByName(f.pool, 'Lab Pool');
    const labHosts = ['xenserver-01', 'xenserver-02', 'xenserver-03'].map((n) => f.findByName(f.host, n));
    const [a, b, solo, fresh, away] = ['r750-a', 'r750-b', 'solo', 'fresh', 'away'].map((n) => f.addHost(n)) as [string, string, string, string, string];
    const green = f.addPool('Green Pool', a);
    const shared = f.addSr('Green NFS', 'nfs', [a, b]);
    f.addVm('green-vm', { power_state: 'Halted', disksOn: [shared] });
    f.addVm('on-b', { power_state: 'Running', resident_on: b });
    const soloPool = f.addPool('', solo);
    const freshPool = f.addPool('', fresh);
    f.addSr('Fresh local', 'lvm', [fresh]);
    const awayPool = f.addPool('', away);
    f.addVm('on-away', { power_state: 'Running', resident_on: away });
    const withConnections = {
      ...f,
      pool: f.pool, host: f.host, host_metrics: f.host_metrics, VM: f.VM, VBD: f.VBD, VDI: f.VDI, SR: f.SR, PBD: f.PBD, network: f.network, VM_guest_metrics: f.VM_guest_metrics,
      connections: [
        { pool: lab, master: labHosts[0]!, hosts: labHosts, state: 'connected' as const },
        { pool: green, master: a, hosts: [a, b], state: 'connected' as const },
        { pool: soloPool, master: solo, hosts: [solo], state: 'connected' as const },
        { pool: freshPool, master: fresh, hosts: [fresh], state: 'not_added' as const },
        { pool: awayPool, master: away, hosts: [away], state: 'disconnected' as const },
      ],
    };
    const lines = outline(buildInfrastructure(withConnections, DEFAULTS));
    expect(lines.filter((l) => /^ {2}\S/.test(l))).toEqual(['  Lab Pool', '  Green Pool', '  away', '  solo']);
    const green0 = lines.indexOf('  Green Pool');
    expect(lines.slice(green0, green0 + 6)).toEqual(['  Green Pool', '    r750-a', '    r750-b', '      on-b', '    green-vm', '    Green NFS']);
    expect(lines.join('\n')).not.toContain('fresh');
    expect(lines.join('\n')).not.toContain('Fresh local');
    expect(lines.join('\n')).not.toContain('on-away');
    expect(lines).toContain('      web-01');
  });

  it('lists lab machines without XenServer (bare or installing) after the servers, as machine rows to select', () => {
    const f = new FixturePool();
    const h = f.addHost('solo');
    f.addPool('', h);
    const tree = buildInfrastructure({ ...f, host: f.host, pool: f.pool, machines: [{ id: 'machine-1', name: 'r750-1' }, { id: 'machine-2', name: 'aa-pc' }] }, DEFAULTS);
    expect(outline(tree)).toEqual(['XenLab', '  solo', '  r750-1', '  aa-pc']);
    expect(tree.children.slice(1).map((n) => [n.kind, n.id])).toEqual([['machine', 'machine:machine-1'], ['machine', 'machine:machine-2']]);
  });
});
