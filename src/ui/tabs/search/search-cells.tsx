// One cell of the Search grid, per column, from a flat row.
import { formatBytes } from '../../format/bytes';
import { formatDurationShort } from '../../format/duration';
import type { ColumnId } from './search-model';
import { TYPE_LABELS, type SearchRow } from './search-rows';

function memoryText(row: SearchRow): string {
  if (row.memory === undefined) return '';
  if (row.type === 'server' && row.memoryTotal !== undefined) return `${formatBytes(row.memory)} of ${formatBytes(row.memoryTotal)}`;
  return formatBytes(row.memory);
}

function cpuText(row: SearchRow): string {
  if (row.cpus === undefined) return '';
  if (row.type === 'server') return `${String(row.cpus)} CPUs`;
  return `${String(row.cpus)} vCPU${row.cpus === 1 ? '' : 's'}`;
}

function disksText(row: SearchRow): string {
  if (row.disks === undefined) return '';
  if (row.type === 'sr') return `${String(row.disks)} disk${row.disks === 1 ? '' : 's'}, ${formatBytes(row.diskSize ?? 0)}`;
  return row.disks === 0 ? 'None' : `${String(row.disks)} (${formatBytes(row.diskSize ?? 0)})`;
}

/** The text of a cell (not the name column, which is a button). */
export function cellText(row: SearchRow, column: ColumnId, now: number | undefined): string {
  switch (column) {
    case 'name':
      return row.name;
    case 'type':
      return TYPE_LABELS[row.type];
    case 'state':
      return row.state;
    case 'description':
      return row.description;
    case 'cpu':
      return cpuText(row);
    case 'memory':
      return memoryText(row);
    case 'disks':
      return disksText(row);
    case 'network':
      return row.ip;
    case 'address':
      return row.address;
    case 'uptime':
      return row.since === undefined || now === undefined ? '' : formatDurationShort(now - row.since);
    case 'os':
      return row.os;
    case 'tags':
      return row.tags;
    case 'server':
      return row.host;
  }
}
