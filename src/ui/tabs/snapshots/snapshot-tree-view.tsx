// The Tree View of the Snapshots tab: XenCenter's snapshot graph as an
// outline — each snapshot under the one it was taken after (VM.parent), with
// connector lines, its disk-only / disk-and-memory / scheduled icon, and the
// "Now" marker where the VM stands (what it is doing, while a snapshot or a
// revert runs). Snapshots select like a list; Now does not. Double-click or
// Enter reverts (XenCenter's double-click), Delete deletes.
import type { KeyboardEvent, MouseEvent } from 'react';
import { formatBytes } from '../../format/bytes';
import { formatDateTime } from '../../format/datetime';
import { NowIcon, SnapshotIcon } from './snapshot-icons';
import type { SnapshotNode, SnapshotRow } from './snapshot-rows';

const STEP = 24;

export interface SnapshotViewProps {
  readonly selected: readonly string[];
  readonly onClick: (ref: string, event: MouseEvent) => void;
  readonly onKey: (event: KeyboardEvent) => void;
  readonly onOpen: (ref: string) => void;
}

/** The lines left of a node: a vertical line for each ancestor with later siblings, then its own elbow. */
function Connectors({ node }: { node: SnapshotNode }) {
  if (node.depth === 0) return null;
  return (
    <span aria-hidden className="relative inline-block h-7 shrink-0" style={{ width: node.depth * STEP }}>
      {[...node.guides].map((g, i) => (g === '|' ? <span key={i} className="absolute top-0 h-7 border-l border-slate-400" style={{ left: i * STEP + STEP / 2 }} /> : null))}
      <span className="absolute top-0 h-3.5 border-l border-slate-400" style={{ left: (node.depth - 1) * STEP + STEP / 2 }} />
      {!node.last && <span className="absolute top-3.5 h-3.5 border-l border-slate-400" style={{ left: (node.depth - 1) * STEP + STEP / 2 }} />}
      <span className="absolute top-3.5 border-t border-slate-400" style={{ left: (node.depth - 1) * STEP + STEP / 2, width: STEP / 2 }} />
    </span>
  );
}

function SnapshotLabel({ row }: { row: SnapshotRow }) {
  return (
    <>
      <SnapshotIcon memory={row.type === 'Disks and memory'} scheduled={row.scheduled} />
      <span className="font-medium">{row.name}</span>
      <span className="text-[11px] opacity-80">
        {formatDateTime(row.time)} · {row.type}
        {row.scheduled ? ' · scheduled' : ''} · {formatBytes(row.sizeOnStorage)}
      </span>
    </>
  );
}

export function SnapshotTreeView({ nodes, busy, ...view }: SnapshotViewProps & { nodes: readonly SnapshotNode[]; busy: string | undefined }) {
  const focusable = view.selected[0] ?? nodes.find((n) => !n.now)?.ref;
  return (
    <ul role="tree" aria-label="Snapshot tree" aria-multiselectable className="min-h-40 text-[13px] outline-none" onKeyDown={view.onKey}>
      {nodes.map((n) => {
        const row = n.row;
        if (n.now || row === undefined) {
          return (
            <li key={n.ref} role="treeitem" aria-selected={false} aria-level={n.depth + 1} aria-label="Now" aria-description={busy} className="flex items-center gap-1.5">
              <Connectors node={n} />
              <NowIcon />
              <span className="rounded-sm bg-sky-700 px-2 py-0.5 text-[12px] font-semibold text-white">Now</span>
              {busy !== undefined && <span className="animate-pulse text-[12px] text-slate-600">{busy}</span>}
            </li>
          );
        }
        const selected = view.selected.includes(n.ref);
        return (
          <li
            key={n.ref}
            role="treeitem"
            aria-selected={selected}
            aria-level={n.depth + 1}
            aria-label={row.name}
            aria-description={`${row.type}, ${formatDateTime(row.time)}${row.scheduled ? ', scheduled' : ''}`}
            data-snapshot-ref={n.ref}
            tabIndex={n.ref === focusable ? 0 : -1}
            onClick={(e) => view.onClick(n.ref, e)}
            onDoubleClick={() => view.onOpen(n.ref)}
            className="flex cursor-default items-center gap-1.5 outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
          >
            <Connectors node={n} />
            <span className={`flex items-center gap-1.5 rounded-sm px-1 py-0.5 ${selected ? 'bg-blue-700 text-white' : 'hover:bg-slate-100'}`}>
              <SnapshotLabel row={row} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
