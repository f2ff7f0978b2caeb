// One task in the Events view: object, action (friendly title and raw
// method), status with a progress bar while it runs, start time, duration,
// the error explained when it failed, and Cancel / Dismiss / Go to object.
import { memo, useCallback, useState } from 'react';
import type { ClassName } from '../../xapi/datamodel/classes';
import { isXenApiError } from '../../xapi/errors';
import { isOpaqueRef } from '../../xapi/refs';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector, useObject } from '../cache/use-cache';
import { formatDateTime } from '../format/datetime';
import { useLab } from '../lab/lab-context';
import { useUi } from '../state/ui-store';
import {
  actionTitle,
  durationSeconds,
  explainError,
  formatDuration,
  isRunning,
  statusWord,
  taskMethod,
  type TaskStatusWord,
} from './task-display';
import { TaskError } from './task-error';
import type { TaskEntry } from './task-log';
import { dismissTaskEntries } from './task-log-store';
import { showToast } from './toast-store';

const STATUS_STYLE: Readonly<Record<TaskStatusWord, { icon: string; className: string }>> = {
  'In progress': { icon: '◔', className: 'text-blue-800' },
  Canceling: { icon: '◔', className: 'text-amber-800' },
  Complete: { icon: '✓', className: 'text-green-800' },
  Error: { icon: '✕', className: 'text-red-800' },
  Canceled: { icon: '⊘', className: 'text-slate-700' },
  Incomplete: { icon: '?', className: 'text-amber-800' },
};

export const BUTTON =
  'rounded-sm border border-slate-400 bg-white px-2 py-0.5 text-xs text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:cursor-default disabled:border-slate-300 disabled:text-slate-500 disabled:hover:bg-white';

/** Classes a task's object can be, in the order a failed call's error params are searched. */
const OBJECT_CLASSES = ['VM', 'host', 'SR', 'VDI', 'pool', 'network'] as const;

/**
 * The task's object: the one whose current_operations held it, else (a call
 * refused before it began) the first object its error names, e.g. the VM in
 * VM_BAD_POWER_STATE. Its live name, or the name it had when last seen.
 */
function useTaskObject(entry: TaskEntry): { ref: string | undefined; name: string; exists: boolean } {
  const known = entry.object;
  const params = known === undefined ? entry.task.error_info.slice(1).join('\n') : '';
  // First the object's class and ref (a string: stable between renders), then its record.
  const locate = useCallback(
    (cache: ObjectCache) => {
      if (known !== undefined) return `${known.cls}\n${known.ref}`;
      for (const value of params.split('\n')) {
        if (!isOpaqueRef(value)) continue;
        const cls = OBJECT_CLASSES.find((c) => cache.get(c, value) !== undefined);
        if (cls !== undefined) return `${cls}\n${value}`;
      }
      return undefined;
    },
    [known, params],
  );
  const where = useCacheSelector(locate)?.split('\n');
  const rec = useObject((where?.[0] ?? 'VM') as ClassName, where?.[1]) as Named | undefined;
  const live = rec?.name_label;
  return { ref: where?.[1], name: typeof live === 'string' ? live : (known?.name ?? ''), exists: rec !== undefined };
}

type Named = { readonly name_label?: unknown };

function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="flex items-center gap-1.5">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2.5 w-24 overflow-hidden rounded-sm border border-slate-400 bg-white"
      >
        <div className="h-full bg-green-600 transition-[width]" style={{ width: `${String(pct)}%` }} />
      </div>
      <span className="tabular-nums text-slate-700">{pct}%</span>
    </div>
  );
}

export const EventRow = memo(function EventRow({ entry }: { entry: TaskEntry }) {
  const lab = useLab();
  const [busy, setBusy] = useState(false);
  const { task } = entry;
  const { ref: objectRef, name, exists } = useTaskObject(entry);
  const title = actionTitle(task.name_label);
  const status = statusWord(entry);
  const running = isRunning(entry);
  const duration = durationSeconds(entry);
  const error = status === 'Error' ? explainError(task.error_info) : undefined;
  const style = STATUS_STYLE[status];
  const what = name === '' ? title : `${title} ${name}`;

  const fail = (doing: string, e: unknown) =>
    showToast({
      kind: 'error',
      title: `Could not ${doing}`,
      detail: e instanceof Error ? e.message : String(e),
      ...(isXenApiError(e) ? { code: e.code } : {}),
    });

  const cancel = async () => {
    setBusy(true);
    try {
      await lab.client.call('task.cancel', entry.ref);
    } catch (e) {
      fail(`cancel “${what}”`, e);
    } finally {
      setBusy(false);
    }
  };

  const dismiss = async () => {
    dismissTaskEntries([entry.ref]);
    if (entry.gone || lab.cache.get('task', entry.ref) === undefined) return;
    try {
      await lab.client.call('task.destroy', entry.ref);
    } catch {
      // Already destroyed by whoever followed it: nothing left to clean up.
    }
  };

  const goTo = () => {
    if (objectRef === undefined) return;
    useUi.getState().navigate({ view: 'infrastructure', selection: [objectRef], tab: undefined });
  };

  return (
    <tr className="border-b border-slate-200 align-top hover:bg-slate-50">
      <td className="px-2 py-1.5 break-words">{name === '' ? <span className="text-slate-600">—</span> : name}</td>
      <td className="px-2 py-1.5">
        <div>{title}</div>
        <div className="font-mono text-[11px] text-slate-600">{taskMethod(task.name_label)}</div>
        {error !== undefined && <TaskError error={error} />}
      </td>
      <td className="px-2 py-1.5">
        <div className={`flex items-center gap-1 font-medium ${style.className}`}>
          <span aria-hidden="true">{style.icon}</span>
          {status}
        </div>
        {running && <ProgressBar value={task.progress} label={`Progress of ${what}`} />}
      </td>
      <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">{formatDateTime(task.created)}</td>
      <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">{duration === undefined ? '—' : formatDuration(duration)}</td>
      <td className="px-2 py-1.5">
        <div className="flex flex-wrap gap-1">
          {running && (
            <button
              type="button"
              className={BUTTON}
              disabled={busy || task.status !== 'pending' || !task.allowed_operations.includes('cancel')}
              title={task.allowed_operations.includes('cancel') ? undefined : 'This task cannot be canceled'}
              onClick={() => void cancel()}
            >
              Cancel
            </button>
          )}
          {!running && (
            <button type="button" className={BUTTON} onClick={() => void dismiss()}>
              Dismiss
            </button>
          )}
          <button type="button" className={BUTTON} disabled={!exists} onClick={goTo}>
            Go to object
          </button>
        </div>
      </td>
    </tr>
  );
});
