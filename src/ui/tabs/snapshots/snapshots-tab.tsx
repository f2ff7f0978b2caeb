// The VM's Snapshots tab (XenCenter's SnapshotsPage): the command bar (Take
// Snapshot, Revert To…, Actions ▾, Delete), the view — Tree View (snapshots
// by parent, with "Now" where the VM stands) or List View — with its own
// selection and context menu, a "Scheduled Snapshots" switch (XenCenter's
// View menu can hide them), and the details of what is selected.
import { useCallback, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { revertToSnapshot, deleteSnapshot } from '../../actions/snapshot-actions';
import { useRunAction } from '../../actions/use-actions';
import type { ObjectCache } from '../../cache/object-cache';
import { useCacheSelector } from '../../cache/use-cache';
import { sameRows } from '../common/rows';
import { SnapshotButtons, SnapshotContextMenu, SnapshotPropertiesButton } from './snapshot-commands';
import { SnapshotDetails } from './snapshot-details';
import { SnapshotListView } from './snapshot-list-view';
import { snapshotRows, snapshotTree, type SnapshotNode } from './snapshot-rows';
import { NO_SELECTION, clickSelect, keySelect, pruneSelection, type SnapshotSelection } from './snapshot-selection';
import { SnapshotTreeView } from './snapshot-tree-view';

type View = 'tree' | 'list';

const sameNodes = (a: readonly SnapshotNode[], b: readonly SnapshotNode[]) =>
  a.length === b.length && a.every((n, i) => n.ref === b[i]?.ref && n.depth === b[i]?.depth && n.row === b[i]?.row && n.last === b[i]?.last && n.guides === b[i]?.guides);

/** What the VM is doing to its snapshots right now, for the Now marker (XenCenter's "Snapshotting…"). */
function busyWords(cache: ObjectCache, vmRef: string): string | undefined {
  const ops = Object.values(cache.get('VM', vmRef)?.current_operations ?? {});
  if (ops.includes('snapshot') || ops.includes('checkpoint')) return 'Taking a snapshot…';
  if (ops.includes('revert')) return 'Reverting…';
  return undefined;
}

export function SnapshotsTab({ vmRef }: { vmRef: string }) {
  const [view, setView] = useState<View>('tree');
  const [showScheduled, setShowScheduled] = useState(true);
  const [selection, setSelection] = useState<SnapshotSelection>(NO_SELECTION);
  const run = useRunAction();

  const selectRows = useCallback((c: ObjectCache) => snapshotRows(c, vmRef, showScheduled), [vmRef, showScheduled]);
  const rows = useCacheSelector(selectRows, sameRows);
  const selectNodes = useCallback((c: ObjectCache) => snapshotTree(c, vmRef, showScheduled), [vmRef, showScheduled]);
  const nodes = useCacheSelector(selectNodes, sameNodes);
  const selectBusy = useCallback((c: ObjectCache) => busyWords(c, vmRef), [vmRef]);
  const busy = useCacheSelector(selectBusy);

  // Display order of what can be selected (the tree's order, or the list's).
  const order = useMemo(() => (view === 'tree' ? nodes.filter((n) => !n.now).map((n) => n.ref) : rows.map((r) => r.ref)), [view, nodes, rows]);
  // A deleted (or hidden) snapshot leaves the selection.
  const sel = pruneSelection(selection, order);
  const selected = sel.refs;

  const focus = (ref: string) => document.querySelector<HTMLElement>(`[data-snapshot-ref="${CSS.escape(ref)}"]`)?.focus();
  const onClick = (ref: string, e: MouseEvent) => setSelection(clickSelect(sel, ref, order, { ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey }));
  const onOpen = (ref: string) => run(revertToSnapshot, [ref]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && selected.length === 1) {
      e.preventDefault();
      run(revertToSnapshot, selected);
      return;
    }
    if (e.key === 'Delete' && selected.length > 0) {
      e.preventDefault();
      run(deleteSnapshot, selected);
      return;
    }
    const next = keySelect(sel, e.key, order);
    if (next === undefined) return;
    e.preventDefault();
    setSelection(next);
    if (next.anchor !== undefined) focus(next.anchor);
  };
  // Right-click on an unselected snapshot selects it first; on empty space, clears the selection.
  const onOpenAt = (ref: string | undefined) => {
    if (ref === undefined) setSelection(NO_SELECTION);
    else if (!selected.includes(ref)) setSelection({ refs: [ref], anchor: ref });
  };
  const viewProps = { selected, onClick, onKey, onOpen };
  const only = selected.length === 1 ? selected[0] : undefined;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SnapshotButtons vmRef={vmRef} selected={selected} />
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-1 text-[13px]">
            <input type="checkbox" checked={showScheduled} onChange={(e) => setShowScheduled(e.target.checked)} />
            Scheduled Snapshots
          </label>
          <div role="group" aria-label="View" className="flex gap-1">
            {(['tree', 'list'] as const).map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} className={`rounded-sm border px-2 py-0.5 text-[13px] ${view === v ? 'border-sky-600 bg-sky-100' : 'border-slate-300 bg-white hover:bg-slate-100'}`}>
                {v === 'tree' ? 'Tree View' : 'List View'}
              </button>
            ))}
          </div>
        </div>
      </div>
      <div className="flex items-start gap-2">
        <SnapshotContextMenu vmRef={vmRef} selected={selected} onOpenAt={onOpenAt}>
          <div className="min-h-48 min-w-0 flex-1 overflow-auto rounded-sm border border-slate-300 bg-white p-2">
            {view === 'tree' ? <SnapshotTreeView nodes={nodes} busy={busy} {...viewProps} /> : <SnapshotListView rows={rows} {...viewProps} />}
            {view === 'tree' && nodes.length <= 1 && <p className="mt-2 text-[13px] text-slate-500">This VM has no snapshots. Take Snapshot saves its disks (and memory, if it is running) so you can come back to this moment.</p>}
          </div>
        </SnapshotContextMenu>
        <SnapshotDetails refs={selected} properties={only === undefined ? null : <SnapshotPropertiesButton snapRef={only} />} />
      </div>
    </div>
  );
}
