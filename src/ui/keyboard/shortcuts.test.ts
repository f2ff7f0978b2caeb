import { describe, expect, it } from 'vitest';
import { ariaShortcut, formatShortcut, isTypingTarget, matchesShortcut, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('shortcuts', () => {
  it('match the key and exactly the modifiers (Cmd stands for Ctrl)', () => {
    const ctrlB = { key: 'b', ctrl: true };
    expect(matchesShortcut(press('b', { ctrlKey: true }), ctrlB)).toBe(true);
    expect(matchesShortcut(press('B', { ctrlKey: true }), ctrlB)).toBe(true);
    expect(matchesShortcut(press('b', { metaKey: true }), ctrlB)).toBe(true);
    expect(matchesShortcut(press('b'), ctrlB)).toBe(false);
    expect(matchesShortcut(press('b', { ctrlKey: true, shiftKey: true }), ctrlB)).toBe(false);
    expect(matchesShortcut(press('ArrowLeft', { altKey: true }), { key: 'ArrowLeft', alt: true })).toBe(true);
    expect(matchesShortcut(press('F2'), { key: 'F2' })).toBe(true);
  });

  it('are shown as menus show them and as aria-keyshortcuts wants them', () => {
    expect(formatShortcut({ key: 'b', ctrl: true })).toBe('Ctrl+B');
    expect(formatShortcut({ key: 'ArrowLeft', alt: true })).toBe('Alt+Left');
    expect(formatShortcut({ key: 'F2' })).toBe('F2');
    expect(ariaShortcut({ key: 'y', ctrl: true })).toBe('Control+Y');
    expect(ariaShortcut({ key: 'ArrowRight', alt: true })).toBe('Alt+ArrowRight');
  });

  it('leave keys alone while the user types', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
