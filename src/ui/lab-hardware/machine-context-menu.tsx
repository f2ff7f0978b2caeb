// The context menu of a lab machine's tree row (bare or installing): the same
// commands as its right pane (machine-commands), so a learner can right-click
// (or Shift+F10) a bare machine and install XenServer or power it on, as they
// would a server in XenCenter.
import * as ContextMenu from '@radix-ui/react-context-menu';
import { MENU_ITEM } from '../actions/menu-kit';
import { machineCommands } from './machine-commands';
import { useLabView } from './use-lab-view';
import { useMachineCommand } from './use-machine-command';

export function MachineMenuContent({ machineId }: { machineId: string }) {
  const m = useLabView()?.machines.find((x) => x.id === machineId);
  const runCommand = useMachineCommand();
  if (m === undefined || m.state === 'installed') return <p className="px-3 py-1 text-slate-500">This machine now runs XenServer: add it with Add Server.</p>;
  return (
    <>
      {machineCommands(m).map((command) => (
        // A failed power switch shows its error in the machine's pane (selected with the right-click).
        <ContextMenu.Item key={command.id} className={MENU_ITEM} onSelect={() => void runCommand(m.id, command)}>
          <span className="w-4" />
          <span>{command.label}</span>
        </ContextMenu.Item>
      ))}
    </>
  );
}
