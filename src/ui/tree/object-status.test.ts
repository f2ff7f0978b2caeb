import { describe, expect, it } from 'vitest';
import { objectIconKind } from '../format/object-icon';
import { objectStatus } from './object-status';

describe('objectIconKind and objectStatus', () => {
  it('shows a VM’s power state; paused uses the suspended icon; busy while an operation runs', () => {
    expect(objectIconKind('VM', { power_state: 'Running', current_operations: {} })).toBe('vm-running');
    expect(objectIconKind('VM', { power_state: 'Halted' })).toBe('vm-halted');
    expect(objectIconKind('VM', { power_state: 'Suspended' })).toBe('vm-suspended');
    expect(objectIconKind('VM', { power_state: 'Paused' })).toBe('vm-suspended');
    expect(objectIconKind('VM', { power_state: 'Halted', current_operations: { t: 'start' } })).toBe('vm-busy');
    expect(objectStatus('VM', { power_state: 'Running' })).toBe('Running');
    expect(objectStatus('VM', { power_state: 'Halted', current_operations: { t: 'start' } })).toBe('Halted, starting');
    expect(objectStatus('VM', { power_state: 'Running', current_operations: { t: 'some_new_op' } })).toBe('Running, some new op');
  });

  it('tells templates and snapshots apart', () => {
    expect(objectIconKind('VM', { is_a_template: true, is_default_template: true })).toBe('template');
    expect(objectIconKind('VM', { is_a_template: true, is_default_template: false })).toBe('template-custom');
    expect(objectIconKind('VM', { is_a_template: true, is_a_snapshot: true })).toBe('snapshot');
    expect(objectStatus('VM', { is_a_template: true, is_default_template: false })).toBe('Custom template');
  });

  it('shows a server connected, in maintenance mode, or disconnected', () => {
    expect(objectIconKind('host', { enabled: true })).toBe('host');
    expect(objectIconKind('host', { enabled: false })).toBe('host-maintenance');
    expect(objectIconKind('host', { enabled: true }, false)).toBe('host-disconnected');
    expect(objectStatus('host', { enabled: false })).toBe('Maintenance mode');
    expect(objectStatus('host', { enabled: true }, false)).toBe('Disconnected');
  });

  it('shows SRs shared, local or ISO', () => {
    expect(objectIconKind('SR', { shared: true, content_type: 'user', type: 'nfs' })).toBe('sr-shared');
    expect(objectIconKind('SR', { shared: false, content_type: 'user', type: 'lvm' })).toBe('sr-local');
    expect(objectIconKind('SR', { shared: true, content_type: 'iso', type: 'iso' })).toBe('sr-iso');
    expect(objectStatus('SR', { shared: true, content_type: 'iso', type: 'iso' })).toBe('ISO library');
    expect(objectStatus('SR', { shared: false, content_type: 'user', type: 'lvm' })).toBe('Local storage');
  });
});

describe('fault states on the tree', () => {
  const down = (why: string) => ({ enabled: true, other_config: { 'xenlab-down': why } });

  it('says a server is powered off, fenced or starting up, with its own icon', () => {
    expect(objectStatus('host', down('power'), false)).toBe('Powered off');
    expect(objectStatus('host', down('fenced'), false)).toBe('Fenced (rebooting)');
    expect(objectStatus('host', down('booting'), false)).toBe('Starting up');
    expect(objectIconKind('host', down('power'), false)).toBe('host-off');
  });

  it('says which network of a running server is cut', () => {
    const cut = { enabled: true, other_config: { 'xenlab-fault-management-network': '1', 'xenlab-fault-storage-network': '1' } };
    expect(objectStatus('host', cut)).toBe('Connected, management network cut, storage network cut');
    expect(objectStatus('host', { enabled: true, other_config: { 'xenlab-fault-storage-network': '1' } }, false)).toBe('Disconnected, storage network cut');
    expect(objectIconKind('host', cut)).toBe('host-fault');
  });

  it('says a shared SR has failed', () => {
    const failed = { shared: true, content_type: 'user', type: 'nfs', other_config: { 'xenlab-fault-failed': '1' } };
    expect(objectStatus('SR', failed)).toBe('Shared storage, failed');
    expect(objectIconKind('SR', failed)).toBe('sr-failed');
  });

  it('says a VM still recorded as running is on a server that is down or not answering', () => {
    const vm = { power_state: 'Running' };
    expect(objectStatus('VM', vm, true, { record: down('power'), live: true })).toBe('Running, server powered off');
    expect(objectStatus('VM', vm, true, { record: { enabled: true }, live: false })).toBe('Running, server not responding');
    expect(objectStatus('VM', vm, true, { record: { enabled: true }, live: true })).toBe('Running');
    expect(objectStatus('VM', { power_state: 'Halted' }, true, { record: down('power'), live: false })).toBe('Halted');
    expect(objectIconKind('VM', vm, true, false)).toBe('vm-unreachable');
  });
});
