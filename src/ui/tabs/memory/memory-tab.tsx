// The Memory tab: a host's memory bar, one bar per host for a pool, and a
// VM's (or template's) memory settings on a scale.
import type { FocusedObject } from '../object-kind';
import { usePoolMembers } from '../../connections/use-pool-members';
import { HostMemoryRow } from './host-memory-row';
import { VmMemory } from './vm-memory';

export function MemoryTab({ focus }: { focus: FocusedObject }) {
  const ref = focus.ref ?? '';
  switch (focus.kind) {
    case 'host':
      return <HostMemoryRow hostRef={ref} />;
    case 'pool':
      return <PoolMemory poolRef={ref} />;
    case 'vm':
    case 'template':
    case 'snapshot':
      return <VmMemory vmRef={ref} />;
    default:
      return null;
  }
}

function PoolMemory({ poolRef }: { poolRef: string }) {
  const hosts = usePoolMembers(poolRef);
  return (
    <div>
      {hosts.map((h) => (
        <HostMemoryRow key={h} hostRef={h} compact />
      ))}
    </div>
  );
}
