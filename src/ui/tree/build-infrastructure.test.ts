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
});
