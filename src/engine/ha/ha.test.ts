import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import type { RecordOf } from '../../xapi/types';

async function sharedSr(lab: Lab): Promise<string> {
  const srs = await lab.call<Record<string, RecordOf<'SR'>>>('SR.get_all_records');
  const found = Object.entries(srs).find(([, sr]) => sr.shared && sr.type === 'nfs');
  if (found === undefined) throw new Error('the default world has no shared NFS SR');
  return found[0];
}

async function pool(lab: Lab): Promise<[string, RecordOf<'pool'>]> {
  const [entry] = Object.entries(await lab.call<Record<string, RecordOf<'pool'>>>('pool.get_all_records'));
  if (entry === undefined) throw new Error('no pool');
  return entry;
}

async function enableHa(lab: Lab, ntol = 1): Promise<string> {
  const [poolRef] = await pool(lab);
  await lab.run('pool.enable_ha', [await sharedSr(lab)], {});
  await lab.call('pool.set_ha_host_failures_to_tolerate', poolRef, ntol);
  return poolRef;
}

async function protect(lab: Lab, ...names: string[]): Promise<void> {
  for (const name of names) await lab.call('VM.set_ha_restart_priority', await lab.vmByName(name), 'restart');
}

describe('pool.enable_ha / disable_ha', () => {
  it('enables HA with a statefile on the shared SR, and disables it cleanly', async () => {
    const lab = await createLab();
    const poolRef = await enableHa(lab, 0);
    const [, record] = await pool(lab);
    expect(record.ha_enabled).toBe(true);
    expect(record.ha_configuration['timeout']).toBe('60');
    expect(record.ha_statefiles).toHaveLength(1);
    const statefile = await lab.call<RecordOf<'VDI'>>('VDI.get_record', record.ha_statefiles[0]);
    expect(statefile.type).toBe('ha_statefile');
    expect(await lab.error('pool.enable_ha', [await sharedSr(lab)], {})).toMatchObject({ code: 'HA_IS_ENABLED' });
    await lab.run('pool.disable_ha');
    expect((await lab.call<RecordOf<'pool'>>('pool.get_record', poolRef)).ha_enabled).toBe(false);
    expect(await lab.error('VDI.get_record', record.ha_statefiles[0])).toMatchObject({ code: 'HANDLE_INVALID' });
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('refuses a local SR for the statefile, and an empty list', async () => {
    const lab = await createLab();
    const srs = await lab.call<Record<string, RecordOf<'SR'>>>('SR.get_all_records');
    const local = Object.entries(srs).find(([, sr]) => !sr.shared && sr.content_type !== 'iso');
    expect(local).toBeDefined();
    const error = await lab.error('pool.enable_ha', [local?.[0]], {});
    expect(['INCOMPATIBLE_STATEFILE_SR', 'HA_CONSTRAINT_VIOLATION_SR_NOT_SHARED']).toContain(error.code);
    expect((await lab.error('pool.enable_ha', [], {})).code).toBe('CANNOT_CREATE_STATE_FILE');
    expect((await lab.error('pool.enable_ha', [await sharedSr(lab)], { timeout: '5' })).code).toBe('INVALID_VALUE');
  });
});

describe('restart priorities and the plan', () => {
  it('protects only agile VMs: a VM on local storage cannot be protected', async () => {
    const lab = await createLab();
    await enableHa(lab, 0);
    const error = await lab.error('VM.set_ha_restart_priority', await lab.vmByName('db-01'), 'restart');
    expect(error.code).toBe('HA_CONSTRAINT_VIOLATION_SR_NOT_SHARED');
    expect((await lab.error('VM.set_ha_restart_priority', await lab.vmByName('web-01'), 'always')).code).toBe('INVALID_VALUE');
  });

  it('computes the failures the pool tolerates, hypothetically too, and refuses a target it cannot meet', async () => {
    const lab = await createLab();
    const poolRef = await enableHa(lab, 0);
    await protect(lab, 'web-01', 'dc-01');
    const max = await lab.call<number>('pool.ha_compute_max_host_failures_to_tolerate');
    expect(max).toBeGreaterThanOrEqual(1);
    expect(await lab.call<boolean>('pool.ha_failover_plan_exists', 1)).toBe(true);
    // Every running VM protected: what could the pool then tolerate?
    const all = Object.fromEntries(await Promise.all(['web-01', 'dc-01', 'build-01', 'win-app-01'].map(async (n) => [await lab.vmByName(n), 'restart'])));
    const hypothetical = await lab.call<number>('pool.ha_compute_hypothetical_max_host_failures_to_tolerate', all);
    expect(hypothetical).toBeLessThanOrEqual(max);
    expect((await lab.error('pool.set_ha_host_failures_to_tolerate', poolRef, 3)).code).toBe('HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN');
    await lab.call('pool.set_ha_host_failures_to_tolerate', poolRef, 1);
    const record = await lab.call<RecordOf<'pool'>>('pool.get_record', poolRef);
    expect(record.ha_plan_exists_for).toBe(max);
    expect(record.ha_overcommitted).toBe(false);
  });
});

describe('a host failure with HA on', () => {
  it('declares a powered-off host dead after the timeout and restarts its protected VMs elsewhere', async () => {
    const lab = await createLab();
    await enableHa(lab, 1);
    await protect(lab, 'web-01', 'win-app-01');
    const web = await lab.vmByName('web-01');
    const host = (await lab.call<RecordOf<'VM'>>('VM.get_record', web)).resident_on;
    const metrics = (await lab.call<RecordOf<'host'>>('host.get_record', host)).metrics;
    await lab.call('Simulator.inject_fault', 'power', host, {});
    lab.engine.advance(59);
    expect((await lab.call<RecordOf<'host_metrics'>>('host_metrics.get_record', metrics)).live).toBe(true);
    expect((await lab.call<RecordOf<'VM'>>('VM.get_record', web)).resident_on).toBe(host);
    lab.engine.advance(2);
    expect((await lab.call<RecordOf<'host_metrics'>>('host_metrics.get_record', metrics)).live).toBe(false);
    lab.engine.advance(120); // restarts: domain build + boot
    for (const name of ['web-01', 'win-app-01']) {
      const vm = await lab.call<RecordOf<'VM'>>('VM.get_record', await lab.vmByName(name));
      expect(vm.power_state, name).toBe('Running');
      expect(vm.resident_on, name).not.toBe(host);
    }
    // An unprotected VM of that host stays down.
    const ci = await lab.call<RecordOf<'VM'>>('VM.get_record', await lab.vmByName('ci-01'));
    expect(ci.power_state).toBe('Halted');
    const messages = Object.values(await lab.call<Record<string, RecordOf<'message'>>>('message.get_all_records')).map((m) => m.name);
    expect(messages).toContain('HA_HOST_FAILED');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('elects a new coordinator when the coordinator fails, and the old one rejoins once powered on', async () => {
    const lab = await createLab();
    const poolRef = await enableHa(lab, 1);
    const master = (await lab.call<RecordOf<'pool'>>('pool.get_record', poolRef)).master;
    await lab.call('Simulator.inject_fault', 'power', master, {});
    lab.engine.advance(61);
    const next = (await lab.call<RecordOf<'pool'>>('pool.get_record', poolRef)).master;
    expect(next).not.toBe(master);
    await lab.call('Simulator.clear_fault', 'power', master);
    lab.engine.advance(200);
    const metrics = (await lab.call<RecordOf<'host'>>('host.get_record', master)).metrics;
    expect((await lab.call<RecordOf<'host_metrics'>>('host_metrics.get_record', metrics)).live).toBe(true);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('fences a host cut off from the management network (not in the largest partition); the others keep running', async () => {
    const lab = await createLab();
    await enableHa(lab, 1);
    await protect(lab, 'dc-01');
    const dc = await lab.vmByName('dc-01');
    const host = (await lab.call<RecordOf<'VM'>>('VM.get_record', dc)).resident_on;
    await lab.call('Simulator.inject_fault', 'management-network', host, {});
    lab.engine.advance(30);
    expect((await lab.call<RecordOf<'VM'>>('VM.get_record', dc)).resident_on).toBe(host);
    lab.engine.advance(31 + 120);
    const moved = await lab.call<RecordOf<'VM'>>('VM.get_record', dc);
    expect(moved.power_state).toBe('Running');
    expect(moved.resident_on).not.toBe(host);
    const messages = Object.values(await lab.call<Record<string, RecordOf<'message'>>>('message.get_all_records')).map((m) => m.name);
    expect(messages).toContain('HA_HOST_WAS_FENCED');
    // Every other host is still live.
    const hosts = await lab.call<Record<string, RecordOf<'host'>>>('host.get_all_records');
    for (const [ref, h] of Object.entries(hosts)) {
      const live = (await lab.call<RecordOf<'host_metrics'>>('host_metrics.get_record', h.metrics)).live;
      expect(live, h.name_label).toBe(ref !== host);
    }
  });

  it('survives the loss of the heartbeat SR on every host (rule 2): nobody fences', async () => {
    const lab = await createLab();
    await enableHa(lab, 1);
    await lab.call('Simulator.inject_fault', 'sr-failed', await sharedSr(lab), {});
    lab.engine.advance(600);
    const hosts = await lab.call<Record<string, RecordOf<'host'>>>('host.get_all_records');
    for (const h of Object.values(hosts)) expect((await lab.call<RecordOf<'host_metrics'>>('host_metrics.get_record', h.metrics)).live).toBe(true);
    // Each host said once that it lost the statefile.
    const lost = Object.values(await lab.call<Record<string, RecordOf<'message'>>>('message.get_all_records')).filter((m) => m.name === 'HA_STATEFILE_LOST');
    expect(lost.map((m) => m.obj_uuid).sort()).toEqual(Object.values(hosts).map((h) => h.uuid).sort());
    expect(lost.every((m) => m.priority === 2 && m.cls === 'Host')).toBe(true);
  });

  it('a host whose storage network is cut announces HA_STATEFILE_LOST at once, then fences after T + 15 s', async () => {
    const lab = await createLab();
    await enableHa(lab, 1);
    const dc = await lab.vmByName('dc-01');
    const host = (await lab.call<RecordOf<'VM'>>('VM.get_record', dc)).resident_on;
    const uuid = (await lab.call<RecordOf<'host'>>('host.get_record', host)).uuid;
    await lab.call('Simulator.inject_fault', 'storage-network', host, {});
    const named = async (name: string) => Object.values(await lab.call<Record<string, RecordOf<'message'>>>('message.get_all_records')).filter((m) => m.name === name);
    expect((await named('HA_STATEFILE_LOST')).map((m) => m.obj_uuid)).toEqual([uuid]);
    lab.engine.advance(74);
    expect(await named('HA_HOST_WAS_FENCED')).toEqual([]);
    lab.engine.advance(2);
    expect((await named('HA_HOST_WAS_FENCED')).map((m) => m.obj_uuid)).toEqual([uuid]);
    expect(await named('HA_STATEFILE_LOST')).toHaveLength(1);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});

describe('a host failure without HA', () => {
  it('marks the host not live after 600 s and leaves its VMs recorded as running until it starts again', async () => {
    const lab = await createLab();
    const web = await lab.vmByName('web-01');
    const host = (await lab.call<RecordOf<'VM'>>('VM.get_record', web)).resident_on;
    const metrics = (await lab.call<RecordOf<'host'>>('host.get_record', host)).metrics;
    await lab.call('Simulator.inject_fault', 'power', host, {});
    lab.engine.advance(599);
    expect((await lab.call<RecordOf<'host_metrics'>>('host_metrics.get_record', metrics)).live).toBe(true);
    lab.engine.advance(2);
    expect((await lab.call<RecordOf<'host_metrics'>>('host_metrics.get_record', metrics)).live).toBe(false);
    expect((await lab.call<RecordOf<'VM'>>('VM.get_record', web)).power_state).toBe('Running');
    await lab.call('Simulator.clear_fault', 'power', host);
    lab.engine.advance(181);
    expect((await lab.call<RecordOf<'host_metrics'>>('host_metrics.get_record', metrics)).live).toBe(true);
    expect((await lab.call<RecordOf<'VM'>>('VM.get_record', web)).power_state).toBe('Halted');
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('degrades and restores a NIC', async () => {
    const lab = await createLab();
    const [pif, record] = Object.entries(await lab.call<Record<string, RecordOf<'PIF'>>>('PIF.get_all_records'))[0] ?? [];
    if (pif === undefined || record === undefined) throw new Error('no PIF');
    const before = (await lab.call<RecordOf<'PIF_metrics'>>('PIF_metrics.get_record', record.metrics)).speed;
    await lab.call('Simulator.inject_fault', 'nic-degraded', pif, { mbit: '10' });
    expect((await lab.call<RecordOf<'PIF_metrics'>>('PIF_metrics.get_record', record.metrics)).speed).toBe(10);
    expect(await lab.call<unknown[]>('Simulator.list_faults')).toHaveLength(1);
    await lab.call('Simulator.clear_fault', 'nic-degraded', pif);
    expect((await lab.call<RecordOf<'PIF_metrics'>>('PIF_metrics.get_record', record.metrics)).speed).toBe(before);
    expect((await lab.error('Simulator.inject_fault', 'meteor', pif, {})).code).toBe('INVALID_VALUE');
    expect((await lab.error('Simulator.inject_fault', 'power', pif, {})).code).toBe('HANDLE_INVALID');
  });
});

describe('host.disable with HA on (xapi: assert_host_disable_preserves_ha_plan)', () => {
  it('is refused when the pool could no longer tolerate its planned failures without the host, allowed once fewer are planned', async () => {
    const lab = await createLab();
    const poolRef = await enableHa(lab, 2);
    await protect(lab, 'web-01');
    const web = await lab.call<RecordOf<'VM'>>('VM.get_record', await lab.vmByName('web-01'));
    // Three servers, two failures tolerated: without one of them, two failures would leave none.
    expect((await lab.error('host.disable', web.resident_on)).code).toBe('HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN');
    expect((await lab.call<RecordOf<'host'>>('host.get_record', web.resident_on)).enabled).toBe(true);
    // XenCenter lowers the failures to tolerate first (HostAbstractAction.MaybeReduceNtolBeforeOp).
    await lab.call('pool.set_ha_host_failures_to_tolerate', poolRef, 1);
    await lab.run('host.disable', web.resident_on);
    expect((await lab.call<RecordOf<'host'>>('host.get_record', web.resident_on)).enabled).toBe(false);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('is allowed when the pool allows overcommitting', async () => {
    const lab = await createLab();
    const poolRef = await enableHa(lab, 2);
    await protect(lab, 'web-01');
    await lab.call('pool.set_ha_allow_overcommit', poolRef, true);
    const host = (await lab.call<RecordOf<'VM'>>('VM.get_record', await lab.vmByName('web-01'))).resident_on;
    await lab.run('host.disable', host);
    expect((await lab.call<RecordOf<'host'>>('host.get_record', host)).enabled).toBe(false);
  });
});
