import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { XenApiError } from '../../xapi/errors';
import { useToasts } from '../notifications/toast-store';
import type { ActionContext } from './action-types';
import { guestsToShutDown, makeCoordinator, poolOfHost, powerOnHost, rebootHost, removeFromPool, runHostOp, shutDownHost } from './host-pool-actions';
import { PlainCache } from './testing/plain-cache';

/** The Lab Pool (coordinator a, member b running web-01) and a standalone server s. */
function lab() {
  const cache = new PlainCache();
  const live = cache.add('host_metrics', { live: true });
  const dead = cache.add('host_metrics', { live: false });
  const web = cache.add('VM', { name_label: 'web-01', power_state: 'Running' });
  const dom0 = cache.add('VM', { name_label: 'Control domain', is_control_domain: true, power_state: 'Running' });
  const a = cache.add('host', { name_label: 'a', enabled: true, metrics: live, resident_VMs: [dom0] });
  const b = cache.add('host', { name_label: 'b', enabled: true, metrics: live, resident_VMs: [dom0, web] });
  const c = cache.add('host', { name_label: 'c', metrics: dead });
  const s = cache.add('host', { name_label: 's', metrics: live });
  const pool = cache.add('pool', { name_label: 'Lab Pool', master: a });
  const alone = cache.add('pool', { name_label: '', master: s });
  return { cache, a, b, c, s, pool, alone, web };
}

const state = (action: typeof rebootHost, ref: string, cache: PlainCache) => action.canRun([ref], cache, { canGoBack: false, canGoForward: false });

describe('server pool and power actions', () => {
  it('finds each server’s pool: members of the named pool, a standalone server alone in its own', () => {
    const { cache, a, b, s, pool, alone } = lab();
    expect(poolOfHost(a, cache)).toEqual({ pool, coordinator: a, members: 3 });
    expect(poolOfHost(b, cache)).toEqual({ pool, coordinator: a, members: 3 });
    expect(poolOfHost(s, cache)).toEqual({ pool: alone, coordinator: s, members: 1 });
  });

  it('Remove Server from Pool refuses the coordinator, a standalone server, and a server running VMs (naming them)', () => {
    const { cache, a, b, s, web } = lab();
    expect(state(removeFromPool, a, cache)).toEqual({ ok: false, reason: expect.stringContaining('coordinator cannot be removed') });
    expect(state(removeFromPool, s, cache)).toEqual({ ok: false, reason: 'This server is not in a pool.' });
    expect(state(removeFromPool, b, cache)).toEqual({ ok: false, reason: 'Shut down or migrate the VMs running on it first: web-01.' });
    cache.update('VM', web, { power_state: 'Halted' });
    cache.update('host', b, { resident_VMs: [] });
    expect(state(removeFromPool, b, cache)).toEqual({ ok: true });
  });

  it('Make Coordinator: not the coordinator itself, not with HA on, not a server that is down', () => {
    const { cache, a, b, c, pool } = lab();
    expect(state(makeCoordinator, a, cache)).toEqual({ ok: false, reason: 'This server is already the pool coordinator.' });
    expect(state(makeCoordinator, b, cache)).toEqual({ ok: true });
    expect(state(makeCoordinator, c, cache)).toEqual({ ok: false, reason: 'This server is not reachable.' });
    cache.update('pool', pool, { ha_enabled: true });
    expect(state(makeCoordinator, b, cache)).toEqual({ ok: false, reason: 'Disable HA before changing the pool coordinator.' });
  });

  it('Reboot and Shut Down need a running server (its guests are shut down first, as XenCenter does); Power On a server that is down with a power-on mode', () => {
    const { cache, a, b, c, web } = lab();
    expect(state(rebootHost, a, cache)).toEqual({ ok: true });
    expect(state(shutDownHost, b, cache)).toEqual({ ok: true });
    expect(guestsToShutDown(b, cache)).toEqual([{ ref: web, name: 'web-01', clean: false }]);
    expect(guestsToShutDown(a, cache)).toEqual([]);
    expect(state(rebootHost, c, cache)).toEqual({ ok: false, reason: 'This server is not running.' });
    expect(state(powerOnHost, a, cache)).toEqual({ ok: false, reason: 'This server is already running.' });
    expect(state(powerOnHost, c, cache)).toEqual({ ok: false, reason: expect.stringContaining('No power-on mode') });
    cache.update('host', c, { power_on_mode: 'wake-on-lan' });
    expect(state(powerOnHost, c, cache)).toEqual({ ok: true });
  });
});

describe('runHostOp (Reboot / Shut Down confirmed)', () => {
  afterEach(() => useToasts.setState({ toasts: [] }));

  function context(cache: PlainCache, failOn?: string) {
    const calls: string[] = [];
    const ctx: ActionContext = {
      api: {
        call: vi.fn(),
        startAsync: (method: string) => {
          calls.push(method);
          return Promise.resolve(`OpaqueRef:task-${method}`);
        },
        waitForTask: <T>(task: string) => (task === `OpaqueRef:task-${failOn ?? ''}` ? Promise.reject(new XenApiError('VM_FAILED_SHUTDOWN_ACKNOWLEDGMENT', [])) : Promise.resolve(undefined as T)),
      },
      queryClient: new QueryClient(),
      cache,
      selection: [],
      ui: { openDialog: vi.fn(), goBack: vi.fn(), goForward: vi.fn() },
    };
    return { ctx, calls };
  }
  const target = (ref: string) => ({ cls: 'host' as const, ref, kind: 'host' as const, name: 'b' });

  it('disables the server, shuts its guests down (hard when clean is not allowed), then reboots it', async () => {
    const { cache, b, web } = lab();
    const { ctx, calls } = context(cache);
    expect(await runHostOp(ctx, target(b), 'reboot')).toBe(true);
    expect(calls).toEqual(['host.disable', 'VM.hard_shutdown', 'host.reboot']);
    cache.update('VM', web, { allowed_operations: ['clean_shutdown', 'hard_shutdown'] });
    const clean = context(cache);
    await runHostOp(clean.ctx, target(b), 'shutdown');
    expect(clean.calls).toEqual(['host.disable', 'VM.clean_shutdown', 'host.shutdown']);
  });

  it('a guest that will not shut down stops it there and enables the server again', async () => {
    const { cache, b } = lab();
    const { ctx, calls } = context(cache, 'VM.hard_shutdown');
    expect(await runHostOp(ctx, target(b), 'reboot')).toBe(false);
    expect(calls).toEqual(['host.disable', 'VM.hard_shutdown', 'host.enable']);
    expect(useToasts.getState().toasts[0]?.title).toBe('Could not shut down web-01 to reboot b');
  });

  it('with HA on, first lowers the failures to tolerate to one less than the pool tolerates now (XenCenter: MaybeReduceNtolBeforeOp)', async () => {
    const { cache, b, pool } = lab();
    cache.update('pool', pool, { ha_enabled: true, ha_host_failures_to_tolerate: 2 });
    const { ctx, calls } = context(cache);
    vi.mocked(ctx.api.call).mockResolvedValue(2);
    expect(await runHostOp(ctx, target(b), 'reboot')).toBe(true);
    expect(ctx.api.call).toHaveBeenCalledWith('pool.ha_compute_max_host_failures_to_tolerate');
    expect(calls).toEqual(['pool.set_ha_host_failures_to_tolerate', 'host.disable', 'VM.hard_shutdown', 'host.reboot']);
    // Already low enough: left alone.
    cache.update('pool', pool, { ha_host_failures_to_tolerate: 1 });
    const again = context(cache);
    vi.mocked(again.ctx.api.call).mockResolvedValue(2);
    await runHostOp(again.ctx, target(b), 'reboot');
    expect(again.calls[0]).toBe('host.disable');
  });

  it('a server already in maintenance mode is not disabled again, nor enabled after a failure', async () => {
    const { cache, b } = lab();
    cache.update('host', b, { enabled: false });
    const { ctx, calls } = context(cache, 'host.shutdown');
    expect(await runHostOp(ctx, target(b), 'shutdown')).toBe(false);
    expect(calls).toEqual(['VM.hard_shutdown', 'host.shutdown']);
  });
});
