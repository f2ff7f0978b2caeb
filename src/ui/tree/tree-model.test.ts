import { describe, expect, it } from 'vitest';
import type { TreeViewOptions } from './object-rules';
import { createTreeMemo } from './tree-model';
import { labFixture, outline } from './tree-fixture';

const DEFAULTS: TreeViewOptions = { showDefaultTemplates: false, showCustomTemplates: true, showLocalStorage: true, showHidden: false };

describe('createTreeMemo', () => {
  it('returns the same tree while nothing it shows changed', () => {
    const f = labFixture();
    const memo = createTreeMemo();
    const first = memo(f, 'infrastructure', DEFAULTS, '');
    expect(memo(f, 'infrastructure', { ...DEFAULTS }, '')).toBe(first);
    // A host's memory sample (a new host_metrics record, still live) changes nothing.
    const [metricsRef] = [...f.host_metrics.keys()];
    if (metricsRef !== undefined) f.host_metrics.set(metricsRef, { live: true });
    expect(memo(f, 'infrastructure', DEFAULTS, '')).toBe(first);
  });

  it('keeps the tree when a record changes but not the shape (an operation starting)', () => {
    const f = labFixture();
    const memo = createTreeMemo();
    const first = memo(f, 'infrastructure', DEFAULTS, '');
    const game = f.findByName(f.VM, 'game-01');
    const record = f.VM.get(game);
    if (record !== undefined) f.VM.set(game, { ...record, name_description: 'changed' });
    expect(memo(f, 'infrastructure', DEFAULTS, '')).toBe(first);
  });

  it('rebuilds when a VM moves, a view option or the search changes', () => {
    const f = labFixture();
    const memo = createTreeMemo();
    const first = memo(f, 'infrastructure', DEFAULTS, '');
    const game = f.findByName(f.VM, 'game-01');
    const h2 = f.findByName(f.host, 'xenserver-02');
    const record = f.VM.get(game);
    if (record !== undefined) f.VM.set(game, { ...record, power_state: 'Running', resident_on: h2 });
    const moved = memo(f, 'infrastructure', DEFAULTS, '');
    expect(moved).not.toBe(first);
    expect(outline(moved)).toContain('      game-01');
    expect(memo(f, 'infrastructure', { ...DEFAULTS, showLocalStorage: false }, '')).not.toBe(moved);
    expect(outline(memo(f, 'infrastructure', DEFAULTS, 'game'))).toEqual(['XenLab', '  Lab Pool', '    xenserver-02', '      game-01']);
    expect(memo(f, 'objects', DEFAULTS, '').label).toBe('Objects by Type');
  });

  it('rebuilds when a host stops being live (a VM homed there by affinity moves to the pool)', () => {
    const f = labFixture();
    const h3 = f.findByName(f.host, 'xenserver-03');
    f.addVm('homed', { affinity: h3 });
    const memo = createTreeMemo();
    expect(outline(memo(f, 'infrastructure', DEFAULTS, '')).indexOf('      homed')).toBeGreaterThan(0);
    f.host_metrics.set(f.host.get(h3)?.metrics ?? '', { live: false });
    expect(outline(memo(f, 'infrastructure', DEFAULTS, ''))).toContain('    homed');
  });
});
