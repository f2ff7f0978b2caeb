// Save the lab when the page is hidden or left (tab switched, window closed,
// reload): the worker's debounced save may not have run yet, and a hidden
// page may be frozen or discarded without further notice.
import { useEffect } from 'react';
import type { LabConnection } from './lab-connection';

export function useSaveOnHide(lab: Pick<LabConnection, 'send'>): void {
  useEffect(() => {
    const save = () => lab.send('save-now');
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', save);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', save);
    };
  }, [lab]);
}
