// What can be done to a lab machine without XenServer (bare or installing),
// written once for its right pane and its tree row's context menu: install
// XenServer (or watch the installer already running) and switch it on or off
// (not while the installer runs: XenCenter's Power On/Shut Down are for
// servers; a bare machine's power button is the lab's).
import type { MachineView } from '../../xapi/simulator/lab-view';

export type MachineCommand = { readonly id: 'install'; readonly label: string } | { readonly id: 'power'; readonly label: string; readonly on: boolean };

export function machineCommands(m: Pick<MachineView, 'state' | 'power'>): MachineCommand[] {
  const install: MachineCommand = { id: 'install', label: m.state === 'installing' ? 'Show installer' : 'Install XenServer…' };
  if (m.state === 'installing') return [install];
  return [install, { id: 'power', label: m.power === 'on' ? 'Power Off' : 'Power On', on: m.power !== 'on' }];
}
