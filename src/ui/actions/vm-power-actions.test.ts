import { describe, expect, it } from 'vitest';
import type { CanRun } from './action-types';
import { deleteVm, hostOfSelection, poolOfSelection, properties } from './object-actions';
import { goBack, goForward } from './nav-actions';
import { addVm, PlainCache } from './testing/plain-cache';
import { forceRebootVm, forceShutDownVm, pauseVm, rebootVm, resumeVm, shutDownVm, startVm, suspendVm, unpauseVm } from './vm-power-actions';

const NO_HISTORY = { canGoBack: false, canGoForward: false };
const reason = (r: CanRun) => (r.ok ? 'ok' : r.reason);

function lab() {
  const cache = new PlainCache();
  const host = cache.add('host', { name_label: 'xenserver-01' });
  const pool = cache.add('pool', { name_label: 'Lab Pool', master: host });
  const running = addVm(cache, 'web-01', 'Running', { resident_on: host });
  const halted = addVm(cache, 'game-01', 'Halted', { affinity: host });
  const suspended = addVm(cache, 'test-01', 'Suspended');
  const paused = addVm(cache, 'ci-01', 'Paused', { resident_on: host });
  const template = cache.add('VM', { name_label: 'Debian 12', is_a_template: true, is_default_template: true, allowed_operations: ['clone', 'copy', 'export', 'provision'] });
  const custom = cache.add('VM', { name_label: 'my template', is_a_template: true, allowed_operations: ['clone', 'destroy'] });
  const dom0 = cache.add('VM', { name_label: 'Control domain on host: xenserver-01', is_control_domain: true, power_state: 'Running', resident_on: host });
  return { cache, host, pool, running, halted, suspended, paused, template, custom, dom0 };
}

describe('VM power actions: enabled by power state, allowed_operations and current_operations', () => {
  it('Start: only a halted VM, with XenCenter words for the rest', () => {
    const { cache, running, halted, suspended, paused } = lab();
    expect(reason(startVm.canRun([halted], cache, NO_HISTORY))).toBe('ok');
    expect(reason(startVm.canRun([running], cache, NO_HISTORY))).toBe('This VM is already running.');
    expect(reason(startVm.canRun([suspended], cache, NO_HISTORY))).toBe('This VM is suspended; resume it instead.');
    expect(reason(startVm.canRun([paused], cache, NO_HISTORY))).toBe('This VM is paused.');
  });

  it('each command against each power state', () => {
    const { cache, running, halted, suspended, paused } = lab();
    const table = [shutDownVm, rebootVm, suspendVm, resumeVm, pauseVm, unpauseVm, forceShutDownVm, forceRebootVm].map((a) => [
      a.label,
      ...[running, halted, suspended, paused].map((vm) => a.canRun([vm], cache, NO_HISTORY).ok),
    ]);
    expect(table).toEqual([
      ['Shut Down', true, false, false, false],
      ['Reboot', true, false, false, false],
      ['Suspend', true, false, false, false],
      ['Resume', false, false, true, false],
      ['Pause', true, false, false, false],
      ['Unpause', false, false, false, true],
      ['Force Shut Down', true, false, true, true],
      ['Force Reboot', true, false, false, true],
    ]);
    expect(reason(resumeVm.canRun([running], cache, NO_HISTORY))).toBe('This VM is not suspended.');
    expect(reason(suspendVm.canRun([suspended], cache, NO_HISTORY))).toBe('This VM is already suspended.');
    expect(reason(shutDownVm.canRun([halted], cache, NO_HISTORY))).toBe('This VM is shut down.');
  });

  it('an operation in progress disables the others and says what the VM is doing', () => {
    const { cache, halted } = lab();
    cache.update('VM', halted, { current_operations: { 'OpaqueRef:task-1': 'start' }, allowed_operations: [] });
    expect(reason(startVm.canRun([halted], cache, NO_HISTORY))).toBe('This VM is starting; wait for that to finish.');
    expect(reason(deleteVm.canRun([halted], cache, NO_HISTORY))).toBe('This VM is starting; wait for that to finish.');
  });

  it('follows allowed_operations when the server forbids what the power state would allow', () => {
    const { cache, running } = lab();
    cache.update('VM', running, { allowed_operations: ['hard_shutdown', 'hard_reboot'] });
    expect(reason(suspendVm.canRun([running], cache, NO_HISTORY))).toBe('Suspend is not allowed on this VM at the moment.');
    cache.update('VM', running, { blocked_operations: { clean_shutdown: 'Protected by the change freeze' }, allowed_operations: ['clean_shutdown'] });
    expect(reason(shutDownVm.canRun([running], cache, NO_HISTORY))).toBe('Shut Down has been blocked on this VM: Protected by the change freeze');
  });

  it('Force Shut Down is offered for a running VM that is busy (its task is cancelled first), as XenCenter does', () => {
    const { cache, running } = lab();
    cache.update('VM', running, { current_operations: { 'OpaqueRef:task-2': 'clean_shutdown' }, allowed_operations: [] });
    expect(shutDownVm.canRun([running], cache, NO_HISTORY).ok).toBe(false);
    expect(forceShutDownVm.canRun([running], cache, NO_HISTORY).ok).toBe(true);
  });

  it('templates, the control domain and other kinds of object are not VMs to start', () => {
    const { cache, template, dom0, host } = lab();
    expect(reason(startVm.canRun([template], cache, NO_HISTORY))).toBe('Select a VM to start.');
    expect(reason(startVm.canRun([dom0], cache, NO_HISTORY))).toBe('Select a VM to start.');
    expect(reason(startVm.canRun([host], cache, NO_HISTORY))).toBe('Select a VM to start.');
    expect(reason(startVm.canRun([], cache, NO_HISTORY))).toBe('Select a VM to start.');
    expect(startVm.appliesTo([host], cache)).toBe(false);
    expect(startVm.appliesTo([template], cache)).toBe(false);
  });
});

describe('several objects selected', () => {
  it('enabled when at least one can; runs on those and skips the rest with reasons', () => {
    const { cache, running, halted, suspended } = lab();
    expect(startVm.canRun([running, halted], cache, NO_HISTORY).ok).toBe(true);
    const { runnable, skipped } = startVm.partition([running, halted, suspended], cache);
    expect(runnable.map((t) => t.name)).toEqual(['game-01']);
    expect(skipped.map((s) => `${s.target.name}: ${s.reason}`)).toEqual(['web-01: This VM is already running.', 'test-01: This VM is suspended; resume it instead.']);
  });

  it('when none can, the reason names each object (or gives the shared reason once)', () => {
    const { cache, running, halted, suspended } = lab();
    expect(reason(resumeVm.canRun([running, halted], cache, NO_HISTORY))).toBe('This VM is not suspended.');
    expect(reason(startVm.canRun([running, suspended], cache, NO_HISTORY))).toBe('web-01: This VM is already running. test-01: This VM is suspended; resume it instead.');
  });

  it('a selection mixing VMs with other objects disables VM commands', () => {
    const { cache, halted, host } = lab();
    expect(reason(startVm.canRun([halted, host], cache, NO_HISTORY))).toBe('The selection includes objects other than VMs.');
  });
});

describe('Delete and Properties', () => {
  it('Delete needs a halted or suspended VM, or a custom template, with destroy allowed', () => {
    const { cache, running, halted, suspended, template, custom } = lab();
    expect(deleteVm.canRun([halted], cache, NO_HISTORY).ok).toBe(true);
    expect(deleteVm.canRun([suspended], cache, NO_HISTORY).ok).toBe(true);
    expect(deleteVm.canRun([custom], cache, NO_HISTORY).ok).toBe(true);
    expect(reason(deleteVm.canRun([running], cache, NO_HISTORY))).toBe('Shut down the VM before deleting it.');
    expect(deleteVm.appliesTo([template], cache)).toBe(false);
  });

  it('Properties: one object of a kind that has them', () => {
    const { cache, running, halted, host, pool, template } = lab();
    for (const ref of [running, host, pool, template]) expect(properties.canRun([ref], cache, NO_HISTORY).ok).toBe(true);
    expect(reason(properties.canRun([running, halted], cache, NO_HISTORY))).toBe('Select a single object.');
    expect(properties.shortcut).toEqual({ key: 'F2' });
  });

  it('the Pool and Server menus find their object from the selection', () => {
    const { cache, host, pool, running, halted, suspended } = lab();
    expect(poolOfSelection([running], cache)).toBe(pool);
    expect(hostOfSelection([host], cache)).toBe(host);
    expect(hostOfSelection([running], cache)).toBe(host);
    expect(hostOfSelection([halted], cache)).toBe(host); // its home server
    expect(hostOfSelection([suspended], cache)).toBeUndefined();
  });
});

describe('Back and Forward', () => {
  it('follow the history', () => {
    const { cache } = lab();
    expect(reason(goBack.canRun([], cache, NO_HISTORY))).toBe('There is nowhere to go back to.');
    expect(goBack.canRun([], cache, { canGoBack: true, canGoForward: false }).ok).toBe(true);
    expect(goForward.canRun([], cache, { canGoBack: true, canGoForward: true }).ok).toBe(true);
  });
});
