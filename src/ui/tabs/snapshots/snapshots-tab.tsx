// The VM's Snapshots tab: XenCenter's tree view (snapshots by parent, with
// "Now" where the VM stands) and its list view (name, time, type,
// description, size on storage). Read-only until the engine serves
// VM.snapshot/checkpoint/revert; the actions come with them.
import { useCallback, useState } from 'react';
import type { ObjectCache } from '../../cache/object-cache';
import { useCacheSelector } from '../../cache/use-cache';
import { formatBytes } from '../../format/bytes';
import { formatDateTime } from '../../format/datetime';
import { sameRows } from '../common/rows';
import { DataTable, Td, Th, Tr } from '../common/table';
import { snapshotRows, snapshotTree, type SnapshotNode, type SnapshotRow } from './snapshot-rows';

type View = 'tree' | 'list';

export function SnapshotsTab({ vmRef }: { vmRef: string }) {
  const [view, setView] = useState<View>('tree');
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="View" className="flex gap-1">
        {(['tree', 'list'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} className={`rounded-sm border px-2 py-0.5 text-[13px] ${view === v ? 'border-sky-600 bg-sky-100' : 'border-slate-300 bg-white hover:bg-slate-100'}`}>
            {v === 'tree' ? 'Tree View' : 'List View'}
          </button>
        ))}
      </div>
      {view === 'tree' ? <SnapshotTreeView vmRef={vmRef} /> : <SnapshotListView vmRef={vmRef} />}
    </div>
  );
}

function SnapshotListView({ vmRef }: { vmRef: string }) {
  const select = useCallback((c: ObjectCache) => snapshotRows(c, vmRef), [vmRef]);
  const rows = useCacheSelector(select, sameRows);
  return (
    <DataTable caption="Snapshots" columns={['Name', 'Time', 'Type', 'Description', { label: 'Size on storage', numeric: true }]} empty="This VM has no snapshots.">
      {rows.map((r) => (
        <Tr key={r.ref}>
          <Th>
            {r.name}
            {r.scheduled ? <span className="ml-1 text-[11px] text-slate-500">(scheduled)</span> : null}
          </Th>
          <Td nowrap>{formatDateTime(r.time)}</Td>
          <Td nowrap>{r.type}</Td>
          <Td>{r.description}</Td>
          <Td nowrap numeric>
            {formatBytes(r.sizeOnStorage)}
          </Td>
        </Tr>
      ))}
    </DataTable>
  );
}

const sameNodes = (a: readonly SnapshotNode[], b: readonly SnapshotNode[]) =>
  a.length === b.length && a.every((n, i) => n.ref === b[i]?.ref && n.depth === b[i]?.depth && n.row === b[i]?.row);

function SnapshotTreeView({ vmRef }: { vmRef: string }) {
  const select = useCallback((c: ObjectCache) => snapshotTree(c, vmRef), [vmRef]);
  const nodes = useCacheSelector(select, sameNodes);
  return (
    <div className="rounded-sm border border-slate-300 bg-white p-2">
      <ul role="tree" aria-label="Snapshot tree" className="text-[13px]">
        {nodes.map((n) => (
          <li key={n.ref} role="treeitem" aria-selected={false} aria-level={n.depth + 1} aria-label={n.now ? 'Now' : n.row?.name} style={{ paddingLeft: `${n.depth * 28}px` }} className="flex items-center gap-2 py-1">
            {n.depth > 0 ? <span aria-hidden className="inline-block h-3 w-4 border-b border-l border-slate-400" /> : null}
            {n.now || n.row === undefined ? <NowMarker /> : <SnapshotLabel row={n.row} />}
          </li>
        ))}
      </ul>
      {nodes.length <= 1 ? <p className="mt-2 text-[13px] text-slate-500">This VM has no snapshots.</p> : null}
    </div>
  );
}

function NowMarker() {
  return <span className="rounded-sm bg-sky-700 px-2 py-0.5 text-[12px] font-semibold text-white">Now</span>;
}

function SnapshotLabel({ row }: { row: SnapshotRow }) {
  const memory = row.type === 'Disks and memory';
  return (
    <span className="flex items-center gap-1.5" title={`${row.type}, ${formatDateTime(row.time)}`}>
      {/* Disk-only vs disk+memory, as XenCenter's two snapshot icons; a clock for scheduled ones. */}
      <span aria-hidden className={`inline-flex h-4 w-4 items-center justify-center rounded-sm text-[10px] font-bold text-white ${memory ? 'bg-emerald-600' : 'bg-slate-500'}`}>
        {memory ? 'M' : 'D'}
      </span>
      <span>{row.name}</span>
      <span className="text-[11px] text-slate-500">
        {formatDateTime(row.time)} · {row.type}
        {row.scheduled ? ' · scheduled' : ''}
      </span>
    </span>
  );
}
