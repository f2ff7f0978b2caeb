// The header above the tab pages: the object's icon and name (a level-2
// heading), what it is, and its state in a few words.
import { useCallback } from 'react';
import { useCacheSelector, useObject } from '../cache/use-cache';
import type { ObjectCache } from '../cache/object-cache';
import { headerText, sameHeader } from './header-text';
import { HeaderIcon } from './header-icon';
import type { FocusedObject } from './object-kind';

export function ObjectHeader({ focus }: { focus: FocusedObject }) {
  const select = useCallback((c: ObjectCache) => headerText(c, focus), [focus]);
  const text = useCacheSelector(select, sameHeader);
  const record = useObject(focus.cls ?? 'pool', focus.ref);
  return (
    <div className="flex shrink-0 items-center gap-3 border-b border-slate-300 bg-gradient-to-b from-white to-slate-100 px-3 py-2">
      <HeaderIcon focus={focus} record={record} />
      <div className="min-w-0">
        <h2 className="m-0 truncate text-base leading-tight font-semibold text-slate-900">{text.name}</h2>
        <p className="m-0 truncate text-xs text-slate-600">
          {text.type}
          {text.type !== '' && text.state !== '' ? <span aria-hidden="true"> · </span> : null}
          {text.type !== '' && text.state !== '' ? <span className="sr-only">, </span> : null}
          {text.state}
        </p>
      </div>
    </div>
  );
}
