// Which buttons the toolbar shows for a selection, by XenCenter's rules
// (MainWindow.UpdateToolbarsCore): Back and Forward; Start, Shut Down,
// Reboot always; Force Shut Down and Force Reboot only when the clean
// operation is not allowed but the forced one can run; Resume in place of
// Suspend when it can run. New VM sits between them, as in XenCenter's
// "New" group.
import type { Action, CacheReader, CanRun, HistoryState } from './action-types';
import { goBack, goForward } from './nav-actions';
import { newVm } from './vm-create-actions';
import { forceRebootVm, forceShutDownVm, rebootVm, resumeVm, showForcedOnToolbar, shutDownVm, startVm, suspendVm } from './vm-power-actions';

export interface ToolbarButtonModel {
  readonly action: Action;
  readonly state: CanRun;
}

export interface ToolbarModel {
  readonly history: readonly ToolbarButtonModel[];
  /** XenCenter's "New …" group (New VM). */
  readonly create: readonly ToolbarButtonModel[];
  readonly power: readonly ToolbarButtonModel[];
}

export function toolbarModel(selection: readonly string[], cache: CacheReader, history: HistoryState): ToolbarModel {
  const at = (action: Action): ToolbarButtonModel => ({ action, state: action.canRun(selection, cache, history) });
  const power: ToolbarButtonModel[] = [at(startVm), at(shutDownVm)];
  if (showForcedOnToolbar(selection, cache, 'clean_shutdown', forceShutDownVm)) power.push(at(forceShutDownVm));
  power.push(at(rebootVm));
  if (showForcedOnToolbar(selection, cache, 'clean_reboot', forceRebootVm)) power.push(at(forceRebootVm));
  const resume = at(resumeVm);
  power.push(resume.state.ok ? resume : at(suspendVm));
  return { history: [at(goBack), at(goForward)], create: [at(newVm)], power };
}

function sameButtons(a: readonly ToolbarButtonModel[], b: readonly ToolbarButtonModel[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      if (y === undefined || x.action !== y.action || x.state.ok !== y.state.ok) return false;
      return x.state.ok || y.state.ok || x.state.reason === y.state.reason;
    })
  );
}

export function sameToolbar(a: ToolbarModel, b: ToolbarModel): boolean {
  return sameButtons(a.history, b.history) && sameButtons(a.create, b.create) && sameButtons(a.power, b.power);
}
