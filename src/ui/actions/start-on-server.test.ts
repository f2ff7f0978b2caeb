import { describe, expect, it } from 'vitest';
import { XenApiError } from '../../xapi/errors';
import { bootFailureReason, hostItemState, hostsForMenu, passedOnHost } from './host-choice';
import { useToasts } from '../notifications/toast-store';
import { startOnServer } from './start-on-server';
import { addVm, PlainCache } from './testing/plain-cache';

describe('Start on Server', () => {
  const vms = [
    { cls: 'VM' as const, ref: 'a', kind: 'vm' as const, name: 'game-01' },
    { cls: 'VM' as const, ref: 'b', kind: 'vm' as const, name: 'legacy-01' },
  ];

  it('a host is enabled when any selected VM can boot there', () => {
    const state = hostItemState(vms, (vm) => (vm === 'a' ? { status: 'failed', reason: 'No room.' } : { status: 'ok' }), 'Select a VM to start.');
    expect(state).toEqual({ ok: true });
  });

  it('waits while checks run, then explains each VM that cannot boot', () => {
    expect(hostItemState(vms, (vm) => (vm === 'a' ? { status: 'pending' } : { status: 'failed', reason: 'x' }), 'Select a VM to start.')).toEqual({ status: 'pending' });
    expect(hostItemState(vms, (vm) => ({ status: 'failed', reason: vm === 'a' ? 'No room.' : 'No disk.' }), 'Select a VM to start.')).toEqual({ ok: false, reason: 'game-01: No room. legacy-01: No disk.' });
    expect(hostItemState(vms, () => ({ status: 'failed', reason: 'No room.' }), 'Select a VM to start.')).toEqual({ ok: false, reason: 'No room.' });
  });

  it('says why in plain words, from assert_can_boot_here\'s error', () => {
    expect(bootFailureReason(new XenApiError('VM_REQUIRES_SR', ['vm', 'sr']))).toBe("The chosen server cannot reach a storage repository that holds one of the VM's disks.");
    // The Events view's note about units is dropped in a menu.
    expect(bootFailureReason(new XenApiError('HOST_NOT_ENOUGH_FREE_MEMORY', ['1', '2']))).toBe('The server does not have enough free memory for this VM.');
    expect(bootFailureReason(new XenApiError('SOMETHING_NEW', []))).toBe('The server cannot run this VM (SOMETHING_NEW).');
  });

  it('lists hosts by name and applies to halted VMs', () => {
    const cache = new PlainCache();
    cache.add('host', { name_label: 'xenserver-10' });
    cache.add('host', { name_label: 'xenserver-02' });
    expect(hostsForMenu(cache).map((h) => h.name)).toEqual(['xenserver-02', 'xenserver-10']);
    const halted = addVm(cache, 'game-01', 'Halted');
    const running = addVm(cache, 'web-01', 'Running');
    expect(startOnServer.canRun([halted], cache, { canGoBack: false, canGoForward: false }).ok).toBe(true);
    expect(startOnServer.canRun([running], cache, { canGoBack: false, canGoForward: false })).toEqual({ ok: false, reason: 'This VM is already running.' });
  });

  it('runs the chosen host for the VMs that passed and reports the others by name', () => {
    const passed = passedOnHost(vms, (vm) => (vm === 'a' ? { status: 'ok' } : { status: 'pending' }), 'Start on xenserver-02');
    expect(passed.map((vm) => vm.name)).toEqual(['game-01']);
    expect(useToasts.getState().toasts.at(-1)).toMatchObject({ title: 'Start on xenserver-02: 1 of 2 skipped', detail: 'legacy-01 — The check has not finished yet.' });
  });
});
