// The Template page's list: every template the user may start from (default
// and custom, hidden ones only when the View menu shows hidden objects),
// grouped as XenCenter groups them (VM.TemplateType(): its OS family read from
// the name of a default template, "Custom" for the user's own), families in
// XenCenter's order and, within one, newest version first (reverse natural
// order of names). The search box filters by name.
import type { RecordOf } from '../../../xapi/types';
import type { CacheReader } from '../../actions/action-types';
import { naturalCompare } from '../../format/natural-compare';

type VM = RecordOf<'VM'>;

/** XenCenter's VmTemplateType, in its sort order, with the group names its list shows. */
const FAMILIES = [
  // New VM from Snapshot starts the wizard on a snapshot: it is listed first, alone in its group.
  ['snapshot', 'Snapshot'],
  ['custom', 'Custom'],
  ['windows', 'Windows'],
  ['centos', 'CentOS'],
  ['debian', 'Debian'],
  ['rocky', 'Rocky'],
  ['oracle', 'Oracle'],
  ['redhat', 'Red Hat'],
  ['suse', 'SUSE'],
  ['ubuntu', 'Ubuntu'],
  ['misc', 'Misc'],
] as const;

export type TemplateFamily = (typeof FAMILIES)[number][0];

export const FAMILY_NAMES: Readonly<Record<TemplateFamily, string>> = Object.fromEntries(FAMILIES) as Record<TemplateFamily, string>;

const ORDER: Readonly<Record<TemplateFamily, number>> = Object.fromEntries(FAMILIES.map(([f], i) => [f, i])) as Record<TemplateFamily, number>;

export function isDefaultTemplate(vm: Pick<VM, 'other_config' | 'is_default_template'>): boolean {
  return vm.is_default_template || vm.other_config['default_template'] !== undefined;
}

/** The family of a template, by XenCenter's reading of its name (VM.TemplateType). */
export function templateFamily(vm: Pick<VM, 'name_label' | 'other_config' | 'is_default_template'>): TemplateFamily {
  if (!isDefaultTemplate(vm)) return 'custom';
  const os = vm.name_label.toLowerCase();
  if (os.includes('debian')) return 'debian';
  if (os.includes('rocky')) return 'rocky';
  if (os.includes('centos')) return 'centos';
  if (os.includes('red hat')) return 'redhat';
  if (os.includes('oracle')) return 'oracle';
  if (os.includes('suse')) return 'suse';
  if (os.includes('windows')) return 'windows';
  if (os.includes('ubuntu')) return 'ubuntu';
  return 'misc';
}

export interface TemplateRow {
  readonly ref: string;
  readonly name: string;
  readonly family: TemplateFamily;
  /** Shown under the list: a custom template's own description, a default one's only for Misc (XenCenter's DescriptionType). */
  readonly description: string;
}

function isHidden(vm: VM): boolean {
  return vm.other_config['HideFromXenCenter'] === 'true';
}

function isInternal(vm: VM): boolean {
  return vm.other_config['xensource_internal'] !== undefined;
}

/** `snapshot`: the snapshot the wizard was started from (New VM from Snapshot), listed with the templates. */
export function templateRows(cache: CacheReader, showHidden: boolean, snapshot?: string): TemplateRow[] {
  const rows: TemplateRow[] = [];
  const snap = snapshot === undefined ? undefined : cache.get('VM', snapshot);
  if (snapshot !== undefined && snap?.is_a_snapshot === true) rows.push({ ref: snapshot, name: snap.name_label, family: 'snapshot', description: snap.name_description });
  for (const [ref, vm] of cache.all('VM')) {
    if (!vm.is_a_template || vm.is_a_snapshot || isInternal(vm)) continue;
    if (!showHidden && isHidden(vm)) continue;
    if (vm.name_label.startsWith('__gui__')) continue; // a VM being made by a wizard (XenCenter hides these)
    const family = templateFamily(vm);
    rows.push({ ref, name: vm.name_label, family, description: vm.name_description });
  }
  return rows.sort((a, b) => ORDER[a.family] - ORDER[b.family] || -naturalCompare(a.name, b.name) || (a.ref < b.ref ? -1 : 1));
}

/** The rows whose name contains every word typed (case-insensitive), as XenCenter's search box matches. */
export function filterTemplates(rows: readonly TemplateRow[], search: string): TemplateRow[] {
  const words = search.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const name = r.name.toLowerCase();
    return words.every((w) => name.includes(w));
  });
}

export interface TemplateGroup {
  readonly family: TemplateFamily;
  readonly name: string;
  readonly rows: readonly TemplateRow[];
}

export function groupTemplates(rows: readonly TemplateRow[]): TemplateGroup[] {
  const groups: TemplateGroup[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.family === row.family) (last.rows as TemplateRow[]).push(row);
    else groups.push({ family: row.family, name: FAMILY_NAMES[row.family], rows: [row] });
  }
  return groups;
}

/** XenCenter's Helpers.DefaultVMName: "<template> (1)", the first number no VM has taken. */
export function defaultVmName(templateName: string, cache: CacheReader): string {
  const taken = new Set<string>();
  for (const vm of cache.all('VM').values()) taken.add(vm.name_label);
  for (let i = 1; ; i++) {
    const name = `${templateName} (${String(i)})`;
    if (!taken.has(name) && !taken.has(`__gui__${name}`)) return name;
  }
}
