import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { XenApiError } from '../../xapi/errors';
import { useToasts } from '../notifications/toast-store';
import type { ActionContext } from './action-types';
import { explainFailure, skippedSummary } from './report';
import { runTaskCall } from './run-xenapi';
import { addVm, PlainCache } from './testing/plain-cache';
import { shutDownVm } from './vm-power-actions';

afterEach(() => useToasts.setState({ toasts: [] }));

describe('reporting', () => {
  it('names each skipped object with its reason', () => {
    const target = (name: string) => ({ cls: 'VM' as const, ref: name, kind: 'vm' as const, name });
    const s = skippedSummary('Shut Down', [{ target: target('game-01'), reason: 'This VM is shut down.' }], 2);
    expect(s).toEqual({ title: 'Shut Down: 1 of 3 skipped', detail: 'game-01 — This VM is shut down.' });
  });

  it('explains a XenAPI error in plain words, with its code and parameters (refs by name)', () => {
    const cache = new PlainCache();
    const vm = addVm(cache, 'web-01', 'Running');
    const e = explainFailure(new XenApiError('VM_BAD_POWER_STATE', [vm, 'halted', 'running']), cache);
    expect(e.detail).toMatch(/wrong power state/);
    expect(e.code).toBe('VM_BAD_POWER_STATE (web-01, halted, running)');
    expect(explainFailure(new Error('socket closed'))).toEqual({ detail: 'socket closed' });
  });

  it('running on several VMs: calls for those that can, a toast for the rest', async () => {
    const cache = new PlainCache();
    const running = addVm(cache, 'web-01', 'Running');
    const halted = addVm(cache, 'game-01', 'Halted');
    const calls: unknown[][] = [];
    const context: ActionContext = {
      api: {
        call: vi.fn(),
        startAsync: (method: string, ...args: readonly unknown[]) => {
          calls.push([method, ...args]);
          return Promise.resolve('OpaqueRef:task');
        },
        waitForTask: <T>() => Promise.resolve(undefined as T),
      },
      queryClient: new QueryClient(),
      cache,
      selection: [running, halted],
      ui: { openDialog: vi.fn(), goBack: vi.fn(), goForward: vi.fn() },
    };
    shutDownVm.run(context);
    await vi.waitFor(() => expect(calls).toEqual([['VM.clean_shutdown', running]]));
    expect(useToasts.getState().toasts.map((t) => [t.kind, t.title, t.detail])).toEqual([['info', 'Shut Down: 1 of 2 skipped', 'game-01 — This VM is shut down.']]);
  });

  it('a refused call is toasted with its explanation and code', async () => {
    const cache = new PlainCache();
    const running = addVm(cache, 'web-01', 'Running');
    const context: ActionContext = {
      api: {
        call: vi.fn(),
        startAsync: () => Promise.resolve('OpaqueRef:task'),
        waitForTask: () => Promise.reject(new XenApiError('OTHER_OPERATION_IN_PROGRESS', ['VM', running])),
      },
      queryClient: new QueryClient(),
      cache,
      selection: [running],
      ui: { openDialog: vi.fn(), goBack: vi.fn(), goForward: vi.fn() },
    };
    shutDownVm.run(context);
    await vi.waitFor(() => expect(useToasts.getState().toasts).toHaveLength(1));
    const [toast] = useToasts.getState().toasts;
    expect(toast).toMatchObject({ kind: 'error', title: 'Could not shut down web-01', code: 'OTHER_OPERATION_IN_PROGRESS (VM, web-01)' });
    expect(toast?.detail).toMatch(/Another operation/);
  });
});

describe('cancelled tasks', () => {
  it('are not announced as failures (the user cancelled them)', async () => {
    const cache = new PlainCache();
    const running = addVm(cache, 'web-01', 'Running');
    const context: ActionContext = {
      api: { call: vi.fn(), startAsync: () => Promise.resolve('OpaqueRef:task'), waitForTask: () => Promise.reject(new XenApiError('TASK_CANCELLED', ['OpaqueRef:task'])) },
      queryClient: new QueryClient(),
      cache,
      selection: [running],
      ui: { openDialog: vi.fn(), goBack: vi.fn(), goForward: vi.fn() },
    };
    expect(await runTaskCall(context, { method: 'VM.clean_shutdown', args: [running], target: { cls: 'VM', ref: running, kind: 'vm', name: 'web-01' }, failure: 'x' })).toBe(false);
    expect(useToasts.getState().toasts).toEqual([]);
  });
});
