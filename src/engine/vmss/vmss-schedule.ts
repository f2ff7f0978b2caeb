// A VMSS schedule (xapi_vmss.ml): which keys each frequency takes, their
// checks and defaults, and the next time a policy is due on the virtual clock
// (UTC: the simulated pool's hosts keep UTC).
import { xenError } from '../../xapi/errors';

export const SCHEDULE_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const MINUTES = ['0', '15', '30', '45'];

const KEYS: Readonly<Record<string, readonly string[]>> = {
  hourly: ['min'],
  daily: ['hour', 'min'],
  weekly: ['hour', 'min', 'days'],
};
const DEFAULTS: Readonly<Record<string, string>> = { hour: '0', min: '0', days: 'Monday' };

function checkKey(key: string, value: string): void {
  const bad = () => xenError('INVALID_VALUE', `schedule:${key}`, value);
  if (key === 'min') {
    if (!MINUTES.includes(value)) throw bad();
  } else if (key === 'hour') {
    if (!/^\d{1,2}$/.test(value) || Number(value) > 23) throw bad();
  } else if (key === 'days') {
    const days = value.split(',');
    if (value === '' || days.some((d) => !(SCHEDULE_DAYS as readonly string[]).includes(d))) throw bad();
  } else throw bad();
}

/** Check a schedule's values and fit it to `frequency`: its keys only, missing ones defaulted. */
export function normalizeSchedule(frequency: string, schedule: Readonly<Record<string, string>>): Record<string, string> {
  const keys = KEYS[frequency];
  if (keys === undefined) throw xenError('INVALID_VALUE', 'frequency', frequency);
  for (const [k, v] of Object.entries(schedule)) checkKey(k, v);
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = schedule[k] ?? DEFAULTS[k] ?? '0';
  return out;
}

/** Check keys given to set_schedule/add_to_schedule (any frequency's keys). */
export function assertScheduleKeys(schedule: Readonly<Record<string, string>>): void {
  for (const [k, v] of Object.entries(schedule)) checkKey(k, v);
}

export function assertRetained(value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 10) throw xenError('INVALID_VALUE', 'retained_snapshots', String(value));
}

/** The first Unix time after `after` at which the schedule is due. */
export function nextDue(frequency: string, schedule: Readonly<Record<string, string>>, after: number): number {
  const s = normalizeSchedule(frequency, schedule);
  const min = Number(s['min']);
  if (frequency === 'hourly') {
    const hourStart = Math.floor(after / 3600) * 3600;
    const t = hourStart + min * 60;
    return t > after ? t : t + 3600;
  }
  const hour = Number(s['hour']);
  const dayStart = Math.floor(after / 86400) * 86400;
  const wanted = frequency === 'weekly' ? new Set((s['days'] ?? 'Monday').split(',')) : undefined;
  for (let d = 0; d <= 8; d++) {
    const t = dayStart + d * 86400 + hour * 3600 + min * 60;
    if (t <= after) continue;
    // 1970-01-01 was a Thursday (index 3 from Monday).
    const weekday = SCHEDULE_DAYS[(Math.floor(t / 86400) + 3) % 7] as string;
    if (wanted === undefined || wanted.has(weekday)) return t;
  }
  return after + 7 * 86400; // unreachable: some day of a week matches
}
