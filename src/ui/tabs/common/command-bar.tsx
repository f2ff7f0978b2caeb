// A tab's buttons under its list (XenCenter's Storage and Networking tab
// buttons): each enabled by its check of the cache for the owner object and
// the selected row, disabled with the reason (as a tooltip and for a screen
// reader), and re-rendered only when a state changes.
import { useCallback } from 'react';
import type { CanRun } from '../../actions/action-types';
import { useMakeActionContext } from '../../actions/use-actions';
import type { ObjectCache } from '../../cache/object-cache';
import { useCacheSelector } from '../../cache/use-cache';
import { BUTTON_SECONDARY } from '../../dialogs/dialog-styles';
import type { TabCommand } from './tab-command';

function sameStates(a: readonly CanRun[], b: readonly CanRun[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return y !== undefined && x.ok === y.ok && (x.ok || y.ok || x.reason === y.reason);
  });
}

export function CommandBar({ label, commands, owner, row }: { label: string; commands: readonly TabCommand[]; owner: string; row: string | undefined }) {
  const select = useCallback((c: ObjectCache) => commands.map((cmd) => cmd.check(c, owner, row)), [commands, owner, row]);
  const states = useCacheSelector(select, sameStates);
  const makeContext = useMakeActionContext();
  return (
    <div role="toolbar" aria-label={label} className="mt-2 flex flex-wrap gap-2">
      {commands.map((cmd, i) => {
        const state = states[i];
        const reason = state === undefined || state.ok ? undefined : state.reason;
        return (
          <button
            key={cmd.id}
            type="button"
            className={BUTTON_SECONDARY}
            aria-disabled={reason !== undefined || undefined}
            aria-description={reason}
            title={reason}
            onClick={() => {
              if (reason === undefined) cmd.run(makeContext([owner]), owner, row ?? '');
            }}
          >
            {cmd.label}
          </button>
        );
      })}
    </div>
  );
}
