// Keyboard shortcuts: one description per shortcut, matched against key
// events and shown in menus ("Ctrl+B") and to screen readers
// (aria-keyshortcuts="Control+B"). XenCenter's own where it has one
// (XenAdmin/Commands/*Command.cs ShortcutKeys, NavigationView.cs).
export interface Shortcut {
  /** KeyboardEvent.key, compared case-insensitively for letters ('b', 'F2', 'ArrowLeft'). */
  readonly key: string;
  readonly ctrl?: boolean;
  readonly alt?: boolean;
  readonly shift?: boolean;
}

/** The subset of a KeyboardEvent a shortcut is matched against. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export function matchesShortcut(event: KeyPress, shortcut: Shortcut): boolean {
  // Cmd on a Mac stands for Ctrl, as browsers' own shortcuts do.
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl !== (shortcut.ctrl ?? false)) return false;
  if (event.altKey !== (shortcut.alt ?? false)) return false;
  if (event.shiftKey !== (shortcut.shift ?? false)) return false;
  return event.key.toLowerCase() === shortcut.key.toLowerCase();
}

const KEY_NAMES: Readonly<Record<string, string>> = { ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down' };

function keyName(key: string): string {
  return KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** "Ctrl+B", "Alt+Left": as menus show it. */
export function formatShortcut(s: Shortcut): string {
  return [s.ctrl === true ? 'Ctrl' : '', s.alt === true ? 'Alt' : '', s.shift === true ? 'Shift' : '', keyName(s.key)].filter((p) => p !== '').join('+');
}

/** "Control+B", "Alt+ArrowLeft": the aria-keyshortcuts form. */
export function ariaShortcut(s: Shortcut): string {
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key;
  return [s.ctrl === true ? 'Control' : '', s.alt === true ? 'Alt' : '', s.shift === true ? 'Shift' : '', key].filter((p) => p !== '').join('+');
}

/** Elements where keys belong to typing, not to the console's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (target === null || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type.toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  return el.isContentEditable;
}
