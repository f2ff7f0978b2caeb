// The header's icon. Stand-in until ../format/object-icon.tsx lands; then the
// header uses that one for objects and keeps this for the XenLab root.
import type { FocusedObject } from './object-kind';

const GLYPHS: Readonly<Record<FocusedObject['kind'], string>> = {
  root: '🖧',
  pool: '▦',
  host: '▤',
  vm: '▣',
  template: '▢',
  snapshot: '◩',
  sr: '⛁',
  vdi: '◫',
  network: '⇄',
  other: '◇',
  missing: '?',
};

export function HeaderIcon({ focus }: { focus: FocusedObject; record: unknown }) {
  return (
    <span aria-hidden="true" className="flex h-8 w-8 shrink-0 items-center justify-center rounded-sm border border-slate-300 bg-white text-lg text-slate-600">
      {GLYPHS[focus.kind]}
    </span>
  );
}
