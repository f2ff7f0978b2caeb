// Keeps the connections store current: the lab's answer is polled (it is not
// in XenAPI's event stream) and only a changed list is stored.
import { useEffect } from 'react';
import { useLabView } from '../lab-hardware/use-lab-view';
import { useConnections } from './connections';

export function useConnectionsPoll(): void {
  const view = useLabView();
  const set = useConnections((s) => s.set);
  useEffect(() => {
    if (view !== undefined) set(view.servers);
  }, [view, set]);
}
