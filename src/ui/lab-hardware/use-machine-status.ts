// A lab machine's state in words ("Bare, off", "Installing (42%)") for its
// tree row's description; polls the lab only for rows that are machines.
import { useQuery } from '@tanstack/react-query';
import type { LabView } from '../../xapi/simulator/lab-view';
import { useLab } from '../lab/lab-context';
import { machineState } from './machine-words';
import { labViewKey } from './use-lab-view';

export function useMachineStatus(machineId: string | undefined): string | undefined {
  const lab = useLab();
  const query = useQuery({
    queryKey: labViewKey,
    queryFn: () => lab.client.call<LabView>('Simulator.get_lab'),
    refetchInterval: 700,
    enabled: machineId !== undefined,
  });
  const m = machineId === undefined ? undefined : query.data?.machines.find((x) => x.id === machineId);
  if (m === undefined) return undefined;
  return m.state === 'installing' ? machineState(m) : `${machineState(m)}, powered ${m.power}`;
}
