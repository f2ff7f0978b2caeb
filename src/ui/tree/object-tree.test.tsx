// The tree component against a stub lab (an object cache fed from the fixture
// pool): roles and names, keyboard and mouse selection into the UI store, and
// revealing a selection made elsewhere.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ObjectEvent } from '../../xapi/event-loop';
import { ObjectCache } from '../cache/object-cache';
import type { LabConnection } from '../lab/lab-connection';
import { LabProvider } from '../lab/lab-context';
import { INITIAL_PLACE, useUi } from '../state/ui-store';
import { NavigationPane } from './navigation-pane';
import { labFixture, type FixturePool } from './tree-fixture';

function setup(edit?: (f: FixturePool) => void) {
  const f = labFixture();
  edit?.(f);
  const events: ObjectEvent[] = [];
  for (const cls of ['pool', 'host', 'host_metrics', 'VM', 'VBD', 'VDI', 'SR', 'PBD', 'network', 'VM_guest_metrics'] as const) {
    // The context menu reads a little more of a record than the tree does.
    for (const [ref, record] of f[cls]) events.push({ operation: 'add', class: cls, ref, snapshot: { allowed_operations: [], current_operations: {}, blocked_operations: {}, ...record } });
  }
  const cache = new ObjectCache((flush) => flush());
  cache.enqueue({ kind: 'initial', token: '1', events });
  const lab = { cache } as unknown as LabConnection;
  render(
    <LabProvider lab={lab}>
      {/* The context menu (right-click) runs actions through TanStack Query. */}
      <QueryClientProvider client={new QueryClient()}>
        <NavigationPane />
      </QueryClientProvider>
    </LabProvider>,
  );
  return { f, cache };
}

const INITIAL_OPTIONS = useUi.getState().viewOptions;
const item = (name: string) => screen.getByRole('treeitem', { name });

describe('the navigation tree', () => {
  beforeEach(() => {
    // jsdom lays nothing out: give the scrolling pane a size so rows render.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(900);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    useUi.setState({ viewOptions: { showDefaultTemplates: false, showCustomTemplates: true, showLocalStorage: true, showHidden: false } });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    useUi.setState({ place: INITIAL_PLACE, back: [], forward: [], expanded: {}, search: '', viewOptions: INITIAL_OPTIONS });
  });

  it('is a multi-select tree of treeitems named by object, with state as the description', () => {
    setup();
    const tree = screen.getByRole('tree', { name: 'Infrastructure' });
    expect(tree.getAttribute('aria-multiselectable')).toBe('true');
    const web = item('web-01');
    expect(web.getAttribute('aria-level')).toBe('4');
    expect(web.getAttribute('aria-selected')).toBe('false');
    const describedBy = web.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Running');
    expect(item('xenserver-01').getAttribute('aria-expanded')).toBe('true');
    // The root is the empty selection.
    expect(item('XenLab').getAttribute('aria-selected')).toBe('true');
  });

  it('shows a name that looks like HTML as text', () => {
    setup((f) => f.addVm('<img src=x onerror=alert(1)>'));
    expect(item('<img src=x onerror=alert(1)>')).toBeDefined();
    expect(document.querySelector('img')).toBeNull();
  });

  it('selects with the keyboard: arrows move, Enter selects, ArrowLeft collapses', () => {
    const { f } = setup();
    const root = item('XenLab');
    root.focus();
    fireEvent.keyDown(root, { key: 'ArrowDown' });
    fireEvent.keyDown(root, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(item('xenserver-01'));
    fireEvent.keyDown(item('xenserver-01'), { key: 'Enter' });
    expect(useUi.getState().place.selection).toEqual([f.findByName(f.host, 'xenserver-01')]);
    expect(item('xenserver-01').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(item('xenserver-01'), { key: 'ArrowLeft' });
    expect(item('xenserver-01').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('treeitem', { name: 'web-01' })).toBeNull();
  });

  it('selects with the mouse: Ctrl+click adds, right-click selects an unselected row', () => {
    const { f } = setup();
    fireEvent.click(item('web-01'));
    fireEvent.click(item('db-01'), { ctrlKey: true });
    const [web, db, game] = ['web-01', 'db-01', 'game-01'].map((n) => f.findByName(f.VM, n));
    expect(useUi.getState().place.selection).toEqual([web, db]);
    fireEvent.contextMenu(item('game-01'));
    expect(useUi.getState().place.selection).toEqual([game]);
  });

  it('reveals a selection made elsewhere: expands its ancestors', () => {
    const { f } = setup();
    const host = f.findByName(f.host, 'xenserver-02');
    act(() => useUi.getState().setExpanded(host, false));
    expect(screen.queryByRole('treeitem', { name: 'db-01' })).toBeNull();
    act(() => useUi.getState().selectObjects([f.findByName(f.VM, 'db-01')]));
    expect(item('db-01').getAttribute('aria-selected')).toBe('true');
  });

  it('filters as you type in the search box', () => {
    setup();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'web' } });
    const names = within(screen.getByRole('tree')).getAllByRole('treeitem').map((el) => el.querySelector('[title]')?.textContent);
    expect(names).toEqual(['XenLab', 'Lab Pool', 'xenserver-01', 'web-01', 'web template']);
  });

  it('switches views with the buttons at the foot', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Objects' }));
    expect(screen.getByRole('button', { name: 'Objects' }).getAttribute('aria-pressed')).toBe('true');
    expect(item('VMs')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    fireEvent.click(screen.getByRole('button', { name: 'Events' }));
    expect(useUi.getState().place).toMatchObject({ view: 'notifications', notifications: 'events' });
  });
});
