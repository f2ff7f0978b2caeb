// What the Search grid shows of its rows: which types (the "Search for"
// choice), which text, which columns, in which order. Pure functions, so
// they are tested without a browser.
import { naturalCompare } from '../../format/natural-compare';
import type { SearchRow, SearchType } from './search-rows';

export type TypeFilter = 'servers-and-vms' | 'servers' | 'vms' | 'templates' | 'snapshots' | 'srs' | 'networks' | 'all';

export const TYPE_FILTERS: readonly { readonly id: TypeFilter; readonly label: string; readonly types: readonly SearchType[] }[] = [
  { id: 'servers-and-vms', label: 'Servers and VMs', types: ['pool', 'server', 'vm'] },
  { id: 'servers', label: 'Servers', types: ['server'] },
  { id: 'vms', label: 'VMs', types: ['vm'] },
  { id: 'templates', label: 'Templates', types: ['template'] },
  { id: 'snapshots', label: 'Snapshots', types: ['snapshot'] },
  { id: 'srs', label: 'Storage repositories', types: ['sr'] },
  { id: 'networks', label: 'Networks', types: ['network'] },
  { id: 'all', label: 'All objects', types: ['pool', 'server', 'vm', 'template', 'snapshot', 'sr', 'network'] },
];

export type ColumnId = 'name' | 'type' | 'state' | 'description' | 'cpu' | 'memory' | 'disks' | 'network' | 'address' | 'uptime' | 'os' | 'tags' | 'server';

export interface ColumnDef {
  readonly id: ColumnId;
  readonly label: string;
  readonly numeric: boolean;
  /** Shown until the user picks columns. */
  readonly shown: boolean;
  readonly width: string;
}

/** XenCenter's default search columns first (Name, CPU, Memory, Disks, Network, Address, Uptime), then optional ones. */
export const COLUMNS: readonly ColumnDef[] = [
  { id: 'name', label: 'Name', numeric: false, shown: true, width: 'w-[22%]' },
  { id: 'type', label: 'Type', numeric: false, shown: false, width: 'w-[8%]' },
  { id: 'state', label: 'Power state', numeric: false, shown: false, width: 'w-[10%]' },
  { id: 'description', label: 'Description', numeric: false, shown: false, width: 'w-[18%]' },
  { id: 'cpu', label: 'CPU', numeric: true, shown: true, width: 'w-[8%]' },
  { id: 'memory', label: 'Memory', numeric: true, shown: true, width: 'w-[14%]' },
  { id: 'disks', label: 'Disks', numeric: true, shown: true, width: 'w-[11%]' },
  { id: 'network', label: 'Network', numeric: false, shown: true, width: 'w-[12%]' },
  { id: 'address', label: 'Address', numeric: false, shown: true, width: 'w-[12%]' },
  { id: 'uptime', label: 'Uptime', numeric: true, shown: true, width: 'w-[11%]' },
  { id: 'os', label: 'Operating system', numeric: false, shown: false, width: 'w-[16%]' },
  { id: 'tags', label: 'Tags', numeric: false, shown: false, width: 'w-[10%]' },
  { id: 'server', label: 'Server', numeric: false, shown: false, width: 'w-[11%]' },
];

export const DEFAULT_COLUMNS: readonly ColumnId[] = COLUMNS.filter((c) => c.shown).map((c) => c.id);

export interface Sort {
  readonly column: ColumnId;
  readonly direction: 'ascending' | 'descending';
}

export interface GridQuery {
  readonly text: string;
  readonly types: TypeFilter;
  readonly showDefaultTemplates: boolean;
  readonly sort: Sort | undefined;
  /** The pool's time, for sorting by uptime. */
  readonly now: number | undefined;
}

const TYPE_ORDER: readonly SearchType[] = ['pool', 'server', 'vm', 'template', 'snapshot', 'sr', 'network'];

function matchesText(row: SearchRow, needle: string): boolean {
  if (needle === '') return true;
  return [row.name, row.description, row.tags, row.ip, row.address, row.os, row.state, row.host].some((field) => field.toLowerCase().includes(needle));
}

/** The value a column sorts by (undefined sorts last). */
export function sortValue(row: SearchRow, column: ColumnId, now: number | undefined): string | number | undefined {
  switch (column) {
    case 'name':
      return row.name;
    case 'type':
      return TYPE_ORDER.indexOf(row.type);
    case 'state':
      return row.state || undefined;
    case 'description':
      return row.description || undefined;
    case 'cpu':
      return row.cpus;
    case 'memory':
      return row.memory;
    case 'disks':
      return row.diskSize;
    case 'network':
      return row.ip || undefined;
    case 'address':
      return row.address || undefined;
    case 'uptime':
      return row.since === undefined ? undefined : now === undefined ? -row.since : now - row.since;
    case 'os':
      return row.os || undefined;
    case 'tags':
      return row.tags || undefined;
    case 'server':
      return row.host || undefined;
  }
}

function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return naturalCompare(String(a), String(b));
}

/** XenCenter's order before any column is clicked: by type (pool, servers, VMs …), then name. */
function defaultOrder(a: SearchRow, b: SearchRow): number {
  return TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || naturalCompare(a.name, b.name) || naturalCompare(a.ref, b.ref);
}

/** The rows to show, filtered and sorted. Empty values sort last in both directions. */
export function queryRows(rows: readonly SearchRow[], q: GridQuery): SearchRow[] {
  const types = new Set(TYPE_FILTERS.find((f) => f.id === q.types)?.types ?? []);
  const needle = q.text.trim().toLowerCase();
  const shown = rows.filter((r) => types.has(r.type) && (q.showDefaultTemplates || q.types === 'templates' || !r.defaultTemplate) && matchesText(r, needle));
  const sort = q.sort;
  if (sort === undefined) return shown.sort(defaultOrder);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return shown.sort((a, b) => {
    const va = sortValue(a, sort.column, q.now);
    const vb = sortValue(b, sort.column, q.now);
    if (va === undefined || vb === undefined) return compareValues(va, vb) || defaultOrder(a, b);
    return sign * compareValues(va, vb) || defaultOrder(a, b);
  });
}

/** Clicking a header: sort by it ascending; clicking it again flips the direction. */
export function nextSort(current: Sort | undefined, column: ColumnId): Sort {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}
