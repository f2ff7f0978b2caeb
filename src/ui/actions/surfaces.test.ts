// The toolbar's and the context menu's layouts for a selection.
import { describe, expect, it } from 'vitest';
import { contextMenuModel } from './registry';
import { addVm, PlainCache } from './testing/plain-cache';
import { toolbarModel } from './toolbar-model';

const NO_HISTORY = { canGoBack: false, canGoForward: false };

function labels(model: ReturnType<typeof toolbarModel>['power']) {
  return model.map((b) => `${b.action.label}${b.state.ok ? '' : ' (disabled)'}`);
}

describe('toolbar', () => {
  it('a running VM: Start disabled, Suspend rather than Resume, no forced variants', () => {
    const cache = new PlainCache();
    const vm = addVm(cache, 'web-01', 'Running');
    expect(labels(toolbarModel([vm], cache, NO_HISTORY).power)).toEqual(['Start (disabled)', 'Shut Down', 'Reboot', 'Suspend']);
  });

  it('a suspended VM: Resume in place of Suspend; Force Shut Down since a clean one is not allowed', () => {
    const cache = new PlainCache();
    const vm = addVm(cache, 'test-01', 'Suspended');
    expect(labels(toolbarModel([vm], cache, NO_HISTORY).power)).toEqual(['Start (disabled)', 'Shut Down (disabled)', 'Force Shut Down', 'Reboot (disabled)', 'Resume']);
  });

  it('a paused VM: Force Shut Down and Force Reboot', () => {
    const cache = new PlainCache();
    const vm = addVm(cache, 'ci-01', 'Paused');
    expect(labels(toolbarModel([vm], cache, NO_HISTORY).power)).toEqual([
      'Start (disabled)',
      'Shut Down (disabled)',
      'Force Shut Down',
      'Reboot (disabled)',
      'Force Reboot',
      'Suspend (disabled)',
    ]);
  });

  it('New VM whatever is selected, when a server can take a VM', () => {
    const cache = new PlainCache();
    expect(toolbarModel([], cache, NO_HISTORY).create.map((b) => b.state)).toEqual([{ ok: false, reason: 'There is no server that can take a new VM (all are down or in maintenance mode).' }]);
    const metrics = cache.add('host_metrics', { live: true });
    cache.add('host', { name_label: 'xenserver-01', enabled: true, metrics });
    expect(toolbarModel([], cache, NO_HISTORY).create.map((b) => `${b.action.toolbarLabel ?? ''} ${String(b.state.ok)}`)).toEqual(['New VM true']);
  });

  it('nothing selected: every power button disabled with a reason; Back follows the history', () => {
    const cache = new PlainCache();
    const model = toolbarModel([], cache, { canGoBack: true, canGoForward: false });
    expect(model.power.every((b) => !b.state.ok)).toBe(true);
    expect(model.history.map((b) => b.state.ok)).toEqual([true, false]);
  });
});

describe('context menu', () => {
  const rows = (model: ReturnType<typeof contextMenuModel>) => model.map((r) => (r === 'separator' ? '—' : `${r.action.label}${r.state.ok ? '' : ' (disabled)'}`));

  it('a halted VM: the main commands, Start on Server, Delete and Properties', () => {
    const cache = new PlainCache();
    const vm = addVm(cache, 'game-01', 'Halted');
    expect(rows(contextMenuModel([vm], cache))).toEqual(['Start', 'Start on Server', 'Shut Down (disabled)', 'Reboot (disabled)', '—', 'Suspend (disabled)', '—', 'Copy VM…', 'Take a Snapshot…', 'Convert to Template…', 'Delete…', '—', 'Assign to VM Snapshot Schedule', '—', 'Properties']);
  });

  it('a running VM: secondary commands only when they can run', () => {
    const cache = new PlainCache();
    const vm = addVm(cache, 'web-01', 'Running');
    expect(rows(contextMenuModel([vm], cache))).toEqual([
      'Start (disabled)',
      'Migrate to Server',
      'Shut Down',
      'Force Shut Down',
      'Reboot',
      'Force Reboot',
      '—',
      'Suspend',
      'Pause',
      '—',
      'Take a Snapshot…',
      'Delete… (disabled)',
      '—',
      'Assign to VM Snapshot Schedule',
      '—',
      'Properties',
    ]);
  });

  it('a server or a pool: New VM… (when a server can take it) and Properties', () => {
    const cache = new PlainCache();
    const down = cache.add('host', { name_label: 'xenserver-01' });
    expect(rows(contextMenuModel([down], cache))).toEqual(['New VM… (disabled)', '—', 'Properties', '—', 'Enter Maintenance Mode… (disabled)', '—', 'Reboot (disabled)', 'Shut Down (disabled)']);
    const metrics = cache.add('host_metrics', { live: true });
    const up = cache.add('host', { name_label: 'xenserver-02', enabled: true, metrics });
    const pool = cache.add('pool', { name_label: 'Lab Pool', master: up });
    expect(rows(contextMenuModel([up], cache))).toEqual(['New VM…', '—', 'Properties', '—', 'Enter Maintenance Mode…', '—', 'Reboot', 'Shut Down']);
    expect(rows(contextMenuModel([pool], cache))).toEqual(['New VM…', '—', 'Properties']);
  });

  it('templates: New VM wizard…; a custom one also Copy… and Delete…', () => {
    const cache = new PlainCache();
    const metrics = cache.add('host_metrics', { live: true });
    cache.add('host', { name_label: 'xenserver-01', enabled: true, metrics });
    const builtIn = cache.add('VM', { name_label: 'Debian Bookworm 12', is_a_template: true, is_default_template: true, power_state: 'Halted', allowed_operations: ['clone', 'copy', 'export', 'provision'] });
    const custom = cache.add('VM', { name_label: 'web template', is_a_template: true, power_state: 'Halted', allowed_operations: ['clone', 'copy', 'export', 'provision', 'destroy'] });
    expect(rows(contextMenuModel([builtIn], cache))).toEqual(['New VM wizard…', '—', 'Properties']);
    expect(rows(contextMenuModel([custom], cache))).toEqual(['New VM wizard…', 'Copy…', '—', 'Delete…', '—', 'Properties']);
  });

  it('an object with no actions (a PIF, say): nothing', () => {
    const cache = new PlainCache();
    const pif = cache.add('PIF', {});
    expect(contextMenuModel([pif], cache)).toEqual([]);
  });
});
