// The console's keyboard shortcuts, listened for on the document (not while
// typing in a text field, nor behind an open dialog). A key press runs the
// first action with that shortcut that can run (Ctrl+Y: Suspend, else
// Resume). The browser keeps a key when no action applies to the selection
// (Ctrl+R reloads the page unless a VM is selected).
import { useEffect } from 'react';
import { SHORTCUT_ACTIONS } from '../actions/registry';
import { useRunAction } from '../actions/use-actions';
import { useLab } from '../lab/lab-context';
import { useUi } from '../state/ui-store';
import { isTypingTarget, matchesShortcut } from './shortcuts';

export function useGlobalShortcuts(): void {
  const run = useRunAction();
  const lab = useLab();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const ui = useUi.getState();
      if (ui.dialog !== undefined) return;
      const matching = SHORTCUT_ACTIONS.filter((a) => a.shortcut !== undefined && matchesShortcut(event, a.shortcut));
      const relevant = matching.filter((a) => a.appliesTo(ui.place.selection, lab.cache));
      if (relevant.length === 0) return;
      event.preventDefault();
      if (event.repeat) return;
      for (const action of relevant) if (run(action)) return;
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [run, lab]);
}
