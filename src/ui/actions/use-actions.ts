// React glue for the registry: the live enabled/disabled state of a list of
// actions for the current selection (re-rendering only when one changes),
// and a runner that builds an action's context at the moment it runs.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { useUi } from '../state/ui-store';
import type { Action, ActionContext, CanRun, HistoryState } from './action-types';

function sameStates(a: readonly CanRun[], b: readonly CanRun[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || x.ok !== y.ok) return false;
    if (!x.ok && !y.ok && x.reason !== y.reason) return false;
  }
  return true;
}

export function useHistoryState(): HistoryState {
  const canGoBack = useUi((s) => s.back.length > 0);
  const canGoForward = useUi((s) => s.forward.length > 0);
  return useMemo(() => ({ canGoBack, canGoForward }), [canGoBack, canGoForward]);
}

/** Each action's CanRun for the selection (the tree's, unless given), in the order given. */
export function useActionStates(actions: readonly Action[], selection?: readonly string[]): readonly CanRun[] {
  const treeSelection = useUi((s) => s.place.selection);
  const refs = selection ?? treeSelection;
  const history = useHistoryState();
  const select = useCallback((cache: ObjectCache) => actions.map((a) => a.canRun(refs, cache, history)), [actions, refs, history]);
  return useCacheSelector(select, sameStates);
}

/** Builds an action's context at the moment it runs (the lab's current client, the selection then). */
export function useMakeActionContext(): (selection?: readonly string[]) => ActionContext {
  const lab = useLab();
  const queryClient = useQueryClient();
  return useCallback(
    (selection) => {
      const ui = useUi.getState();
      return {
        api: lab.client,
        queryClient,
        cache: lab.cache,
        selection: selection ?? ui.place.selection,
        ui: { openDialog: ui.openDialog, goBack: ui.goBack, goForward: ui.goForward },
      };
    },
    [lab, queryClient],
  );
}

export type RunAction = (action: Action, selection?: readonly string[]) => boolean;

/** Run an action on the selection (the tree's, unless given); false when it cannot run now. */
export function useRunAction(): RunAction {
  const makeContext = useMakeActionContext();
  return useCallback(
    (action, selection) => {
      const context = makeContext(selection);
      const ui = useUi.getState();
      const history = { canGoBack: ui.back.length > 0, canGoForward: ui.forward.length > 0 };
      if (!action.canRun(context.selection, context.cache, history).ok) return false;
      action.run(context);
      return true;
    },
    [makeContext],
  );
}
