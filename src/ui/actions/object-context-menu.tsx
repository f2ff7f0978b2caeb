// Being built: the context menu (right-click and the Menu key) for tree rows.
import type { ReactNode } from 'react';

export function ObjectContextMenu({ children }: { refs: readonly string[]; children: ReactNode }) {
  return <>{children}</>;
}
