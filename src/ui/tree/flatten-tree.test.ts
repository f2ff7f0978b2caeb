import { describe, expect, it } from 'vitest';
import { buildInfrastructure } from './build-infrastructure';
import { expandedBy, flattenTree } from './flatten-tree';
import type { TreeViewOptions } from './object-rules';
import { labFixture } from './tree-fixture';

const DEFAULTS: TreeViewOptions = { showDefaultTemplates: false, showCustomTemplates: true, showLocalStorage: true, showHidden: false };

describe('flattenTree', () => {
  it('gives each visible row its level, position and expanded state', () => {
    const f = labFixture();
    const rows = flattenTree(buildInfrastructure(f, DEFAULTS), expandedBy({}));
    const web = rows.find((r) => r.label === 'web-01');
    const host = rows.find((r) => r.label === 'xenserver-01');
    expect(rows[0]).toMatchObject({ label: 'XenLab', level: 1, posInSet: 1, setSize: 1, hasChildren: true, expanded: true, ref: undefined });
    expect(host).toMatchObject({ level: 3, posInSet: 1, setSize: 8, expanded: true, ref: f.findByName(f.host, 'xenserver-01') });
    expect(web).toMatchObject({ level: 4, posInSet: 2, setSize: 4, hasChildren: false, expanded: false, parentId: host?.id });
  });

  it('hides the rows under a collapsed node', () => {
    const f = labFixture();
    const h1 = f.findByName(f.host, 'xenserver-01');
    const rows = flattenTree(buildInfrastructure(f, DEFAULTS), expandedBy({ [h1]: false }));
    expect(rows.map((r) => r.label)).not.toContain('web-01');
    expect(rows.find((r) => r.ref === h1)).toMatchObject({ hasChildren: true, expanded: false });
  });
});
