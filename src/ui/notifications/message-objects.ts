// The object a XenAPI message is about: messages name it by class ('VM',
// 'Host', 'SR', 'Pool', 'VDI') and uuid, not by ref. Alerts and the failover
// timeline both show its name.
import type { ClassName } from '../../xapi/datamodel/classes';
import type { ObjectCache } from '../cache/object-cache';

const MESSAGE_CLASS: Readonly<Record<string, ClassName>> = { VM: 'VM', Host: 'host', SR: 'SR', Pool: 'pool', VDI: 'VDI' };

/** A name lookup over the cache, indexing each class by uuid on first use. */
export function nameByUuid(cache: ObjectCache): (cls: string, uuid: string) => string | undefined {
  const indexes = new Map<string, Map<string, string>>();
  return (cls, uuid) => {
    const table = MESSAGE_CLASS[cls];
    if (table === undefined || uuid === '') return undefined;
    let index = indexes.get(table);
    if (index === undefined) {
      index = new Map();
      for (const rec of cache.all(table).values()) {
        const r = rec as { uuid?: unknown; name_label?: unknown };
        if (typeof r.uuid === 'string') index.set(r.uuid, typeof r.name_label === 'string' ? r.name_label : '');
      }
      indexes.set(table, index);
    }
    return index.get(uuid);
  };
}
