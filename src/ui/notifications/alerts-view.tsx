// XenCenter's Alerts view: the pool's XenAPI messages by severity, with
// Dismiss (message.destroy where the server has it; else hidden in this
// console only) and a severity filter.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { create } from 'zustand';
import { isXenApiError } from '../../xapi/errors';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { formatDateTime } from '../format/datetime';
import { useLab } from '../lab/lab-context';
import { nameByUuid } from './message-objects';
import { buildAlertRows, SEVERITIES, type AlertRow, type Severity, type SeverityFilter } from './alert-list';
import { NotificationsHeader } from './notifications-header';
import { BUTTON } from './event-row';
import { showToast } from './toast-store';

/** Alerts dismissed where the server cannot destroy messages. */
const useHiddenAlerts = create<{ readonly hidden: Readonly<Record<string, true>> }>(() => ({ hidden: {} }));

function sameRows(a: readonly AlertRow[], b: readonly AlertRow[]): boolean {
  return a.length === b.length && a.every((r, i) => {
    const o = b[i];
    return o !== undefined && r.ref === o.ref && r.title === o.title && r.body === o.body && r.objectName === o.objectName && r.source === o.source && r.timestamp === o.timestamp && r.severity === o.severity;
  });
}

const SEVERITY_STYLE: Readonly<Record<Severity, { icon: string; className: string }>> = {
  Critical: { icon: '⛔', className: 'text-red-800' },
  Major: { icon: '▲', className: 'text-red-800' },
  Warning: { icon: '▲', className: 'text-amber-800' },
  Minor: { icon: '●', className: 'text-blue-800' },
  Information: { icon: 'ℹ', className: 'text-blue-800' },
};

function useDestroyAvailable(): boolean {
  const lab = useLab();
  const methods = useQuery({
    queryKey: ['system', 'listMethods'],
    queryFn: () => lab.client.call<readonly string[]>('system.listMethods'),
    staleTime: Infinity,
  });
  return methods.data?.includes('message.destroy') ?? false;
}

export function AlertsView() {
  const lab = useLab();
  const hidden = useHiddenAlerts((s) => s.hidden);
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const canDestroy = useDestroyAvailable();
  const filterId = useId();

  const selectAll = useCallback(
    (cache: ObjectCache) => {
      const pool = cache.all('pool').values().next().value;
      return buildAlertRows(cache.all('message'), nameByUuid(cache), pool?.name_label ?? '', hidden, 'all');
    },
    [hidden],
  );
  const all = useCacheSelector(selectAll, sameRows);
  const rows = filter === 'all' ? all : all.filter((r) => r.severity === filter);

  const dismiss = async (refs: readonly string[]) => {
    if (!canDestroy) {
      useHiddenAlerts.setState((s) => ({ hidden: { ...s.hidden, ...Object.fromEntries(refs.map((r) => [r, true as const])) } }));
      return;
    }
    for (const ref of refs) {
      try {
        await lab.client.call('message.destroy', ref);
      } catch (e) {
        if (isXenApiError(e) && e.code === 'HANDLE_INVALID') continue; // already gone
        showToast({ kind: 'error', title: 'Could not dismiss the alert', detail: e instanceof Error ? e.message : String(e), ...(isXenApiError(e) ? { code: e.code } : {}) });
        return;
      }
    }
  };

  return (
    <section aria-labelledby={`${filterId}-title`} className="flex min-h-0 flex-1 flex-col">
      <NotificationsHeader id={`${filterId}-title`} title="Alerts" summary={`${String(all.length)} ${all.length === 1 ? 'alert' : 'alerts'} · Notifications`}>
        <label htmlFor={filterId}>Filter by severity</label>
        <select
          id={filterId}
          value={filter}
          onChange={(e) => setFilter(e.target.value as SeverityFilter)}
          className="rounded-sm border border-slate-400 bg-white px-1 py-0.5"
        >
          <option value="all">All</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        {rows.length !== all.length && <span className="text-slate-700">{`${String(rows.length)} of ${String(all.length)} shown`}</span>}
        <button type="button" className={`${BUTTON} ml-auto`} disabled={rows.length === 0} onClick={() => void dismiss(rows.map((r) => r.ref))}>
          Dismiss all
        </button>
      </NotificationsHeader>
      <div className="min-h-0 flex-1 overflow-auto bg-white">
        {rows.length === 0 ? (
          <p className="p-4 text-slate-700">{all.length === 0 ? 'There are no alerts' : 'No alerts match the filter'}</p>
        ) : (
          <table aria-label="Alerts" className="w-full table-fixed border-collapse text-xs">
            <colgroup>
              <col />
              <col className="w-44" />
              <col className="w-44" />
              <col className="w-24" />
            </colgroup>
            <thead className="sticky top-0 bg-slate-100 text-left">
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-2 py-1 font-medium">Message</th>
                <th scope="col" className="px-2 py-1 font-medium">Server/Pool</th>
                <th scope="col" className="px-2 py-1 font-medium">Date</th>
                <th scope="col" className="px-2 py-1 font-medium">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const style = SEVERITY_STYLE[row.severity];
                return (
                  <tr key={row.ref} className="border-b border-slate-200 align-top hover:bg-slate-50">
                    <td className="px-2 py-1.5">
                      <div className="flex items-baseline gap-1.5">
                        <span className={`shrink-0 font-medium ${style.className}`}>
                          <span aria-hidden="true">{style.icon} </span>
                          {row.severity}
                        </span>
                        <span className="font-medium">{row.title}</span>
                        {row.objectName !== '' && <span className="text-slate-700">— {row.objectName}</span>}
                      </div>
                      {row.body !== '' && <p className="mt-0.5 break-words whitespace-pre-wrap text-slate-800">{row.body}</p>}
                    </td>
                    <td className="px-2 py-1.5 break-words">{row.source}</td>
                    <td className="px-2 py-1.5 tabular-nums">{formatDateTime(row.timestamp)}</td>
                    <td className="px-2 py-1.5">
                      <button type="button" className={BUTTON} onClick={() => void dismiss([row.ref])}>
                        Dismiss
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
