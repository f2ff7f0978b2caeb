import { describe, expect, it } from 'vitest';
import { buildInfrastructure } from './build-infrastructure';
import { expandedBy, flattenTree } from './flatten-tree';
import type { TreeViewOptions } from './object-rules';
import { labFixture } from './tree-fixture';
import { navigationKey, rangeRefs, selectionAfterClick, typeAheadIndex } from './tree-navigation';

const DEFAULTS: TreeViewOptions = { showDefaultTemplates: false, showCustomTemplates: true, showLocalStorage: true, showHidden: false };

function lab(expanded: Record<string, boolean> = {}) {
  const f = labFixture();
  const rows = flattenTree(buildInfrastructure(f, DEFAULTS), expandedBy(expanded));
  const at = (label: string) => rows.findIndex((r) => r.label === label);
  return { f, rows, at };
}

describe('navigationKey', () => {
  it('moves up, down, home and end', () => {
    const { rows, at } = lab();
    expect(navigationKey(rows, at('xenserver-01'), 'ArrowDown')).toEqual({ type: 'move', index: at('ci-01') });
    expect(navigationKey(rows, at('ci-01'), 'ArrowUp')).toEqual({ type: 'move', index: at('xenserver-01') });
    expect(navigationKey(rows, 0, 'ArrowUp')).toBeUndefined();
    expect(navigationKey(rows, rows.length - 1, 'ArrowDown')).toBeUndefined();
    expect(navigationKey(rows, 5, 'Home')).toEqual({ type: 'move', index: 0 });
    expect(navigationKey(rows, 0, 'End')).toEqual({ type: 'move', index: rows.length - 1 });
  });

  it('expands or enters with ArrowRight, collapses or leaves with ArrowLeft', () => {
    // Fixture refs are deterministic: a fresh fixture names the same host.
    const { rows, at } = lab({ [labFixture().findByName(labFixture().host, 'xenserver-02')]: false });
    const h2 = at('xenserver-02');
    expect(navigationKey(rows, h2, 'ArrowRight')).toEqual({ type: 'expand', index: h2 });
    const h1 = at('xenserver-01');
    expect(navigationKey(rows, h1, 'ArrowRight')).toEqual({ type: 'move', index: h1 + 1 });
    expect(navigationKey(rows, h1, 'ArrowLeft')).toEqual({ type: 'collapse', index: h1 });
    expect(navigationKey(rows, at('web-01'), 'ArrowLeft')).toEqual({ type: 'move', index: h1 });
    expect(navigationKey(rows, at('web-01'), 'ArrowRight')).toBeUndefined();
    expect(navigationKey(rows, 0, 'ArrowLeft')).toEqual({ type: 'collapse', index: 0 });
  });
});

describe('typeAheadIndex', () => {
  it('finds the next row starting with the typed text, wrapping', () => {
    const { rows, at } = lab();
    expect(typeAheadIndex(rows, 0, 'w')).toBe(at('web-01'));
    expect(typeAheadIndex(rows, at('web-01'), 'w')).toBe(at('web template'));
    expect(typeAheadIndex(rows, at('web template'), 'w')).toBe(at('web-01'));
    expect(typeAheadIndex(rows, at('web-01'), 'web ')).toBe(at('web template'));
    expect(typeAheadIndex(rows, 0, 'XENSERVER-03')).toBe(at('xenserver-03'));
    expect(typeAheadIndex(rows, 0, 'zzz')).toBeUndefined();
  });
});

describe('selection', () => {
  it('selects one row, toggles with Ctrl, ranges with Shift', () => {
    const { rows, at } = lab();
    const ref = (label: string) => rows[at(label)]?.ref ?? '';
    expect(selectionAfterClick(rows, [], at('web-01'), undefined, { toggle: false, range: false })).toEqual([ref('web-01')]);
    expect(selectionAfterClick(rows, [ref('web-01')], at('db-01'), undefined, { toggle: true, range: false })).toEqual([ref('web-01'), ref('db-01')]);
    expect(selectionAfterClick(rows, [ref('web-01'), ref('db-01')], at('web-01'), undefined, { toggle: true, range: false })).toEqual([ref('db-01')]);
    // Shift: the rows between the anchor and the clicked one, the clicked one last.
    const h1 = at('xenserver-01');
    const [dvd1, local1] = [rows[h1 + 3]?.ref, rows[h1 + 4]?.ref];
    expect([rows[h1 + 3]?.label, rows[h1 + 4]?.label]).toEqual(['DVD drives', 'Local storage']);
    expect(selectionAfterClick(rows, [], at('ci-01'), at('xenserver-02'), { toggle: false, range: true })).toEqual([ref('web-01'), dvd1, local1, ref('xenserver-02'), ref('ci-01')]);
  });

  it('chooses the root or a group alone (an empty selection)', () => {
    const { rows, at } = lab();
    expect(selectionAfterClick(rows, [rows[at('web-01')]?.ref ?? ''], 0, undefined, { toggle: true, range: false })).toEqual([]);
  });

  it('collects the objects of a range once each, in row order', () => {
    const { rows, at } = lab();
    const refs = rangeRefs(rows, at('web-01'), 0);
    expect(refs).toEqual([rows[at('Lab Pool')]?.ref, rows[at('xenserver-01')]?.ref, rows[at('ci-01')]?.ref, rows[at('web-01')]?.ref]);
  });
});
