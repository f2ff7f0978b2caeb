// The snapshot schedule form: field checks, the schedule map per frequency,
// the calls the wizard and Properties make, and the next run time.
import { describe, expect, it } from 'vitest';
import { PlainCache } from '../../actions/testing/plain-cache';
import { historyOf } from '../../dialogs/vmss-history';
import { createCalls, describeSchedule, editCalls, formFromRecord, NEW_FORM, nextRun, scheduleOf, vmChoices, vmssErrors, vmsWarning, type VmssForm } from './vmss-model';

function world() {
  const cache = new PlainCache();
  const nightly = cache.add('VMSS', { name_label: 'Nightly', frequency: 'daily', schedule: { hour: '2', min: '0' }, retained_snapshots: 7, type: 'snapshot' });
  const web = cache.add('VM', { name_label: 'web-01', power_state: 'Running', snapshot_schedule: nightly });
  const db = cache.add('VM', { name_label: 'db-01', power_state: 'Halted' });
  cache.add('VM', { name_label: 'tmpl', is_a_template: true });
  cache.add('VM', { name_label: 'dom0', is_control_domain: true });
  cache.update('VMSS', nightly, { VMs: [web] });
  return { cache, nightly, web, db };
}

const form = (patch: Partial<VmssForm>): VmssForm => ({ ...NEW_FORM, name: 'Hourly', ...patch });

describe('snapshot schedule form', () => {
  it('checks the name (required, unique), weekly days and the number to keep (1–10)', () => {
    const { cache, nightly } = world();
    expect(vmssErrors(form({ name: '  ' }), cache).name).toMatch(/Enter a name/);
    expect(vmssErrors(form({ name: 'Nightly' }), cache).name).toMatch(/already exists/);
    expect(vmssErrors(form({ name: 'Nightly' }), cache, nightly).name).toBeUndefined();
    expect(vmssErrors(form({ frequency: 'weekly', days: [] }), cache).days).toMatch(/at least one day/);
    for (const bad of ['0', '11', '2.5', '', 'x']) expect(vmssErrors(form({ retained: bad }), cache).retained).toMatch(/1 to 10/);
    expect(vmssErrors(form({ retained: '10' }), cache)).toEqual({});
    expect(vmssErrors(form({ type: 'snapshot_with_quiesce' }), cache).type).toMatch(/VSS/);
  });

  it('lists real VMs only, marking those in another schedule, and warns that they move', () => {
    const { cache, nightly, web, db } = world();
    const choices = vmChoices(cache, undefined);
    expect(choices.map((c) => [c.name, c.currentPolicy])).toEqual([
      ['db-01', undefined],
      ['web-01', 'Nightly'],
    ]);
    expect(vmChoices(cache, nightly).find((c) => c.ref === web)?.currentPolicy).toBeUndefined();
    expect(vmsWarning(form({ vms: [web, db] }), choices)).toMatch(/web-01 \(now in Nightly\)/);
    expect(vmsWarning(form({ vms: [] }), choices)).toMatch(/No VMs/);
    expect(vmsWarning(form({ vms: [db] }), choices)).toBeUndefined();
  });

  it('keeps the schedule keys of the frequency, days in week order', () => {
    expect(scheduleOf({ frequency: 'hourly', hour: 5, minute: 15, days: [] })).toEqual({ min: '15' });
    expect(scheduleOf({ frequency: 'daily', hour: 5, minute: 30, days: ['Friday'] })).toEqual({ hour: '5', min: '30' });
    expect(scheduleOf({ frequency: 'weekly', hour: 22, minute: 45, days: ['Saturday', 'Monday'] })).toEqual({ hour: '22', min: '45', days: 'Monday,Saturday' });
    expect(describeSchedule('weekly', { hour: '22', min: '45', days: 'Monday,Saturday' })).toBe('Every Monday, Saturday at 22:45 UTC');
    expect(describeSchedule('hourly', { min: '0' })).toBe('Every hour on the hour');
  });

  it('creates with VMSS.create, then puts each VM in it, then runs it if asked', () => {
    const calls = createCalls(form({ vms: ['a', 'b'], frequency: 'hourly', minute: 0, retained: '3' }), true);
    expect(calls.map((c) => c.method)).toEqual(['VMSS.create', 'VM.set_snapshot_schedule', 'VM.set_snapshot_schedule', 'VMSS.snapshot_now']);
    expect(calls[0]?.args[0]).toMatchObject({ name_label: 'Hourly', frequency: 'hourly', schedule: { min: '0' }, retained_snapshots: 3, type: 'snapshot', enabled: true });
    expect(calls[1]?.args).toEqual(['a', '$vmss']);
    expect(createCalls(form({ vms: [] }), true).map((c) => c.method)).toEqual(['VMSS.create']);
  });

  it('edits only what changed: frequency before schedule, VMs out and in', () => {
    const { cache, nightly, web, db } = world();
    const record = cache.get('VMSS', nightly)!;
    expect(editCalls(nightly, record, formFromRecord(record))).toEqual([]);
    const calls = editCalls(nightly, record, { ...formFromRecord(record), frequency: 'weekly', days: ['Sunday'], vms: [db], retained: '3', enabled: false });
    expect(calls.map((c) => [c.method, c.args[1]])).toEqual([
      ['VMSS.set_retained_snapshots', 3],
      ['VMSS.set_frequency', 'weekly'],
      ['VMSS.set_schedule', { hour: '2', min: '0', days: 'Sunday' }],
      ['VM.set_snapshot_schedule', 'OpaqueRef:NULL'],
      ['VM.set_snapshot_schedule', nightly],
      ['VMSS.set_enabled', false],
    ]);
    expect(calls[3]?.args[0]).toBe(web);
  });

  it('finds the next run on the UTC clock', () => {
    const monday0800 = Date.UTC(2026, 0, 5, 8, 0, 0) / 1000; // 5 Jan 2026 was a Monday
    expect(nextRun('hourly', { min: '0' }, monday0800)).toBe(monday0800 + 3600);
    expect(nextRun('hourly', { min: '15' }, monday0800)).toBe(monday0800 + 900);
    expect(nextRun('daily', { hour: '2', min: '0' }, monday0800)).toBe(monday0800 + 18 * 3600);
    expect(nextRun('weekly', { hour: '8', min: '0', days: 'Monday' }, monday0800)).toBe(monday0800 + 7 * 86400);
    expect(nextRun('weekly', { hour: '9', min: '30', days: 'Wednesday' }, monday0800)).toBe(monday0800 + 2 * 86400 + 5400);
  });

  it("reads a schedule's history from its messages, newest first", () => {
    const { cache, nightly } = world();
    const uuid = cache.get('VMSS', nightly)!.uuid;
    cache.add('message', { name: 'VMSS_SNAPSHOT_SUCCEEDED', priority: 5, obj_uuid: uuid, timestamp: '20260105T09:00:00Z', body: 'ok' });
    cache.add('message', { name: 'VMSS_SNAPSHOT_FAILED', priority: 3, obj_uuid: uuid, timestamp: '20260105T10:00:00Z', body: 'db-01: SR_FULL' });
    cache.add('message', { name: 'HA_POOL_OVERCOMMITTED', priority: 3, obj_uuid: uuid, timestamp: '20260105T11:00:00Z' });
    expect(historyOf(cache, uuid).map((h) => [h.ok, h.text])).toEqual([
      [false, 'db-01: SR_FULL'],
      [true, 'ok'],
    ]);
  });
});
