// One row of the navigation tree: a WAI-ARIA treeitem whose name is the
// object's name and whose description is its state ("Running", "Halted,
// starting"). An object row subscribes to its own record, so a VM's power
// state changes only its row. It names its object (data-object-ref) for the
// tree's one context menu.
import { memo, useId, type CSSProperties, type MouseEvent } from 'react';
import { useObject } from '../cache/use-cache';
import { IconGlyph, objectIconKind, type IconRecord } from '../format/object-icon';
import type { DragMigrateHandlers } from './drag-migrate';
import type { TreeRow } from './flatten-tree';
import { hostDownWords } from '../format/fault-words';
import { useMachineStatus } from '../lab-hardware/use-machine-status';
import { MACHINE_ID_PREFIX } from './build-infrastructure';
import { objectStatus, type ResidentHost } from './object-status';

export const ROW_HEIGHT = 22;
const INDENT = 16;

export interface RowHandlers {
  onClick(row: TreeRow, event: MouseEvent): void;
  onToggle(row: TreeRow): void;
  onContextMenu(row: TreeRow): void;
  register(id: string, element: HTMLElement | null): void;
  /** Drag a VM onto a server to migrate it. */
  readonly drag: DragMigrateHandlers;
}

interface TreeRowProps {
  readonly row: TreeRow;
  readonly top: number;
  readonly selected: boolean;
  /** The row Tab lands on (roving tabindex). */
  readonly tabbable: boolean;
  readonly handlers: RowHandlers;
}

interface RowObject {
  readonly record: IconRecord | undefined;
  readonly hostLive: boolean;
  /** A VM's server, so the row can say when that server is down. */
  readonly resident: ResidentHost | undefined;
}

function useRowObject(row: TreeRow): RowObject {
  const cls = row.node.kind === 'object' ? row.node.cls : 'VM';
  const record = useObject(cls, row.ref) as (IconRecord & { resident_on?: string }) | undefined;
  const metrics = useObject('host_metrics', cls === 'host' ? record?.metrics : undefined);
  const residentRecord = useObject('host', cls === 'VM' ? record?.resident_on : undefined);
  const residentMetrics = useObject('host_metrics', residentRecord?.metrics);
  const resident = residentRecord === undefined ? undefined : { record: residentRecord, live: residentMetrics?.live ?? true };
  return { record, hostLive: metrics?.live ?? true, resident };
}

function reachable(resident: ResidentHost | undefined): boolean {
  return resident === undefined || (resident.live && hostDownWords(resident.record?.other_config) === undefined);
}

export const TreeRowView = memo(function TreeRowView({ row, top, selected, tabbable, handlers }: TreeRowProps) {
  const { node } = row;
  const { record, hostLive, resident } = useRowObject(row);
  const statusId = useId();
  const cls = node.kind === 'object' ? node.cls : undefined;
  const icon = node.kind === 'object' ? objectIconKind(node.cls, record, hostLive, reachable(resident)) : node.icon;
  const machineStatus = useMachineStatus(node.kind === 'machine' ? node.id.slice(MACHINE_ID_PREFIX.length) : undefined);
  const status = cls === undefined ? machineStatus : objectStatus(cls, record, hostLive, resident);
  const ref = row.ref;

  const style: CSSProperties = { height: ROW_HEIGHT, transform: `translateY(${String(top)}px)`, paddingLeft: 4 + (row.level - 1) * INDENT };
  return (
    <div
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={selected}
      aria-describedby={status === undefined ? undefined : statusId}
      tabIndex={tabbable ? 0 : -1}
      data-row-id={row.id}
      data-object-ref={ref}
      data-machine-id={node.kind === 'machine' ? node.id.slice(MACHINE_ID_PREFIX.length) : undefined}
      ref={(el) => handlers.register(row.id, el)}
      style={style}
      className={`absolute left-0 top-0 flex w-full cursor-default select-none items-center gap-1 whitespace-nowrap pr-2 outline-none focus-visible:outline-1 focus-visible:outline-solid focus-visible:-outline-offset-1 focus-visible:outline-blue-700 ${
        selected ? 'bg-blue-100 text-slate-950' : 'hover:bg-slate-100'
      }`}
      onClick={(e) => handlers.onClick(row, e)}
      onDoubleClick={() => row.hasChildren && handlers.onToggle(row)}
      onContextMenu={() => handlers.onContextMenu(row)}
      draggable={cls === 'VM' && ref !== undefined ? true : undefined}
      onDragStart={cls === 'VM' && ref !== undefined ? (e) => handlers.drag.start(ref, e) : undefined}
      onDragOver={cls === 'host' && ref !== undefined ? (e) => handlers.drag.over(ref, e) : undefined}
      onDrop={cls === 'host' && ref !== undefined ? (e) => handlers.drag.drop(ref, e) : undefined}
    >
      <span
        aria-hidden="true"
        className={`flex h-4 w-3 shrink-0 items-center justify-center text-[9px] text-slate-500 ${row.hasChildren ? 'hover:text-slate-900' : 'invisible'}`}
        onClick={(e) => {
          e.stopPropagation();
          handlers.onToggle(row);
        }}
      >
        {row.expanded ? '▼' : '▶'}
      </span>
      <IconGlyph kind={icon} />
      <span className="min-w-0 truncate" title={row.label}>
        {row.label}
      </span>
      {status !== undefined && (
        <span id={statusId} hidden>
          {status}
        </span>
      )}
    </div>
  );
});
