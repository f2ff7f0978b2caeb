import { describe, expect, it } from 'vitest';
import { buildObjects } from './build-objects';
import type { TreeViewOptions } from './object-rules';
import { labFixture, outline } from './tree-fixture';

const DEFAULTS: TreeViewOptions = { showDefaultTemplates: false, showCustomTemplates: true, showLocalStorage: true, showHidden: false };

describe('buildObjects', () => {
  it('groups objects by type in XenCenter’s order, with its names', () => {
    const tree = buildObjects(labFixture(), DEFAULTS);
    expect(tree.label).toBe('Objects by Type');
    expect(tree.children.map((g) => g.label)).toEqual([
      'Pools',
      'Servers',
      'VMs',
      'Snapshots',
      'Custom Templates',
      'Remote Storage Repositories',
      'Local Storage Repositories',
      'Virtual Disks',
      'Networks',
    ]);
  });

  it('lists each group’s objects by name; no control domains, no hidden networks', () => {
    const groups = new Map(buildObjects(labFixture(), DEFAULTS).children.map((g) => [g.label, outline(g).slice(1).map((l) => l.trim())]));
    expect(groups.get('VMs')).toEqual(['build-01', 'ci-01', 'db-01', 'game-01', 'legacy-01', 'test-01', 'web-01']);
    expect(groups.get('Snapshots')).toEqual(['web-01 before upgrade']);
    expect(groups.get('Servers')).toEqual(['xenserver-01', 'xenserver-02', 'xenserver-03']);
    expect(groups.get('Remote Storage Repositories')).toEqual(['ISO library', 'NFS virtual disk storage']);
    expect(groups.get('Networks')).toEqual(['Pool-wide network associated with eth0']);
  });

  it('follows the View menu for templates and local storage', () => {
    const labels = buildObjects(labFixture(), { ...DEFAULTS, showDefaultTemplates: true, showLocalStorage: false }).children.map((g) => g.label);
    expect(labels).toContain('XenServer Templates');
    expect(labels).not.toContain('Local Storage Repositories');
  });

  it('gives every row an id unique in the view', () => {
    const ids: string[] = [];
    const walk = (n: { id: string; children: readonly { id: string; children: readonly unknown[] }[] }) => {
      ids.push(n.id);
      for (const c of n.children) walk(c as never);
    };
    walk(buildObjects(labFixture(), DEFAULTS));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
