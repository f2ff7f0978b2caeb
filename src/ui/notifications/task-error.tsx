// A failed task's error for people: the plain-language explanation first,
// then the XenAPI code and its parameters (refs shown by their object's name).
import { useCallback } from 'react';
import { isOpaqueRef } from '../../xapi/refs';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import type { ExplainedError } from './task-display';

function ParamValue({ value }: { value: string }) {
  const select = useCallback(
    (cache: ObjectCache) => {
      if (!isOpaqueRef(value)) return undefined;
      const cls = cache.classOf(value);
      const rec = cls === undefined ? undefined : (cache.get(cls, value) as { name_label?: unknown } | undefined);
      return typeof rec?.name_label === 'string' ? rec.name_label : undefined;
    },
    [value],
  );
  const name = useCacheSelector(select);
  // Names are untrusted text: rendered as text, never markup.
  return name === undefined ? <>{value}</> : <span title={value}>{name}</span>;
}

export function TaskError({ error }: { error: ExplainedError }) {
  return (
    <div className="mt-1 rounded-sm border border-red-200 bg-red-50 px-2 py-1 text-red-900">
      <p>{error.explanation ?? 'The server reported an error this console has no explanation for.'}</p>
      <p className="mt-0.5 font-mono text-[11px] break-all">
        {error.code}
        {error.params.length > 0 && (
          <>
            {' ('}
            {error.params.map((p, i) => (
              <span key={i}>
                {i > 0 && ', '}
                {p.name !== '' && `${p.name}: `}
                <ParamValue value={p.value} />
              </span>
            ))}
            {')'}
          </>
        )}
      </p>
    </div>
  );
}
