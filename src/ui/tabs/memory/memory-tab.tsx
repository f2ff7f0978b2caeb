// The Memory tab: a host's memory bar, one bar per host for a pool, and a
// VM's (or template's) memory settings on a scale.
import { useCacheSelector } from '../../cache/use-cache';
import { shallowEqualArrays } from '../../cache/use-cache';
import type { FocusedObject } from '../object-kind';
import { selectHostRefs } from '../pool-selectors';
import { HostMemoryRow } from './host-memory-row';
import { VmMemory } from './vm-memory';

export function MemoryTab({ focus }: { focus: FocusedObject }) {
  const ref = focus.ref ?? '';
  switch (focus.kind) {
    case 'host':
      return <HostMemoryRow hostRef={ref} />;
    case 'pool':
      return <PoolMemory />;
    case 'vm':
    case 'template':
    case 'snapshot':
      return <VmMemory vmRef={ref} />;
    default:
      return null;
  }
}

function PoolMemory() {
  const hosts = useCacheSelector(selectHostRefs, shallowEqualArrays);
  return (
    <div>
      {hosts.map((h) => (
        <HostMemoryRow key={h} hostRef={h} compact />
      ))}
    </div>
  );
}
