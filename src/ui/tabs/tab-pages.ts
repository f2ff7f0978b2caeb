// Which tab pages an object has, in XenCenter's order (MainWindow.GetNewTabPages),
// and which one to show. Tab ids are the lower-case words deep links use.
// Console comes with a later issue: absent here. Performance
// is a VM's and a live host's (XenCenter shows it for neither a pool nor a
// host that is down).
import type { ObjectKind } from './object-kind';

export type TabId = 'home' | 'general' | 'memory' | 'storage' | 'networking' | 'nics' | 'gpu' | 'performance' | 'snapshots' | 'migration' | 'ha' | 'wlb' | 'search';

export const TAB_LABELS: Readonly<Record<TabId, string>> = {
  home: 'Home',
  general: 'General',
  memory: 'Memory',
  storage: 'Storage',
  networking: 'Networking',
  nics: 'NICs',
  gpu: 'GPU',
  performance: 'Performance',
  snapshots: 'Snapshots',
  migration: 'Migration',
  ha: 'HA',
  wlb: 'WLB',
  search: 'Search',
};

const VM_TABS: readonly TabId[] = ['general', 'memory', 'storage', 'networking', 'performance', 'snapshots'];
const TEMPLATE_TABS: readonly TabId[] = ['general', 'memory', 'storage', 'networking'];

/**
 * The tabs of an object of this kind; Memory and NICs only for a live host,
 * GPU only for a pool or server that has GPUs (as XenCenter shows it).
 */
export function tabsFor(kind: ObjectKind, live = true, gpus = false): readonly TabId[] {
  const gpu: readonly TabId[] = gpus ? ['gpu'] : [];
  switch (kind) {
    case 'root':
      return ['home', 'search'];
    case 'pool':
      return ['general', 'memory', 'storage', 'networking', ...gpu, 'ha', 'wlb', 'search'];
    case 'host':
      return live ? ['general', 'memory', 'storage', 'networking', 'nics', ...gpu, 'performance', 'search'] : ['general', 'storage', 'networking', ...gpu, 'search'];
    case 'vm':
      return [...VM_TABS, 'migration']; // XenLab's live migration view
    case 'template':
    case 'snapshot':
      return TEMPLATE_TABS;
    case 'sr':
      return ['general', 'storage'];
    case 'vdi':
    case 'network':
    case 'other':
      return ['general'];
    case 'missing':
      return [];
  }
}

export function isTabId(value: string | undefined): value is TabId {
  return value !== undefined && Object.prototype.hasOwnProperty.call(TAB_LABELS, value);
}

/** The tab to show: the one asked for (deep link, or chosen), else the last one chosen for this kind, else the first. */
export function resolveTab(tabs: readonly TabId[], requested: string | undefined, remembered: string | undefined): TabId | undefined {
  if (isTabId(requested) && tabs.includes(requested)) return requested;
  if (isTabId(remembered) && tabs.includes(remembered)) return remembered;
  return tabs[0];
}
