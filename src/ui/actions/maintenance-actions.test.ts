import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { ActionContext } from './action-types';
import { enterAndEvacuate } from './maintenance-actions';
import { PlainCache } from './testing/plain-cache';

function context(cache: PlainCache) {
  const calls: string[] = [];
  const ctx: ActionContext = {
    api: {
      call: vi.fn().mockResolvedValue(1),
      startAsync: (method: string) => {
        calls.push(method);
        return Promise.resolve(`OpaqueRef:task-${method}`);
      },
      waitForTask: <T>() => Promise.resolve(undefined as T),
    },
    queryClient: new QueryClient(),
    cache,
    selection: [],
    ui: { openDialog: vi.fn(), goBack: vi.fn(), goForward: vi.fn() },
  };
  return { ctx, calls };
}

describe('Enter Maintenance Mode', () => {
  const target = (ref: string) => ({ cls: 'host' as const, ref, kind: 'host' as const, name: 'b' });

  it('disables the server, marks it and evacuates it', async () => {
    const cache = new PlainCache();
    const b = cache.add('host', { name_label: 'b', enabled: true });
    cache.add('pool', { name_label: 'Lab Pool', ha_enabled: false });
    const { ctx, calls } = context(cache);
    expect(await enterAndEvacuate(ctx, target(b), ['OpaqueRef:web'])).toBe(true);
    expect(calls).toEqual(['host.disable', 'host.evacuate']);
    expect(ctx.api.call).toHaveBeenCalledWith('host.add_to_other_config', b, 'MAINTENANCE_MODE', 'true');
  });

  it('with HA on, first lowers the failures to tolerate so host.disable keeps a failover plan (XenCenter: EvacuateHostAction)', async () => {
    const cache = new PlainCache();
    const b = cache.add('host', { name_label: 'b', enabled: true });
    cache.add('pool', { name_label: 'Lab Pool', ha_enabled: true, ha_host_failures_to_tolerate: 1 });
    const { ctx, calls } = context(cache); // the pool tolerates 1 now: 0 without b
    expect(await enterAndEvacuate(ctx, target(b), [])).toBe(true);
    expect(ctx.api.call).toHaveBeenCalledWith('pool.ha_compute_max_host_failures_to_tolerate');
    expect(calls).toEqual(['pool.set_ha_host_failures_to_tolerate', 'host.disable', 'host.evacuate']);
  });
});
