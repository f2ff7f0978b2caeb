import { describe, expect, it, vi } from 'vitest';
import type { ActionContext } from './action-types';
import { degradeNic, FAULT_MENU, failSr, powerOffHost, powerOnHost, repairSr, restoreNic } from './fault-actions';
import { PlainCache } from './testing/plain-cache';

const history = { canGoBack: false, canGoForward: false };

function lab() {
  const cache = new PlainCache();
  const eth0 = cache.add('PIF', { device: 'eth0', management: true });
  const eth1 = cache.add('PIF', { device: 'eth1', management: false });
  const host = cache.add('host', { name_label: 'xenserver-02', PIFs: [eth1, eth0] });
  const web = cache.add('VM', { name_label: 'web-01', power_state: 'Running', resident_on: host });
  const nfs = cache.add('SR', { name_label: 'NFS storage', shared: true });
  const local = cache.add('SR', { name_label: 'Local storage', shared: false });
  return { cache, host, web, eth0, nfs, local };
}

function context(cache: PlainCache, selection: string[]) {
  const call = vi.fn(() => Promise.resolve(''));
  const ctx = { api: { call }, cache, selection } as unknown as ActionContext;
  return { ctx, call };
}

describe('Faults menu', () => {
  it('lists every fault of the issue with its repair: power, management and storage network, NIC, shared SR', () => {
    const labels = FAULT_MENU.filter((e) => e !== 'separator').map((e) => e.label);
    expect(labels).toEqual([
      'Pull the Power Plug',
      'Restore Power',
      'Cut the Management Network',
      'Reconnect the Management Network',
      'Cut the Storage Network',
      'Reconnect the Storage Network',
      'Degrade the Management NIC',
      'Restore the Management NIC',
      'Fail the Storage Repository',
      'Repair the Storage Repository',
    ]);
  });

  it('degrades the management NIC of the selected VM’s server to 100 Mbit/s, and restores it only once degraded', () => {
    const { cache, web, eth0 } = lab();
    expect(degradeNic.canRun([web], cache, history)).toEqual({ ok: true });
    expect(restoreNic.canRun([web], cache, history)).toEqual({ ok: false, reason: 'The management NIC of xenserver-02 runs at full speed.' });
    const { ctx, call } = context(cache, [web]);
    degradeNic.run(ctx);
    expect(call).toHaveBeenCalledWith('Simulator.inject_fault', 'nic-degraded', eth0, { mbit: '100' });

    cache.update('PIF', eth0, { other_config: { 'xenlab-fault-degraded': '1700000000' } });
    expect(degradeNic.canRun([web], cache, history)).toEqual({ ok: false, reason: 'The management NIC of xenserver-02 is already degraded.' });
    const restore = context(cache, [web]);
    restoreNic.run(restore.ctx);
    expect(restore.call).toHaveBeenCalledWith('Simulator.clear_fault', 'nic-degraded', eth0);
  });

  it('pulls the plug once and restores power only after it', () => {
    const { cache, host } = lab();
    expect(powerOnHost.canRun([host], cache, history)).toEqual({ ok: false, reason: 'Nothing to repair on xenserver-02.' });
    cache.update('host', host, { other_config: { 'xenlab-fault-power': '1700000000' } });
    expect(powerOffHost.canRun([host], cache, history)).toEqual({ ok: false, reason: 'Already done on xenserver-02.' });
    expect(powerOnHost.canRun([host], cache, history)).toEqual({ ok: true });
  });

  it('fails only a shared SR, and repairs only a failed one', () => {
    const { cache, nfs, local } = lab();
    expect(failSr.appliesTo([local], cache)).toBe(false);
    expect(failSr.canRun([nfs], cache, history)).toEqual({ ok: true });
    expect(repairSr.canRun([nfs], cache, history)).toEqual({ ok: false, reason: 'NFS storage has not failed.' });
    cache.update('SR', nfs, { other_config: { 'xenlab-fault-failed': '1700000000' } });
    expect(repairSr.canRun([nfs], cache, history)).toEqual({ ok: true });
  });
});
