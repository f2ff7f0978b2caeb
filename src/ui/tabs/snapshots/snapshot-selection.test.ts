import { describe, expect, it } from 'vitest';
import { NO_SELECTION, clickSelect, keySelect, pruneSelection } from './snapshot-selection';

const order = ['a', 'b', 'c', 'd'];
const plain = { ctrl: false, shift: false };

describe('snapshot selection', () => {
  it('selects one on a click, toggles with Ctrl, runs with Shift from the anchor', () => {
    const one = clickSelect(NO_SELECTION, 'b', order, plain);
    expect(one).toEqual({ refs: ['b'], anchor: 'b' });
    const two = clickSelect(one, 'd', order, { ctrl: true, shift: false });
    expect(two.refs).toEqual(['b', 'd']);
    expect(clickSelect(two, 'b', order, { ctrl: true, shift: false }).refs).toEqual(['d']);
    expect(clickSelect(one, 'd', order, { ctrl: false, shift: true }).refs).toEqual(['b', 'c', 'd']);
    expect(clickSelect(one, 'a', order, { ctrl: false, shift: true }).refs).toEqual(['a', 'b']);
  });
  it('moves with the arrow keys, Home and End, and ignores other keys', () => {
    const at = { refs: ['b'], anchor: 'b' };
    expect(keySelect(at, 'ArrowDown', order)?.refs).toEqual(['c']);
    expect(keySelect(at, 'ArrowUp', order)?.refs).toEqual(['a']);
    expect(keySelect({ refs: ['a'], anchor: 'a' }, 'ArrowUp', order)?.refs).toEqual(['a']);
    expect(keySelect(at, 'End', order)?.refs).toEqual(['d']);
    expect(keySelect(NO_SELECTION, 'ArrowDown', order)?.refs).toEqual(['a']);
    expect(keySelect(at, 'x', order)).toBeUndefined();
    expect(keySelect(at, 'ArrowDown', [])).toBeUndefined();
  });
  it('drops what is no longer shown, keeping the same object when nothing changed', () => {
    const sel = { refs: ['a', 'c'], anchor: 'c' };
    expect(pruneSelection(sel, ['a', 'b'])).toEqual({ refs: ['a'], anchor: undefined });
    expect(pruneSelection(sel, order)).toBe(sel);
  });
});
