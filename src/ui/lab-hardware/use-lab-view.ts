// The lab's hardware (bare machines, PXE service, the console's servers) as
// Simulator.get_lab answers it. Not XenAPI, so not in the event stream: the
// console polls it while a lab dialog is open.
import { useQuery } from '@tanstack/react-query';
import type { LabView } from '../../xapi/simulator/lab-view';
import { useLab } from '../lab/lab-context';

export const labViewKey = ['simulator', 'get_lab'] as const;

export function useLabView(): LabView | undefined {
  const lab = useLab();
  const query = useQuery({
    queryKey: labViewKey,
    queryFn: () => lab.client.call<LabView>('Simulator.get_lab'),
    refetchInterval: 700,
  });
  return query.data;
}
