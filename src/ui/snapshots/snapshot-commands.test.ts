// The snapshot commands' checks and the Take Snapshot dialog's rules, over
// plain records; and the calls a revert makes (a checkpoint of a running VM is
// resumed on the server it ran on).
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { deleteSnapshot, newVmFromSnapshot, revertToSnapshot, takeSnapshot } from '../actions/snapshot-actions';
import type { ActionContext, XenApiCaller } from '../actions/action-types';
import { addVm, PlainCache } from '../actions/testing/plain-cache';
import { deleteSnapshotWithDisks, revertToSnapshot as runRevert, snapshotFailureWords } from './snapshot-runs';
import { canTake, initialMode, snapshotModes, templateNameFor } from './snapshot-rules';

const NO_HISTORY = { canGoBack: false, canGoForward: false };

function world() {
  const cache = new PlainCache();
  const metrics = cache.add('host_metrics', { live: true });
  const host = cache.add('host', { name_label: 'xenserver-01', enabled: true, metrics });
  const vm = addVm(cache, 'web-01', 'Running', { resident_on: host, allowed_operations: ['snapshot', 'checkpoint', 'clean_shutdown'] });
  const snap = cache.add('VM', { name_label: 'before', is_a_snapshot: true, is_a_template: true, snapshot_of: vm, power_state: 'Suspended', snapshot_info: { 'power-state-at-snapshot': 'Running' }, allowed_operations: ['clone', 'copy', 'destroy', 'export', 'revert'] });
  return { cache, host, vm, snap };
}

describe('snapshot commands', () => {
  it('Take a Snapshot… runs on a VM that allows a snapshot or a checkpoint, and says why not', () => {
    const { cache, vm, snap } = world();
    expect(takeSnapshot.canRun([vm], cache, NO_HISTORY)).toEqual({ ok: true });
    expect(takeSnapshot.canRun([snap], cache, NO_HISTORY).ok).toBe(false);
    cache.update('VM', vm, { current_operations: { t: 'clean_shutdown' } as never });
    expect(takeSnapshot.canRun([vm], cache, NO_HISTORY)).toEqual({ ok: false, reason: 'This VM is shutting down; wait for that to finish.' });
  });
  it('Revert To… needs the snapshot’s VM; New VM needs a usable server; Delete runs on several', () => {
    const { cache, vm, snap, host } = world();
    expect(revertToSnapshot.canRun([snap], cache, NO_HISTORY)).toEqual({ ok: true });
    expect(revertToSnapshot.canRun([vm], cache, NO_HISTORY).ok).toBe(false);
    const orphan = cache.add('VM', { name_label: 'orphan', is_a_snapshot: true, is_a_template: true, allowed_operations: ['destroy'] });
    expect(revertToSnapshot.canRun([orphan], cache, NO_HISTORY)).toEqual({ ok: false, reason: 'The VM this snapshot was taken of no longer exists.' });
    expect(newVmFromSnapshot.canRun([snap], cache, NO_HISTORY)).toEqual({ ok: true });
    cache.update('host', host, { enabled: false });
    expect(newVmFromSnapshot.canRun([snap], cache, NO_HISTORY).ok).toBe(false);
    expect(deleteSnapshot.canRun([snap, orphan], cache, NO_HISTORY)).toEqual({ ok: true });
  });
});

describe('Take Snapshot dialog rules', () => {
  it('offers disks and memory only for a running VM, saying why otherwise', () => {
    const { cache, vm } = world();
    expect(snapshotModes(cache, vm)).toEqual({ disks: { ok: true }, memory: { ok: true } });
    const halted = addVm(cache, 'legacy-01', 'Halted', { allowed_operations: ['snapshot', 'start'] });
    const modes = snapshotModes(cache, halted);
    expect(modes.memory).toEqual({ ok: false, reason: 'Disk and memory snapshots need the VM to be running; legacy-01 is shut down.' });
    expect(initialMode(modes)).toBe('disks');
    expect(canTake('', 'disks', modes)).toEqual({ ok: false, reason: 'Enter a name for the snapshot.' });
    expect(canTake('x', 'memory', modes).ok).toBe(false);
    expect(canTake('x', 'disks', modes).ok).toBe(true);
  });
  it('suggests a unique template name', () => {
    const { cache } = world();
    cache.add('VM', { name_label: "Template from snapshot 'before'" });
    expect(templateNameFor('before', cache)).toBe("Template from snapshot 'before' (1)");
  });
  it('words SR_FULL, a chain too long (SR_BACKEND_FAILURE_109) and failed storage (SR_BACKEND_FAILURE_46) for the user', async () => {
    const { XenApiError } = await import('../../xapi/errors');
    expect(snapshotFailureWords('web-01', new XenApiError('SR_FULL', [String(3 * 1024 ** 3), String(1024 ** 3)]))?.detail).toBe('The SR holding web-01’s disks is full. It needs 3 GB; 1 GB is free. Delete old snapshots or unused disks on it, then try again.');
    expect(snapshotFailureWords('web-01', new XenApiError('SR_BACKEND_FAILURE_109', ['', 'The snapshot chain is too long', '']))?.title).toBe('web-01 has too many snapshots');
    const dead = snapshotFailureWords('web-01', new XenApiError('SR_BACKEND_FAILURE_46', ['', 'The VDI is not available [opterr=VDI x unavailable]', '']));
    expect(dead?.title).toBe('The storage holding web-01’s disks is not available');
    expect(dead?.detail).toContain('The VDI is not available [opterr=VDI x unavailable]');
    expect(snapshotFailureWords('web-01', new XenApiError('VM_HAS_TOO_MANY_SNAPSHOTS', ['OpaqueRef:x']))).toBeUndefined(); // a migration error, not a snapshot one
    expect(snapshotFailureWords('web-01', new Error('x'))).toBeUndefined();
  });
});

/** A fake server that logs calls and answers from a script. */
function fakeApi(answers: Record<string, unknown>): XenApiCaller & { log: string[] } {
  const log: string[] = [];
  let n = 0;
  const results = new Map<string, unknown>();
  return {
    log,
    call: <T,>(method: string, ...args: readonly unknown[]) => {
      log.push(`${method} ${args.join(' ')}`.trim());
      return Promise.resolve(answers[method] as T);
    },
    startAsync: (method: string, ...args: readonly unknown[]) => {
      log.push(`Async.${method} ${args.join(' ')}`.trim());
      const task = `task-${String(++n)}`;
      results.set(task, answers[method]);
      return Promise.resolve(task);
    },
    waitForTask: <T,>(task: string) => Promise.resolve(results.get(task) as T),
  };
}

function contextOf(cache: PlainCache, api: XenApiCaller): ActionContext {
  return { api, cache, queryClient: new QueryClient(), selection: [], ui: { openDialog: () => {}, goBack: () => {}, goForward: () => {} } };
}

describe('snapshot calls', () => {
  it('reverts to a checkpoint taken while running, then resumes the VM on the server it ran on', async () => {
    const { cache, vm, snap, host } = world();
    const api = fakeApi({ 'VM.get_power_state': 'Suspended' });
    expect(await runRevert(contextOf(cache, api), snap)).toBe(true);
    expect(api.log).toEqual([`Async.VM.revert ${snap}`, `VM.get_power_state ${vm}`, `VM.assert_can_boot_here ${vm} ${host}`, `Async.VM.resume_on ${vm} ${host} false false`]);
  });
  it('does not start a VM that was shut down when its snapshot was taken', async () => {
    const { cache, snap } = world();
    cache.update('VM', snap, { power_state: 'Halted', snapshot_info: { 'power-state-at-snapshot': 'Halted' } });
    const api = fakeApi({});
    await runRevert(contextOf(cache, api), snap);
    expect(api.log).toEqual([`Async.VM.revert ${snap}`]);
  });
  it('deletes a snapshot and then the disks only it uses', async () => {
    const { cache, snap } = world();
    const own = cache.add('VDI', { name_label: 'disk 0' });
    const shared = cache.add('VDI', { name_label: 'shared' });
    const b1 = cache.add('VBD', { VM: snap, VDI: own, type: 'Disk' });
    const b2 = cache.add('VBD', { VM: snap, VDI: shared, type: 'Disk' });
    const other = cache.add('VBD', { VM: 'OpaqueRef:other', VDI: shared, type: 'Disk' });
    cache.update('VDI', own, { VBDs: [b1] });
    cache.update('VDI', shared, { VBDs: [b2, other] });
    cache.update('VM', snap, { VBDs: [b1, b2] });
    const api = fakeApi({});
    expect(await deleteSnapshotWithDisks(contextOf(cache, api), snap)).toBe(true);
    expect(api.log).toEqual([`Async.VM.destroy ${snap}`, `Async.VDI.destroy ${own}`]);
  });
});
