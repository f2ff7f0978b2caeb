// Pool ▸ VM Snapshot Schedules… (XenCenter's VMSS dialog): the pool's
// snapshot schedules with whether each is enabled, its VMs, its schedule, the
// next and last run and the last run's result; New…, Properties, Enable /
// Disable, Run Now and Delete; and the selected schedule's recent history
// (its messages: VMSS_SNAPSHOT_SUCCEEDED / _FAILED …).
import * as Dialog from '@radix-ui/react-dialog';
import { useCallback, useState } from 'react';
import type { RecordOf } from '../../xapi/types';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { formatDateTime } from '../format/datetime';
import { useLab } from '../lab/lab-context';
import { useUi } from '../state/ui-store';
import { useVirtualNow } from '../tabs/use-virtual-time';
import { failureText } from '../wizards/new-sr/new-sr-model';
import { describeSchedule, nextRun, TYPE_LABELS } from '../wizards/new-vmss/vmss-model';
import { BUTTON_DANGER, BUTTON_PRIMARY, BUTTON_SECONDARY, FOOTER, OVERLAY, PANEL } from './dialog-styles';
import { formatDateTime as formatXenDate } from '../../xapi/datetime';
import { historyOf, type HistoryRow } from './vmss-history';

interface Row {
  readonly ref: string;
  readonly record: RecordOf<'VMSS'>;
  readonly vmNames: readonly string[];
  readonly history: readonly HistoryRow[];
}

function rowsOf(cache: ObjectCache): Row[] {
  const rows: Row[] = [];
  for (const [ref, record] of cache.all('VMSS')) {
    const vmNames = record.VMs.map((v) => cache.get('VM', v)?.name_label ?? '')
      .filter((n) => n !== '')
      .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    rows.push({ ref, record, vmNames, history: historyOf(cache, record.uuid) });
  }
  return rows.sort((a, b) => a.record.name_label.localeCompare(b.record.name_label, undefined, { numeric: true }));
}

const sameRows = (a: readonly Row[], b: readonly Row[]) =>
  a.length === b.length && a.every((r, i) => r.record === b[i]?.record && r.vmNames.join() === b[i]?.vmNames.join() && r.history.length === b[i]?.history.length && r.history[0]?.ref === b[i]?.history[0]?.ref);

const CELL = 'px-2 py-1 align-top';

export function VmssListDialog({ onClose }: { onClose: () => void }) {
  const lab = useLab();
  const openDialog = useUi((s) => s.openDialog);
  const rows = useCacheSelector(useCallback((c: ObjectCache) => rowsOf(c), []), sameRows);
  const now = useVirtualNow();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const selected = rows.find((r) => r.ref === chosen) ?? rows[0];

  const act = async (what: () => Promise<unknown>, done?: string) => {
    setError(undefined);
    setNotice(undefined);
    setBusy(true);
    try {
      await what();
      if (done !== undefined) setNotice(done);
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (row: Row) => void act(() => lab.client.call('VMSS.set_enabled', row.ref, !row.record.enabled));
  const runNow = (row: Row) => {
    // The run's snapshots are tasks of their own (Events view) and its result lands in the history: no need to wait here.
    setError(undefined);
    setNotice(`Taking snapshots of the VMs in ${row.record.name_label}.`);
    lab.client.callAsync('VMSS.snapshot_now', row.ref).catch((e: unknown) => setError(failureText(e)));
  };
  const destroy = (row: Row) =>
    void act(async () => {
      // As XenCenter: the VMs leave the schedule first (xapi refuses VMSS.destroy with VMSS_HAS_VM); snapshots already taken stay.
      for (const vm of row.record.VMs) await lab.client.call('VM.set_snapshot_schedule', vm, 'OpaqueRef:NULL');
      await lab.client.callAsync('VMSS.destroy', row.ref);
      setConfirmDelete(false);
      setChosen(undefined);
    });

  const noVms = selected !== undefined && selected.record.VMs.length === 0 ? 'This schedule has no VMs.' : undefined;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[min(60rem,calc(100vw-2rem))]`}>
          <Dialog.Title className="px-5 pt-4 text-base font-semibold">VM Snapshot Schedules</Dialog.Title>
          <Dialog.Description className="px-5 text-[13px] text-slate-700">
            Snapshot schedules take snapshots of their VMs at set times and keep the newest ones. Times are the pool&apos;s (UTC).
          </Dialog.Description>
          <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto px-5 py-3">
            <table className="w-full border border-slate-300 text-left text-[13px]" aria-label="Snapshot schedules">
              <thead className="bg-slate-100 text-xs text-slate-700">
                <tr>
                  <th scope="col" className={CELL}>Name</th>
                  <th scope="col" className={CELL}>Enabled</th>
                  <th scope="col" className={CELL}>VMs</th>
                  <th scope="col" className={CELL}>Schedule</th>
                  <th scope="col" className={CELL}>Type</th>
                  <th scope="col" className={CELL}>Keep</th>
                  <th scope="col" className={CELL}>Next run</th>
                  <th scope="col" className={CELL}>Last result</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={8} className="px-2 py-3 text-slate-600">
                      There are no snapshot schedules in this pool. Click New… to make one.
                    </td>
                  </tr>
                )}
                {rows.map((row) => {
                  const isSelected = row.ref === selected?.ref;
                  const last = row.history[0];
                  const next = row.record.enabled && now !== undefined ? formatDateTime(formatXenDate(nextRun(row.record.frequency, row.record.schedule, now))) : 'Disabled';
                  return (
                    <tr
                      key={row.ref}
                      aria-selected={isSelected}
                      tabIndex={0}
                      className={`cursor-default border-t border-slate-200 ${isSelected ? 'bg-blue-100' : 'hover:bg-slate-50'}`}
                      onClick={() => {
                        setChosen(row.ref);
                        setConfirmDelete(false);
                      }}
                      onKeyDown={(e) => e.key === 'Enter' && openDialog({ kind: 'vmss-properties', ref: row.ref })}
                      onDoubleClick={() => openDialog({ kind: 'vmss-properties', ref: row.ref })}
                    >
                      <td className={`${CELL} font-medium`}>{row.record.name_label}</td>
                      <td className={CELL}>{row.record.enabled ? 'Yes' : 'No'}</td>
                      <td className={CELL}>{row.vmNames.length === 0 ? 'None' : row.vmNames.join(', ')}</td>
                      <td className={CELL}>{describeSchedule(row.record.frequency, row.record.schedule)}</td>
                      <td className={CELL}>{TYPE_LABELS[row.record.type]}</td>
                      <td className={CELL}>{row.record.retained_snapshots}</td>
                      <td className={CELL}>{next}</td>
                      <td className={CELL}>{last === undefined ? 'Not run yet' : `${last.ok ? 'Succeeded' : 'Failed'}, ${formatDateTime(last.time)}`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Snapshot schedule actions">
              <button type="button" className={BUTTON_PRIMARY} onClick={() => openDialog({ kind: 'new-vmss', fromList: true })}>
                New…
              </button>
              <button type="button" className={BUTTON_SECONDARY} disabled={selected === undefined} onClick={() => selected !== undefined && openDialog({ kind: 'vmss-properties', ref: selected.ref })}>
                Properties
              </button>
              <button type="button" className={BUTTON_SECONDARY} disabled={selected === undefined || busy} onClick={() => selected !== undefined && toggle(selected)}>
                {selected?.record.enabled === false ? 'Enable' : 'Disable'}
              </button>
              <button type="button" className={BUTTON_SECONDARY} disabled={selected === undefined || busy || noVms !== undefined} title={noVms} aria-description={noVms} onClick={() => selected !== undefined && runNow(selected)}>
                Run Now
              </button>
              <button type="button" className={BUTTON_SECONDARY} disabled={selected === undefined || busy} onClick={() => setConfirmDelete(true)}>
                Delete
              </button>
              <span className="text-xs text-slate-600" aria-live="polite">
                {notice}
              </span>
            </div>
            {confirmDelete && selected !== undefined && (
              <div role="alertdialog" aria-label="Delete snapshot schedule" className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-[13px]">
                <p>
                  Delete the snapshot schedule <strong>{selected.record.name_label}</strong>? {selected.vmNames.length > 0 ? `Its VMs (${selected.vmNames.join(', ')}) leave it. ` : ''}
                  Snapshots it has already taken are kept.
                </p>
                <div className="mt-2 flex gap-2">
                  <button type="button" className={BUTTON_DANGER} disabled={busy} onClick={() => destroy(selected)}>
                    Delete schedule
                  </button>
                  <button type="button" className={BUTTON_SECONDARY} onClick={() => setConfirmDelete(false)}>
                    Cancel
                  </button>
                </div>
              </div>
            )}
            {error !== undefined && (
              <p role="alert" className="text-[13px] text-red-700">
                {error}
              </p>
            )}
            {selected !== undefined && (
              <section aria-label={`History of ${selected.record.name_label}`}>
                <h3 className="text-[13px] font-semibold text-slate-800">History of {selected.record.name_label}</h3>
                {selected.history.length === 0 ? (
                  <p className="text-xs text-slate-600">No runs yet.</p>
                ) : (
                  <ul className="mt-1 max-h-32 overflow-auto text-xs">
                    {selected.history.slice(0, 10).map((h) => (
                      <li key={h.ref} className={h.ok ? 'text-slate-700' : 'text-red-800'}>
                        {formatDateTime(h.time)} — {h.text}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )}
          </div>
          <div className={FOOTER}>
            <Dialog.Close className={BUTTON_SECONDARY}>Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
