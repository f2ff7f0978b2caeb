// The header's icon: the object's tree icon (../format/object-icon), drawn
// at twice the size; the XenLab root has its own.
import { IconGlyph, objectIconKind, type IconRecord } from '../format/object-icon';
import type { FocusedObject } from './object-kind';

export function HeaderIcon({ focus, record }: { focus: FocusedObject; record: IconRecord | undefined }) {
  const kind = focus.kind === 'root' ? 'root' : focus.cls === undefined ? 'objects' : objectIconKind(focus.cls, record, focus.live);
  return <IconGlyph kind={kind} className="h-8 w-8" />;
}
