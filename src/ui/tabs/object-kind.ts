// What kind of object the tabs show: the XenAPI class, refined for VMs
// (templates and snapshots get their own tabs and words), or the XenLab root.
import type { ClassName } from '../../xapi/datamodel/classes';
import type { ObjectCache } from '../cache/object-cache';

export type ObjectKind = 'root' | 'pool' | 'host' | 'vm' | 'template' | 'snapshot' | 'sr' | 'vdi' | 'network' | 'other' | 'missing';

export interface FocusedObject {
  readonly kind: ObjectKind;
  readonly cls: ClassName | undefined;
  readonly ref: string | undefined;
  /** A host whose metrics say it is live (XenCenter hides Memory and NICs for others). */
  readonly live: boolean;
  /** A pool or server with physical GPUs (XenCenter shows the GPU tab only then). */
  readonly gpus: boolean;
}

export const ROOT: FocusedObject = { kind: 'root', cls: undefined, ref: undefined, live: true, gpus: false };

/** The kind of the object `ref` names in the cache ('missing' when it is gone). */
export function focusedObject(cache: ObjectCache, ref: string | undefined): FocusedObject {
  if (ref === undefined) return ROOT;
  const cls = cache.classOf(ref);
  const at = (kind: ObjectKind, live = true, gpus = false): FocusedObject => ({ kind, cls, ref, live, gpus });
  switch (cls) {
    case undefined:
      return at('missing');
    case 'pool':
      return at('pool', true, cache.all('PGPU').size > 0);
    case 'host': {
      const host = cache.get('host', ref);
      const metrics = host === undefined ? undefined : cache.get('host_metrics', host.metrics);
      return at('host', metrics?.live ?? false, [...cache.all('PGPU').values()].some((p) => p.host === ref));
    }
    case 'VM': {
      const vm = cache.get('VM', ref);
      if (vm?.is_a_snapshot === true) return at('snapshot');
      if (vm?.is_a_template === true) return at('template');
      return at('vm');
    }
    case 'SR':
      return at('sr');
    case 'VDI':
      return at('vdi');
    case 'network':
      return at('network');
    default:
      return at('other');
  }
}

export function sameFocus(a: FocusedObject, b: FocusedObject): boolean {
  return a.kind === b.kind && a.cls === b.cls && a.ref === b.ref && a.live === b.live && a.gpus === b.gpus;
}
