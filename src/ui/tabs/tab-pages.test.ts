import { describe, expect, it } from 'vitest';
import { resolveTab, TAB_LABELS, tabsFor } from './tab-pages';

describe('tab pages', () => {
  it('gives each kind of object XenCenter’s tabs, in its order', () => {
    const names = (kind: Parameters<typeof tabsFor>[0], live?: boolean) => tabsFor(kind, live).map((t) => TAB_LABELS[t]);
    expect(names('root')).toEqual(['Home', 'Search']);
    expect(names('pool')).toEqual(['General', 'Memory', 'Storage', 'Networking', 'HA', 'WLB', 'Search']);
    expect(names('host')).toEqual(['General', 'Memory', 'Storage', 'Networking', 'NICs', 'Performance', 'Search']);
    expect(names('host', false)).toEqual(['General', 'Storage', 'Networking', 'Search']);
    expect(names('vm')).toEqual(['General', 'Memory', 'Storage', 'Networking', 'Performance', 'Snapshots', 'Migration']);
    expect(names('template')).toEqual(['General', 'Memory', 'Storage', 'Networking']);
    expect(names('sr')).toEqual(['General', 'Storage']);
    expect(names('network')).toEqual(['General']);
    expect(names('vdi')).toEqual(['General']);
    expect(names('missing')).toEqual([]);
  });

  it('adds GPU after NICs on a server with GPUs, and after Networking on its pool', () => {
    const labels = (tabs: readonly (keyof typeof TAB_LABELS)[]) => tabs.map((t) => TAB_LABELS[t]);
    expect(labels(tabsFor('host', true, true))).toEqual(['General', 'Memory', 'Storage', 'Networking', 'NICs', 'GPU', 'Performance', 'Search']);
    expect(labels(tabsFor('pool', true, true))).toEqual(['General', 'Memory', 'Storage', 'Networking', 'GPU', 'HA', 'WLB', 'Search']);
    expect(tabsFor('vm', true, true)).not.toContain('gpu');
  });

  it('shows the asked-for tab, else the remembered one, else the first', () => {
    const vm = tabsFor('vm');
    expect(resolveTab(vm, 'storage', 'memory')).toBe('storage');
    expect(resolveTab(vm, undefined, 'memory')).toBe('memory');
    expect(resolveTab(vm, 'nics', 'search')).toBe('general');
    expect(resolveTab(vm, 'bogus', undefined)).toBe('general');
    expect(resolveTab([], 'general', undefined)).toBeUndefined();
  });
});
