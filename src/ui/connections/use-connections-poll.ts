// Keeps the connections store current: the lab's answer is polled (it is not
// in XenAPI's event stream) and only a changed list is stored.
import { useEffect } from 'react';
import { useLabView } from '../lab-hardware/use-lab-view';
import { useConnections } from './connections';

export function useConnectionsPoll(): void {
  const view = useLabView();
  const set = useConnections((s) => s.set);
  const setMachines = useConnections((s) => s.setMachines);
  useEffect(() => {
    if (view === undefined) return;
    set(view.servers);
    setMachines(view.machines.filter((m) => m.state !== 'installed').map((m) => ({ id: m.id, name: m.name })));
  }, [view, set, setMachines]);
}
