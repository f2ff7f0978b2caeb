// The New Snapshot Schedule wizard's form and its checks, shared with the
// schedule's Properties dialog: name, the VMs in the policy, the snapshot
// type, the schedule (hourly at a minute, daily at a time, weekly on days at
// a time, in the pool's time: UTC) and how many scheduled snapshots to keep.
// Limits are xapi's (xapi_vmss.ml): minutes 0/15/30/45, hours 0–23, days by
// English name, 1–10 snapshots kept. The server checks all of them again.
import type { RecordOf } from '../../../xapi/types';
import type { CacheReader } from '../../actions/action-types';
import { isNullRef } from '../../../xapi/refs';

export type Frequency = 'hourly' | 'daily' | 'weekly';
export type SnapshotKind = 'snapshot' | 'checkpoint' | 'snapshot_with_quiesce';

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const MINUTES = [0, 15, 30, 45] as const;
export const RETAINED_MIN = 1;
export const RETAINED_MAX = 10;

export interface VmssForm {
  readonly name: string;
  readonly description: string;
  readonly vms: readonly string[];
  readonly type: SnapshotKind;
  readonly frequency: Frequency;
  readonly hour: number;
  readonly minute: number;
  readonly days: readonly string[];
  /** As typed: checked to be a whole number in range. */
  readonly retained: string;
  readonly enabled: boolean;
}

export const NEW_FORM: VmssForm = {
  name: '',
  description: '',
  vms: [],
  type: 'snapshot',
  frequency: 'daily',
  hour: 0,
  minute: 0,
  days: ['Monday'],
  retained: '7',
  enabled: true,
};

export interface VmssErrors {
  readonly name?: string;
  readonly vms?: string;
  readonly type?: string;
  readonly days?: string;
  readonly retained?: string;
}

/** A VM a policy can hold: a real VM (not a template, snapshot or dom0). */
export function isSchedulable(vm: RecordOf<'VM'>): boolean {
  return !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain;
}

export interface VmChoice {
  readonly ref: string;
  readonly name: string;
  readonly powerState: string;
  /** The policy it is in now (other than the one edited), by name. */
  readonly currentPolicy: string | undefined;
}

export function vmChoices(cache: CacheReader, editing: string | undefined): VmChoice[] {
  const out: VmChoice[] = [];
  for (const [ref, vm] of cache.all('VM')) {
    if (!isSchedulable(vm)) continue;
    const policy = isNullRef(vm.snapshot_schedule) || vm.snapshot_schedule === editing ? undefined : cache.get('VMSS', vm.snapshot_schedule);
    out.push({ ref, name: vm.name_label, powerState: vm.power_state, currentPolicy: policy?.name_label });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** Quiesced snapshots need the guest's VSS provider (Windows with the management agent): none of XenLab's guests have one. */
export const QUIESCE_BLOCKED = 'Quiesced snapshots need a VSS provider in each guest; none of the VMs in this pool has one.';

export function parseRetained(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text.trim());
  return n >= RETAINED_MIN && n <= RETAINED_MAX ? n : undefined;
}

export function vmssErrors(form: VmssForm, cache: CacheReader, editing?: string): VmssErrors {
  const e: { -readonly [K in keyof VmssErrors]: VmssErrors[K] } = {};
  const name = form.name.trim();
  if (name === '') e.name = 'Enter a name for the snapshot schedule.';
  else if ([...cache.all('VMSS')].some(([ref, p]) => ref !== editing && p.name_label.trim() === name)) e.name = `A snapshot schedule named "${name}" already exists.`;
  if (form.type === 'snapshot_with_quiesce') e.type = QUIESCE_BLOCKED;
  if (form.frequency === 'weekly' && form.days.length === 0) e.days = 'Choose at least one day of the week.';
  if (parseRetained(form.retained) === undefined) e.retained = `Enter a whole number from ${String(RETAINED_MIN)} to ${String(RETAINED_MAX)}.`;
  return e;
}

/** What the VMs page warns about: VMs that move from another policy, or none chosen. */
export function vmsWarning(form: VmssForm, choices: readonly VmChoice[]): string | undefined {
  const moving = choices.filter((c) => form.vms.includes(c.ref) && c.currentPolicy !== undefined);
  if (moving.length > 0) return `${moving.map((c) => `${c.name} (now in ${c.currentPolicy ?? ''})`).join(', ')} will leave ${moving.length === 1 ? 'its' : 'their'} current schedule: a VM is in one snapshot schedule at most.`;
  if (form.vms.length === 0) return 'No VMs are chosen: the schedule will take no snapshots until VMs are added.';
  return undefined;
}

/** The schedule map xapi keeps for the frequency (VMSS.schedule). */
export function scheduleOf(form: Pick<VmssForm, 'frequency' | 'hour' | 'minute' | 'days'>): Record<string, string> {
  const min = String(form.minute);
  if (form.frequency === 'hourly') return { min };
  if (form.frequency === 'daily') return { hour: String(form.hour), min };
  const days = DAYS.filter((d) => form.days.includes(d)).join(',');
  return { hour: String(form.hour), min, days };
}

export function formFromRecord(record: RecordOf<'VMSS'>): VmssForm {
  const s = record.schedule;
  const hour = Number(s['hour'] ?? '0');
  const minute = Number(s['min'] ?? '0');
  return {
    name: record.name_label,
    description: record.name_description,
    vms: [...record.VMs],
    type: record.type,
    frequency: record.frequency,
    hour: Number.isInteger(hour) ? hour : 0,
    minute: Number.isInteger(minute) ? minute : 0,
    days: (s['days'] ?? 'Monday').split(',').filter((d) => (DAYS as readonly string[]).includes(d)),
    retained: String(record.retained_snapshots),
    enabled: record.enabled,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "Every hour at 15 minutes past", "Every day at 05:30", "Every Monday, Friday at 22:00" (UTC). */
export function describeSchedule(frequency: Frequency, schedule: Readonly<Record<string, string>>): string {
  const min = Number(schedule['min'] ?? '0');
  const hour = Number(schedule['hour'] ?? '0');
  if (frequency === 'hourly') return min === 0 ? 'Every hour on the hour' : `Every hour at ${String(min)} minutes past`;
  const at = `${pad(hour)}:${pad(min)} UTC`;
  if (frequency === 'daily') return `Every day at ${at}`;
  const days = (schedule['days'] ?? 'Monday').split(',');
  return `Every ${days.length === 7 ? 'day' : days.join(', ')} at ${at}`;
}

export const TYPE_LABELS: Readonly<Record<SnapshotKind, string>> = {
  snapshot: 'Disk snapshots',
  checkpoint: 'Disk and memory snapshots',
  snapshot_with_quiesce: 'Quiesced disk snapshots',
};

/**
 * When the policy runs next after Unix time `now` (UTC; xapi's hosts keep the
 * pool's time): the first minute matching the schedule. undefined when disabled.
 */
export function nextRun(frequency: Frequency, schedule: Readonly<Record<string, string>>, now: number): number {
  const min = Number(schedule['min'] ?? '0');
  if (frequency === 'hourly') {
    const t = Math.floor(now / 3600) * 3600 + min * 60;
    return t > now ? t : t + 3600;
  }
  const hour = Number(schedule['hour'] ?? '0');
  const wanted = new Set((schedule['days'] ?? 'Monday').split(','));
  const dayStart = Math.floor(now / 86400) * 86400;
  for (let d = 0; d <= 8; d++) {
    const t = dayStart + d * 86400 + hour * 3600 + min * 60;
    if (t <= now) continue;
    // 1970-01-01 was a Thursday (index 3 from Monday).
    const weekday = DAYS[(Math.floor(t / 86400) + 3) % 7] ?? 'Monday';
    if (frequency === 'daily' || wanted.has(weekday)) return t;
  }
  return now + 7 * 86400;
}

export interface Call {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** The calls that make the policy and put the VMs in it ('$vmss' stands for the new policy's ref). */
export function createCalls(form: VmssForm, runNow: boolean): Call[] {
  const calls: Call[] = [
    {
      method: 'VMSS.create',
      args: [
        {
          name_label: form.name.trim(),
          name_description: form.description,
          enabled: form.enabled,
          type: form.type,
          retained_snapshots: parseRetained(form.retained) ?? RETAINED_MIN,
          frequency: form.frequency,
          schedule: scheduleOf(form),
        },
      ],
    },
  ];
  for (const vm of form.vms) calls.push({ method: 'VM.set_snapshot_schedule', args: [vm, '$vmss'] });
  if (runNow && form.vms.length > 0) calls.push({ method: 'VMSS.snapshot_now', args: ['$vmss'] });
  return calls;
}

/** The calls that turn `record` into `form` (only what changed). */
export function editCalls(ref: string, record: RecordOf<'VMSS'>, form: VmssForm): Call[] {
  const calls: Call[] = [];
  const name = form.name.trim();
  if (name !== record.name_label) calls.push({ method: 'VMSS.set_name_label', args: [ref, name] });
  if (form.description !== record.name_description) calls.push({ method: 'VMSS.set_name_description', args: [ref, form.description] });
  if (form.type !== record.type) calls.push({ method: 'VMSS.set_type', args: [ref, form.type] });
  const retained = parseRetained(form.retained);
  if (retained !== undefined && retained !== record.retained_snapshots) calls.push({ method: 'VMSS.set_retained_snapshots', args: [ref, retained] });
  const schedule = scheduleOf(form);
  // set_frequency fits the old schedule to the new frequency; set_schedule then gives the wanted one.
  if (form.frequency !== record.frequency) calls.push({ method: 'VMSS.set_frequency', args: [ref, form.frequency] });
  if (form.frequency !== record.frequency || !sameMap(schedule, record.schedule)) calls.push({ method: 'VMSS.set_schedule', args: [ref, schedule] });
  for (const vm of record.VMs) if (!form.vms.includes(vm)) calls.push({ method: 'VM.set_snapshot_schedule', args: [vm, 'OpaqueRef:NULL'] });
  for (const vm of form.vms) if (!record.VMs.includes(vm)) calls.push({ method: 'VM.set_snapshot_schedule', args: [vm, ref] });
  if (form.enabled !== record.enabled) calls.push({ method: 'VMSS.set_enabled', args: [ref, form.enabled] });
  return calls;
}

function sameMap(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
