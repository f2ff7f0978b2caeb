// Runs a lab machine command: the installer opens as a dialog; the power
// switch is Simulator.set_machine_power (its error, if any, in words).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isXenApiError } from '../../xapi/errors';
import { useLab } from '../lab/lab-context';
import { useUi } from '../state/ui-store';
import type { MachineCommand } from './machine-commands';
import { labViewKey } from './use-lab-view';

export function errorWords(e: unknown): string {
  return isXenApiError(e) ? `${e.code}: ${e.params.join(' ')}` : String(e);
}

/** Run a command on a machine; resolves to an error in words, or undefined when it worked. */
export function useMachineCommand(): (machineId: string, command: MachineCommand) => Promise<string | undefined> {
  const lab = useLab();
  const openDialog = useUi((s) => s.openDialog);
  const queries = useQueryClient();
  return useCallback(
    async (machineId, command) => {
      if (command.id === 'install') {
        openDialog({ kind: 'installer', machine: machineId });
        return undefined;
      }
      try {
        await lab.client.call('Simulator.set_machine_power', machineId, command.on);
        // Show the new power state now rather than at the next poll.
        void queries.invalidateQueries({ queryKey: labViewKey });
        return undefined;
      } catch (e) {
        return errorWords(e);
      }
    },
    [lab, openDialog, queries],
  );
}
