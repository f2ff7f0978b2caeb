// An SR's name as XenCenter lists it: a local SR with its server ("Local
// storage on xenserver-03"), since every server has one of the same name.
import type { CacheReader } from '../actions/action-types';

export function srLabel(cache: CacheReader, srRef: string): string {
  const sr = cache.get('SR', srRef);
  if (sr === undefined) return 'unknown storage';
  const pbd = !sr.shared && sr.PBDs.length === 1 && sr.PBDs[0] !== undefined ? cache.get('PBD', sr.PBDs[0]) : undefined;
  const host = pbd === undefined ? undefined : cache.get('host', pbd.host);
  return host === undefined ? sr.name_label : `${sr.name_label} on ${host.name_label}`;
}
